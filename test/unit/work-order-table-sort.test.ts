import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../shared/domain/work-order';
import type { WorkOrderSummary } from '../../shared/domain/work-order-summary';
import { workOrderRecord } from '../support/work-order-record';
import { columnById, sortWorkOrders, type TableNames } from '../../renderer/features/board/work-order-table-columns';
import { tableColumnIds } from '../../renderer/stores/board-layout-store';

const names: TableNames = {
  assets: new Map([['c\u0000a1', 'Boiler'], ['c\u0000a2', 'air compressor']]),
  locations: new Map(),
  sites: new Map(),
  teams: new Map(),
  labors: new Map(),
  statuses: new Map(),
  plants: new Map([['c', 'North']]),
};
const workOrder = (code: string, fields: Partial<WorkOrder> = {}) => workOrderRecord(code, fields);
const now = Date.parse('2026-12-04T00:00:00Z');
const codes = (list: readonly WorkOrderSummary[]) => list.map((w) => w.code);

describe('sorting the table', () => {
  const list = [
    workOrder('WO-3', { dueAt: '2026-12-05T00:00:00Z', severity: 'High', assetKey: 'a1' }),
    workOrder('WO-1', { dueAt: null, severity: 'Critical', assetKey: 'a2' }),
    workOrder('WO-2', { dueAt: '2026-12-01T00:00:00Z', severity: 'Low' }),
    workOrder('WO-4', { dueAt: '2026-12-05T00:00:00Z', severity: null, assetKey: 'a2' }),
  ];

  it('puts rows without a value last either way, and breaks ties by code', () => {
    expect(codes(sortWorkOrders(list, { column: 'due', direction: 'ascending' }, names, now))).toEqual(['WO-2', 'WO-3', 'WO-4', 'WO-1']);
    expect(codes(sortWorkOrders(list, { column: 'due', direction: 'descending' }, names, now))).toEqual(['WO-3', 'WO-4', 'WO-2', 'WO-1']);
  });

  it('orders severities by weight and names without regard to case', () => {
    expect(codes(sortWorkOrders(list, { column: 'severity', direction: 'descending' }, names, now))).toEqual(['WO-1', 'WO-3', 'WO-2', 'WO-4']);
    expect(codes(sortWorkOrders(list, { column: 'asset', direction: 'ascending' }, names, now))).toEqual(['WO-1', 'WO-4', 'WO-3', 'WO-2']);
  });

  it('answers a permutation of its input in the column\'s order (no value last, ties by code), the same whatever the input order', () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.log(`table sort property: seed ${seed} (FC_SEED=${seed} repeats it)`);
    const iso = fc.option(fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2027-01-01') }).map((ms) => new Date(ms).toISOString()), { nil: null });
    const row = fc.record({ dueAt: iso, scheduledAt: iso, createdAt: iso, severity: fc.constantFrom(null, 'Low', 'Medium', 'High', 'Critical', 'Odd') });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom(...tableColumnIds), fc.constantFrom('ascending' as const, 'descending' as const), (rows, column, direction) => {
        const records = rows.map((fields, index) => workOrder(`WO-${String(index).padStart(3, '0')}`, fields));
        const sorted = sortWorkOrders(records, { column, direction }, names, now);
        expect([...codes(sorted)].sort()).toEqual(codes(records).sort());
        expect(codes(sortWorkOrders([...records].reverse(), { column, direction }, names, now))).toEqual(codes(sorted));
        const keyOf = (w: WorkOrderSummary) => columnById.get(column)!.sortKey(w, names, now);
        for (let i = 1; i < sorted.length; i += 1) {
          const [a, b] = [keyOf(sorted[i - 1]!), keyOf(sorted[i]!)];
          if (a === null) expect(b).toBeNull();
          else if (b !== null && a !== b) expect(direction === 'ascending' ? a < b : a > b).toBe(true);
          if (a === b) expect(sorted[i - 1]!.code < sorted[i]!.code).toBe(true);
        }
      }),
      { seed, verbose: true },
    );
  });
});
