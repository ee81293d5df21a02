import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaExceeded, storageFullError } from '../../renderer/db/storage-full';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('telling a write refused for lack of room', () => {
  it('finds the QuotaExceededError as the browser raises it and as Dexie wraps it', () => {
    expect(isQuotaExceeded(quota())).toBe(true);
    expect(isQuotaExceeded(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaExceeded(new Dexie.BulkError('2 of 3 failed', [new Dexie.ConstraintError('dup'), quota()]))).toBe(true);
  });

  it('leaves every other failure alone, and survives odd throws', () => {
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', new Dexie.ConstraintError('dup')))).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).toBe(false);
    for (const odd of [null, undefined, 'QuotaExceededError', 42, { inner: { inner: { inner: { inner: { inner: { inner: quota() } } } } } }]) expect(isQuotaExceeded(odd)).toBe(false);
    const loop: { inner?: unknown } = {};
    loop.inner = loop;
    expect(isQuotaExceeded(loop)).toBe(false);
  });

  it('says how much is used of what this computer allows, when the browser says', async () => {
    const full = await storageFullError({ estimate: async () => ({ usage: 84 * 1024 * 1024, quota: 85 * 1024 * 1024 }) });
    expect(full.toShape()).toEqual({ code: 'STORAGE_FULL', failedAt: 'app', message: "This computer has no room left for Millwright's cache (84 MB used of the 85 MB this computer allows it)." });
    const silent = await storageFullError({ estimate: () => Promise.reject(new Error('no estimate')) });
    expect(silent.message).toBe("This computer has no room left for Millwright's cache.");
  });
});
