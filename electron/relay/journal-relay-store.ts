import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/logging/logger';
import { lockDirectory, type DirectoryLock } from '../core/webhooks/directory-lock';
import type { QueuedDelivery } from '../core/webhooks/webhook-journal-format';
import { openJournalFile, WebhookJournalFile } from '../core/webhooks/webhook-journal-file';
import { defaultRetentionMs, type DesktopSubscription, type RelayDesktop, type RelayStore, type StoredDelivery } from './relay-store';

/**
 * The relay's embedded store: one JSON-lines file in its data directory, appended with the
 * desktop receiver's journal file (group-committed fdatasync; a line counts only once on disk).
 *
 *     {"t":"relay","version":1,"next":<seq>}                          first line
 *     {"t":"d","seq":n,"c":<connection>,"id":<id>,"at":<ms>,"scheme":…,"payload":{…}}
 *     {"t":"ack","desktop":<id>,"seq":n}                               the desktop has everything to n
 *
 * Compaction rewrites the file without the deliveries past the retention or acknowledged by every
 * desktop of their connection, and with one ack line per desktop.
 */

export interface JournalRelayStoreOptions {
  /** How long a delivery is kept for desktops that have not acknowledged it; 7 days by default. */
  retentionMs?: number;
  /** The desktops the relay knows now (a delivery every one of them acknowledged can go). */
  desktops(): readonly RelayDesktop[];
  /** The file is compacted once it is this large and twice its size after the last compaction; 16 MiB by default. */
  compactAtBytes?: number;
  /** How often to drop what retention and acknowledgements allow; hourly by default (0: never). */
  maintenanceIntervalMs?: number;
  now?: () => number;
  logger?: Logger;
}

const fileName = 'relay-journal.jsonl';
const defaultCompactAtBytes = 16 * 1024 * 1024;
const defaultMaintenanceIntervalMs = 60 * 60 * 1000;

const lineSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('relay'), version: z.literal(1), next: z.number().int().min(1) }),
  z.object({
    t: z.literal('d'),
    seq: z.number().int().min(1),
    c: z.string().min(1),
    id: z.string().min(1),
    at: z.number(),
    scheme: z.enum(['standard-webhooks', 'makini']),
    payload: z.record(z.string(), z.unknown()),
  }),
  z.object({ t: z.literal('ack'), desktop: z.string().min(1), seq: z.number().int().min(0) }),
]);

const headerLine = (next: number) => `${JSON.stringify({ t: 'relay', version: 1, next })}\n`;
const deliveryLine = (d: StoredDelivery) =>
  `${JSON.stringify({ t: 'd', seq: d.seq, c: d.connectionId, id: d.id, at: d.receivedAt, scheme: d.scheme, payload: d.payload })}\n`;
const ackLine = (desktop: string, seq: number) => `${JSON.stringify({ t: 'ack', desktop, seq })}\n`;

export class JournalRelayStore implements RelayStore {
  /** Retained deliveries, in seq order. */
  private deliveries: StoredDelivery[] = [];
  private readonly acked = new Map<string, number>();
  private readonly subscriptions = new Map<string, () => Promise<void>>();
  /** Subscriptions waiting for the next stored delivery. */
  private readonly waiting = new Set<() => void>();
  private next = 1;
  private closed = false;
  private sizeAfterCompaction: number;
  private readonly file: WebhookJournalFile;
  private readonly timer: NodeJS.Timeout | null;
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly compactAtBytes: number;

  private constructor(
    private readonly dir: string,
    opened: Awaited<ReturnType<typeof openJournalFile>>,
    private readonly lock: DirectoryLock,
    private readonly options: JournalRelayStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.retentionMs = options.retentionMs ?? defaultRetentionMs;
    this.compactAtBytes = options.compactAtBytes ?? defaultCompactAtBytes;
    this.file = new WebhookJournalFile(
      dir,
      path.join(dir, fileName),
      opened,
      { wantsCompaction: () => this.file.size > this.compactAtBytes && this.file.size > 2 * this.sizeAfterCompaction, compact: () => this.compact() },
      options.logger,
    );
    this.sizeAfterCompaction = opened.size;
    const interval = options.maintenanceIntervalMs ?? defaultMaintenanceIntervalMs;
    this.timer = interval > 0 ? setInterval(() => this.file.requestCompaction(), interval) : null;
    this.timer?.unref();
  }

