import { describe, expect, it } from 'vitest';
import { activeCriteria, emptyWorkOrderFilter, recordId, workOrderMatcher, type WorkOrderFilter } from '../../shared/board/work-order-filter';
import type { WorkOrder } from '../../shared/domain/work-order';

const now = new Date(2026, 2, 10, 15, 0).toISOString(); // 10 March, 15:00 local time
const at = (day: number, hour = 12) => new Date(2026, 2, day, hour).toISOString();

function wo(fields: Partial<WorkOrder> & { key: string }): WorkOrder {
  return {
    connectionId: 'a', code: `WO-${fields.key}`, title: '', statusKey: 's1', status: null, siteKey: null, locationKey: null, assetKey: null,
    teamKey: null, laborAssignedKey: null, pmKey: null, serviceRequestKey: null, estimatedTime: null, actualTime: null, completionRemarks: null, severity: null, notes: null, scheduledAt: null, dueAt: null, completedAt: null,
    createdAt: null, tasks: [], updatedAt: now, deletedAt: null, ...fields,
  };
}

const workOrders = [
  wo({ key: '1', title: 'Replace bearing', assetKey: 'pump', siteKey: 'north', severity: 'High', dueAt: at(9), laborAssignedKey: 'ann', teamKey: 'mech' }),
  wo({ key: '2', title: 'Inspect belt', assetKey: 'conveyor', siteKey: 'south', severity: 'Low', dueAt: at(10, 20) }),
  wo({ key: '3', title: 'Calibrate sensor', assetKey: 'pump', siteKey: 'north', dueAt: at(15), completedAt: at(8) }),
  wo({ key: '4', title: 'Lubricate', siteKey: 'north', dueAt: null }),
  wo({ key: '5', connectionId: 'b', title: 'Replace bearing', siteKey: 'north', dueAt: at(30) }),
];
const assetNames = new Map([
  [recordId('a', 'pump'), 'Pompe à eau P-101'],
  [recordId('a', 'conveyor'), 'Conveyor C-7'],
]);
const keysOf = (filter: Partial<WorkOrderFilter>, pending: string[] = []) => {
  const match = workOrderMatcher({ ...emptyWorkOrderFilter, ...filter }, { nowIso: now, assetNames, pending: new Set(pending), isOpen: (w) => w.completedAt === null });
  return workOrders.filter(match).map((w) => `${w.connectionId}${w.key}`);
};

describe('workOrderMatcher', () => {
  it('lets everything through with no criteria', () => {
    expect(keysOf({})).toEqual(['a1', 'a2', 'a3', 'a4', 'b5']);
  });

  it('searches code, title and asset name, every word, case and accents aside', () => {
    expect(keysOf({ text: 'WO-2' })).toEqual(['a2']);
    expect(keysOf({ text: 'bearing' })).toEqual(['a1', 'b5']);
    expect(keysOf({ text: 'pompe' })).toEqual(['a1', 'a3']);
    expect(keysOf({ text: 'a eau  CALIBRATE' })).toEqual(['a3']);
    expect(keysOf({ text: 'conveyor bearing' })).toEqual([]);
  });

  it('filters by site, asset, team and assignee of the right plant', () => {
    expect(keysOf({ siteIds: [recordId('a', 'north')] })).toEqual(['a1', 'a3', 'a4']);
    expect(keysOf({ siteIds: [recordId('a', 'north'), recordId('b', 'north')] })).toEqual(['a1', 'a3', 'a4', 'b5']);
    expect(keysOf({ assetIds: [recordId('a', 'conveyor')] })).toEqual(['a2']);
    expect(keysOf({ teamIds: [recordId('a', 'mech')] })).toEqual(['a1']);
    expect(keysOf({ assigneeIds: [recordId('a', 'ann')] })).toEqual(['a1']);
    expect(keysOf({ assigneeIds: [recordId('a', null)] })).toEqual(['a2', 'a3', 'a4']);
  });

  it('filters by severity', () => {
    expect(keysOf({ severities: ['High', 'Low'] })).toEqual(['a1', 'a2']);
  });

  it('picks open work past due, and due windows that end at local midnight', () => {
    expect(keysOf({ overdueOnly: true })).toEqual(['a1']);
    expect(keysOf({ due: 'today' })).toEqual(['a1', 'a2']);
    expect(keysOf({ due: 'next7' })).toEqual(['a1', 'a2', 'a3']);
    expect(keysOf({ due: 'next30' })).toEqual(['a1', 'a2', 'a3', 'b5']);
    expect(keysOf({ due: 'none' })).toEqual(['a4']);
  });

  it('leaves out of Overdue what the board says is done, completion date or not, and keeps reopened work in', () => {
    const match = workOrderMatcher({ ...emptyWorkOrderFilter, overdueOnly: true }, { nowIso: now, assetNames, pending: new Set(), isOpen: (w) => w.key !== '1' });
    expect(workOrders.filter(match).map((w) => w.key)).toEqual([]);
    const reopened = wo({ key: '6', dueAt: at(9), completedAt: at(8) });
    const openByStatus = workOrderMatcher({ ...emptyWorkOrderFilter, overdueOnly: true }, { nowIso: now, assetNames, pending: new Set(), isOpen: () => true });
    expect(openByStatus(reopened)).toBe(true);
  });

  it('picks the work orders with unsent edits', () => {
    expect(keysOf({ pendingOnly: true }, [recordId('b', '5')])).toEqual(['b5']);
  });

  it('combines criteria and counts them', () => {
    const filter = { ...emptyWorkOrderFilter, text: 'bearing', siteIds: [recordId('a', 'north')], overdueOnly: true };
    expect(keysOf(filter)).toEqual(['a1']);
    expect(activeCriteria(filter)).toBe(3);
    expect(activeCriteria(emptyWorkOrderFilter)).toBe(0);
  });
});
