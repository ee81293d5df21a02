import { isRelayDown } from '../../../shared/connection-view';
import { syncEntityLabels, type SyncEntity } from '../../../shared/domain/sync-entity';
import { toAppErrorShape } from '../../../shared/errors';
import type { FetchedRecords, LocalStore } from '../../../shared/local-store';
import type { WebhookEndpoints } from '../webhooks/webhook-endpoints';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRuntime } from './connection-runtime';
import { effectiveIntervalMinutes } from './sync-schedule';

const activityEmitDelayMs = 250;

export interface ConnectionWebhookBridgeOptions extends Pick<ConnectionCore, 'logger' | 'now' | 'ensureFreshToken' | 'fail' | 'emit' | 'history'> {
  /** Whether the saved connections are loaded (until then, deliveries wait). */
  started(): boolean;
  runtime(connectionId: string): ConnectionRuntime | undefined;
  isCurrent(runtime: ConnectionRuntime): boolean;
  /** The attached renderer's cache, if a window has it open. */
  store(): LocalStore | null;
  /** Asks an unreachable upstream again now. */
  probeNow(runtime: ConnectionRuntime): void;
  /** Plans the connection's next scheduled sync again (its interval changed). */
  scheduleNext(runtime: ConnectionRuntime): void;
}

/** Between the webhook receiver and the connections: secrets, readiness, targeted fetches and activity on the views. */
export class ConnectionWebhookBridge {
  private receiver: WebhookEndpoints | null = null;

  constructor(private readonly options: ConnectionWebhookBridgeOptions) {}

  /** The webhook receiver, once it listens; null before (or without) one. */
  get endpoints(): WebhookEndpoints | null {
    return this.receiver;
  }

  attach(webhooks: WebhookEndpoints): void {
    this.receiver = webhooks;
  }

  /** Tells the webhook service where the connection's webhooks come from now: its relay (when set, and not disconnected), or only this computer. */
  reroute(runtime: ConnectionRuntime): void {
    const url = runtime.record.webhookRelay?.url;
    const token = runtime.secrets?.relayToken;
    this.receiver?.route(runtime.record.id, runtime.record.status !== 'disconnected' && url && token ? { url, token } : null);
  }

  /** The connection is gone: no relay link for it. */
  unroute(connectionId: string): void {
    this.receiver?.route(connectionId, null);
  }

  /** The secret the connection's webhooks are signed with; null refuses them (unknown, disconnected, or none set). */
  secretFor(connectionId: string): string | null {
    const runtime = this.options.runtime(connectionId);
    return runtime && runtime.record.status !== 'disconnected' ? (runtime.secrets?.webhookSecret ?? null) : null;
  }

  /** Whether the connection's webhook deliveries can be acted on now (see WebhookHandler.readiness). */
  readiness(connectionId: string): 'ready' | 'wait' | 'drop' {
    if (!this.options.started()) return 'wait';
    const runtime = this.options.runtime(connectionId);
    if (!runtime || runtime.record.status === 'disconnected') return 'drop';
    return runtime.record.status === 'active' && this.options.store() ? 'ready' : 'wait';
  }

  /**
   * A webhook named these records: fetch their current versions and store each where it is not
   * older than the cache, so a late or repeated delivery never puts an older version back.
   */
  async refresh(runtime: ConnectionRuntime, store: LocalStore, entity: SyncEntity, keys: readonly string[]): Promise<void> {
    const connectionId = runtime.record.id;
    const startedAt = new Date(this.options.now()).toISOString();
    try {
      await this.options.ensureFreshToken(runtime);
      const page = await runtime.connector.fetchByKeys(entity, keys);
      if (page.records.length > 0) await store.applyIfNewer({ connectionId, entity, records: page.records } as FetchedRecords);
      if (page.quarantined.length > 0) {
        this.options.logger.warn('webhook: fetched records failed validation; the next sync quarantines them', { connectionId, entity, count: page.quarantined.length });
      }
      this.options.history.clearFailures(runtime, 'webhook');
      const wasLive = runtime.lastWebhookAt !== null;
      runtime.lastWebhookAt = new Date(this.options.now()).toISOString();
      if (!wasLive) this.options.emit(runtime);
    } catch (error) {
      const shape = toAppErrorShape(error);
      this.options.history.recordFailure(runtime, 'webhook', shape, startedAt, `Changes a webhook announced (${syncEntityLabels[entity]}) could not be fetched; they are tried again.`, entity);
      if (shape.code === 'UPSTREAM_AUTH' || shape.code === 'NETWORK') {
        this.options.fail(runtime, error);
        this.options.emit(runtime);
      }
      throw error;
    }
  }

  /** Webhook counters changed: the connection's view follows, a few times a second at most. */
  activity(connectionId: string): void {
    const runtime = this.options.runtime(connectionId);
    if (!runtime) return;
    // A delivery from the plant's side while we cannot reach it: ask it again now.
    if (runtime.reach.reachable === false && runtime.record.status === 'active') this.options.probeNow(runtime);
    // While the relay is down, polling stands in for it, more often: the next sync moves earlier if
    // it is further off, never later (a link going up and down must not keep pushing it away).
    // Once the relay is back, the sync after the next one is at the interval again.
    const relayDown = isRelayDown(this.receiver?.status(connectionId).relay);
    if (relayDown !== runtime.schedule.relayDown) {
      runtime.schedule.relayDown = relayDown;
      const soonest = this.options.now() + effectiveIntervalMinutes(runtime) * 60_000 * 1.1;
      if (relayDown && runtime.schedule.nextSyncAt !== null && runtime.schedule.nextSyncAt > soonest) this.options.scheduleNext(runtime);
    }
    if (runtime.activityTimer) return;
    runtime.activityTimer = setTimeout(() => {
      runtime.activityTimer = null;
      if (this.options.isCurrent(runtime)) this.options.emit(runtime);
    }, activityEmitDelayMs);
    runtime.activityTimer.unref();
  }

  /** No more view updates for activity (the app quits). */
  stop(runtimes: readonly ConnectionRuntime[]): void {
    for (const runtime of runtimes) if (runtime.activityTimer) clearTimeout(runtime.activityTimer);
  }
}
