import { mkdir, open, readFile, rename, rm, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logging/logger';
import { lockDirectory, type DirectoryLock } from './directory-lock';
import type { WebhookScheme } from './webhook-signature';

/**
 * The receiver's durable queue and memory of delivery ids: one JSON-lines file per directory,
 * `webhook-journal.jsonl`, only ever appended to, except by compaction, which rewrites it whole
 * (temp file, fsync, rename, fsync of the directory). Lines:
 *
 *     {"t":"journal","version":1}                                        first line
 *     {"t":"delivery","c":<connection>,"id":<id>,"at":<ms>,"scheme":"standard-webhooks"|"makini","payload":{…}}
 *     {"t":"processed","c":<connection>,"id":<id>,"at":<ms>}             the delivery is done
 *     {"t":"seen","c":<connection>,"id":<id>,"at":<ms received>}         written by compaction for processed ones
 *
 * A delivery is pending until a processed line follows it. Ids are remembered (duplicates refused)
 * from their delivery or seen line for at least `dedupeWindowMs` after receipt; compaction drops
 * the processed deliveries (keeping a seen line) and the seen lines older than that.
 *
 * Appends are group-committed: lines queued while one write + fdatasync is under way go out in the
 * next one together, so many concurrent deliveries share a sync. An append resolves only once its
 * line is on disk, and only then does the delivery count as queued (or seen).
 */

export interface QueuedDelivery {
  connectionId: string;
  /** The Standard Webhooks `webhook-id`, or `sha256:<hex of the raw body>`. */
  id: string;
  /** When it was received, in Unix milliseconds. */
  receivedAt: number;
  scheme: WebhookScheme;
  /** The body, parsed (always a JSON object). */
  payload: Record<string, unknown>;
}

/** What names a delivery: its connection and id (ids are per connection). */
export interface DeliveryRef {
  connectionId: string;
  id: string;
}

export interface WebhookJournalOptions {
  /** Now, in Unix milliseconds. */
  now?: () => number;
  /** How long an id is remembered after receipt; 7 days by default. */
  dedupeWindowMs?: number;
  /** The file is compacted once it is this large and at least half of it is processed deliveries; 4 MiB by default. */
  compactAtBytes?: number;
  /** How often to look for ids past the window and processed deliveries to compact away; hourly by default (0: never). */
  maintenanceIntervalMs?: number;
  logger?: Logger;
}

export interface JournalCounters {
  /** Lines written (deliveries and processed markers). */
  appends: number;
  /** fdatasync calls for appends: fewer than appends when group commit batched them. */
  syncs: number;
  compactions: number;
  /** The file's size now. */
  sizeBytes: number;
  pending: number;
  /** Ids remembered for de-duplication (pending ones included). */
  remembered: number;
  /** Lines that could not be read at open (skipped). */
  unreadableLines: number;
}

export type AppendOutcome = 'queued' | 'duplicate';

export const journalFileName = 'webhook-journal.jsonl';
export const defaultDedupeWindowMs = 7 * 24 * 60 * 60 * 1000;
const defaultCompactAtBytes = 4 * 1024 * 1024;
const defaultMaintenanceIntervalMs = 60 * 60 * 1000;
/** About what a seen line costs once a processed delivery is compacted to one. */
const seenLineBytes = 90;
const maxIdLength = 512;

const refFields = { c: z.string().min(1), id: z.string().min(1), at: z.number() };
const journalLineSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('journal'), version: z.literal(1) }),
  z.object({
    t: z.literal('delivery'),
    ...refFields,
    scheme: z.enum(['standard-webhooks', 'makini']),
    payload: z.record(z.string(), z.unknown()),
  }),
  z.object({ t: z.literal('processed'), ...refFields }),
  z.object({ t: z.literal('seen'), ...refFields }),
]);

const headerLine = `${JSON.stringify({ t: 'journal', version: 1 })}\n`;

/** Connection and id in one map key; neither may hold a NUL (checked on append). */
function keyOf(connectionId: string, id: string): string {
  return `${connectionId}\u0000${id}`;
}

function splitKey(key: string): DeliveryRef {
  const at = key.indexOf('\u0000');
  return { connectionId: key.slice(0, at), id: key.slice(at + 1) };
}

function checkRef(connectionId: string, id: string): void {
  if (!connectionId || connectionId.includes('\u0000')) throw new Error('A connection id must be non-empty text without NUL.');
  if (!id || id.length > maxIdLength || id.includes('\u0000')) throw new Error(`A delivery id must be 1–${maxIdLength} characters without NUL.`);
}

