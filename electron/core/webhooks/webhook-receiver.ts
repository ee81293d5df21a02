import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { createHardenedListener, listenOn } from '../http/hardened-listener';
import { isLoopbackAddress } from '../http/loopback-address';
import { HttpRefusal } from '../http/http-refusal';
import type { Logger } from '../logging/logger';
import { DeliveryFeed, type DeliveryListener } from './delivery-feed';
import { WebhookAdmission } from './webhook-admission';
import { WebhookJournal, type AppendOutcome, type JournalCounters } from './webhook-journal';
import type { DeliveryRef, QueuedDelivery } from './webhook-journal-format';
import type { WebhookConnectionStats } from './webhook-stats';

export interface WebhookReceiverOptions {
  /** The journal's directory (one receiver per directory; it is locked while open). */
  dir: string;
  /**
   * The connection's webhook secret, or null when there is no such connection (404). Called on
   * every request, so a rotated or deleted secret takes effect at once. An empty secret counts as none.
   */
  secretFor(connectionId: string): string | null;
  /** The address to listen on: 127.0.0.1 by default. Anything but loopback needs `allowNetwork`. */
  host?: string;
  /** Required to listen on a non-loopback address (the LAN, or every interface). */
  allowNetwork?: boolean;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** HTTPS with this certificate and key (PEM); plain HTTP without. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Larger bodies get 413; 1 MiB by default. */
  maxBodyBytes?: number;
  /** Bodies nesting deeper get 400 tooDeep (before they are journaled); 64 by default. */
  maxJsonDepth?: number;
  /** Standard Webhooks timestamp tolerance, either way; 300 s by default. */
  toleranceSeconds?: number;
  /** How long delivery ids are remembered; 7 days by default. */
  dedupeWindowMs?: number;
  /** Journal size at which processed deliveries are compacted away; 4 MiB by default. */
  compactAtBytes?: number;
  /** Now, in Unix milliseconds (for tests). */
  now?: () => number;
  logger?: Logger;
}

/**
 * Makini's webhooks for every connection on one small HTTP(S) server: `POST /webhooks/<connectionId>`.
 * A delivery is answered 200 only once it is verified and durably journaled (or known already);
 * everything else is refused with a status saying why, and never stored. Processing happens
 * elsewhere, from `pending()` / `onDelivery()` / `deliveries()`, calling `markProcessed()` when done.
 */
export class WebhookReceiver {
  private readonly admission: WebhookAdmission;
  private readonly feed: DeliveryFeed;
  private readonly inFlight = new Set<Promise<void>>();
  private closing: Promise<void> | null = null;
  private readonly now: () => number;

