import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { defaultMaxBodyBytes, readBoundedBody } from '../http/bounded-body';
import { defaultMaxJsonDepth, parseBoundedJson } from '../http/bounded-json';
import { HttpRefusal } from '../http/http-refusal';
import type { Logger } from '../logging/logger';
import type { QueuedDelivery } from './webhook-journal-format';
import { defaultToleranceSeconds, verifyWebhookSignature, type SignatureRejection } from './webhook-signature';
import { WebhookStats, type BadRequestReason } from './webhook-stats';

export interface WebhookAdmissionOptions {
  /** Names the listener in the log ("webhook receiver", "relay"). */
  name: string;
  /** Larger bodies get 413; 1 MiB by default. */
  maxBodyBytes?: number;
  /** Bodies nesting deeper get 400 tooDeep (before they are stored); 64 by default. */
  maxJsonDepth?: number;
  /** Standard Webhooks timestamp tolerance, either way; 300 s by default. */
  toleranceSeconds?: number;
  /** Now, in Unix milliseconds. */
  now: () => number;
  logger?: Logger | undefined;
}

/** Ids are signed by the sender but still bounded: printable, at most this long. */
const maxWebhookIdLength = 256;
/** At most one warning per connection and reason in this interval (a flood of forgeries must not flood the log). */
const warnIntervalMs = 10_000;

const payloadSchema = z.record(z.string(), z.unknown());

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

/** The connection id of `/webhooks/<id>`, or null for any other path. */
export function webhookConnectionIdOf(pathname: string): string | null {
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

/**
 * The checks a webhook request passes before anything stores it, shared by the desktop's receiver
 * and the relay: POST, JSON, a bounded body, a signature by the connection's secret, JSON an
 * object nesting no deeper than any webhook does, and an id naming the delivery. Each refusal is
 * an HttpRefusal saying why, counted per connection.
 */
export class WebhookAdmission {
  readonly stats = new WebhookStats();
  private readonly lastWarning = new Map<string, { at: number; suppressed: number }>();

  constructor(private readonly options: WebhookAdmissionOptions) {}

  /**
   * Serves `POST /webhooks/<connection>`: 404 unless the connection has a secret, the admission's
   * refusals, then `store` (durably, before the answer): 200 with its outcome, or 500 when it could
   * not store (the sender retries).
   */
  async serve(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    secretFor: (connectionId: string) => string | null,
    store: (delivery: QueuedDelivery) => Promise<'queued' | 'duplicate'>,
  ): Promise<void> {
    const connectionId = webhookConnectionIdOf(url.pathname);
    const secret = connectionId === null ? null : secretFor(connectionId);
    if (connectionId === null || !secret) {
      this.stats.unknownConnection += 1;
      throw new HttpRefusal(404, 'unknown-connection', 'No connection takes webhooks at this address.');
    }
    const delivery = await this.admit(req, connectionId, secret);
    let outcome: 'queued' | 'duplicate';
    try {
      outcome = await store(delivery);
    } catch (error) {
      this.stats.count(connectionId, 'failed');
      this.options.logger?.error(`${this.options.name}: could not store a delivery`, { connectionId, error: String(error) });
      throw new HttpRefusal(500, 'not-stored', 'The delivery could not be stored; send it again.');
    }
    this.stats.count(connectionId, outcome);
    const text = JSON.stringify({ status: outcome });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  }

  /** Reads and verifies a request to a known connection's endpoint; throws an HttpRefusal for anything not to be stored. */
  async admit(req: IncomingMessage, connectionId: string, secret: string): Promise<QueuedDelivery> {
    this.stats.count(connectionId, 'received');
    if (req.method !== 'POST') throw this.refusal(connectionId, 405, 'methodNotAllowed', { allow: 'POST' });
    if (!isJsonContentType(req.headers['content-type'])) throw this.refusal(connectionId, 415, 'unsupportedMediaType');
    let body: Buffer;
    try {
      body = await readBoundedBody(req, this.options.maxBodyBytes ?? defaultMaxBodyBytes);
    } catch (error) {
      if (error instanceof HttpRefusal) throw this.refusal(connectionId, 413, 'tooLarge');
      this.stats.countBadRequest(connectionId, 'incompleteBody');
      throw error;
    }

    const now = this.options.now();
    const verdict = verifyWebhookSignature(secret, req.headers, body, {
      nowMs: now,
      toleranceSeconds: this.options.toleranceSeconds ?? defaultToleranceSeconds,
    });
    if (!verdict.ok) {
      this.stats.count(connectionId, 'rejected');
      this.warnRejected(connectionId, verdict.reason);
      throw new HttpRefusal(401, 'invalid-signature', "The delivery is not signed with this connection's webhook secret.");
    }
    this.stats.count(connectionId, 'verified');

    if (body.length === 0) throw this.refusal(connectionId, 400, 'emptyBody');
    // Refused for good (a 4xx, which the sender does not retry as it would a 500) before it is
    // stored: a body nesting thousands deep would overflow the stack of every step after.
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
    return { connectionId, id, receivedAt: now, scheme: verdict.scheme, payload: payload.data };
  }

  /** Counts a refusal of a known connection's delivery and makes it, to be thrown. */
  private refusal(connectionId: string, status: number, reason: BadRequestReason, headers: Record<string, string> = {}): HttpRefusal {
    this.stats.countBadRequest(connectionId, reason);
    return new HttpRefusal(status, reason, refusalMessages[reason], headers);
  }

  /** Logs a refused signature (the connection and the reason only: never headers, signatures or secrets), throttled. */
  private warnRejected(connectionId: string, reason: SignatureRejection): void {
    const logger = this.options.logger;
    if (!logger) return;
    const key = `${connectionId}\u0000${reason}`;
    const now = this.options.now();
    const last = this.lastWarning.get(key);
    if (last && now - last.at < warnIntervalMs) {
      last.suppressed += 1;
      return;
    }
    this.lastWarning.set(key, { at: now, suppressed: 0 });
    logger.warn(`${this.options.name}: refused a delivery signature`, { connectionId, reason, suppressedSinceLast: last?.suppressed ?? 0 });
  }
}
