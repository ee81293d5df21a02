import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type Consumer,
  type ConsumerConfig,
  type ConsumerInfo,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { connect, delay, errors, nanos, type NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import type { Logger } from '../core/logging/logger';
import type { QueuedDelivery } from '../core/webhooks/webhook-journal-format';
import { defaultRetentionMs, relayIdPattern, type DesktopSubscription, type RelayDesktop, type RelayStore, type StoredDelivery } from './relay-store';

/**
 * The relay's store in NATS JetStream, shared by every relay instance of a deployment: one stream
 * (`millwright-relay-<deployment>`, file storage, replicated `replicas` times, messages kept for
 * the retention) holding each delivery as JSON `{id, receivedAt, scheme, payload}` on the subject
 * `millwright.<deployment>.webhooks.<connectionId>`, and one durable pull consumer per desktop
 * (`desktop-<id>`) on its connection's subject, starting at the desktop's registration time.
 *
 * A delivery is stored once JetStream acknowledges the publish, which for a replicated stream
 * means a quorum of its servers has it. Publishes carry `<connectionId>:<delivery id>` as their
 * message id, so a publish retried after a lost acknowledgement is not stored twice (within the
 * stream's two-minute duplicate window). Requests that fail while a server is down or a leader is
 * being elected (no responders, timeouts, 503) are retried for up to ten seconds. The client
 * reconnects to another server by itself; a desktop whose consumer's leader died is sent nothing
 * until a new leader is elected and the client, missing two heartbeats, pulls again: about 5–15 s.
 *
 * Consumers acknowledge explicitly, message by message, not cumulatively: after a failover a
 * delivery the server counts as sent but that never arrived is redelivered (after the ack wait)
 * behind newer ones, and a cumulative acknowledgement of a newer one would drop it unseen. So
 * `ack(seqs)` acknowledges exactly the deliveries the desktop stored, and a subscription hands
 * deliveries out in the order they arrive: by sequence, except such a late redelivery. The
 * desktop de-duplicates by delivery id.
 *
 * Closing a subscription hands what it holds unacknowledged back to the server (nak), oldest
 * first, so the desktop's next subscription, through this instance or another, gets it at once; a
 * message the server was sending just as the subscription closed comes back after the ack wait.
 */

export interface JetStreamRelayStoreOptions {
  /** NATS server URLs; the client fails over between them (and the servers the cluster announces) and reconnects for ever. */
  servers: string | string[];
  /** The relay deployment: names the stream and its subjects (letters, digits, `-`, `_`). */
  deployment: string;
  /** How long deliveries are kept; 7 days by default. */
  retentionMs?: number;
  /** How many servers hold the stream (1, 3 or 5; 1 by default: pass 3 for a 3-node cluster). */
  replicas?: number;
  /** How long a delivery handed to a desktop may go unacknowledged before it is sent again; 30 s by default. */
  ackWaitMs?: number;
  logger?: Logger;
}

const defaultAckWaitMs = 30_000;
const duplicateWindowMs = 2 * 60 * 1000;
/** Deliveries sent to a desktop and not yet acknowledged, at most (the server stops sending beyond). */
const maxAckPending = 1000;
/** How long a transient failure is retried before the operation fails. */
const retryForMs = 10_000;
/** One request's timeout (a publish, an acknowledgement, a JetStream API call), and the least a retried publish is given. */
const requestTimeoutMs = 4_000;
const minRequestTimeoutMs = 500;
const retryDelaysMs = [100, 250, 500, 1000];
/** Pull requests: messages per request and how long one waits (heartbeats every half of that; two missed and the client pulls afresh). */
const pullBatch = 100;
const pullExpiresMs = 5_000;
/** How long close() waits for the connection to flush before it just closes it. */
const closeTimeoutMs = 5_000;
/** JetStream's error code for a stream that exists with another configuration. */
const streamNameInUse = 10058;

/** What a stored message holds (the connection is in its subject). */
const storedMessageSchema = z.object({
  id: z.string().min(1),
  receivedAt: z.number(),
  scheme: z.enum(['standard-webhooks', 'makini']),
  payload: z.record(z.string(), z.unknown()),
});

export class JetStreamRelayStore implements RelayStore {
  /** The open subscription of each desktop (by id) through this instance. */
  private readonly subscriptions = new Map<string, JetStreamDesktopSubscription>();
  private readonly appending = new Set<Promise<void>>();
  private closed = false;
  /** Whether the client is connected to a NATS server now (it reconnects by itself). */
  private connected = true;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly deployment: string,
    private readonly stream: string,
    private readonly ackWaitMs: number,
    private readonly logger: Logger | undefined,
  ) {
    void this.logConnectionStatus();
  }

  /** Connects and creates the deployment's stream, or brings its retention, replicas and duplicate window to the options. */
  static async open(options: JetStreamRelayStoreOptions): Promise<JetStreamRelayStore> {
    const { deployment, logger } = options;
    if (!relayIdPattern.test(deployment)) throw new Error(`A relay deployment name must match ${relayIdPattern}: ${JSON.stringify(deployment)}`);
    const retentionMs = options.retentionMs ?? defaultRetentionMs;
    const stream = `millwright-relay-${deployment}`;
    const nc = await connect({
      servers: options.servers,
      name: stream,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
      pingInterval: 10_000,
      timeout: requestTimeoutMs,
    });
    try {
      const jsm = await jetstreamManager(nc, { timeout: requestTimeoutMs });
      const settings = {
        max_age: nanos(retentionMs),
        num_replicas: options.replicas ?? 1,
        duplicate_window: nanos(Math.min(duplicateWindowMs, retentionMs)),
      };
      await retrying(async () => {
        try {
          await jsm.streams.add({
            name: stream,
            subjects: [`millwright.${deployment}.webhooks.*`],
            storage: StorageType.File,
            retention: RetentionPolicy.Limits,
            discard: DiscardPolicy.Old,
            ...settings,
          });
        } catch (error) {
          if (!(error instanceof JetStreamApiError && error.code === streamNameInUse)) throw error;
          await jsm.streams.update(stream, settings);
        }
      });
      const js = jetstream(nc, { timeout: requestTimeoutMs });
      return new JetStreamRelayStore(nc, js, jsm, deployment, stream, options.ackWaitMs ?? defaultAckWaitMs, logger);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  /** Publishes the delivery and resolves once JetStream has stored it (on a quorum of replicas); throws when it could not within about ten seconds. */
  append(delivery: QueuedDelivery): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The relay store is closed.'));
    const { connectionId, id, receivedAt, scheme, payload } = delivery;
    if (!relayIdPattern.test(connectionId)) return Promise.reject(new Error(`A relay connection id must match ${relayIdPattern}: ${JSON.stringify(connectionId)}`));
    if (!id || /[\r\n\0]/.test(id)) return Promise.reject(new Error('A delivery id must be non-empty, on one line, without NUL.'));
    const data = JSON.stringify({ id, receivedAt, scheme, payload });
    const appended = retrying((timeout) => this.js.publish(this.subjectOf(connectionId), data, { msgID: `${connectionId}:${id}`, timeout })).then(() => undefined);
    this.appending.add(appended);
    void appended.finally(() => this.appending.delete(appended)).catch(() => undefined);
    return appended;
  }

  /** Opens the desktop's subscription (closing the one it had through this instance), creating its consumer when it has none. */
  async subscribe(desktop: RelayDesktop): Promise<DesktopSubscription> {
    if (this.closed) throw new Error('The relay store is closed.');
    await this.subscriptions.get(desktop.id)?.close();
    const info = await this.consumerOf(desktop);
    const subscription = new JetStreamDesktopSubscription(this.js.consumers.getConsumerFromInfo(info), this.nc, desktop, this.logger, () => {
      if (this.subscriptions.get(desktop.id) === subscription) this.subscriptions.delete(desktop.id);
    });
    await subscription.start();
    this.subscriptions.set(desktop.id, subscription);
    return subscription;
  }

  /**
   * The desktop's consumer's deliveries not yet sent plus those sent and not acknowledged (creating
   * the consumer, as its first subscription would, so a desktop that never subscribed counts what
   * was stored since its registration). Read on the consumer's leader, whose copy of the stream may
   * trail a publish acknowledged a moment ago.
   */
  async pending(desktop: RelayDesktop): Promise<number> {
    const info = await this.consumerOf(desktop);
    return info.num_pending + info.num_ack_pending;
  }

  health(): { ok: true } | { ok: false; reason: string } {
    if (this.closed || this.nc.isClosed()) return { ok: false, reason: 'The store is closed.' };
    return this.connected ? { ok: true } : { ok: false, reason: 'Not connected to any NATS server (reconnecting).' };
  }

  /** Waits for the appends under way, closes the subscriptions (what they hold unacknowledged goes back to the server) and drains the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.appending);
    await Promise.all([...this.subscriptions.values()].map((subscription) => subscription.close()));
    await settleWithin(this.nc.drain(), closeTimeoutMs);
    if (!this.nc.isClosed()) await this.nc.close();
  }

  private subjectOf(connectionId: string): string {
    return `millwright.${this.deployment}.webhooks.${connectionId}`;
  }

  /**
   * The desktop's durable consumer, created if missing (starting at its registration). An existing
   * one is used as it is (its start, ack wait and limit are those it was made with), unless it
   * reads another connection's subject: the desktop was moved, so it is made anew for the new
   * connection. Two instances doing this at once both get the one consumer.
   */
  private consumerOf(desktop: RelayDesktop): Promise<ConsumerInfo> {
    if (!relayIdPattern.test(desktop.id) || !relayIdPattern.test(desktop.connectionId)) {
      return Promise.reject(new Error(`A desktop's id and connection id must match ${relayIdPattern}.`));
    }
    const name = `desktop-${desktop.id}`;
    const subject = this.subjectOf(desktop.connectionId);
    const config: Partial<ConsumerConfig> = {
      durable_name: name,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(desktop.registeredAt).toISOString(),
      ack_wait: nanos(this.ackWaitMs),
      max_ack_pending: maxAckPending,
    };
    return retrying(async () => {
      const existing = await this.consumerInfo(name);
      const sameStart = existing !== null && Date.parse(existing.config.opt_start_time ?? '') === desktop.registeredAt;
      if (existing?.config.filter_subject === subject && sameStart) return existing;
      if (existing) {
        // Moved to another connection, or registered anew (revoked, then issued a token again): it starts over from then, as with the embedded store.
        this.logger?.warn('Relay store: a desktop was moved or registered anew; its consumer is made anew', { desktop: desktop.id, connection: desktop.connectionId });
        await this.jsm.consumers.delete(this.stream, name);
      }
      try {
        return await this.jsm.consumers.add(this.stream, config);
      } catch (error) {
        // Another instance may have made it meanwhile.
        const made = await this.consumerInfo(name);
        if (made?.config.filter_subject === subject) return made;
        throw error;
      }
    });
  }

  private async consumerInfo(name: string): Promise<ConsumerInfo | null> {
    try {
      return await this.jsm.consumers.info(this.stream, name);
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound) return null;
      throw error;
    }
  }

  private async logConnectionStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.logger?.warn('Relay store: disconnected from a NATS server', { server: status.server });
      }
      if (status.type === 'reconnect') {
        this.connected = true;
        this.logger?.info('Relay store: reconnected to NATS', { server: status.server });
      }
    }
  }
}

