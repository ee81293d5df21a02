import type { SyncEntity } from '../../../shared/domain/sync-entity';
import { toAppErrorShape, type AppErrorShape } from '../../../shared/errors';
import type { Logger } from '../logging/logger';
import { parseWebhookEvent } from './webhook-event';
import type { DeliveryRef, QueuedDelivery } from './webhook-journal-format';

/** What processing a delivery needs from the rest of main (the ConnectionManager in the app). */
export interface WebhookHandler {
  /**
   * Whether the connection's deliveries can be processed now: `wait` (no window has the cache
   * open, or it needs reauthorizing: they stay queued), `drop` (disconnected or gone: they are
   * marked processed unacted), or `ready`.
   */
  readiness(connectionId: string): 'ready' | 'wait' | 'drop';
  /** Fetches the records and stores each where it is not older than the cache. Throws to be retried. */
  refreshRecords(connectionId: string, entity: SyncEntity, keys: readonly string[]): Promise<void>;
  /** Upstream says the connection's state changed: check its health now. */
  checkConnection(connectionId: string): Promise<void>;
}

/** The source of deliveries: the receiver (its journal) in the app. */
export interface DeliverySource {
  deliveries(options: { signal?: AbortSignal }): AsyncIterableIterator<QueuedDelivery>;
  markProcessed(delivery: DeliveryRef): Promise<boolean>;
}

export interface WebhookProcessingStats {
  /** Deliveries processed (acted on, or marked processed as ignorable). */
  processed: number;
  /** Deliveries whose event this version does not act on. */
  ignored: number;
  /** Processing attempts that failed (each is retried with backoff). */
  failures: number;
  /** Failed attempts in a row, reset by a success. */
  consecutiveFailures: number;
  /** Deliveries waiting to be processed. */
  pending: number;
  /** When the newest delivery was received (ISO-8601). */
  lastDeliveryAt: string | null;
  lastError: AppErrorShape | null;
}

export interface WebhookProcessorOptions {
  source: DeliverySource;
  handler: WebhookHandler;
  logger?: Logger;
  /** Deliveries of a connection taken together: their keys are fetched in one go. */
  batchSize?: number;
  /** The first retry's wait (doubled each time, with full jitter, capped at `maxRetryDelayMs`). */
  retryBaseDelayMs?: number;
  maxRetryDelayMs?: number;
  /** While a connection's deliveries must wait, how often to look again. */
  waitPollMs?: number;
  /** Consecutive failures at which `onAlert` is called (once, until a success). */
  alertAfterFailures?: number;
  onAlert?: (connectionId: string, error: AppErrorShape, failures: number) => void;
  /** Called after each change to a connection's stats (the UI throttles it). */
  onActivity?: (connectionId: string) => void;
  random?: () => number;
}

interface ConnectionQueue {
  deliveries: QueuedDelivery[];
  stats: WebhookProcessingStats;
  alerted: boolean;
  working: boolean;
}

const emptyStats = (): WebhookProcessingStats => ({
  processed: 0,
  ignored: 0,
  failures: 0,
  consecutiveFailures: 0,
  pending: 0,
  lastDeliveryAt: null,
  lastError: null,
});

/**
 * Processes journaled deliveries after their 200, away from the receiver: per connection, the
 * deliveries queued so far are taken together, their keys fetched per entity and stored only
 * where newer (so duplicates and reordered deliveries change nothing), and then marked processed.
 * A failure leaves the batch queued and retries it with capped exponential backoff; it is counted
 * and, past a threshold, raises an alert. Nothing processed is lost to a crash: a delivery stays
 * pending in the journal until it is marked processed, and is processed again after a restart.
 */
export class WebhookProcessor {
  private readonly queues = new Map<string, ConnectionQueue>();
  private readonly stop = new AbortController();
  private readonly idleWaiters: (() => void)[] = [];
  private loop: Promise<void> | null = null;
  private readonly batchSize: number;
  private readonly random: () => number;

  constructor(private readonly options: WebhookProcessorOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.random = options.random ?? Math.random;
  }

