import { add } from 'date-fns';
import type { CalendarUnit, TriggerRule } from './pm-trigger';

type TimeRule = Extract<TriggerRule, { kind: 'time' }>;

/** What a time-based projection starts from. Instants are ISO-8601 strings. */
export interface TimeProjectionInput {
  /** The plan's next due date as the source system has it. */
  planDueAt: string | null;
  /** The newest completion of a work order raised from the plan. */
  lastCompletedAt: string | null;
  now: Date;
  /** Occurrences are projected up to (not including) this instant. */
  until: Date;
}

export interface TimeProjection {
  /** Where the projection starts, and why. */
  basis: 'fixed-due-date' | 'floating-last-completion' | 'floating-due-date';
  occurrences: Date[];
}

/** At most this many occurrences per plan and window (a daily plan over twelve weeks is 84). */
export const maxOccurrences = 400;

const step = (unit: CalendarUnit, count: number) => ({ [unit]: count });

/**
 * The due dates of a time-based trigger, in the runtime's local time (a monthly plan due at 09:00
 * stays at 09:00 across daylight-saving changes; the 31st falls back to the month's last day).
 * - Fixed: the grid `planDueAt + k × interval`, k ≥ 0, whether or not earlier ones were done.
 * - Floating: the next due is the last completion + interval (the plan's due date when it was
 *   never completed); each later one is counted from the one before, or from now when that one is
 *   already overdue, as it cannot be completed earlier than now.
 * Null when there is nothing to start from.
 */
export function projectTimeTrigger(rule: TimeRule, input: TimeProjectionInput): TimeProjection | null {
  const { planDueAt, lastCompletedAt, now, until } = input;
  const interval = (count: number) => step(rule.unit, count * rule.every);
  if (rule.schedule === 'fixed') {
    if (planDueAt === null) return null;
    const anchor = new Date(planDueAt);
    const occurrences: Date[] = [];
    for (let k = 0; occurrences.length < maxOccurrences; k++) {
      // Each one from the anchor, not from the one before, so month ends do not drift.
      const due = add(anchor, interval(k));
      if (due >= until) break;
      occurrences.push(due);
    }
    return { basis: 'fixed-due-date', occurrences };
  }
  const first = lastCompletedAt !== null ? add(new Date(lastCompletedAt), interval(1)) : planDueAt !== null ? new Date(planDueAt) : null;
  if (first === null) return null;
  const occurrences: Date[] = [];
  const base = first < now ? now : first;
  if (first < until) occurrences.push(first);
  for (let k = 1; occurrences.length < maxOccurrences; k++) {
    const due = add(base, interval(k));
    if (due >= until) break;
    occurrences.push(due);
  }
  return { basis: lastCompletedAt !== null ? 'floating-last-completion' : 'floating-due-date', occurrences };
}

/** An interval's rough length in milliseconds (months as 30.44 days), for nearness tests. */
export function approximateIntervalMs(rule: Pick<TimeRule, 'every' | 'unit'>): number {
  const hour = 3_600_000;
  const unitMs: Record<CalendarUnit, number> = { hours: hour, days: 24 * hour, weeks: 168 * hour, months: 730.5 * hour, years: 8766 * hour };
  return rule.every * unitMs[rule.unit];
}

/**
 * Occurrences an open work order of the plan already stands for: those within half an interval
 * of its due date (or scheduled date). The work order's own bar shows them.
 */
export function uncoveredOccurrences(occurrences: readonly Date[], openWorkOrderTimes: readonly number[], intervalMs: number): Date[] {
  if (openWorkOrderTimes.length === 0) return [...occurrences];
  return occurrences.filter((due) => !openWorkOrderTimes.some((time) => Math.abs(time - due.getTime()) < intervalMs / 2));
}
