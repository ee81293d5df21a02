import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import type { CollectionName, PlantChangeKind } from './plant-state';
import { SeededRandom } from './seeded-random';

/**
 * The demo plant's outgoing webhooks (see this folder's README, "Webhooks"): Makini's events for
 * sites, assets, purchase orders and work orders, batched, signed, retried, and (on request)
 * duplicated, reordered or forged.
 */

/** The collections Makini sends events for, and the route that names them in an event ("work-orders.updated"). */
export const webhookEventRoutes = {
  sites: 'sites',
  assets: 'assets',
  purchaseOrders: 'purchase-orders',
  workOrders: 'work-orders',
} as const satisfies Partial<Record<CollectionName, string>>;

/** 'makini': X-Webhook-Signature over the body; 'standard': Standard Webhooks' webhook-id / -timestamp / -signature. */
export type WebhookScheme = 'makini' | 'standard';

/** A Standard Webhooks secret: padded base64 of at least one byte, optionally prefixed "whsec_". */
function isStandardSecret(secret: string): boolean {
  const encoded = secret.replace(/^whsec_/, '');
  return encoded.length > 0 && encoded.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && Buffer.from(encoded, 'base64').length > 0;
}

export const webhookTargetSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    secret: z.string().min(1).max(1024),
    scheme: z.enum(['makini', 'standard']).default('makini'),
  })
  .strict()
  .superRefine((target, ctx) => {
    if (target.scheme === 'standard' && !isStandardSecret(target.secret)) {
      ctx.addIssue({ code: 'custom', path: ['secret'], message: 'a standard-scheme secret is base64, optionally prefixed "whsec_"' });
    }
  });
export type WebhookTargetInput = z.input<typeof webhookTargetSchema>;

const rate = z.number().min(0).max(1).default(0);
export const webhookFaultsSchema = z.object({ duplicateRate: rate, reorderRate: rate, forgeRate: rate }).strict();
export type WebhookFaults = z.infer<typeof webhookFaultsSchema>;
const noFaults: WebhookFaults = { duplicateRate: 0, reorderRate: 0, forgeRate: 0 };

export interface WebhookOptions {
  /** Targets subscribed from the start, as POST /__control/webhooks would subscribe them. */
  targets?: WebhookTargetInput[];
  /** Fault rates from the start, as POST /__control/webhook-faults would set them. */
  faults?: Partial<WebhookFaults>;
  /** Keys changed within this long of the first are sent in one delivery per event; 50 ms by default. */
  batchWindowMs?: number;
  /** Requests per delivery before it is given up (counted `failed`); 5 by default. */
  maxAttempts?: number;
  /** The first retry's delay, doubled for each one after; 1,000 ms by default. */
  retryBaseDelayMs?: number;
  /** A request not answered within this long fails (and is retried); 10,000 ms by default. */
  requestTimeoutMs?: number;
  /** A delivery held back for reordering is sent anyway when no other follows within this long; 1,000 ms by default. */
  reorderHoldMs?: number;
  /** The clock for webhook-timestamp (Unix seconds); the wall clock by default, as receivers check it against theirs. */
  now?: () => number;
}

export interface WebhookStats {
  /** Deliveries made for this target (one per event batch; forgeries and duplicates not counted). */
  deliveries: number;
  /** Deliveries answered 2xx, at the first attempt or a retry. */
  sent: number;
  /** Deliveries given up after `maxAttempts` failed requests (non-2xx, network error or time-out). */
  failed: number;
  /** Retry requests made. */
  retried: number;
  /** Deliveries not settled yet: queued, held back, in flight or waiting to be retried. */
  pending: number;
  /** Extra copies sent of deliveries already answered 2xx (the same webhook-id, headers and body). */
  duplicated: number;
  /** Deliveries held back and sent after the next one. */
  reordered: number;
  /** Forged requests sent (a wrong signature); never retried. */
  forged: number;
  /** Forged requests the receiver answered 2xx, which it should not have. */
  forgedAccepted: number;
  /** HTTP requests made, of every kind. */
  requests: number;
  /** The status of the latest delivery request (forgeries and duplicates aside); null before any, or after a network error. */
  lastStatus: number | null;
  /** Why the latest delivery request failed without a status (network error, time-out); null otherwise. */
  lastError: string | null;
  /** When the latest delivery request was answered or failed (ISO-8601). */
  lastAttemptAt: string | null;
}

