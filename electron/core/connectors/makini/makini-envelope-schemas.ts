import { z } from 'zod';
import { orNull, text } from './makini-wire-fields';

/**
 * The list envelope of the spec: { data: [...], links: {...}, meta: { total, ... } }. Only `data`
 * must be right (a list of records); `links` and `meta` only steer paging and the progress bar, so
 * whatever they hold is read by `readListPaging` where it makes sense and ignored where not.
 */
export const makiniListEnvelopeSchema = z.looseObject({ data: z.array(z.unknown()) });

/** Why a list answer cannot be read at all, in plain words naming the field. */
export function describeEnvelopeProblem(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The answer is not a page of records.';
  const data = (body as { data?: unknown }).data;
  if (data === undefined) return 'The page has no "data" (the list of records).';
  return `The page's "data" (the list of records) should be a list but is ${data === null ? 'empty (null)' : typeof data === 'object' ? 'a group of fields' : typeof data}.`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A whole number ≥ 0, or null: the spec types page numbers and totals as any number. */
const wholeNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null);
/** A next-page link worth believing: an http(s) URL or a path/query on the same server. */
const isLink = (value: string): boolean => {
  if (value.startsWith('/') || value.startsWith('?')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * Paging as the envelope tells it, where it makes sense: `total` when `meta.total` is a whole
 * number ≥ 0 (it only feeds the progress bar), else null; `hasMore` from whole page numbers, else
 * from `links.next` (null or "" says no more; a URL or path says more), else null (the caller
 * judges by whether the page was full). A mock's float page numbers or placeholder link are ignored.
 */
export function readListPaging(envelope: Record<string, unknown>): { total: number | null; hasMore: boolean | null } {
  const meta = isObject(envelope.meta) ? envelope.meta : {};
  const links = isObject(envelope.links) ? envelope.links : null;
  const current = wholeNumber(meta.current_page);
  const last = wholeNumber(meta.last_page);
  let hasMore: boolean | null = null;
  if (current !== null && last !== null) hasMore = current < last;
  else if (links && 'next' in links) {
    const next = links.next;
    if (next === null || next === '') hasMore = false;
    else if (typeof next === 'string' && isLink(next)) hasMore = true;
  }
  return { total: wholeNumber(meta.total), hasMore };
}

export const makiniIntegrationSchema = z.object({
  data: z
    .object({ provider: text.transform(orNull), company_name: text.transform(orNull), sync_status: text.transform(orNull) })
    .loose() satisfies z.ZodType<Partial<Record<'provider' | 'company_name' | 'sync_status', unknown>>>,
});
