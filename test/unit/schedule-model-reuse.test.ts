import { describe, expect, it } from 'vitest';
import type { PmPlan } from '../../shared/domain/pm-plan';
import { scheduleWindow } from '../../shared/schedule/schedule-window';
import { sameScheduleRow } from '../../renderer/features/schedule/same-schedule-row';
import { buildScheduleModel, type ScheduleModel, type ScheduleRow, type WorkOrderBar } from '../../renderer/features/schedule/schedule-model';
import type { ScheduleData } from '../../renderer/features/schedule/use-schedule-data';
import { workOrderRecord } from '../support/work-order-record';

// The model is built anew with every change to the cache; what it works out per record is kept
// beside the record's object, and a row drawn the same as before is not drawn again.
const now = new Date('2026-12-02T12:00:00Z').getTime();
const base = { connectionId: 'c', updatedAt: '2026-12-01T00:00:00Z', deletedAt: null };
const plan = (estimatedTime: string): PmPlan => ({
  ...base, key: 'p1', title: 'Monthly check', siteKey: 's1', teamKey: 't1', assetKeys: [], status: 'Active', severity: null, estimatedTime, dueAt: null, triggers: [],
});
const workOrders = () => [
  workOrderRecord('1', { code: 'WO-1', siteKey: 's1', assetKey: 'a', teamKey: 't1', scheduledAt: '2026-12-03T08:00:00Z', dueAt: '2026-12-04T08:00:00Z', pmKey: 'p1' }),
  workOrderRecord('2', { code: 'WO-2', siteKey: 's1', assetKey: 'b', teamKey: 't1', scheduledAt: '2026-12-05T08:00:00Z', dueAt: '2026-12-06T08:00:00Z' }),
];
const data = (fields: Partial<ScheduleData> = {}): ScheduleData => ({
  sites: [{ ...base, key: 's1', code: null, name: 'North' }],
  locations: [],
  assets: ['a', 'b'].map((key) => ({ ...base, key, name: `Pump ${key}`, siteKey: 's1', locationKey: null, parentKey: null, categoryName: null, criticality: null, isActive: true })),
  teams: [{ ...base, key: 't1', name: 'Mechanics', code: null }],
  labors: [],
  pmPlans: [plan('3')],
  meters: [],
  meterReadings: [],
  workOrders: workOrders(),
  workOrderStatuses: [],
  assetDowntimes: [],
  ...fields,
});
const window = scheduleWindow(new Date(now), 4);
const build = (input: ScheduleData): ScheduleModel => buildScheduleModel(input, window, { search: '', onlyWithWork: false }, now);
const assetRow = (model: ScheduleModel, key: string) => model.rows.find((row) => row.kind === 'asset' && row.asset.key === key) as Extract<ScheduleRow, { kind: 'asset' }>;
const bar = (model: ScheduleModel, key: string) => assetRow(model, key).bars[0] as WorkOrderBar;

describe('the schedule built again after a change', () => {
  it('draws every row the same when nothing changed, and only the changed asset anew when one work order did', () => {
    const first = data();
    const before = build(first);
    const again = build({ ...first });
    expect(again.rows).not.toBe(before.rows);
    expect(again.rows.every((row, index) => sameScheduleRow(before.rows[index]!, row))).toBe(true);

    const moved = { ...first.workOrders[1]!, scheduledAt: '2026-12-07T08:00:00Z', dueAt: '2026-12-08T08:00:00Z' };
    const after = build({ ...first, workOrders: [first.workOrders[0]!, moved] });
    expect(after.rows.filter((row, index) => !sameScheduleRow(before.rows[index]!, row)).map((row) => row.id)).toEqual([assetRow(after, 'b').id]);
    expect(bar(after, 'b').start).toBe(Date.parse('2026-12-07T08:00:00Z'));
    expect(bar(after, 'b').left).toBeGreaterThan(bar(before, 'b').left);
  });

  it("follows a PM plan's new estimate for the same work order object", () => {
    const first = data();
    expect(bar(build(first), 'a').hours).toBe(3);
    const changed = build({ ...first, pmPlans: [plan('5')] });
    expect(bar(changed, 'a').hours).toBe(5);
    expect(changed.loads.find((load) => load.name === 'Mechanics')!.hours.reduce((sum, hours) => sum + hours, 0)).toBe(5 + 2);
    expect(sameScheduleRow(assetRow(build(first), 'a'), assetRow(changed, 'a'))).toBe(false);
  });

  it('tells rows apart by what they draw: a status, a conflict, a lane', () => {
    const first = data();
    const before = build(first);
    const done = build({ ...first, workOrders: [{ ...first.workOrders[0]!, completedAt: '2026-12-02T10:00:00Z' }, first.workOrders[1]!] });
    expect(bar(done, 'a').done).toBe(true);
    expect(sameScheduleRow(assetRow(before, 'a'), assetRow(done, 'a'))).toBe(false);
    const clash = workOrderRecord('3', { code: 'WO-3', siteKey: 's1', assetKey: 'a', teamKey: 't1', scheduledAt: '2026-12-03T09:00:00Z', dueAt: '2026-12-04T08:00:00Z' });
    const clashing = build({ ...first, workOrders: [...first.workOrders, clash] });
    expect(assetRow(clashing, 'a').conflicts).toBe(2);
    expect(assetRow(clashing, 'a').bars.map((b) => (b as WorkOrderBar).conflictsWith)).toEqual([['WO-3'], ['WO-1']]);
    expect(sameScheduleRow(assetRow(before, 'a'), assetRow(clashing, 'a'))).toBe(false);
    expect(sameScheduleRow(assetRow(before, 'b'), assetRow(clashing, 'b'))).toBe(true);
  });
});
