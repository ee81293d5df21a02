import { syncEntityLabels } from '../../../shared/domain/sync-entity';
import { AppError, toAppErrorShape } from '../../../shared/errors';
import type { LocalStore } from '../../../shared/local-store';
import type { PushSummary } from '../../../shared/outbox-store';
import type { SyncRunSummary } from '../../../shared/sync-progress';
import type { SyncRunRequest } from '../sync/sync-engine';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRuntime } from './connection-runtime';
import { cacheIsFull } from './sync-schedule';

export interface ConnectionRunsOptions extends Pick<ConnectionCore, 'now' | 'ensureFreshToken' | 'fail' | 'emit' | 'save' | 'history'> {
  /** The attached renderer's cache; throws while no window has it open. */
  store(): LocalStore;
  scheduleNext(runtime: ConnectionRuntime): void;
  /** Edits wait while the upstream is out of reach: probe it at the fast pace. */
  editsWaiting(runtime: ConnectionRuntime): void;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const idle = (): PushSummary => ({ done: 0, conflicts: 0, rejected: 0, deferred: 0, deferredBy: null, authFailure: null });

/** A connection's syncs into the cache and pushes of queued edits, and what each outcome does to the connection. */
export class ConnectionRuns {
  constructor(private readonly options: ConnectionRunsOptions) {}

  /** One sync of a connection into the attached renderer's cache. */
  async sync(runtime: ConnectionRuntime, request: SyncRunRequest = {}): Promise<SyncRunSummary> {
    if (runtime.record.status === 'disconnected') throw new AppError('NOT_ALLOWED', `${runtime.record.name} is disconnected.`);
    if (runtime.record.status === 'needs_reauth') throw new AppError('UPSTREAM_AUTH', `${runtime.record.name} needs to be reauthorized before it can sync.`);
    // Out of room, a sync would only fail again: the user says when there is room (Sync now).
    if (cacheIsFull(runtime) && (request.trigger === 'schedule' || request.trigger === 'reconnect')) throw AppError.fromShape(runtime.lastError!);
    const store = this.options.store();
    try {
      await this.options.ensureFreshToken(runtime);
      if (!runtime.engine.running) runtime.runProblem = null;
      const run = runtime.engine.run(store, { ...request, signal: runtime.stop.signal });
      this.options.emit(runtime); // now "syncing"
      const summary = await run;
      runtime.record.lastSyncAt = summary.finishedAt;
      runtime.lastError = null;
      runtime.described = true;
      runtime.lastRun = {
        outcome: summary.outcome,
        failedLists: summary.entities.filter((entity) => entity.outcome === 'failed').map((entity) => syncEntityLabels[entity.entity]),
        problem: summary.outcome === 'partial' ? runtime.runProblem : null,
      };
      this.options.save();
      // Upstream answers: edits queued while it did not go now.
      void this.push(runtime).catch(() => undefined /* on the connection's view */);
      return summary;
    } catch (error) {
      this.options.fail(runtime, error);
      throw error;
    } finally {
      this.options.scheduleNext(runtime);
      this.options.emit(runtime);
    }
  }

  /**
   * Sends the connection's queued edits. While the connection is not usable (disconnected,
   * needs reauthorizing, upstream out of reach) nothing is sent and every edit stays queued; a
   * connection that only reads has nothing to send.
   */
  async push(runtime: ConnectionRuntime): Promise<PushSummary> {
    const { pusher, record } = runtime;
    if (record.status !== 'active' || !pusher) return idle();
    if (runtime.reach.reachable === false) {
      // Asked while out of reach (an edit was just queued): it cannot be sent, and the history
      // says so; the probe goes at its fast pace, and the first answer sends it.
      const reason = runtime.lastError?.code === 'NETWORK' ? runtime.lastError : { code: 'NETWORK' as const, message: `${record.name} cannot be reached.`, failedAt: 'network' as const };
      this.options.history.recordFailure(runtime, 'push', reason, new Date(this.options.now()).toISOString(), `Pending changes wait: ${record.name} does not answer.`);
      this.options.editsWaiting(runtime);
      return idle();
    }
    const startedAt = new Date(this.options.now()).toISOString();
    try {
      await this.options.ensureFreshToken(runtime);
      const summary = await pusher.push();
      // Out of reach: the probe that waits for upstream pushes again once it answers.
      const failure = summary.authFailure ?? summary.deferredBy;
      runtime.reach.editsWaiting = summary.deferred > 0;
      if (failure) {
        this.options.history.recordFailure(runtime, 'push', failure, startedAt, `${plural(summary.deferred, 'pending change', 'pending changes')} could not be sent.`);
        if (summary.authFailure || failure.code === 'NETWORK') {
          this.options.fail(runtime, AppError.fromShape(failure));
          this.options.emit(runtime);
        }
      } else {
        this.options.history.clearFailures(runtime, 'push');
      }
      if (summary.done > 0) {
        this.options.history.recordSuccess(runtime, 'push', startedAt, `${plural(summary.done, 'pending change', 'pending changes')} sent to ${record.name}.`, summary.done);
      }
      return summary;
    } catch (error) {
      this.options.history.recordFailure(runtime, 'push', toAppErrorShape(error), startedAt, 'Pending changes could not be sent.');
      this.options.fail(runtime, error);
      this.options.emit(runtime);
      throw error;
    }
  }
}