export interface WebhookTargetView {
  id: string;
  url: string;
  scheme: WebhookScheme;
  createdAt: string;
  stats: WebhookStats;
}

interface Delivery {
  id: string;
  event: string;
  body: string;
  attempts: number;
  /** Send a copy after it is answered 2xx. */
  duplicate: boolean;
}

type Job = { mode: 'delivery'; delivery: Delivery } | { mode: 'forged'; delivery: Delivery };

type PostOutcome = { status: number } | { error: string };

/** One POST; answers the status, or why there is none. The connection is not reused. */
function post(url: URL, headers: OutgoingHttpHeaders, body: string, signal: AbortSignal, timeoutMs: number): Promise<PostOutcome> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent: false, signal, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('error', () => undefined);
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ error: error.message }));
    req.end(body);
  });
}

const hmacBase64 = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest('base64');
const isOk = (outcome: PostOutcome) => 'status' in outcome && outcome.status >= 200 && outcome.status < 300;

class WebhookTarget {
  readonly id = `wh_${randomUUID()}`;
  readonly createdAt: string;
  readonly stats: WebhookStats = {
    deliveries: 0,
    sent: 0,
    failed: 0,
    retried: 0,
    pending: 0,
    duplicated: 0,
    reordered: 0,
    forged: 0,
    forgedAccepted: 0,
    requests: 0,
    lastStatus: null,
    lastError: null,
    lastAttemptAt: null,
  };
  private readonly url: URL;
  /** The HMAC key: the secret's UTF-8 bytes (makini), or its base64-decoded bytes after "whsec_" (standard). */
  private readonly key: Buffer;
  private readonly forgedKey: Buffer;
  private readonly queue: Job[] = [];
  private pumping: Promise<void> | null = null;
  private held: { delivery: Delivery; timer: NodeJS.Timeout } | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly abort = new AbortController();

  constructor(
    readonly input: z.output<typeof webhookTargetSchema>,
    private readonly settings: Required<Omit<WebhookOptions, 'targets' | 'faults'>>,
  ) {
    this.url = new URL(input.url);
    this.createdAt = new Date().toISOString();
    this.key = input.scheme === 'standard' ? Buffer.from(input.secret.replace(/^whsec_/, ''), 'base64') : Buffer.from(input.secret, 'utf8');
    this.forgedKey = Buffer.concat([this.key, Buffer.from('-forged')]);
  }

  view(): WebhookTargetView {
    return { id: this.id, url: this.input.url, scheme: this.input.scheme, createdAt: this.createdAt, stats: { ...this.stats } };
  }

  busy(): boolean {
    return this.stats.pending > 0 || this.pumping !== null || this.queue.length > 0;
  }

  /** A new delivery of one event's payload, with the fault decisions drawn for it. */
  deliver(event: string, body: string, faults: { forge: boolean; duplicate: boolean; reorder: boolean }): void {
    if (this.abort.signal.aborted) return;
    const delivery: Delivery = { id: `msg_${randomUUID()}`, event, body, attempts: 0, duplicate: faults.duplicate };
    this.stats.deliveries += 1;
    this.stats.pending += 1;
    if (faults.forge) this.queue.push({ mode: 'forged', delivery: { ...delivery, id: `msg_${randomUUID()}`, duplicate: false } });
    if (this.held) {
      const held = this.held;
      this.held = null;
      this.clearTimer(held.timer);
      this.queue.push({ mode: 'delivery', delivery }, { mode: 'delivery', delivery: held.delivery });
      this.stats.reordered += 1;
    } else if (faults.reorder) {
      const timer = this.later(this.settings.reorderHoldMs, () => {
        if (this.held?.delivery !== delivery) return;
        this.held = null;
        this.enqueue({ mode: 'delivery', delivery });
      });
      this.held = { delivery, timer };
    } else this.queue.push({ mode: 'delivery', delivery });
    this.pump();
  }