  /** Opens (or creates) the store in `dir`, taking the directory's lock, and reads it back. */
  static async open(dir: string, options: JournalRelayStoreOptions): Promise<JournalRelayStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const lock = await lockDirectory(dir, 'relay.lock');
    try {
      const opened = await openJournalFile(dir, path.join(dir, fileName), headerLine(1));
      const store = new JournalRelayStore(dir, opened, lock, options);
      const unreadable = store.load(opened.lines);
      if (unreadable > 0) options.logger?.warn('relay store: skipped unreadable lines', { dir, lines: unreadable });
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private load(lines: string[]): number {
    let unreadable = 0;
    // The header's `next` is a floor (seqs given before a compaction dropped their deliveries); the deliveries after it are kept ones.
    let lastSeq = 0;
    for (const text of lines) {
      if (text === '') continue;
      let line;
      try {
        line = lineSchema.parse(JSON.parse(text));
      } catch {
        unreadable += 1;
        continue;
      }
      if (line.t === 'relay') this.next = Math.max(this.next, line.next);
      else if (line.t === 'ack') this.acked.set(line.desktop, Math.max(this.acked.get(line.desktop) ?? 0, line.seq));
      else if (line.seq > lastSeq) {
        this.deliveries.push({ seq: line.seq, connectionId: line.c, id: line.id, receivedAt: line.at, scheme: line.scheme, payload: line.payload });
        lastSeq = line.seq;
      }
    }
    this.next = Math.max(this.next, lastSeq + 1);
    return unreadable;
  }

  async append(delivery: QueuedDelivery): Promise<void> {
    if (this.closed) throw new Error('The relay store is closed.');
    const stored: StoredDelivery = { ...delivery, seq: this.next++ };
    // Lines reach the disk, and memory, in the order their seqs were given.
    await this.file.append(deliveryLine(stored), () => {
      this.deliveries.push(stored);
      this.wakeAll();
    });
  }

  async subscribe(desktop: RelayDesktop): Promise<DesktopSubscription> {
    if (this.closed) throw new Error('The relay store is closed.');
    await this.subscriptions.get(desktop.id)?.();
    let open = true;
    let wake: (() => void) | null = null;
    const close = async () => {
      open = false;
      if (wake) {
        this.waiting.delete(wake);
        wake();
      }
      if (this.subscriptions.get(desktop.id) === close) this.subscriptions.delete(desktop.id);
    };
    this.subscriptions.set(desktop.id, close);
    const iterate = async function* (this: JournalRelayStore): AsyncGenerator<StoredDelivery> {
      // Everything up to `after` has been looked at (sent, or not this desktop's): each wake reads only what is new.
      let after = this.acked.get(desktop.id) ?? 0;
      while (open && !this.closed) {
        const fresh = this.deliveries.slice(this.firstIndexAfter(after));
        for (const delivery of fresh) {
          if (!open || this.closed) return;
          after = delivery.seq;
          if (this.isFor(desktop, delivery)) yield delivery;
        }
        if (fresh.length > 0) continue;
        await new Promise<void>((resolve) => {
          wake = resolve;
          this.waiting.add(resolve);
        });
        wake = null;
      }
    }.bind(this);
    return {
      deliveries: iterate(),
      // Handed out strictly by seq, so what a desktop acknowledges is everything up to the newest of them.
      ack: (seqs) => this.ack(desktop.id, Math.max(0, ...seqs)),
      close,
    };
  }

  async pending(desktop: RelayDesktop): Promise<number> {
    let count = 0;
    for (let i = this.firstIndexAfter(this.acked.get(desktop.id) ?? 0); i < this.deliveries.length; i += 1) if (this.isFor(desktop, this.deliveries[i]!)) count += 1;
    return count;
  }

  health(): { ok: true } | { ok: false; reason: string } {
    if (this.closed) return { ok: false, reason: 'The store is closed.' };
    return this.file.broken ? { ok: false, reason: `The journal cannot be written: ${this.file.broken.message}` } : { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.wakeAll();
    await this.file.close();
    await this.lock.release();
  }

  private wakeAll(): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const wake of waiting) wake();
  }

  /** Whether a delivery is the desktop's: its connection's, from its registration on, within retention. */
  private isFor(desktop: RelayDesktop, delivery: StoredDelivery): boolean {
    return delivery.connectionId === desktop.connectionId && delivery.receivedAt >= Math.max(desktop.registeredAt, this.now() - this.retentionMs);
  }

  /** Index of the first retained delivery with a seq above `seq` (binary search: seqs increase). */
  private firstIndexAfter(seq: number): number {
    let low = 0;
    let high = this.deliveries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.deliveries[mid]!.seq <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private async ack(desktopId: string, seq: number): Promise<void> {
    if (!Number.isSafeInteger(seq) || seq < 0) throw new Error('An acknowledgement names a delivery by its seq.');
    if (seq <= (this.acked.get(desktopId) ?? 0)) return;
    await this.file.append(ackLine(desktopId, seq), () => this.acked.set(desktopId, Math.max(this.acked.get(desktopId) ?? 0, seq)));
  }

  /** Rewrites the file with what a desktop may still need, and each desktop's acknowledgement. */
  private async compact(): Promise<void> {
    const desktops = this.options.desktops();
    const cutoff = this.now() - this.retentionMs;
    // Only age drops what no known desktop has acknowledged: a connection whose desktops are all
    // gone (revoked, or the configuration unreadable a moment) keeps its deliveries for the retention.
    const keep = this.deliveries.filter((delivery) => {
      if (delivery.receivedAt < cutoff) return false;
      const takers = desktops.filter((desktop) => desktop.connectionId === delivery.connectionId && delivery.receivedAt >= desktop.registeredAt);
      return takers.length === 0 || takers.some((desktop) => delivery.seq > (this.acked.get(desktop.id) ?? 0));
    });
    const text = headerLine(this.next) + keep.map(deliveryLine).join('') + [...this.acked].map(([desktop, seq]) => ackLine(desktop, seq)).join('');
    await this.file.replace(text);
    this.deliveries = keep;
    this.sizeAfterCompaction = this.file.size;
    this.options.logger?.info('relay store: compacted', { dir: this.dir, retained: keep.length, bytes: this.file.size });
  }
}
