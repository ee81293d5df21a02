import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { z } from 'zod';
import { defaultMaxBodyBytes, readBoundedBody } from '../http/bounded-body';
import { defaultMaxJsonDepth, parseBoundedJson } from '../http/bounded-json';
import { createHardenedListener, listenOn } from '../http/hardened-listener';
import { HttpRefusal } from '../http/http-refusal';
import type { Logger } from '../logging/logger';
import { DeliveryFeed, type DeliveryListener } from './delivery-feed';
import { WebhookJournal, type JournalCounters } from './webhook-journal';
import type { DeliveryRef, QueuedDelivery } from './webhook-journal-format';
import { defaultToleranceSeconds, verifyWebhookSignature, type SignatureRejection } from './webhook-signature';
import { WebhookStats, type BadRequestReason, type WebhookConnectionStats } from './webhook-stats';

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

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);
/** Ids are signed by the sender but still bounded: printable, at most this long. */
const maxWebhookIdLength = 256;
/** At most one warning per connection and reason in this interval (a flood of forgeries must not flood the log). */
const warnIntervalMs = 10_000;

const payloadSchema = z.record(z.string(), z.unknown());

function isLoopback(host: string): boolean {
  return loopbackHosts.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
}

/** What each refusal tells the sender, in the listener's structured error shape. */
const refusalMessages: Record<BadRequestReason, string> = {
  methodNotAllowed: 'Webhooks are delivered with POST.',
  unsupportedMediaType: 'Webhooks are delivered as application/json.',
  tooLarge: 'The delivery is larger than this receiver takes.',
  emptyBody: 'The delivery has no body.',
  invalidJson: 'The delivery is not valid JSON in UTF-8.',
  tooDeep: 'The delivery nests deeper than any webhook does; it will not be stored.',
  notAnObject: 'The delivery is not a JSON object.',
  badWebhookId: 'The webhook-id cannot name a delivery (too long, or control characters).',
  incompleteBody: 'The delivery ended before its body did.',
};

function isJsonContentType(value: string | undefined): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Makini's webhooks for every connection on one small HTTP(S) server: `POST /webhooks/<connectionId>`.
 * A delivery is answered 200 only once it is verified and durably journaled (or known already);
 * everything else is refused with a status saying why, and never stored. Processing happens
 * elsewhere, from `pending()` / `onDelivery()` / `deliveries()`, calling `markProcessed()` when done.
 */
export class WebhookReceiver {
  private readonly stats_ = new WebhookStats();
  private readonly feed: DeliveryFeed;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly lastWarning = new Map<string, { at: number; suppressed: number }>();
  private closing: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly maxBodyBytes: number;

  private constructor(
    private readonly options: WebhookReceiverOptions,
    private readonly journal: WebhookJournal,
    private readonly server: Server,
    /** The receiver's origin, e.g. http://127.0.0.1:49152. */
    readonly url: string,
    readonly port: number,
  ) {
    this.now = options.now ?? Date.now;
    this.maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
    this.feed = new DeliveryFeed(options.logger);
    journal.onQueued((delivery) => this.feed.publish(delivery));
  }