/**
 * One desktop's stream of deliveries from its consumer. Messages arrive (pulled in batches) into
 * `received`, are handed out by `deliveries` into `sent`, and leave it when the desktop
 * acknowledges them. A redelivery of one already held replaces the message (its acknowledgement
 * subject is the current one) instead of being handed out again; a redelivery of one the desktop
 * acknowledged but whose acknowledgement the server did not confirm is acknowledged again.
 */
class JetStreamDesktopSubscription implements DesktopSubscription {
  readonly deliveries: AsyncIterable<StoredDelivery>;
  /** Arrived, not handed out yet, in arrival order. */
  private readonly received = new Map<number, { message: JsMsg; delivery: StoredDelivery }>();
  /** Handed out, not acknowledged yet. */
  private readonly sent = new Map<number, JsMsg>();
  /** Acknowledged by the desktop, not confirmed by the server. */
  private readonly unconfirmed = new Set<number>();
  private messages: ConsumerMessages | null = null;
  private wake: (() => void) | null = null;
  private closing = false;
  private closed: Promise<void> | null = null;

  constructor(
    private readonly consumer: Consumer,
    private readonly nc: NatsConnection,
    private readonly desktop: RelayDesktop,
    private readonly logger: Logger | undefined,
    private readonly onClosed: () => void,
  ) {
    this.deliveries = this.handOut();
  }

