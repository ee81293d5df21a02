import { describe, expect, it } from 'vitest';
import type { Meter } from '../../shared/domain/meter';
import type { MeterReading } from '../../shared/domain/meter-reading';
import type { PmPlan, PmTrigger } from '../../shared/domain/pm-plan';
import type { WorkOrder } from '../../shared/domain/work-order';
import { projectPmPlans } from '../../shared/schedule/pm-occurrences';

const day = 86_400_000;
const now = Date.UTC(2026, 2, 10, 12);
const base = { connectionId: 'c', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null };
const trigger = (fields: Partial<PmTrigger>): PmTrigger => ({ type: 'time', interval: '1', recurring: 'weeks', condition: null, meterKey: null, ...fields });
const plan = (key: string, fields: Partial<PmPlan>): PmPlan => ({
  ...base,
  key,
  title: `Plan ${key}`,
  siteKey: 's',
  teamKey: 't',
  assetKeys: ['a1'],
  status: 'Active',
  severity: null,
  estimatedTime: '1.5',
  dueAt: new Date(now + day).toISOString(),
  triggers: [trigger({})],
  ...fields,
});
const workOrder = (key: string, fields: Partial<WorkOrder>): WorkOrder => ({
  ...base,
  key,
  code: key,
  title: key,
  statusKey: null,
  status: null,
  siteKey: 's',
  locationKey: null,
  assetKey: 'a1',
  teamKey: 't',
  laborAssignedKey: null,
  pmKey: null, serviceRequestKey: null, estimatedTime: null, actualTime: null, completionRemarks: null,
  severity: null,
  notes: null,
  scheduledAt: null,
  dueAt: null,
  completedAt: null,
  createdAt: null,
  tasks: [],
  ...fields,
});
const input = (plans: PmPlan[], extra: { workOrders?: WorkOrder[]; meters?: Meter[]; readings?: MeterReading[] } = {}) => ({
  plans,
  workOrders: extra.workOrders ?? [],
  meters: extra.meters ?? [],
  readings: extra.readings ?? [],
  windowStart: now - 2 * day,
  windowEnd: now + 21 * day,
  now,
});

describe('projectPmPlans', () => {
  it('projects each active plan on each of its assets, leaving out what open work orders of the plan stand for', () => {
    const weekly = plan('p1', { assetKeys: ['a1', 'a2'] });
    const { occurrences, notices } = projectPmPlans(
      input([weekly, plan('p2', { status: 'Inactive' })], {
        workOrders: [workOrder('w1', { pmKey: 'p1', dueAt: new Date(now + 8 * day).toISOString() })],
      }),
    );
    expect(notices).toEqual([]);
    expect(occurrences.map((pm) => [pm.assetKey, (pm.at - now) / day, pm.hours, pm.overdue])).toEqual([
      ['a1', 1, 1.5, false],
      ['a2', 1, 1.5, false],
      ['a1', 15, 1.5, false],
      ['a2', 15, 1.5, false],
    ]);
  });

  it('counts floating plans from the last completion of their work orders, keeping one overdue occurrence', () => {
    const floating = plan('p1', { triggers: [trigger({ condition: 'floating' })], dueAt: null });
    const { occurrences } = projectPmPlans(
      input([floating], {
        workOrders: [
          workOrder('w1', { pmKey: 'p1', completedAt: new Date(now - 30 * day).toISOString() }),
          workOrder('w2', { pmKey: 'p1', completedAt: new Date(now - 9 * day).toISOString() }),
        ],
      }),
    );
    expect(occurrences.map((pm) => [(pm.at - now) / day, pm.overdue])).toEqual([
      [-2, true],
      [7, false],
      [14, false],
    ]);
  });

  it('dates meter-based plans by the reading rate, and says which plans it cannot place', () => {
    const readings: MeterReading[] = [0, 10, 20].map((i) => ({ ...base, key: `r${i}`, updatedAt: new Date(now - (20 - i) * day).toISOString(), meterKey: 'm1', assetKey: 'a1', reading: 1000 + i * 10 }));
    const meter: Meter = { ...base, key: 'm1', siteKey: 's', assetKeys: ['a1'], uomName: 'h', lastReading: 1200, lastReadingAt: new Date(now).toISOString() };
    const { occurrences, notices } = projectPmPlans(
      input(
        [
          plan('p1', { triggers: [trigger({ type: 'meter', interval: '250', recurring: 'hours', meterKey: 'm1' })] }),
          plan('p2', { triggers: [trigger({ type: 'meter', interval: '250', recurring: 'hours', meterKey: 'm9' })] }),
          plan('p3', { triggers: [trigger({ recurring: 'fortnights' })] }),
          plan('p4', { dueAt: null }),
        ],
        { meters: [meter], readings },
      ),
    );
    expect(occurrences.map((pm) => [pm.planKey, pm.meter?.dueReading, (pm.at - now) / day])).toEqual([['p1', 1250, 5]]); // 50 h to go at 10 h a day
    expect(occurrences[0]!.meter).toMatchObject({ uomName: 'h', ratePerDay: 10, last: { value: 1200 } });
    expect(notices.map((notice) => [notice.planKey, notice.message])).toEqual([
      ['p2', 'is due every 250 hours, but its meter has no readings yet'],
      ['p3', 'trigger 1 cannot be projected: “fortnights” is not a calendar unit'],
      ['p4', 'has no due date to count every week from'],
    ]);
  });
});
