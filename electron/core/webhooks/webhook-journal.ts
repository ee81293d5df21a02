import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/logger';
import { lockDirectory, type DirectoryLock } from './directory-lock';
import {
  checkRef,
  deliveryLine,
  headerLine,
  journalFileName,
  keyOf,
  parseJournalLine,
  processedLine,
  seenLine,
  seenLineBytes,
  splitKey,
  type DeliveryRef,
  type QueuedDelivery,
} from './webhook-journal-format';
import { openJournalFile, WebhookJournalFile, type OpenedJournalFile } from './webhook-journal-file';

/**
 * The receiver's durable queue and memory of delivery ids: one JSON-lines file per directory
 * (format: webhook-journal-format.ts; appends and rewrites: webhook-journal-file.ts).
 *
 * A delivery is pending until a processed line follows it. Ids are remembered (duplicates refused)
 * from their delivery or seen line for at least `dedupeWindowMs` after receipt; compaction drops
 * the processed deliveries (keeping a seen line) and the seen lines older than that. A delivery
 * counts as queued (or seen) only once its line is on disk.
 */

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

export const defaultDedupeWindowMs = 7 * 24 * 60 * 60 * 1000;
const defaultCompactAtBytes = 4 * 1024 * 1024;
const defaultMaintenanceIntervalMs = 60 * 60 * 1000;

interface PendingEntry {
  delivery: QueuedDelivery;
  /** Its line's size in the file. */
  bytes: number;
}

export class WebhookJournal {
  private readonly pendingByKey = new Map<string, PendingEntry>();
  /** Every remembered id (pending or processed), with when it was received; roughly oldest first. */
  private readonly seen = new Map<string, number>();
  /** Deliveries being written: a duplicate arriving meanwhile waits for the first's outcome. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly marking = new Map<string, Promise<boolean>>();
  private readonly queuedListeners = new Set<(delivery: QueuedDelivery) => void>();
  private readonly file: WebhookJournalFile;
  /** Bytes of the file that compaction would drop (processed deliveries and their markers). */
  private deadBytes = 0;
  private closed = false;
  private readonly timer: NodeJS.Timeout | null;
  private compactions = 0;
  private unreadableLines = 0;
  private readonly now: () => number;
  private readonly dedupeWindowMs: number;
  private readonly compactAtBytes: number;
  private readonly logger: Logger | undefined;

  private constructor(
    readonly dir: string,
    file: string,
    opened: OpenedJournalFile,
    private readonly lock: DirectoryLock,
    options: WebhookJournalOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.dedupeWindowMs = options.dedupeWindowMs ?? defaultDedupeWindowMs;
    this.compactAtBytes = options.compactAtBytes ?? defaultCompactAtBytes;
    this.logger = options.logger;
    this.file = new WebhookJournalFile(dir, file, opened, { wantsCompaction: () => this.wantsCompaction(), compact: () => this.compactNow() }, this.logger);
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
      const opened = await openJournalFile(dir, file, headerLine);
      journal = new WebhookJournal(dir, file, opened, lock, options);
      const loaded = journal;
      loaded.unreadableLines = loaded.load(opened.lines);
      if (loaded.unreadableLines > 0) loaded.logger?.warn('webhook journal: skipped unreadable lines', { dir, lines: loaded.unreadableLines });
      if (loaded.prunable() > 0 || loaded.wantsCompaction()) await loaded.file.runExclusive(() => loaded.compactNow());
      return loaded;
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
      const line = parseJournalLine(text);
      if (!line) {
        unreadable += 1;
        continue;
      }
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
    const line = deliveryLine(delivery);
    const entry: PendingEntry = { delivery, bytes: Buffer.byteLength(line) };
    const written = this.file.append(line, () => {
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
    const line = processedLine(ref, this.now());
    const done = this.file
      .append(line, () => {
        const entry = this.pendingByKey.get(key);
        this.pendingByKey.delete(key);
        this.deadBytes += Buffer.byteLength(line) + (entry ? Math.max(0, entry.bytes - seenLineBytes) : 0);
      })
      .then(() => true);
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
    return this.file.runExclusive(() => this.compactNow());
  }

  counts(): JournalCounters {
    return {
      ...this.file.counts(),
      compactions: this.compactions,
      sizeBytes: this.file.size,
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
    await this.file.close();
    await this.lock.release();
  }

  private wantsCompaction(): boolean {
    return this.file.size >= this.compactAtBytes && this.deadBytes * 2 >= this.file.size;
  }

  /** Remembered ids past the window that are no longer pending. */
  private prunable(): number {
    const cutoff = this.now() - this.dedupeWindowMs;
    let count = 0;
    for (const [key, at] of this.seen) if (at < cutoff && !this.pendingByKey.has(key)) count += 1;
    return count;
  }

  private maintain(): void {
    if (this.closed || this.file.broken) return;
    if (this.deadBytes > 0 || this.prunable() > 0) this.file.requestCompaction();
  }

  /** Writes the live state (remembered ids as seen lines, then the pending deliveries) over the file. */
  private async compactNow(): Promise<void> {
    if (this.file.broken || this.closed) return;
    const cutoff = this.now() - this.dedupeWindowMs;
    const parts: string[] = [headerLine];
    const forgotten: string[] = [];
    for (const [key, at] of this.seen) {
      if (this.pendingByKey.has(key)) continue;
      if (at < cutoff) {
        forgotten.push(key);
        continue;
      }
      parts.push(seenLine(splitKey(key), at));
    }
    for (const entry of this.pendingByKey.values()) parts.push(deliveryLine(entry.delivery));
    await this.file.replace(parts.join(''));
    for (const key of forgotten) this.seen.delete(key);
    this.deadBytes = 0;
    this.compactions += 1;
  }
}
