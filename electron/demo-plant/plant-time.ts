import type { PmFrequency } from './plant-vocabulary';

export const minute = 60;
export const hour = 3600;
export const day = 86_400;

/** "YYYY-MM-DDT" per day number: Date#toISOString is too slow for the ~10^6 instants of a large plant. */
const datePrefixes = new Map<number, string>();

export const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

/**
 * "HH:MM:SSZ" per second of the day, made once each: an instant is then one join of two strings.
 * Building each one from its parts would leave a chain of half a dozen joined pieces per instant,
 * which a million-order plant keeps millions of (its start-up was mostly garbage collection).
 */
const timeSuffixes = new Array<string | undefined>(day).fill(undefined);

/** An instant as Makini writes it: ISO-8601, whole seconds, UTC ("2026-03-04T09:24:28Z"). */
export function isoSeconds(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const dayNumber = Math.floor(seconds / day);
  let prefix = datePrefixes.get(dayNumber);
  if (prefix === undefined) {
    prefix = new Date(dayNumber * day * 1000).toISOString().slice(0, 11);
    datePrefixes.set(dayNumber, prefix);
  }
  const secondOfDay = seconds - dayNumber * day;
  let suffix = timeSuffixes[secondOfDay];
  if (suffix === undefined) {
    suffix = `${twoDigits(Math.floor(secondOfDay / hour))}:${twoDigits(Math.floor(secondOfDay / minute) % 60)}:${twoDigits(secondOfDay % 60)}Z`;
    timeSuffixes[secondOfDay] = suffix;
  }
  return prefix + suffix;
}

/** isoSeconds for the whole seconds since the Unix epoch that the generator works in. */
export const iso = (seconds: number) => isoSeconds(seconds * 1000);

/** Whole seconds plus a calendar interval in UTC; month ends clamp (31 Jan + 1 month = 28 or 29 Feb). */
export function addInterval(seconds: number, count: number, unit: PmFrequency['recurring']): number {
  if (unit === 'days') return seconds + count * day;
  if (unit === 'weeks') return seconds + count * 7 * day;
  const date = new Date(seconds * 1000);
  const dayOfMonth = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + count);
  const monthLength = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(dayOfMonth, monthLength));
  return Math.floor(date.getTime() / 1000);
}
