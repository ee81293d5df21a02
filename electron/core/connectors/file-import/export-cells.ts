import { z } from 'zod';

/*
 * How one cell of an export file is read. A CSV cell is text ("" is no value); a JSON field may
 * also be a number, a yes/no or null. A value that is there but cannot be read fails its record,
 * naming the column, rather than being dropped: the supervisor can fix the file, and a date read
 * wrongly would put work on the wrong day.
 */

const isoLike = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 date or date and time as an exact instant (`toISOString`), or null. Only the
 * year-month-day order is taken: "05/01/2024" means May 1st in one country and January 5th in
 * another. A time without a zone (what spreadsheets write) is this computer's local time, and a
 * date alone its local midnight, so a due date stays on its day in the board.
 */
export function readExportInstant(text: string): string | null {
  const match = isoLike.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const zone = match[8];
  const calendarDay = new Date(Date.UTC(2000, 0, 1));
  calendarDay.setUTCFullYear(year, month - 1, day);
  if (calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day || hours > 23 || minutes > 59 || seconds > 59) return null;
  if (zone === undefined) {
    const local = new Date(2000, 0, 1);
    local.setFullYear(year, month - 1, day);
    local.setHours(hours, minutes, seconds, millis);
    return local.toISOString();
  }
  const utc = calendarDay.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  if (zone.toUpperCase() === 'Z') return new Date(utc).toISOString();
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const offsetMinutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

const notAnInstant = 'not a date and time like 2024-05-01 08:30';

/** Text or a JSON number, trimmed; "", blank and null are no value. */
export const textCell = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value): string | null => (value === null || value === undefined ? null : String(value).trim() || null));

/** A record's identifier: text that is not blank, or a JSON number. */
export const keyCell = z.union([z.string().trim().min(1), z.number()]).transform(String);

/** When the record last changed: required, since the sync reads only what changed after its last read. */
export const instantCell = z
  .string()
  .trim()
  .min(1)
  .refine((value) => readExportInstant(value) !== null, notAnInstant)
  .transform((value) => readExportInstant(value)!);

/** A date the record only describes (due, scheduled, deleted): none when blank, else it must read. */
export const optionalInstantCell = z
  .string()
  .nullish()
  .refine((value) => !value?.trim() || readExportInstant(value) !== null, notAnInstant)
  .transform((value) => (value?.trim() ? readExportInstant(value) : null));

const yes = new Set(['yes', 'y', 'true', '1', 'active']);
const no = new Set(['no', 'n', 'false', '0', 'inactive']);

/** Yes or no (yes/no, true/false, 1/0, active/inactive); `otherwise` when blank. */
export const flagCell = (otherwise: boolean) =>
  z
    .union([z.boolean(), z.string()])
    .nullish()
    .refine((value) => typeof value !== 'string' || !value.trim() || yes.has(value.trim().toLowerCase()) || no.has(value.trim().toLowerCase()), 'not yes or no')
    .transform((value) => (typeof value === 'boolean' ? value : value?.trim() ? yes.has(value.trim().toLowerCase()) : otherwise));
