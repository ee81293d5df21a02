import { relayDownPollMinutes } from '../../../shared/update-path';
import type { SyncRunRequest } from '../sync/sync-engine';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRuntime } from './connection-runtime';

export interface SyncScheduleOptions extends Pick<ConnectionCore, 'now'> {
  /** Background syncs; tests that drive each step by hand turn them off. */
  enabled: boolean;
  /** Whether a window has the cache open (nothing to sync into otherwise). */
  hasStore(): boolean;
  sync(runtime: ConnectionRuntime, trigger: NonNullable<SyncRunRequest['trigger']>): Promise<unknown>;
  random?: () => number;
}

/** The minutes between a connection's scheduled syncs now: its interval, or shorter while its relay is down. */
export function effectiveIntervalMinutes(runtime: Pick<ConnectionRuntime, 'record' | 'schedule'>): number {
  const interval = runtime.record.syncIntervalMinutes;
  return runtime.schedule.relayDown ? Math.min(interval, relayDownPollMinutes) : interval;
}

/** The last attempt found the cache out of room: only a sync the user asks for tries again (see ConnectionRuns.sync). */
export const cacheIsFull = (runtime: Pick<ConnectionRuntime, 'lastError'>): boolean => runtime.lastError?.code === 'STORAGE_FULL';

/**
 * When each connection syncs on its own: at its interval (shorter while its relay is down), paused
 * while it is not usable or out of reach.
 */
export class SyncSchedule {
  private readonly random: () => number;

  constructor(private readonly options: SyncScheduleOptions) {
    this.random = options.random ?? Math.random;
  }

  /** Plans the next scheduled sync (replacing any planned), if the connection is usable, reachable and its cache has room. */
  next(runtime: ConnectionRuntime): void {
    this.stop(runtime);
    if (!this.options.enabled || runtime.record.status !== 'active' || runtime.reach.reachable === false || cacheIsFull(runtime)) return;
    // ±10% jitter, so many connections (and many desks) do not pull at the same instant.
    const delay = effectiveIntervalMinutes(runtime) * 60_000 * (0.9 + this.random() * 0.2);
    runtime.schedule.nextSyncAt = this.options.now() + delay;
    runtime.schedule.timer = setTimeout(() => void this.options.sync(runtime, 'schedule').catch(() => undefined /* on the connection's view */), delay);
    runtime.schedule.timer.unref();
  }

  stop(runtime: ConnectionRuntime): void {
    if (runtime.schedule.timer) clearTimeout(runtime.schedule.timer);
    runtime.schedule.timer = null;
    runtime.schedule.nextSyncAt = null;
  }

  /** A first sync right after connecting, once the current call has returned; none while no window has the cache. */
  soon(runtime: ConnectionRuntime): void {
    if (!this.options.hasStore()) return;
    setTimeout(() => void this.options.sync(runtime, 'startup').catch(() => undefined /* on the connection's view */), 0);
  }
}
