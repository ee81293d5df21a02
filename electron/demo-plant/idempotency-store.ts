import { createHash } from 'node:crypto';
import { z } from 'zod';

/** An answer as the plant sent it, kept so a retry with the same Idempotency-Key gets it again. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export const savedIdempotencySchema = z.array(
  z.object({
    key: z.string(),
    /** requestFingerprint() of the request that was applied. */
    fingerprint: z.string(),
    status: z.number().int(),
    body: z.unknown(),
    /** When it was applied, in Unix milliseconds. */
    at: z.number(),
  }),
);
export type SavedIdempotency = z.infer<typeof savedIdempotencySchema>;
type Entry = SavedIdempotency[number];

export type IdempotentOutcome =
  /** The request ran (its answer is kept if it was a success). */
  | { kind: 'executed'; answer: StoredAnswer }
  /** The key's request was applied before: this is its answer again, and nothing ran. */
  | { kind: 'replayed'; answer: StoredAnswer }
  /** The key was used before for a different request; nothing ran. */
  | { kind: 'reused' };

/** JSON with object keys sorted, so two bodies that differ only in key order or spacing compare equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same" for an Idempotency-Key: method, path and (parsed) body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
}

/**
 * Idempotency-Key answers, newest last, bounded to the newest `limit`. A key is taken by the first
 * request that is applied with it (a success); requests that fail validation or meet an injected
 * fault leave no answer, so a corrected retry may use the key again. Requests with one key run
 * one at a time: a second waits for the first, then replays its answer.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly limit: number,
    saved: SavedIdempotency = [],
    private readonly now: () => number = Date.now,
  ) {
    for (const entry of saved) this.entries.set(entry.key, entry);
    this.trim();
  }

  get size(): number {
    return this.entries.size;
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Runs `execute` unless `key` already answered a request: the same one (`fingerprint`) gets that
   * answer again, another one is refused. An exception from `execute` leaves the key free.
   */
  async run(key: string, fingerprint: string, execute: () => StoredAnswer | Promise<StoredAnswer>): Promise<IdempotentOutcome> {
    for (let running = this.inFlight.get(key); running; running = this.inFlight.get(key)) await running;
    const stored = this.entries.get(key);
    if (stored) return stored.fingerprint === fingerprint ? { kind: 'replayed', answer: { status: stored.status, body: stored.body } } : { kind: 'reused' };
    let release = () => {};
    this.inFlight.set(key, new Promise<void>((resolve) => (release = resolve)));
    try {
      const answer = await execute();
      if (answer.status >= 200 && answer.status < 300) {
        this.entries.set(key, { key, fingerprint, status: answer.status, body: answer.body, at: this.now() });
        this.trim();
        for (const listener of this.changeListeners) listener();
      }
      return { kind: 'executed', answer };
    } finally {
      this.inFlight.delete(key);
      release();
    }
  }

  snapshot(): SavedIdempotency {
    return [...this.entries.values()];
  }

  /** Forgets the oldest answers beyond the limit (keys are never stored twice, so map order is age). */
  private trim(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(key);
    }
  }
}
