import { randomUUID } from 'node:crypto';
import type { SyncEntity } from '../../../shared/domain/sync-entity';
import type { AppErrorShape } from '../../../shared/errors';
import type { HistoryActivity } from '../../../shared/sync-history';
import type { ConnectionRuntime } from './connection-runtime';
import type { ActivityHistory } from './renderer-history-store';

interface ActivityRow {
  activity: HistoryActivity;
  rowKey: string;
  startedAt: string;
  outcome: 'synced' | 'failed';
  error: AppErrorShape | null;
  summary: string;
  entity: SyncEntity | null;
  applied: number;
}

/**
 * Records main's own attempts (probes, pushes, webhook fetches) in the attached renderer's Sync
 * history. The same failure again (same activity and code) while it lasts folds into the same
 * row: attempts add up, the last time moves on. A success of that activity (or the end of an
 * outage) starts a new row next time.
 */
export class ActivityRecorder {
  constructor(
    /** The attached renderer's Sync history; null while no window holds it. */
    private readonly history: () => ActivityHistory | null,
    private readonly now: () => number,
  ) {}

  recordFailure(runtime: ConnectionRuntime, activity: HistoryActivity, error: AppErrorShape, startedAt: string, summary: string, entity: SyncEntity | null = null): void {
    const key = `${activity}:${error.code}`;
    let rowKey = runtime.failureRows.get(key);
    if (!rowKey) {
      rowKey = `${runtime.record.id}:${activity}:${randomUUID()}`;
      runtime.failureRows.set(key, rowKey);
    }
    this.record(runtime, { activity, rowKey, startedAt, outcome: 'failed', error, summary, entity, applied: 0 });
  }

  recordSuccess(runtime: ConnectionRuntime, activity: HistoryActivity, startedAt: string, summary: string, applied: number): void {
    this.record(runtime, { activity, rowKey: `${runtime.record.id}:${activity}:${randomUUID()}`, startedAt, outcome: 'synced', error: null, summary, entity: null, applied });
  }

  /** That activity's failures are over: a new one starts a new row. */
  clearFailures(runtime: ConnectionRuntime, activity: HistoryActivity): void {
    for (const key of [...runtime.failureRows.keys()]) if (key.startsWith(`${activity}:`)) runtime.failureRows.delete(key);
  }

  /** Every failure of the connection is over (an outage ended). */
  clearAllFailures(runtime: ConnectionRuntime): void {
    runtime.failureRows.clear();
  }

  private record(runtime: ConnectionRuntime, row: ActivityRow): void {
    const history = this.history();
    if (!history) return;
    void history
      .recordActivity({
        activity: row.activity,
        coalesceKey: row.rowKey,
        runId: row.rowKey,
        connectionId: runtime.record.id,
        entity: row.entity,
        outcome: row.outcome,
        mode: 'incremental',
        trigger: row.activity === 'push' ? 'manual' : 'schedule',
        startedAt: row.startedAt,
        finishedAt: new Date(this.now()).toISOString(),
        requests: 1,
        received: 0,
        applied: row.applied,
        deleted: 0,
        quarantined: 0,
        retries: 0,
        attempts: 1,
        error: row.error,
        summary: row.summary,
      })
      .catch(() => undefined /* no window holds the history now */);
  }
}
