import type { SyncEntity, SyncEntityRecord } from '../../shared/domain/sync-entity';
import { forEachSlice } from './connection-slices';
import { priorityReadsDone } from './read-priority';
import type { MillwrightDb } from './millwright-db';
import type { RecordChanges } from './record-change-feed';

type RecordKey = [connectionId: string, key: string];

/** What a mirror holds of each record: at least its identity. */
export interface HeldRecord {
  connectionId: string;
  key: string;
}

export interface LiveTableMirrorOptions {
  /** The least time between two answers while changes keep coming (a sync's pages), so a view is not re-rendered for every page. */
  minGapMs?: number;
  /**
   * How long writes must have paused before the changed records are read: a burst (a sync page,
   * then its history row) is answered once, after it, instead of a view's render holding up the
   * writes still to come.
   */
  quietMs?: number;
  /** How many records a full read takes at a time, each slice shaped before the next is read. */
  readSlice?: number;
}

const idOf = (connectionId: string, key: string) => `${connectionId}\u0000${key}`;
const isRecordKey = (key: unknown): key is RecordKey => Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string';

/**
 * One table's records of some connections, held in memory and kept up to date: read in full once,
 * then only the records each committed write names are read again (see RecordChangeFeed). A sync
 * page of 1,000 work orders costs a view of 100,000 one bulkGet of 1,000 instead of a re-read of
 * all of them. While no one listens it only notes which keys changed, and reads them when someone
 * listens again (all of them anew once that is cheaper than picking). Each record is held as
 * `shape` makes it (e.g. a work order without its tasks and long texts).
 */
export class LiveTableMirror<E extends SyncEntity, R extends HeldRecord> {
  private records = new Map<string, R>();
  private snapshot: readonly R[] | undefined;
  private failure: unknown = null;
  private readonly listeners = new Set<() => void>();
  /** Keys changed since they were last read; `all` until the first read and after a range went. */
  private dirty: Map<string, RecordKey> | 'all' | null = 'all';
  private refreshing = false;
  /** Counts the times an unheard mirror dropped what it held: a read begun before one is no answer. */
  private drops = 0;
  private lastAnswerAt = -Infinity;
  private lastWriteAt = -Infinity;
  /** When the oldest change not yet read came: a steady stream of writes waits no longer than a few quiet periods. */
  private dirtySince = -Infinity;
  private readonly shown: ReadonlySet<string>;
  private readonly stopFeed: () => void;

  constructor(
    private readonly db: MillwrightDb,
    readonly entity: E,
    readonly connectionIds: readonly string[],
    private readonly shape: (record: SyncEntityRecord<E>) => R,
    private readonly options: LiveTableMirrorOptions = {},
  ) {
    this.shown = new Set(connectionIds);
    this.stopFeed = db.changes.subscribe((changes) => this.note(changes));
  }

  /** The records as last read; undefined before the first read has answered, and while unheard once too much changed to pick up (a full read is due). */
  getSnapshot = (): readonly R[] | undefined => this.snapshot;

  /** The error of the last read, if it failed (the snapshot stays as it was). */
  get error(): unknown {
    return this.failure;
  }

  get listened(): boolean {
    return this.listeners.size > 0;
  }

  /** Calls `listener` after each new answer; the first listener starts the reads. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    void this.refresh();
    return () => void this.listeners.delete(listener);
  };

  /** Stops following the database. */
  dispose(): void {
    this.stopFeed();
    this.listeners.clear();
  }

  private note(changes: RecordChanges): void {
    this.lastWriteAt = performance.now();
    if (this.dirty === null) this.dirtySince = this.lastWriteAt;
    const change = changes.get(this.entity);
    if (!change) return;
    if (change.all) {
      this.dirty = 'all';
    } else if (this.dirty !== 'all') {
      const dirty = this.dirty ?? new Map<string, RecordKey>();
      for (const key of change.keys) if (isRecordKey(key) && this.shown.has(key[0])) dirty.set(idOf(key[0], key[1]), key);
      // Past half the table a full read is cheaper than picking records one by one.
      this.dirty = dirty.size === 0 ? null : dirty.size > Math.max(1000, this.records.size / 2) ? 'all' : dirty;
    }
    // Unheard and past picking up changes: what it holds is no answer any more (a first sync of
    // 100,000 would leave a board that opens later showing none), and the memory is better free.
    if (this.dirty === 'all' && this.listeners.size === 0) {
      this.snapshot = undefined;
      this.records = new Map();
      this.drops += 1;
    }
    void this.refresh();
  }

  /** Reads what changed until nothing has, one read at a time (so no older answer lands after a newer one). */
  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      while (this.dirty !== null && this.listeners.size > 0) {
        const { minGapMs = 0, quietMs = 0 } = this.options;
        const quiet = Math.min(this.lastWriteAt + quietMs, this.dirtySince + Math.max(minGapMs, 4 * quietMs));
        const wait = Math.max(this.lastAnswerAt + minGapMs, quiet) - performance.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue; // more may have come meanwhile, or the listeners gone
        }
        const dirty = this.dirty;
        this.dirty = null;
        const drops = this.drops;
        try {
          if (dirty === 'all') await this.readAll();
          else await this.readKeys([...dirty.values()]);
          this.failure = null;
          if (drops !== this.drops) {
            // Dropped while it read (unheard, too much changed): what it read is part of an old answer.
            this.records = new Map();
            continue;
          }
        } catch (error) {
          // Keeps the last answer, says why, and leaves the reads for the next change.
          this.failure = error;
          this.dirty = 'all';
          this.notify();
          return;
        }
        this.answer();
      }
    } finally {
      this.refreshing = false;
    }
  }

  private async readAll(): Promise<void> {
    await priorityReadsDone();
    const table = this.db.table<SyncEntityRecord<E>>(this.entity);
    const records = new Map<string, R>();
    for (const connectionId of this.connectionIds) {
      await forEachSlice(table, connectionId, this.options.readSlice ?? 5_000, (slice) => {
        for (const record of slice) records.set(idOf(record.connectionId, record.key), this.shape(record));
      });
    }
    // Swapped in whole: a read that fails halfway leaves the last answer as it was.
    this.records = records;
  }

  private async readKeys(keys: RecordKey[]): Promise<void> {
    const read = await this.db.table<SyncEntityRecord<E>, RecordKey>(this.entity).bulkGet(keys);
    keys.forEach(([connectionId, key], index) => {
      const record = read[index];
      if (record) this.records.set(idOf(connectionId, key), this.shape(record));
      else this.records.delete(idOf(connectionId, key));
    });
  }

  private answer(): void {
    this.snapshot = [...this.records.values()];
    this.lastAnswerAt = performance.now();
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