  /**
   * Starts pulling. The client pulls afresh by itself after a reconnect or two missed heartbeats (a
   * server that went away, a consumer leader that moved); should it stop on its own (an error it
   * treats as final), the subscription closes, ending `deliveries`, and the desktop's next one
   * starts over.
   */
  async start(): Promise<void> {
    const messages = await this.consumer.consume({ callback: (message) => this.receive(message), max_messages: pullBatch, expires: pullExpiresMs });
    this.messages = messages;
    void this.logNotifications(messages);
    void messages.closed().then((ended) => {
      if (this.closing || this.nc.isClosed()) return;
      this.logger?.warn('Relay store: pulling for a desktop stopped', { desktop: this.desktop.id, error: ended instanceof Error ? ended.message : null });
      void this.close();
    });
  }

  /**
   * The desktop has stored these deliveries: acknowledges each and waits for the server to
   * confirm. Throws if some were not confirmed (they are acknowledged again should the server send
   * them again).
   */
  async ack(seqs: readonly number[]): Promise<void> {
    const stored = new Set(seqs);
    const due = [...this.sent].filter(([sent]) => stored.has(sent));
    for (const [sent] of due) this.sent.delete(sent);
    const results = await Promise.allSettled(due.map(([, message]) => message.ackAck({ timeout: requestTimeoutMs })));
    const failed = due.filter((_, i) => results[i]!.status === 'rejected').map(([sent]) => sent);
    if (failed.length === 0) return;
    for (const sent of failed) this.unconfirmed.add(sent);
    const reason = results.find((result) => result.status === 'rejected')?.reason;
    throw new Error(`NATS did not confirm ${failed.length} of ${due.length} acknowledgements for desktop ${this.desktop.id}: ${String(reason)}`);
  }

