import { describe, expect, it } from 'vitest';
import { readUpstreamError } from '../../electron/core/connectors/makini/makini-http-client';
import { makiniEntityAdapters } from '../../electron/core/connectors/makini/makini-entity-adapters';
import { readListPaging } from '../../electron/core/connectors/makini/makini-envelope-schemas';
import { describeRecordProblems } from '../../electron/core/connectors/makini/record-problems';
import { withRetries } from '../../electron/core/sync/retry-policy';
import { AppError } from '../../shared/errors';

describe('reading a list envelope leniently', () => {
  it.each([
    [{ meta: { total: 12, current_page: 1, last_page: 3 } }, { total: 12, hasMore: true }],
    [{ meta: { total: 12, current_page: 3, last_page: 3 } }, { total: 12, hasMore: false }],
    [{ meta: { total: 7657951.935586244, current_page: 56498633.36, last_page: 3.5 }, links: { next: 'ut ipsum labore' } }, { total: null, hasMore: null }],
    [{ meta: { total: -5 }, links: { next: 'https://api.makini.io/api/eam/sites?page=2' } }, { total: null, hasMore: true }],
    [{ meta: { total: '3' }, links: { next: null } }, { total: null, hasMore: false }],
    [{ links: { next: '/api/eam/sites?page=2' } }, { total: null, hasMore: true }],
    [{ meta: 'nonsense', links: [] }, { total: null, hasMore: null }],
    [{}, { total: null, hasMore: null }],
  ])('%j reads as %j', (envelope, expected) => {
    expect(readListPaging({ data: [], ...envelope })).toEqual(expected);
  });
});

describe('reading error bodies of Makini and other APIs', () => {
  it('keeps Makini\'s own code, type, message, request id and fields as sent', () => {
    expect(
      readUpstreamError({ error: { code: 'REAUTHORIZATION_REQUIRED', type: 'authentication_error', message: 'Reconnect the system.', request_id: 'r1', fields: { statusKey: 'unknown status' } } }),
    ).toEqual({ code: 'REAUTHORIZATION_REQUIRED', type: 'authentication_error', message: 'Reconnect the system.', requestId: 'r1', fields: ['statusKey: unknown status'] });
  });

  it('reads RFC 7807 problem details', () => {
    expect(
      readUpstreamError({ type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', detail: 'Your balance is 30, but that costs 50.', instance: '/account/12345/msgs/abc', 'invalid-params': [{ name: 'age', reason: 'must be a positive integer' }] }),
    ).toEqual({
      type: 'https://example.com/probs/out-of-credit',
      message: 'You do not have enough credit: Your balance is 30, but that costs 50.',
      requestId: '/account/12345/msgs/abc',
      fields: ['age: must be a positive integer'],
    });
    expect(readUpstreamError({ title: 'Not Found', status: 404 })).toEqual({ message: 'Not Found' });
  });

  it('reads a plain { message }, { error: "…" } and Laravel\'s { errors }', () => {
    expect(readUpstreamError({ message: 'Server Error' })).toEqual({ message: 'Server Error' });
    expect(readUpstreamError({ error: 'invalid_token' })).toEqual({ message: 'invalid_token' });
    expect(readUpstreamError({ message: 'The given data was invalid.', errors: { dueAt: ['must be a date'] } })).toEqual({ message: 'The given data was invalid.', fields: ['dueAt: must be a date'] });
    expect(readUpstreamError('<html>')).toEqual({});
    expect(readUpstreamError(null)).toEqual({});
  });
});

describe('why a record is set aside, in plain words naming the field', () => {
  const reason = (raw: unknown) => {
    const parsed = makiniEntityAdapters.workOrders.schema.safeParse(raw);
    expect(parsed.success).toBe(false);
    return describeRecordProblems(parsed.error!, raw);
  };

  it('names the field, what it is for and what it holds', () => {
    expect(reason({ key: 'a', updatedAt: 'deserunt' })).toBe('"updatedAt" (when it last changed) is not a date and time: "deserunt".');
    expect(reason({ updatedAt: '2026-01-01T00:00:00Z' })).toBe('"key" (its identifier) is missing.');
    expect(reason({ key: '', updatedAt: '2026-01-01T00:00:00Z' })).toBe('"key" (its identifier) is empty.');
    expect(reason({ key: 'a', updatedAt: '2026-01-01T00:00:00Z', deletedAt: 'yesterday-ish' })).toBe('"deletedAt" (when it was deleted) is not a date and time: "yesterday-ish".');
    expect(reason({ key: 'a', updatedAt: '2026-01-01T00:00:00Z', title: 42 })).toBe('"title" should be text but is 42.');
    expect(reason({ key: 'a', updatedAt: '2026-01-01T00:00:00Z', tasks: [{ title: false }] })).toBe('"tasks[0].title" should be text but is false.');
    expect(reason(7)).toBe('The record is not a group of fields but 7.');
  });

  it('reads a date the record only describes as no value instead of setting the record aside', () => {
    const parsed = makiniEntityAdapters.workOrders.schema.safeParse({ key: 'a', updatedAt: '2026-01-01T00:00:00Z', dueAt: 'next Tuesday', scheduledAt: '2026-02-01T08:00:00Z' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ dueAt: null, scheduledAt: '2026-02-01T08:00:00Z' });
  });

  it('reads a part’s embedded inventories for their keys, passing over items without one, and sets the part aside only when the list is not a list', () => {
    const part = (inventories: unknown) => makiniEntityAdapters.materials.schema.safeParse({ key: 'm1', updatedAt: '2026-01-01T00:00:00Z', name: 'Bearing', inventories });
    expect(part([{ key: 'i1', quantity: 3 }, { key: 7 }, { quantity: 2 }, null, 'i9', { key: '' }]).data).toMatchObject({ inventoryKeys: ['i1', '7'] });
    expect(part(undefined).data).toMatchObject({ inventoryKeys: [] });
    expect(part(null).data).toMatchObject({ inventoryKeys: [] });
    const refused = part({ key: 'i1' });
    expect(refused.success).toBe(false);
    expect(describeRecordProblems(refused.error!, { inventories: { key: 'i1' } })).toContain('"inventories"');
  });
});

describe('retries', () => {
  const policy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };
  async function waitsFor(failure: AppError): Promise<number[]> {
    const waits: number[] = [];
    let calls = 0;
    await withRetries(
      async () => {
        calls += 1;
        if (calls === 1) throw failure;
        return 'ok';
      },
      policy,
      { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    );
    return waits;
  }

  it('waits as long as Retry-After says on a 503 as on a 429, capped', async () => {
    expect(await waitsFor(new AppError('UPSTREAM_UNAVAILABLE', 'down', { status: 503, retryAfterSeconds: 9 }))).toEqual([9000]);
    expect(await waitsFor(new AppError('UPSTREAM_RATE_LIMITED', 'slow down', { status: 429, retryAfterSeconds: 4 }))).toEqual([4000]);
    expect(await waitsFor(new AppError('UPSTREAM_UNAVAILABLE', 'down', { status: 503, retryAfterSeconds: 3600 }))).toEqual([120_000]);
    expect(await waitsFor(new AppError('UPSTREAM_UNAVAILABLE', 'down', { status: 503 }))).toEqual([250]);
  });
});
