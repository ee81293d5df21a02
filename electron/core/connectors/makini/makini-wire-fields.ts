import { z } from 'zod';

/*
 * How Makini's fields are read where the spec is loose: times, optional text, flags, numbers and
 * key lists as real answers and the spec's own examples send them.
 */

/**
 * A time the sync depends on (when a record changed, when it was deleted): the cursor orders and
 * resumes by it, so a record whose time cannot be read is set aside with the reason. The spec
 * gives times no format; an ISO-8601 date and time (what Makini sends) or anything `Date.parse`
 * reads is taken.
 */
export const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date and time');
/** Optional text: Makini omits fields, sends null, or sends "" for "no value" (normalised by `orNull`). */
export const text = z.string().nullish();
/** A deletion time: absent, null or "" mean "not deleted"; anything else must read as a time (deleting on a guess is not safe). */
export const deletionInstant = z.union([instant, z.literal('')]).nullish();
/**
 * A time the record only describes (due, scheduled, completed, ordered…): read when it is one,
 * else no value. Lenient where the spec is (it types these as plain strings): one unreadable date
 * does not keep the rest of a work order off the board.
 */
export const optionalInstant = z.unknown().optional().transform((value): string | null => (typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value)) ? value : null));
/** Real answers send booleans; the spec types flags as strings, and its examples send "true", "false" or even "string". */
export const flag = z.union([z.boolean(), z.string()]).nullish();

/** "" and absent mean "no value": one pass per record instead of a transform per field (validation is on the sync's hot path). */
export const orNull = (value: string | null | undefined): string | null => (value ? value : null);
/** Quantities and prices: the spec types them as strings or objects; answers send numbers or numeric strings. */
export const numeric = z.union([z.number(), z.string()]).nullish();
export const toNumber = (value: number | string | null | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
};
/** Lists of keys: arrays, or the spec examples' "[]"-style strings. */
export const keyList = z.union([z.array(z.string()), z.string()]).nullish();
export const toKeys = (value: string[] | string | null | undefined): string[] => {
  if (Array.isArray(value)) return value;
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [value];
  } catch {
    return value.split(',').map((item) => item.trim()).filter(Boolean);
  }
};
/** A flag's value, or `otherwise` when it is absent or text that says neither yes nor no. */
export const readFlag = (value: boolean | string | null | undefined, otherwise: boolean): boolean => {
  if (typeof value === 'boolean') return value;
  const word = value?.trim().toLowerCase();
  if (word === 'true' || word === '1') return true;
  if (word === 'false' || word === '0') return false;
  return otherwise;
};