  /** Stops pulling and ends `deliveries`; what was received and not acknowledged is handed back to the server (nak) for the next subscription, oldest first. */
  close(): Promise<void> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    this.closing = true;
    this.wake?.();
    await this.messages?.close();
    // The consumer's leader drops pull requests nobody listens to when asked for the consumer's
    // state. Before 2.10, a nak'd message it takes up while only such requests wait is lost until
    // the ack wait: so ask before the naks (the question travels behind this client's unsubscribe).
    await this.consumer.info().catch(() => undefined);
    const held = [...this.sent, ...[...this.received].map(([seq, { message }]): [number, JsMsg] => [seq, message])];
    this.sent.clear();
    this.received.clear();
    for (const [, message] of held.sort(([a], [b]) => a - b)) message.nak();
    if (held.length > 0 && !this.nc.isClosed()) await settleWithin(this.nc.flush(), closeTimeoutMs);
    this.onClosed();
  }

  private async logNotifications(messages: ConsumerMessages): Promise<void> {
    for await (const note of messages.status()) {
      if (note.type === 'heartbeats_missed' || note.type === 'consumer_not_found' || note.type === 'consumer_deleted' || note.type === 'stream_not_found') {
        this.logger?.warn(`Relay store: ${note.type.replaceAll('_', ' ')}`, { desktop: this.desktop.id });
      }
    }
  }

  private receive(message: JsMsg): void {
    if (this.closing) {
      message.nak();
      return;
    }
    const seq = message.seq;
    if (this.unconfirmed.has(seq)) {
      message.ackAck({ timeout: requestTimeoutMs }).then(
        () => this.unconfirmed.delete(seq),
        () => undefined,
      );
      return;
    }
    if (this.sent.has(seq)) {
      this.sent.set(seq, message);
      return;
    }
    const held = this.received.get(seq);
    if (held) {
      held.message = message;
      return;
    }
    const delivery = this.parse(message);
    if (!delivery) {
      this.logger?.warn('Relay store: skipped an unreadable message', { desktop: this.desktop.id, seq, subject: message.subject });
      message.term();
      return;
    }
    this.received.set(seq, { message, delivery });
    this.wake?.();
  }

  private parse(message: JsMsg): StoredDelivery | null {
    try {
      const parsed = storedMessageSchema.safeParse(JSON.parse(message.string()));
      return parsed.success ? { ...parsed.data, connectionId: this.desktop.connectionId, seq: message.seq } : null;
    } catch {
      return null;
    }
  }

  private async *handOut(): AsyncGenerator<StoredDelivery> {
    while (!this.closing) {
      const next = this.received.entries().next();
      if (next.done) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      const [seq, { message, delivery }] = next.value;
      this.received.delete(seq);
      this.sent.set(seq, message);
      yield delivery;
    }
  }
}

/**
 * Runs `attempt` until it succeeds, retrying what a server going away or a leader election causes
 * (timeouts, no responders, 503) with growing pauses for up to ten seconds. `attempt` is given
 * how long it may wait for an answer: a request's timeout, less near the end.
 */
async function retrying<T>(attempt: (timeoutMs: number) => Promise<T>): Promise<T> {
  const deadline = Date.now() + retryForMs;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(Math.max(minRequestTimeoutMs, Math.min(requestTimeoutMs, deadline - Date.now())));
    } catch (error) {
      const pause = retryDelaysMs[Math.min(tries, retryDelaysMs.length - 1)]!;
      if (!isTransient(error) || Date.now() + pause + minRequestTimeoutMs > deadline) throw error;
      await delay(pause);
    }
  }
}

function isTransient(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof errors.TimeoutError || cause instanceof errors.NoRespondersError) return true;
    if (cause instanceof errors.RequestError && cause.isNoResponders()) return true;
    if (cause instanceof JetStreamApiError && cause.status === 503) return true;
  }
  return false;
}

/** Waits for `promise` (its failure ignored), at most `ms`. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  const timeout = delay(ms);
  await Promise.race([promise.catch(() => undefined), timeout]);
  timeout.cancel();
}
