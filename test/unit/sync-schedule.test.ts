import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectiveIntervalMinutes, SyncSchedule, type SyncScheduleOptions } from '../../electron/core/connections/sync-schedule';
import { connectionRecord, describingKind, runtimeOf } from '../support/connection-runtime-fixtures';

const minute = 60_000;
const kind = describingKind(async () => ({ provider: null, companyName: null, syncStatus: null }));

function setup(overrides: Partial<SyncScheduleOptions> = {}) {
  const synced: string[] = [];
  const schedule = new SyncSchedule({
    now: () => Date.now(),
    enabled: true,
    hasStore: () => true,
    sync: async (runtime, trigger) => void synced.push(`${runtime.record.id} ${trigger}`),
    random: () => 0.5,
    ...overrides,
  });
  return { schedule, synced, runtime: runtimeOf(kind, connectionRecord({ syncIntervalMinutes: 30 })) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-05T08:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SyncSchedule', () => {
  it('syncs at the connection\'s interval, within 10% either side so desks do not pull at one instant', async () => {
    for (const [random, factor] of [
      [0, 0.9],
      [0.5, 1],
      [1, 1.1],
    ] as const) {
      const { schedule, synced, runtime } = setup({ random: () => random });
      schedule.next(runtime);
      expect(runtime.schedule.nextSyncAt).toBe(Date.now() + 30 * minute * factor);
      await vi.advanceTimersByTimeAsync(30 * minute * factor - 1);
      expect(synced).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(synced).toEqual(['conn-test schedule']);
      schedule.stop(runtime);
    }
  });

  it('polls every 2 minutes while the relay that brings its webhooks is down, and at its interval again when it is back', async () => {
    const { schedule, synced, runtime } = setup();
    runtime.schedule.relayDown = true;
    schedule.next(runtime);
    expect(runtime.schedule.nextSyncAt).toBe(Date.now() + 2 * minute);
    await vi.advanceTimersByTimeAsync(2 * minute);
    expect(synced).toEqual(['conn-test schedule']);
    runtime.schedule.relayDown = false;
    schedule.next(runtime);
    expect(runtime.schedule.nextSyncAt).toBe(Date.now() + 30 * minute);
    expect(effectiveIntervalMinutes(runtime)).toBe(30);
    schedule.stop(runtime);
  });

  it('plans nothing when off, for a connection not in use, or while its plant is out of reach', () => {
    const off = setup({ enabled: false });
    off.schedule.next(off.runtime);
    expect(off.runtime.schedule).toEqual({ nextSyncAt: null, timer: null, relayDown: false });
    const { schedule, runtime } = setup();
    runtime.record.status = 'needs_reauth';
    schedule.next(runtime);
    expect(runtime.schedule.nextSyncAt).toBeNull();
    runtime.record.status = 'active';
    runtime.reach.reachable = false;
    schedule.next(runtime);
    expect(runtime.schedule.nextSyncAt).toBeNull();
  });

  it('replaces the planned sync when planned again, and forgets it when stopped', async () => {
    const { schedule, synced, runtime } = setup();
    schedule.next(runtime);
    runtime.record.syncIntervalMinutes = 60;
    schedule.next(runtime);
    await vi.advanceTimersByTimeAsync(45 * minute);
    expect(synced).toEqual([]);
    schedule.stop(runtime);
    expect(runtime.schedule).toEqual({ nextSyncAt: null, timer: null, relayDown: false });
    await vi.advanceTimersByTimeAsync(2 * 60 * minute);
    expect(synced).toEqual([]);
  });

  it('runs a first sync right after connecting, only when a window has the cache open', async () => {
    const { schedule, synced, runtime } = setup();
    schedule.soon(runtime);
    expect(synced).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(synced).toEqual(['conn-test startup']);
    const closed = setup({ hasStore: () => false });
    closed.schedule.soon(closed.runtime);
    await vi.advanceTimersByTimeAsync(0);
    expect(closed.synced).toEqual([]);
  });
});
