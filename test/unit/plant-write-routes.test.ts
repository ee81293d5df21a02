import { describe, expect, it } from 'vitest';
import { demoPlantWriteRules, type DemoPlantWriteOperation } from '../../electron/demo-plant/demo-plant-write-rules';
import { matchWriteRoute } from '../../electron/demo-plant/plant-writes';

describe('matchWriteRoute', () => {
  it('finds every route of the write rules, with the keys its path names', () => {
    for (const [operation, rule] of Object.entries(demoPlantWriteRules) as [DemoPlantWriteOperation, (typeof demoPlantWriteRules)[DemoPlantWriteOperation]][]) {
      const eamPath = rule.path.slice('/api/eam/'.length).replace('{key}', 'K1').replace('{materialKey}', 'M1');
      const matched = matchWriteRoute(rule.method, eamPath);
      expect(matched, operation).toEqual({
        operation,
        key: rule.path.includes('{key}') ? 'K1' : null,
        pathKeys: rule.path.includes('{materialKey}') ? { materialKey: 'M1' } : {},
      });
    }
  });

  it('tells a work order’s parts routes apart from its own, decoding keys', () => {
    expect(matchWriteRoute('POST', 'work-orders/07000000000001/materials')).toEqual({ operation: 'addWorkOrderMaterial', key: '07000000000001', pathKeys: {} });
    expect(matchWriteRoute('PUT', 'work-orders/07%2F1/materials/11%20A')).toEqual({ operation: 'updateWorkOrderMaterial', key: '07/1', pathKeys: { materialKey: '11 A' } });
    expect(matchWriteRoute('PUT', 'work-orders/07000000000001')).toMatchObject({ operation: 'updateWorkOrder', pathKeys: {} });
  });

  it('answers method-not-allowed for a write path with another method, and null for other paths', () => {
    expect(matchWriteRoute('PUT', 'work-orders/07000000000001/materials')).toBe('method-not-allowed');
    expect(matchWriteRoute('DELETE', 'work-orders/07000000000001/materials/11000000000001')).toBe('method-not-allowed');
    expect(matchWriteRoute('POST', 'work-orders/07000000000001/materials/11000000000001/extra')).toBeNull();
    expect(matchWriteRoute('PUT', 'work-orders/07000000000001/materials/%E0%A4%A')).toBeNull();
  });
});