  private constructor(
    private readonly options: WebhookReceiverOptions,
    private readonly journal: WebhookJournal,
    private readonly server: Server,
    /** The receiver's origin, e.g. http://127.0.0.1:49152. */
    readonly url: string,
    readonly port: number,
  ) {
    this.now = options.now ?? Date.now;
    this.admission = new WebhookAdmission({
      name: 'webhook receiver',
      now: this.now,
      logger: options.logger,
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.maxJsonDepth !== undefined ? { maxJsonDepth: options.maxJsonDepth } : {}),
      ...(options.toleranceSeconds !== undefined ? { toleranceSeconds: options.toleranceSeconds } : {}),
    });
    this.feed = new DeliveryFeed(options.logger);
    journal.onQueued((delivery) => this.feed.publish(delivery));
  }

  /** Opens the journal (reading back what is pending), then listens. */
  static async start(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
    const host = options.host ?? '127.0.0.1';
    if (!isLoopbackAddress(host) && !options.allowNetwork) {
      throw new Error(`Listening for webhooks on ${host} exposes the receiver beyond this machine; pass allowNetwork to do so.`);
    }
    const journal = await WebhookJournal.open(options.dir, {
      now: options.now,
      dedupeWindowMs: options.dedupeWindowMs,
      compactAtBytes: options.compactAtBytes,
      logger: options.logger,
    });
    let receiver: WebhookReceiver | null = null;
    const server = createHardenedListener({
      name: 'webhook receiver',
      logger: options.logger,
      timeouts: { headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000 },
      ...(options.tls ? { tls: options.tls } : {}),
      handle: (req, res, url) => {
        if (!receiver) throw new HttpRefusal(503, 'starting', 'The receiver is still starting.');
        return receiver.accept(req, res, url);
      },
    });
    let port: number;
    try {
      ({ port } = await listenOn(server, options.port ?? 0, host));
    } catch (error) {
      await journal.close();
      throw error;
    }
    const shownHost = isIP(host) === 6 ? `[${host}]` : host;
    receiver = new WebhookReceiver(options, journal, server, `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`, port);
    return receiver;
  }

  /** The URL to give Makini for a connection. */
  endpointFor(connectionId: string): string {
    return `${this.url}/webhooks/${encodeURIComponent(connectionId)}`;
  }

  /** Deliveries journaled and not yet processed, oldest first (after a restart: what the last run left). */
  pending(): QueuedDelivery[] {
    return this.journal.pending();
  }

  /**
   * Journals a delivery a relay verified and passed on (the relay answered the sender; this
   * computer de-duplicates): resolves once it is on disk, or known already.
   */
  async enqueueRelayed(delivery: QueuedDelivery): Promise<AppendOutcome> {
    const stats = this.admission.stats;
    stats.count(delivery.connectionId, 'received');
    stats.count(delivery.connectionId, 'verified');
    try {
      const outcome = await this.journal.append(delivery);
      stats.count(delivery.connectionId, outcome === 'queued' ? 'queued' : 'duplicate');
      return outcome;
    } catch (error) {
      stats.count(delivery.connectionId, 'failed');
      throw error;
    }
  }

  /** Marks a delivery done (durably); false if it was not pending. Its id is still refused as a duplicate for the window. */
  markProcessed(delivery: DeliveryRef): Promise<boolean> {
    return this.journal.markProcessed(delivery);
  }

  /**
   * Calls `listener` with each delivery queued from now on, after its 200 has been sent. Errors
   * (and rejections) are logged, nothing more: the delivery stays pending until markProcessed.
   * Deliveries pending from before are in pending(). Returns an unsubscribe.
   */
  onDelivery(listener: DeliveryListener): () => void {
    return this.feed.subscribe(listener);
  }

  /**
   * The pending deliveries, then each new one as it is queued, until `signal` aborts, the loop
   * breaks or the receiver closes. Each is yielded once per iterator; retrying one that failed is
   * the consumer's choice (it stays pending until markProcessed).
   */
  deliveries(options: { signal?: AbortSignal } = {}): AsyncIterableIterator<QueuedDelivery> {
    return this.feed.iterate(this.journal.pending(), options.signal);
  }

  /** The connection's counters since this receiver started. */
  stats(connectionId: string): WebhookConnectionStats {
    return this.admission.stats.get(connectionId);
  }

  /** Requests for unknown connections or paths since start. */
  unknownConnectionRequests(): number {
    return this.admission.stats.unknownConnection;
  }

  journalCounters(): JournalCounters {
    return this.journal.counts();
  }

  /** Stops listening, lets requests under way finish (their deliveries stay journaled), then closes the journal. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeIdleConnections();
      await Promise.allSettled([...this.inFlight]);
      this.server.closeAllConnections();
      await closed;
      this.feed.close();
      await this.journal.close();
    })();
    return this.closing;
  }

  /** Serves one request; kept in flight so close() lets it finish. Refusals and failures are the listener's to answer. */
  private accept(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const handling = this.handle(req, res, url);
    this.inFlight.add(handling);
    const forget = () => this.inFlight.delete(handling);
    handling.then(forget, forget);
    return handling;
  }

  private handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    return this.admission.serve(req, res, url, (connectionId) => this.options.secretFor(connectionId), (delivery) => this.journal.append(delivery));
  }
}
