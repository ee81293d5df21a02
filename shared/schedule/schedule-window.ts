import { addDays, addWeeks, startOfDay, startOfWeek } from 'date-fns';

/** Horizons the schedule offers, in weeks. Up to four weeks the columns are days, beyond that weeks. */
export const scheduleHorizons = [2, 4, 8, 12] as const;
export type ScheduleHorizon = (typeof scheduleHorizons)[number];

export interface ScheduleColumn {
  start: Date;
  /** Exclusive. */
  end: Date;
}

export interface ScheduleWindow {
  start: Date;
  /** Exclusive. */
  end: Date;
  unit: 'day' | 'week';
  columns: ScheduleColumn[];
  /** The window's first day of each column, day by day (7 per week column). */
  days: Date[];
}

/** Weeks start on Monday (ISO 8601, and most of the world's plants). */
export const weekStartsOn = 1;

/**
 * The window that shows `horizon` weeks from the start of the week holding `anchor`, in local time.
 */
export function scheduleWindow(anchor: Date, horizon: ScheduleHorizon): ScheduleWindow {
  const start = startOfWeek(startOfDay(anchor), { weekStartsOn });
  const end = addWeeks(start, horizon);
  const unit = horizon <= 4 ? 'day' : 'week';
  const days = Array.from({ length: horizon * 7 }, (_, i) => addDays(start, i));
  const columns =
    unit === 'day'
      ? days.map((day) => ({ start: day, end: addDays(day, 1) }))
      : Array.from({ length: horizon }, (_, i) => ({ start: addWeeks(start, i), end: addWeeks(start, i + 1) }));
  return { start, end, unit, columns, days };
}

/** Where Previous and Next take the window: half a horizon back or on (one week at two weeks). */
export function shiftAnchor(anchor: Date, horizon: ScheduleHorizon, direction: -1 | 1): Date {
  return addWeeks(anchor, (direction * horizon) / 2);
}

/**
 * A span's place in the window as fractions of its width, clipped to it; null when it lies
 * outside. The width is at least `minFraction` so an hour-long job is still a bar one can grab.
 */
export function spanInWindow(window: Pick<ScheduleWindow, 'start' | 'end'>, start: number, end: number, minFraction = 0): { left: number; width: number; clippedStart: boolean; clippedEnd: boolean } | null {
  const from = window.start.getTime();
  const to = window.end.getTime();
  if (end <= from || start >= to) return null;
  const total = to - from;
  const left = (Math.max(start, from) - from) / total;
  const right = (Math.min(Math.max(end, start), to) - from) / total;
  const width = Math.max(right - left, minFraction);
  return { left: Math.min(left, 1 - width), width, clippedStart: start < from, clippedEnd: end > to };
}