interface PendingEntry {
  delivery: QueuedDelivery;
  /** Its line's size in the file. */
  bytes: number;
}

interface QueuedWrite {
  line: string;
  /** Applies the line to memory once it is on disk. */
  apply(): void;
  resolve(): void;
  reject(error: unknown): void;
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes a rename or a new file's name durable. Not possible everywhere (Windows cannot open directories).
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export class WebhookJournal {
  private readonly pendingByKey = new Map<string, PendingEntry>();
  /** Every remembered id (pending or processed), with when it was received; roughly oldest first. */
  private readonly seen = new Map<string, number>();
  /** Deliveries being written: a duplicate arriving meanwhile waits for the first's outcome. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly marking = new Map<string, Promise<boolean>>();
  private readonly queuedListeners = new Set<(delivery: QueuedDelivery) => void>();
  private queue: QueuedWrite[] = [];
  private writer: Promise<void> | null = null;
  private compactWanted = false;
  /** Bytes of the file that compaction would drop (processed deliveries and their markers). */
  private deadBytes = 0;
  private broken: Error | null = null;
  private closed = false;
  private readonly timer: NodeJS.Timeout | null;
  private readonly counters = { appends: 0, syncs: 0, compactions: 0 };
  private unreadableLines = 0;
  private readonly now: () => number;
  private readonly dedupeWindowMs: number;
  private readonly compactAtBytes: number;
  private readonly logger: Logger | undefined;

  private constructor(
    readonly dir: string,
    private readonly file: string,
    private handle: FileHandle,
    private size: number,
    private readonly lock: DirectoryLock,
    options: WebhookJournalOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.dedupeWindowMs = options.dedupeWindowMs ?? defaultDedupeWindowMs;
    this.compactAtBytes = options.compactAtBytes ?? defaultCompactAtBytes;
    this.logger = options.logger;
    const interval = options.maintenanceIntervalMs ?? defaultMaintenanceIntervalMs;
    this.timer = interval > 0 ? setInterval(() => this.maintain(), interval) : null;
    this.timer?.unref();
  }

  /**
   * Opens (or creates) the journal in `dir`, taking the directory's lock, and reads it back: the
   * pending deliveries and remembered ids. A torn last line (a write cut short by a crash, never
   * acknowledged) is cut off; other unreadable lines are skipped and counted.
   */
  static async open(dir: string, options: WebhookJournalOptions = {}): Promise<WebhookJournal> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const lock = await lockDirectory(dir);
    let journal: WebhookJournal | undefined;
    try {
      const file = path.join(dir, journalFileName);
      // A compaction that died before its rename: the journal itself is still whole.
      await rm(`${file}.tmp`, { force: true });
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        bytes = Buffer.alloc(0);
      }
      const whole = bytes.length === 0 ? 0 : bytes.lastIndexOf(0x0a) + 1;
      if (whole < bytes.length) await truncate(file, whole);
      const handle = await open(file, 'a', 0o600);
      let size = whole;
      if (size === 0) {
        await handle.appendFile(headerLine);
        await handle.datasync();
        await syncDirectory(dir);
        size = Buffer.byteLength(headerLine);
      }
      const lines = bytes.subarray(0, whole).toString('utf8').split('\n');
      const opened = new WebhookJournal(dir, file, handle, size, lock, options);
      journal = opened;
      opened.unreadableLines = opened.load(lines);
      if (opened.unreadableLines > 0) opened.logger?.warn('webhook journal: skipped unreadable lines', { dir, lines: opened.unreadableLines });
      if (opened.prunable() > 0 || opened.wantsCompaction()) await opened.runExclusive(() => opened.compactNow());
      return opened;
    } catch (error) {
      if (journal) await journal.close();
      else await lock.release();
      throw error;
    }
  }

  /** Rebuilds memory from the file's lines; answers how many could not be read. */
  private load(lines: string[]): number {
    let unreadable = 0;
    for (const text of lines) {
      if (text === '') continue;
      let parsed;
      try {
        parsed = journalLineSchema.safeParse(JSON.parse(text));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        unreadable += 1;
        continue;
      }
      const line = parsed.data;
      if (line.t === 'journal') continue;
      const key = keyOf(line.c, line.id);
      const bytes = Buffer.byteLength(text) + 1;
      if (line.t === 'delivery') {
        // A delivery written twice (never by this code, but harmless) keeps its first receipt.
        if (!this.seen.has(key)) {
          this.seen.set(key, line.at);
          this.pendingByKey.set(key, {
            delivery: { connectionId: line.c, id: line.id, receivedAt: line.at, scheme: line.scheme, payload: line.payload },
            bytes,
          });
        } else {
          this.deadBytes += bytes;
        }
      } else if (line.t === 'processed') {
        const entry = this.pendingByKey.get(key);
        this.pendingByKey.delete(key);
        this.deadBytes += bytes + (entry ? Math.max(0, entry.bytes - seenLineBytes) : 0);
      } else if (!this.seen.has(key)) {
        this.seen.set(key, line.at);
      }
    }
    return unreadable;
  }

  /** Whether a delivery with this id was already taken (durably) for the connection. */
  has(ref: DeliveryRef): boolean {
    return this.seen.has(keyOf(ref.connectionId, ref.id));
  }

  /**
   * Writes a delivery unless its id was seen: resolves `queued` once its line is on disk (and only
   * then may the sender be told 200), or `duplicate`. A duplicate arriving while the first copy is
   * still being written waits for it, and fails if it failed (so the sender retries).
   */
  async append(delivery: QueuedDelivery): Promise<AppendOutcome> {
    const { connectionId, id } = delivery;
    checkRef(connectionId, id);
    const key = keyOf(connectionId, id);
    if (this.seen.has(key)) return 'duplicate';
    const running = this.inFlight.get(key);
    if (running) {
      await running;
      return 'duplicate';
    }
    const line = `${JSON.stringify({ t: 'delivery', c: connectionId, id, at: delivery.receivedAt, scheme: delivery.scheme, payload: delivery.payload })}\n`;
    const entry: PendingEntry = { delivery, bytes: Buffer.byteLength(line) };
    const written = this.write(line, () => {
      this.seen.set(key, delivery.receivedAt);
      this.pendingByKey.set(key, entry);
      for (const listener of this.queuedListeners) listener(delivery);
    });
    this.inFlight.set(key, written);
    try {
      await written;
    } finally {
      this.inFlight.delete(key);
    }
    return 'queued';
  }

  /**
   * Marks a delivery done: a processed line, on disk when this resolves. Answers false when it was
   * not pending (unknown, or already processed). Its id stays remembered for the window.
   */
  async markProcessed(ref: DeliveryRef): Promise<boolean> {
    const key = keyOf(ref.connectionId, ref.id);
    const running = this.marking.get(key);
    if (running) return running.then(() => false);
    if (!this.pendingByKey.has(key)) return false;
    const line = `${JSON.stringify({ t: 'processed', c: ref.connectionId, id: ref.id, at: this.now() })}\n`;
    const done = this.write(line, () => {
      const entry = this.pendingByKey.get(key);
      this.pendingByKey.delete(key);
      this.deadBytes += Buffer.byteLength(line) + (entry ? Math.max(0, entry.bytes - seenLineBytes) : 0);
    }).then(() => true);
    this.marking.set(key, done);
    try {
      return await done;
    } finally {
      this.marking.delete(key);
    }
  }

  /** The deliveries not yet processed, in the order they were received. */
  pending(): QueuedDelivery[] {
    return Array.from(this.pendingByKey.values(), (entry) => entry.delivery);
  }

  /**
   * Called synchronously as each new delivery becomes durable, before its sender is answered: keep
   * it to a cheap hand-off (the receiver's feed defers the real work). Returns an unsubscribe.
   */
  onQueued(listener: (delivery: QueuedDelivery) => void): () => void {
    this.queuedListeners.add(listener);
    return () => this.queuedListeners.delete(listener);
  }

  /** Rewrites the file without processed deliveries and ids past the window, between appends. */
  compact(): Promise<void> {
    return this.runExclusive(() => this.compactNow());
  }

  counts(): JournalCounters {
    return {
      ...this.counters,
      sizeBytes: this.size,
      pending: this.pendingByKey.size,
      remembered: this.seen.size,
      unreadableLines: this.unreadableLines,
    };
  }

  /** Finishes the writes under way, then releases the file and the directory. Later calls fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    while (this.writer) await this.writer;
    await this.handle.close().catch(() => undefined);
    await this.lock.release();
  }

  private write(line: string, apply: () => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The webhook journal is closed.'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, apply, resolve, reject });
      this.startWriter();
    });
  }

  private startWriter(): void {
    if (this.writer) return;
    this.writer = this.writeLoop().finally(() => {
      this.writer = null;
      // Anything queued in the last turn of the loop.
      if (this.queue.length > 0 || this.compactWanted) this.startWriter();
    });
  }

  /** One write + fdatasync for everything queued, repeated while more comes; compactions run between batches. */
  private async writeLoop(): Promise<void> {
    while (this.queue.length > 0 || this.compactWanted) {
      if (this.compactWanted) {
        this.compactWanted = false;
        await this.compactNow().catch((error: unknown) => this.logger?.warn('webhook journal: compaction failed', { dir: this.dir, error: String(error) }));
        continue;
      }
      const batch = this.queue;
      this.queue = [];
      if (this.broken) {
        for (const item of batch) item.reject(this.broken);
        continue;
      }
      const text = batch.map((item) => item.line).join('');
      try {
        await this.handle.appendFile(text);
        await this.handle.datasync();
      } catch (error) {
        await this.rollBack();
        this.logger?.error('webhook journal: write failed', { dir: this.dir, error: String(error) });
        for (const item of batch) item.reject(error);
        continue;
      }
      this.size += Buffer.byteLength(text);
      this.counters.appends += batch.length;
      this.counters.syncs += 1;
      for (const item of batch) item.apply();
      for (const item of batch) item.resolve();
      if (this.wantsCompaction()) this.compactWanted = true;
    }
  }

  /** After a failed append: cuts the file back to its last whole line, or stops taking writes if even that fails. */
  private async rollBack(): Promise<void> {
    try {
      await this.handle.truncate(this.size);
      await this.handle.datasync();
    } catch (error) {
      this.broken = new Error(`The webhook journal in ${this.dir} cannot be written: ${String(error)}`);
    }
  }

  /** Runs `task` when no batch is being written (queued appends wait for it). */
  private async runExclusive(task: () => Promise<void>): Promise<void> {
    while (this.writer) await this.writer;
    const run = task();
    this.writer = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      await run;
    } finally {
      this.writer = null;
      if (this.queue.length > 0 || this.compactWanted) this.startWriter();
    }
  }

  private wantsCompaction(): boolean {
    return this.size >= this.compactAtBytes && this.deadBytes * 2 >= this.size;
  }

  /** Remembered ids past the window that are no longer pending. */
  private prunable(): number {
    const cutoff = this.now() - this.dedupeWindowMs;
    let count = 0;
    for (const [key, at] of this.seen) if (at < cutoff && !this.pendingByKey.has(key)) count += 1;
    return count;
  }

  private maintain(): void {
    if (this.closed || this.broken) return;
    if (this.deadBytes > 0 || this.prunable() > 0) {
      this.compactWanted = true;
      this.startWriter();
    }
  }

  /** Writes the live state to a temp file, syncs it, renames it over the journal and reopens it for appends. */
  private async compactNow(): Promise<void> {
    if (this.broken || this.closed) return;
    const cutoff = this.now() - this.dedupeWindowMs;
    const parts: string[] = [headerLine];
    const forgotten: string[] = [];
    for (const [key, at] of this.seen) {
      if (this.pendingByKey.has(key)) continue;
      if (at < cutoff) {
        forgotten.push(key);
        continue;
      }
      const { connectionId, id } = splitKey(key);
      parts.push(`${JSON.stringify({ t: 'seen', c: connectionId, id, at })}\n`);
    }
    for (const entry of this.pendingByKey.values()) {
      const { connectionId, id, receivedAt, scheme, payload } = entry.delivery;
      parts.push(`${JSON.stringify({ t: 'delivery', c: connectionId, id, at: receivedAt, scheme, payload })}\n`);
    }
    const text = parts.join('');
    const temp = `${this.file}.tmp`;
    const out = await open(temp, 'w', 0o600);
    try {
      await out.writeFile(text);
      await out.datasync();
    } finally {
      await out.close();
    }
    await rename(temp, this.file);
    await syncDirectory(this.dir);
    // From here the new file is the journal: appends must go to it.
    const previous = this.handle;
    try {
      this.handle = await open(this.file, 'a', 0o600);
    } catch (error) {
      this.broken = new Error(`The webhook journal in ${this.dir} cannot be reopened after compaction: ${String(error)}`);
      throw error;
    } finally {
      await previous.close().catch(() => undefined);
    }
    for (const key of forgotten) this.seen.delete(key);
    this.size = Buffer.byteLength(text);
    this.deadBytes = 0;
    this.counters.compactions += 1;
  }
}