  /** Stops everything: nothing more is sent, requests in flight are aborted. */
  close(): Promise<void> {
    this.abort.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = null;
    this.queue.length = 0;
    return this.pumping ?? Promise.resolve();
  }

  private enqueue(job: Job): void {
    if (this.abort.signal.aborted) return;
    this.queue.push(job);
    this.pump();
  }

  /** Sends queued jobs one at a time, so a receiver sees them in the order they were queued. */
  private pump(): void {
    if (this.pumping || this.abort.signal.aborted) return;
    this.pumping = (async () => {
      for (let job = this.queue.shift(); job && !this.abort.signal.aborted; job = this.queue.shift()) await this.send(job);
    })().finally(() => {
      this.pumping = null;
      if (this.queue.length > 0) this.pump();
    });
  }

  private headers(delivery: Delivery, key: Buffer): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Millwright-Demo-Plant-Webhooks/1',
      'webhook-id': delivery.id,
    };
    if (this.input.scheme === 'makini') headers['x-webhook-signature'] = hmacBase64(key, delivery.body);
    else {
      const timestamp = Math.floor(this.settings.now() / 1000);
      headers['webhook-timestamp'] = String(timestamp);
      headers['webhook-signature'] = `v1,${hmacBase64(key, `${delivery.id}.${timestamp}.${delivery.body}`)}`;
    }
    return headers;
  }

  private async request(headers: Record<string, string>, body: string): Promise<PostOutcome> {
    this.stats.requests += 1;
    return post(this.url, headers, body, this.abort.signal, this.settings.requestTimeoutMs);
  }

  private async send(job: Job): Promise<void> {
    const { delivery } = job;
    if (job.mode === 'forged') {
      this.stats.forged += 1;
      if (isOk(await this.request(this.headers(delivery, this.forgedKey), delivery.body))) this.stats.forgedAccepted += 1;
      return;
    }
    delivery.attempts += 1;
    if (delivery.attempts > 1) this.stats.retried += 1;
    const headers = this.headers(delivery, this.key);
    const outcome = await this.request(headers, delivery.body);
    if (this.abort.signal.aborted) return;
    this.stats.lastStatus = 'status' in outcome ? outcome.status : null;
    this.stats.lastError = 'error' in outcome ? outcome.error : null;
    this.stats.lastAttemptAt = new Date().toISOString();
    if (isOk(outcome)) {
      this.stats.sent += 1;
      this.stats.pending -= 1;
      if (delivery.duplicate) {
        this.stats.duplicated += 1;
        await this.request(headers, delivery.body);
      }
    } else if (delivery.attempts < this.settings.maxAttempts) {
      this.later(this.settings.retryBaseDelayMs * 2 ** (delivery.attempts - 1), () => this.enqueue(job));
    } else {
      this.stats.failed += 1;
      this.stats.pending -= 1;
    }
  }

  private later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private clearTimer(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}

/** At most this many keys go in one delivery; a larger batch is split. */
const maxKeysPerDelivery = 1000;

/**
 * Collects the plant's changes (`record`, from PlantState.onChange), batches them per event name
 * and delivers each batch to every subscribed target.
 */
export class WebhookDispatcher {
  private readonly targets = new Map<string, WebhookTarget>();
  /** Keys changed in the current window, per event name, in the order first changed. */
  private batch = new Map<string, Set<string>>();
  private batchTimer: NodeJS.Timeout | null = null;
  private faults: WebhookFaults = noFaults;
  private random: SeededRandom;
  private readonly settings: Required<Omit<WebhookOptions, 'targets' | 'faults'>>;
  private closed = false;

