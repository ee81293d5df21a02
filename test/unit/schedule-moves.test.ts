import { addDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { scheduleWindow } from '../../shared/schedule/schedule-window';
import { buildScheduleModel, type ScheduleRow, type WorkOrderBar } from '../../renderer/features/schedule/schedule-model';
import { moveArrived, withPendingMoves } from '../../renderer/features/schedule/schedule-moves';
import type { ScheduleData } from '../../renderer/features/schedule/use-schedule-data';
import { workOrderRecord } from '../support/work-order-record';

const now = new Date('2026-12-02T12:00:00Z').getTime();
const base = { connectionId: 'c', updatedAt: '2026-12-01T00:00:00Z', deletedAt: null };
const workOrder = (key: string, assetKey: string, scheduledAt: string) => workOrderRecord(key, { code: `WO-${key}`, title: `Job ${key}`, siteKey: 's1', assetKey, scheduledAt, createdAt: '2026-11-20T08:00:00Z' });
const data = (workOrders: ReturnType<typeof workOrder>[]): ScheduleData => ({
  sites: [{ ...base, key: 's1', code: null, name: 'North' }],
  locations: [],
  assets: ['a', 'b'].map((key) => ({ ...base, key, name: `Pump ${key}`, siteKey: 's1', locationKey: null, parentKey: null, categoryName: null, criticality: null, isActive: true })),
  teams: [],
  labors: [],
  pmPlans: [],
  meters: [],
  meterReadings: [],
  workOrders,
  workOrderStatuses: [],
  assetDowntimes: [],
});
const window = scheduleWindow(new Date(now), 4);
const barsOf = (rows: readonly ScheduleRow[], assetKey: string) => (rows.find((row) => row.kind === 'asset' && row.asset.key === assetKey) as Extract<ScheduleRow, { kind: 'asset' }>).bars as WorkOrderBar[];
const model = (workOrders: ReturnType<typeof workOrder>[]) => buildScheduleModel(data(workOrders), window, { search: '', onlyWithWork: false }, now);

describe('a reschedule drawn before the cache has it', () => {
  const before = model([workOrder('1', 'a', '2026-12-03T08:00:00Z'), workOrder('2', 'b', '2026-12-04T08:00:00Z')]);
  const bar = barsOf(before.rows, 'a')[0]!;

  it('stands where the same work order, moved in the cache, will be drawn', () => {
    const scheduledAt = addDays(bar.start, 2).toISOString();
    const shown = withPendingMoves(before.rows, new Map([[bar.id, { shift: 2, scheduledAt }]]), window);
    const after = model([workOrder('1', 'a', scheduledAt), workOrder('2', 'b', '2026-12-04T08:00:00Z')]);
    const moved = barsOf(shown, 'a')[0]!;
    const cached = barsOf(after.rows, 'a')[0]!;
    expect(moved.left).toBeCloseTo(cached.left, 12);
    expect(moved.width).toBeCloseTo(cached.width, 12);
    expect([moved.start, moved.end]).toEqual([cached.start, cached.end]);
    expect(moved.left).toBeGreaterThan(bar.left);
    // Only the moved asset's row is a new object; the cache's move is recognised when it comes.
    expect(shown.filter((row, index) => row !== before.rows[index])).toHaveLength(1);
    expect(moveArrived(cached, { shift: 2, scheduledAt })).toBe(true);
    expect(moveArrived(bar, { shift: 2, scheduledAt })).toBe(false);
  });

  it('leaves the window when moved past its end, and changes nothing without moves', () => {
    const shown = withPendingMoves(before.rows, new Map([[bar.id, { shift: 60, scheduledAt: addDays(bar.start, 60).toISOString() }]]), window);
    expect(barsOf(shown, 'a')).toEqual([]);
    expect(withPendingMoves(before.rows, new Map(), window)).toBe(before.rows);
  });
});
