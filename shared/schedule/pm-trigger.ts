import type { PmTrigger } from '../domain/pm-plan';

export type CalendarUnit = 'hours' | 'days' | 'weeks' | 'months' | 'years';

/**
 * How a PM trigger repeats, as Millwright reads the spec's loose `WorkTrigger` strings:
 * - time-based: every `every` `unit`s, on a fixed grid from the plan's due date, or floating
 *   (each next due counted from the last completion);
 * - meter-based: every `every` units of a meter's reading.
 */
export type TriggerRule =
  | { kind: 'time'; every: number; unit: CalendarUnit; schedule: 'fixed' | 'floating' }
  | { kind: 'meter'; every: number; meterKey: string; unitName: string | null }
  | { kind: 'unreadable'; reason: string };

const calendarUnits: Readonly<Record<string, CalendarUnit>> = {
  h: 'hours',
  hour: 'hours',
  hours: 'hours',
  hourly: 'hours',
  d: 'days',
  day: 'days',
  days: 'days',
  daily: 'days',
  w: 'weeks',
  wk: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
  weekly: 'weeks',
  m: 'months',
  mo: 'months',
  month: 'months',
  months: 'months',
  monthly: 'months',
  y: 'years',
  yr: 'years',
  year: 'years',
  years: 'years',
  yearly: 'years',
  annually: 'years',
};

const meterTypes = new Set(['meter', 'meter-based', 'meter_based', 'usage', 'counter', 'reading']);

/** "floating", "from last completion", "after completion" mark a floating schedule; anything else is fixed. */
const floatingCondition = /float|last completion|after completion|since completion/i;

/** What a PM plan's trigger says, or why it cannot be projected. */
export function readTrigger(trigger: PmTrigger): TriggerRule {
  const every = Number(trigger.interval);
  if (trigger.interval === null || !Number.isFinite(every) || every <= 0) {
    return { kind: 'unreadable', reason: `its interval “${trigger.interval ?? ''}” is not a positive number` };
  }
  const type = (trigger.type ?? '').trim().toLowerCase();
  const unitText = (trigger.recurring ?? '').trim().toLowerCase();
  if (trigger.meterKey !== null || meterTypes.has(type)) {
    if (trigger.meterKey === null) return { kind: 'unreadable', reason: 'it is meter-based but names no meter' };
    return { kind: 'meter', every, meterKey: trigger.meterKey, unitName: unitText || null };
  }
  const unit = calendarUnits[unitText];
  if (!unit) return { kind: 'unreadable', reason: `“${trigger.recurring ?? ''}” is not a calendar unit` };
  if (!Number.isInteger(every)) return { kind: 'unreadable', reason: `every ${every} ${unit} is not a whole number of ${unit}` };
  return { kind: 'time', every, unit, schedule: floatingCondition.test(trigger.condition ?? '') ? 'floating' : 'fixed' };
}

/** "every 2 weeks", "every 500 h". */
export function describeRule(rule: TriggerRule): string {
  if (rule.kind === 'unreadable') return `cannot be projected: ${rule.reason}`;
  if (rule.kind === 'meter') return `every ${rule.every} ${rule.unitName ?? 'units'}`;
  const unit = rule.every === 1 ? rule.unit.slice(0, -1) : rule.unit;
  return `every ${rule.every === 1 ? '' : `${rule.every} `}${unit}`;
}