  /** `seed`: the plant's; fault decisions are drawn from it, so a run repeats. */
  constructor(
    private readonly seed: number,
    options: WebhookOptions = {},
  ) {
    this.settings = {
      batchWindowMs: options.batchWindowMs ?? 50,
      maxAttempts: options.maxAttempts ?? 5,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      reorderHoldMs: options.reorderHoldMs ?? 1000,
      now: options.now ?? Date.now,
    };
    this.random = this.faultRandom();
    for (const target of options.targets ?? []) this.subscribe(webhookTargetSchema.parse(target));
    if (options.faults) this.setFaults(webhookFaultsSchema.parse(options.faults));
  }

  subscribe(input: z.output<typeof webhookTargetSchema>): WebhookTargetView {
    const target = new WebhookTarget(input, this.settings);
    this.targets.set(target.id, target);
    return target.view();
  }

  /** Removes every target: nothing more is sent to any of them, requests in flight are aborted. Answers how many there were. */
  async clear(): Promise<number> {
    const targets = [...this.targets.values()];
    this.targets.clear();
    await Promise.all(targets.map((target) => target.close()));
    return targets.length;
  }

  list(): WebhookTargetView[] {
    return [...this.targets.values()].map((target) => target.view());
  }

  /** Sets the fault rates and restarts their decisions from the plant's seed. */
  setFaults(faults: WebhookFaults): WebhookFaults {
    this.faults = { ...faults };
    this.random = this.faultRandom();
    return this.getFaults();
  }

  getFaults(): WebhookFaults {
    return { ...this.faults };
  }

  /** A change to the plant (PlantState.onChange): queued for the current batch if Makini has an event for it. */
  record(collection: CollectionName, key: string, kind: PlantChangeKind): void {
    if (this.closed || this.targets.size === 0 || kind === 'deleted' || !Object.hasOwn(webhookEventRoutes, collection)) return;
    const route = webhookEventRoutes[collection as keyof typeof webhookEventRoutes];
    // A record inserted in this window is announced once, as inserted: the receiver fetches its latest state.
    if (kind === 'updated' && this.batch.get(`${route}.inserted`)?.has(key)) return;
    const event = `${route}.${kind}`;
    let keys = this.batch.get(event);
    if (!keys) this.batch.set(event, (keys = new Set()));
    keys.add(key);
    if (!this.batchTimer) {
      this.batchTimer = setTimeout(() => this.flush(), this.settings.batchWindowMs);
      this.batchTimer.unref();
    }
  }

  /** Delivers the current batch now: one delivery per event name (per 1,000 keys) to each target. */
  flush(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    const batch = this.batch;
    this.batch = new Map();
    if (this.closed) return;
    for (const [event, keySet] of batch) {
      const keys = [...keySet];
      for (let start = 0; start < keys.length; start += maxKeysPerDelivery) {
        const body = JSON.stringify({ event, body: keys.slice(start, start + maxKeysPerDelivery) });
        for (const target of this.targets.values()) {
          // Three draws per delivery and target, whatever the rates, so each decision has a fixed place in the sequence.
          const forge = this.random.chance(this.faults.forgeRate);
          const duplicate = this.random.chance(this.faults.duplicateRate);
          const reorder = this.random.chance(this.faults.reorderRate);
          target.deliver(event, body, { forge, duplicate, reorder });
        }
      }
    }
  }

  /**
   * Resolves once no batch is waiting and every delivery has been settled (sent or given up); for
   * tests. Throws when no request has been made for `stallMs`: deliveries that stopped moving, as
   * opposed to many deliveries on a slow machine, which only take longer.
   */
  async idle(stallMs = 30_000): Promise<void> {
    const requestsMade = () => [...this.targets.values()].reduce((sum, target) => sum + target.view().stats.requests, 0);
    let seen = requestsMade();
    let movedAt = Date.now();
    while (this.batch.size > 0 || [...this.targets.values()].some((target) => target.busy())) {
      const now = requestsMade();
      if (now !== seen) {
        seen = now;
        movedAt = Date.now();
      } else if (Date.now() - movedAt > stallMs) {
        throw new Error(`webhook deliveries still pending, and no request made for ${stallMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.batch.clear();
    await this.clear();
  }

  private faultRandom(): SeededRandom {
    return new SeededRandom(this.seed ^ 0x3eb4_00c5);
  }
}
