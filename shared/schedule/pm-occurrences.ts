import type { Meter } from '../domain/meter';
import type { MeterReading } from '../domain/meter-reading';
import type { PmPlan } from '../domain/pm-plan';
import type { WorkOrderSummary } from '../domain/work-order-summary';
import { recordId } from './asset-hierarchy';
import { projectMeterTrigger, type ReadingPoint } from './meter-projection';
import { approximateIntervalMs, projectTimeTrigger, uncoveredOccurrences } from './pm-projection';
import { describeRule, readTrigger, type TriggerRule } from './pm-trigger';
import { estimatedHours } from './work-order-booking';

/** One projected occurrence of a PM plan on one of its assets. */
export interface ProjectedPm {
  id: string;
  connectionId: string;
  planKey: string;
  assetKey: string;
  title: string;
  teamKey: string | null;
  /** The plan's estimate; null when it has none. */
  hours: number | null;
  /** When it is due (epoch ms). */
  at: number;
  /** Due before now. */
  overdue: boolean;
  rule: Exclude<TriggerRule, { kind: 'unreadable' }>;
  /** For meter-based triggers: the reading it is due at and what the projection knew. */
  meter: { meterKey: string; uomName: string | null; dueReading: number; last: ReadingPoint | null; ratePerDay: number | null } | null;
}

/** A plan (or trigger) the schedule cannot place, and why. */
export interface PlanNotice {
  connectionId: string;
  planKey: string;
  title: string;
  message: string;
}

export interface PmProjectionInput {
  plans: readonly PmPlan[];
  workOrders: readonly WorkOrderSummary[];
  meters: readonly Meter[];
  readings: readonly MeterReading[];
  windowStart: number;
  windowEnd: number;
  now: number;
}

const asNumber = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);

/**
 * The PM occurrences of active plans within the window (and the overdue ones before it), per asset,
 * from each plan's triggers (see pm-projection.ts and meter-projection.ts). An occurrence an open
 * work order of the plan already stands for is left to that work order's bar.
 */
export function projectPmPlans({ plans, workOrders, meters, readings, windowStart, windowEnd, now }: PmProjectionInput): { occurrences: ProjectedPm[]; notices: PlanNotice[] } {
  const lastCompletion = new Map<string, number>();
  const openTimes = new Map<string, number[]>();
  for (const workOrder of workOrders) {
    if (workOrder.pmKey === null) continue;
    const id = recordId(workOrder.connectionId, workOrder.pmKey);
    if (workOrder.completedAt !== null) {
      const done = Date.parse(workOrder.completedAt);
      if (!Number.isNaN(done) && done > (lastCompletion.get(id) ?? -Infinity)) lastCompletion.set(id, done);
    } else {
      const time = Date.parse(workOrder.dueAt ?? workOrder.scheduledAt ?? '');
      if (Number.isNaN(time)) continue;
      const list = openTimes.get(id);
      if (list) list.push(time);
      else openTimes.set(id, [time]);
    }
  }
  const meterById = new Map(meters.map((meter) => [recordId(meter.connectionId, meter.key), meter]));
  const readingsByMeter = new Map<string, ReadingPoint[]>();
  for (const reading of readings) {
    const value = asNumber(reading.reading);
    if (reading.meterKey === null || value === null) continue;
    const at = Date.parse(reading.updatedAt);
    if (Number.isNaN(at)) continue;
    const id = recordId(reading.connectionId, reading.meterKey);
    const list = readingsByMeter.get(id);
    if (list) list.push({ at, value });
    else readingsByMeter.set(id, [{ at, value }]);
  }

  const occurrences: ProjectedPm[] = [];
  const notices: PlanNotice[] = [];
  for (const plan of plans) {
    if (plan.status !== null && !/^(active|enabled|open|approved)$/i.test(plan.status.trim())) continue;
    const id = recordId(plan.connectionId, plan.key);
    const notice = (message: string) => notices.push({ connectionId: plan.connectionId, planKey: plan.key, title: plan.title, message });
    if (plan.assetKeys.length === 0) continue;
    if (plan.triggers.length === 0) notice('has no triggers');
    const completed = lastCompletion.get(id) ?? null;
    const open = openTimes.get(id) ?? [];
    const hours = estimatedHours(plan.estimatedTime);
    const add = (rule: ProjectedPm['rule'], index: number, at: number, meter: ProjectedPm['meter']) => {
      if (at >= windowEnd || (at < windowStart && at >= now)) return;
      for (const assetKey of plan.assetKeys) {
        occurrences.push({ id: `${id}\u0000${assetKey}\u0000${index}`, connectionId: plan.connectionId, planKey: plan.key, assetKey, title: plan.title, teamKey: plan.teamKey, hours, at, overdue: at < now, rule, meter });
      }
    };
    plan.triggers.forEach((trigger, triggerIndex) => {
      const rule = readTrigger(trigger);
      if (rule.kind === 'unreadable') {
        notice(`trigger ${triggerIndex + 1} ${describeRule(rule)}`);
        return;
      }
      if (rule.kind === 'time') {
        const projection = projectTimeTrigger(rule, {
          planDueAt: plan.dueAt,
          lastCompletedAt: completed === null ? null : new Date(completed).toISOString(),
          now: new Date(now),
          until: new Date(windowEnd),
        });
        if (!projection) {
          notice(`has no due date to count ${describeRule(rule)} from`);
          return;
        }
        uncoveredOccurrences(projection.occurrences, open, approximateIntervalMs(rule)).forEach((due, i) => add(rule, triggerIndex * 1000 + i, due.getTime(), null));
        return;
      }
      const meter = meterById.get(recordId(plan.connectionId, rule.meterKey));
      const points = [...(readingsByMeter.get(recordId(plan.connectionId, rule.meterKey)) ?? [])];
      if (meter && meter.lastReading !== null && meter.lastReadingAt !== null) {
        const at = Date.parse(meter.lastReadingAt);
        if (!Number.isNaN(at) && !points.some((point) => point.at === at)) points.push({ at, value: meter.lastReading });
      }
      const projection = projectMeterTrigger({ every: rule.every, readings: points, lastCompletedAt: completed, until: windowEnd });
      if (!projection.last) {
        notice(`is due ${describeRule(rule)}, but its meter has no readings yet`);
        return;
      }
      const intervalMs = projection.ratePerDay === null ? 0 : (rule.every / projection.ratePerDay) * 86_400_000;
      projection.dues.forEach((due, i) => {
        if (due.at === null) {
          if (i === 0) notice(`is due at reading ${due.reading}; the meter's readings give no rate to date it by`);
          return;
        }
        if (open.some((time) => Math.abs(time - due.at!) < intervalMs / 2)) return;
        add(rule, triggerIndex * 1000 + i, due.at, {
          meterKey: rule.meterKey,
          uomName: meter?.uomName ?? rule.unitName,
          dueReading: due.reading,
          last: projection.last,
          ratePerDay: projection.ratePerDay,
        });
      });
    });
  }
  return { occurrences, notices };
}