  /** Opens the journal (reading back what is pending), then listens. */
  static async start(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
    const host = options.host ?? '127.0.0.1';
    if (!isLoopback(host) && !options.allowNetwork) {
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
    return this.stats_.get(connectionId);
  }

  /** Requests for unknown connections or paths since start. */
  unknownConnectionRequests(): number {
    return this.stats_.unknownConnection;
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

  private async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const connectionId = this.connectionIdOf(url.pathname);
    const secret = connectionId === null ? null : this.options.secretFor(connectionId);
    if (connectionId === null || !secret) {
      this.stats_.unknownConnection += 1;
      throw new HttpRefusal(404, 'unknown-connection', 'No connection takes webhooks at this address.');
    }
    this.stats_.count(connectionId, 'received');
    if (req.method !== 'POST') {
      throw this.refusal(connectionId, 405, 'methodNotAllowed', { allow: 'POST' });
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      throw this.refusal(connectionId, 415, 'unsupportedMediaType');
    }
    let body: Buffer;
    try {
      body = await readBoundedBody(req, this.maxBodyBytes);
    } catch (error) {
      if (error instanceof HttpRefusal) throw this.refusal(connectionId, 413, 'tooLarge');
      this.stats_.countBadRequest(connectionId, 'incompleteBody');
      throw error;
    }

    const verdict = verifyWebhookSignature(secret, req.headers, body, {
      nowMs: this.now(),
      toleranceSeconds: this.options.toleranceSeconds ?? defaultToleranceSeconds,
    });
    if (!verdict.ok) {
      this.stats_.count(connectionId, 'rejected');
      this.warnRejected(connectionId, verdict.reason);
      throw new HttpRefusal(401, 'invalid-signature', 'The delivery is not signed with this connection\'s webhook secret.');
    }
    this.stats_.count(connectionId, 'verified');

    if (body.length === 0) throw this.refusal(connectionId, 400, 'emptyBody');
    // Refused for good (a 4xx, which the sender does not retry as it would a 500) before it is
    // journaled: a body nesting thousands deep would overflow the stack of every step after.
    const parsed = parseBoundedJson(body, this.options.maxJsonDepth ?? defaultMaxJsonDepth);
    if (!parsed.ok) throw this.refusal(connectionId, 400, parsed.reason === 'too-deep' ? 'tooDeep' : 'invalidJson');
    const payload = payloadSchema.safeParse(parsed.value);
    if (!payload.success) throw this.refusal(connectionId, 400, 'notAnObject');

    // Makini's signature covers the body only. Its `webhook-id`, when sent, still names the
    // delivery (a changed id on a replayed body costs one harmless re-fetch), so two changes of the
    // same record with identical bodies are not taken for one; without it the body's hash does.
    const headerId = req.headers['webhook-id'];
    const id =
      verdict.scheme === 'standard-webhooks'
        ? verdict.webhookId
        : typeof headerId === 'string' && headerId !== ''
          ? `makini:${headerId}`
          : `sha256:${createHash('sha256').update(body).digest('hex')}`;
    // eslint-disable-next-line no-control-regex
    if (id.length > maxWebhookIdLength || /[\u0000-\u001f\u007f]/.test(id)) throw this.refusal(connectionId, 400, 'badWebhookId');

    let outcome;
    try {
      outcome = await this.journal.append({ connectionId, id, receivedAt: this.now(), scheme: verdict.scheme, payload: payload.data });
    } catch (error) {
      this.stats_.count(connectionId, 'failed');
      this.options.logger?.error('webhook receiver: could not journal a delivery', { connectionId, error: String(error) });
      throw new HttpRefusal(500, 'not-stored', 'The delivery could not be stored; send it again.');
    }
    this.stats_.count(connectionId, outcome === 'queued' ? 'queued' : 'duplicate');
    const text = JSON.stringify({ status: outcome });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  }

  /** The connection id of `/webhooks/<id>`, or null for any other path. */
  private connectionIdOf(pathname: string): string | null {
    const match = /^\/webhooks\/([^/]+)\/?$/.exec(pathname);
    if (!match) return null;
    try {
      const id = decodeURIComponent(match[1]!);
      // eslint-disable-next-line no-control-regex
      return id.length > 0 && id.length <= 200 && !/[\u0000-\u001f\u007f]/.test(id) ? id : null;
    } catch {
      return null;
    }
  }

  /** Counts a refusal of a known connection's delivery and makes it, to be thrown. */
  private refusal(connectionId: string, status: number, reason: BadRequestReason, headers: Record<string, string> = {}): HttpRefusal {
    this.stats_.countBadRequest(connectionId, reason);
    return new HttpRefusal(status, reason, refusalMessages[reason], headers);
  }

  /** Logs a refused signature (the connection and the reason only: never headers, signatures or secrets), throttled. */
  private warnRejected(connectionId: string, reason: SignatureRejection): void {
    const logger = this.options.logger;
    if (!logger) return;
    const key = `${connectionId}\u0000${reason}`;
    const now = this.now();
    const last = this.lastWarning.get(key);
    if (last && now - last.at < warnIntervalMs) {
      last.suppressed += 1;
      return;
    }
    this.lastWarning.set(key, { at: now, suppressed: 0 });
    logger.warn('webhook receiver: refused a delivery signature', { connectionId, reason, suppressedSinceLast: last?.suppressed ?? 0 });
  }
}
