import { describe, expect, it } from 'vitest';
import { demoPlantProvider, demoPlantWriteRules } from '../../electron/demo-plant/demo-plant-write-rules';
import { editableWorkOrderFields, missingFields, writeCapabilities } from '../../shared/write-capabilities';

describe('writeCapabilities', () => {
  it('asks of a demo-plant draft exactly what the demo plant requires, and offers only fields it takes', () => {
    const capabilities = writeCapabilities(demoPlantProvider);
    expect([...capabilities.createWorkOrderRequired].sort()).toEqual([...demoPlantWriteRules.createWorkOrder.required].sort());
    expect([...capabilities.createPurchaseOrderRequired].sort()).toEqual([...demoPlantWriteRules.createPurchaseOrder.required].sort());
    for (const field of capabilities.updateWorkOrderFields) expect(demoPlantWriteRules.updateWorkOrder.fields).toContain(field);
  });

  it('follows Makini\'s platform notes, whatever the provider is called', () => {
    expect(writeCapabilities('MAINTAIN-X')).toMatchObject({ label: 'MaintainX', createWorkOrderRequired: ['siteKey', 'title'], updateWorkOrderRequired: ['siteKey', 'title'] });
    expect(writeCapabilities('eMaint').createWorkOrderRequired).toEqual(['assetKey', 'title', 'scheduledAt']);
    expect(writeCapabilities('SERVICE-CHANNEL').actions).not.toContain('createWorkOrder');
    expect(writeCapabilities('SAP')).toMatchObject({ label: 'SAP', updateWorkOrderFields: editableWorkOrderFields });
    expect(writeCapabilities(null).label).toBe('Unknown system');
  });

  it('names the required fields a draft lacks, blanks included', () => {
    expect(missingFields(['title', 'siteKey', 'assetKey'], { title: 'Leak', siteKey: '', assetKey: null })).toEqual(['siteKey', 'assetKey']);
  });
});
