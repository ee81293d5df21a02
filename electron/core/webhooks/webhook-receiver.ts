import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Logger } from '../logging/logger';
import { DeliveryFeed, type DeliveryListener } from './delivery-feed';
import { WebhookJournal, type DeliveryRef, type JournalCounters, type QueuedDelivery } from './webhook-journal';
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

export const defaultMaxBodyBytes = 1024 * 1024;
const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);
/** Ids are signed by the sender but still bounded: printable, at most this long. */
const maxWebhookIdLength = 256;
/** After refusing a body mid-way, how long its remainder is read and dropped so the client can read the answer. */
const lingerMs = 1000;
/** At most one warning per connection and reason in this interval (a flood of forgeries must not flood the log). */
const warnIntervalMs = 10_000;

const payloadSchema = z.record(z.string(), z.unknown());
const utf8 = new TextDecoder('utf-8', { fatal: true });

function isLoopback(host: string): boolean {
  return loopbackHosts.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
}

class BodyTooLarge extends Error {}
class BodyIncomplete extends Error {}

/** Reads the body, refusing it as soon as it passes `limit` (the rest is never buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onAborted = () => {
      cleanup();
      reject(new BodyIncomplete());
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error instanceof BodyTooLarge ? error : new BodyIncomplete(error.message));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('error', onError);
  });
}

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
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      if (receiver) receiver.accept(req, res);
      else res.destroy();
    };
    const serverOptions = { requestTimeout: 10_000, headersTimeout: 5_000, keepAliveTimeout: 5_000 };
    const server: Server = options.tls
      ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, handler)
      : createHttpServer(serverOptions, handler);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      await journal.close();
      throw error;
    }
    const { port } = server.address() as AddressInfo;
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

  private accept(req: IncomingMessage, res: ServerResponse): void {
    const handling = this.handle(req, res).catch((error: unknown) => {
      this.options.logger?.error('webhook receiver: request failed', { error: String(error) });
      if (!res.headersSent) this.answer(res, 500, { error: 'internal' }, true);
      else res.destroy();
    });
    this.inFlight.add(handling);
    void handling.finally(() => this.inFlight.delete(handling));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const connectionId = this.connectionIdOf(req.url ?? '/');
    const secret = connectionId === null ? null : this.options.secretFor(connectionId);
    if (connectionId === null || !secret) {
      this.stats_.unknownConnection += 1;
      return this.answer(res, 404, { error: 'unknown-connection' }, true);
    }
    this.stats_.count(connectionId, 'received');
    if (req.method !== 'POST') {
      return this.refuse(res, connectionId, 405, 'methodNotAllowed', { allow: 'POST' });
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      return this.refuse(res, connectionId, 415, 'unsupportedMediaType');
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.maxBodyBytes) return this.refuse(res, connectionId, 413, 'tooLarge');

    let body: Buffer;
    try {
      body = await readBody(req, this.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return this.refuse(res, connectionId, 413, 'tooLarge');
      this.stats_.countBadRequest(connectionId, 'incompleteBody');
      res.destroy();
      return;
    }

    const verdict = verifyWebhookSignature(secret, req.headers, body, {
      nowMs: this.now(),
      toleranceSeconds: this.options.toleranceSeconds ?? defaultToleranceSeconds,
    });
    if (!verdict.ok) {
      this.stats_.count(connectionId, 'rejected');
      this.warnRejected(connectionId, verdict.reason);
      return this.answer(res, 401, { error: 'invalid-signature' });
    }
    this.stats_.count(connectionId, 'verified');

    if (body.length === 0) return this.refuse(res, connectionId, 400, 'emptyBody');
    let parsed: unknown;
    try {
      parsed = JSON.parse(utf8.decode(body));
    } catch {
      return this.refuse(res, connectionId, 400, 'invalidJson');
    }
    const payload = payloadSchema.safeParse(parsed);
    if (!payload.success) return this.refuse(res, connectionId, 400, 'notAnObject');

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
    if (id.length > maxWebhookIdLength || /[\u0000-\u001f\u007f]/.test(id)) return this.refuse(res, connectionId, 400, 'badWebhookId');

    let outcome;
    try {
      outcome = await this.journal.append({ connectionId, id, receivedAt: this.now(), scheme: verdict.scheme, payload: payload.data });
    } catch (error) {
      this.stats_.count(connectionId, 'failed');
      this.options.logger?.error('webhook receiver: could not journal a delivery', { connectionId, error: String(error) });
      return this.answer(res, 500, { error: 'not-stored' });
    }
    this.stats_.count(connectionId, outcome === 'queued' ? 'queued' : 'duplicate');
    this.answer(res, 200, { status: outcome });
  }

  /** The connection id of `/webhooks/<id>` (query ignored), or null for any other path. */
  private connectionIdOf(url: string): string | null {
    const match = /^\/webhooks\/([^/?#]+)\/?(?:\?.*)?$/.exec(url);
    if (!match) return null;
    try {
      const id = decodeURIComponent(match[1]!);
      // eslint-disable-next-line no-control-regex
      return id.length > 0 && id.length <= 200 && !/[\u0000-\u001f\u007f]/.test(id) ? id : null;
    } catch {
      return null;
    }
  }

  private refuse(res: ServerResponse, connectionId: string, status: number, reason: BadRequestReason, headers: Record<string, string> = {}): void {
    this.stats_.countBadRequest(connectionId, reason);
    this.answer(res, status, { error: reason }, status !== 400, headers);
  }

  /**
   * Sends a small JSON answer. `close` is for answers given before the body was read: the
   * connection is not reused, and what remains of the body is read and dropped for at most a
   * second (so the client, still sending, can read the answer) before the socket is destroyed.
   */
  private answer(res: ServerResponse, status: number, body: unknown, close = false, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    const req = res.req;
    const unread = close && !req.complete;
    res.writeHead(status, {
      ...headers,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      ...(unread ? { connection: 'close' } : {}),
    });
    res.end(text);
    if (unread) {
      req.resume();
      const socket = req.socket;
      const timer = setTimeout(() => socket.destroy(), lingerMs);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
    }
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