  /** Starts taking deliveries: those pending from before first, then each new one. */
  start(): void {
    this.loop ??= (async () => {
      for await (const delivery of this.options.source.deliveries({ signal: this.stop.signal })) {
        const queue = this.queue(delivery.connectionId);
        queue.deliveries.push(delivery);
        queue.stats.pending = queue.deliveries.length;
        const at = new Date(delivery.receivedAt).toISOString();
        if (!queue.stats.lastDeliveryAt || at > queue.stats.lastDeliveryAt) queue.stats.lastDeliveryAt = at;
        if (!queue.working) void this.work(delivery.connectionId, queue);
      }
    })();
  }

  stats(connectionId: string): WebhookProcessingStats {
    const stats = this.queues.get(connectionId)?.stats;
    return stats ? { ...stats } : emptyStats();
  }

  /** Resolves once every delivery taken so far is processed (tests and benchmarks). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops: work under way finishes its current step; unprocessed deliveries stay pending in the journal. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.loop;
  }

  private queue(connectionId: string): ConnectionQueue {
    let queue = this.queues.get(connectionId);
    if (!queue) {
      queue = { deliveries: [], stats: emptyStats(), alerted: false, working: false };
      this.queues.set(connectionId, queue);
    }
    return queue;
  }

  private isIdle(): boolean {
    return [...this.queues.values()].every((queue) => !queue.working && queue.deliveries.length === 0);
  }

  private async work(connectionId: string, queue: ConnectionQueue): Promise<void> {
    queue.working = true;
    let delayMs = 0;
    try {
      while (queue.deliveries.length > 0 && !this.stop.signal.aborted) {
        const readiness = this.options.handler.readiness(connectionId);
        if (readiness === 'wait') {
          await this.sleep(this.options.waitPollMs ?? 1000);
          continue;
        }
        const batch = queue.deliveries.slice(0, this.batchSize);
        try {
          if (readiness === 'ready') await this.process(connectionId, queue, batch);
          await Promise.all(batch.map((delivery) => this.options.source.markProcessed(delivery)));
          queue.deliveries.splice(0, batch.length);
          queue.stats.processed += batch.length;
          queue.stats.consecutiveFailures = 0;
          queue.stats.lastError = null;
          queue.alerted = false;
          delayMs = 0;
        } catch (error) {
          if (this.stop.signal.aborted) break;
          this.failed(connectionId, queue, error);
          delayMs = Math.min(this.options.maxRetryDelayMs ?? 60_000, delayMs === 0 ? (this.options.retryBaseDelayMs ?? 1000) : delayMs * 2);
          await this.sleep(Math.floor(delayMs * (0.5 + this.random() / 2)));
        } finally {
          queue.stats.pending = queue.deliveries.length;
          this.options.onActivity?.(connectionId);
        }
      }
    } finally {
      queue.working = false;
      if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** One batch: the keys of its record events fetched per entity, its integration events as one health check. */
  private async process(connectionId: string, queue: ConnectionQueue, batch: readonly QueuedDelivery[]): Promise<void> {
    const keysByEntity = new Map<SyncEntity, Set<string>>();
    let checkConnection = false;
    for (const delivery of batch) {
      const event = parseWebhookEvent(delivery.payload);
      if (event.kind === 'records') {
        const keys = keysByEntity.get(event.entity) ?? new Set<string>();
        for (const key of event.keys) keys.add(key);
        keysByEntity.set(event.entity, keys);
      } else if (event.kind === 'integration') {
        checkConnection = true;
      } else {
        queue.stats.ignored += 1;
        this.options.logger?.warn('webhook: delivery ignored', { connectionId, reason: event.reason });
      }
    }
    for (const [entity, keys] of keysByEntity) await this.options.handler.refreshRecords(connectionId, entity, [...keys]);
    if (checkConnection) await this.options.handler.checkConnection(connectionId);
  }

  private failed(connectionId: string, queue: ConnectionQueue, error: unknown): void {
    const shape = toAppErrorShape(error);
    queue.stats.failures += 1;
    queue.stats.consecutiveFailures += 1;
    queue.stats.lastError = shape;
    this.options.logger?.warn('webhook: processing failed; will retry', { connectionId, code: shape.code, requestId: shape.requestId });
    const threshold = this.options.alertAfterFailures ?? 5;
    if (!queue.alerted && queue.stats.consecutiveFailures >= threshold) {
      queue.alerted = true;
      this.options.onAlert?.(connectionId, shape, queue.stats.consecutiveFailures);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const signal = this.stop.signal;
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
