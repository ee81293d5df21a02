import { advanceCursor, isAscendingByUpdatedAt, isCommitted, type SyncCursor } from '../../../shared/domain/sync-cursor';
import { syncEntityLabels, type SyncEntity } from '../../../shared/domain/sync-entity';
import { AppError } from '../../../shared/errors';
import type { ApplyPageBatch, LocalStore } from '../../../shared/local-store';
import type { Connector, ListPageQuery, RecordPage } from '../connectors/connector';
import { throwIfCancelled, unlessCancelled } from './cancellation';
import { KeysetPager } from './keyset-pager';
import type { ListCounts } from './list-counts';

export interface IncrementalPullOptions {
  connector: Connector;
  store: LocalStore;
  connectionId: string;
  entity: SyncEntity;
  runId: string;
  perPage: number;
  /** The entity's cursor as stored when the run began (read by the caller; nothing moves it in between). */
  storedCursor: SyncCursor | null;
  /**
   * The first page, already asked for from `updatedSince` (where the last run left the cursor):
   * taken if the read starts there, else its answer is dropped and counted as a request made.
   */
  early?: { updatedSince: string; page: Promise<RecordPage<SyncEntity>> } | null;
  /**
   * The versions (as JSON, by key) this engine committed at the stored cursor's instant, when the
   * stored cursor is the one it left: a re-read identical to its version is not sent to the store
   * again (the store holds it as it is), and a page of nothing else commits nothing.
   */
  committedAtCursor?: ReadonlyMap<string, string> | null;
  /** Full re-sync: start from nothing instead of the stored cursor. */
  ignoreCursor: boolean;
  /** The first instant to read when there is no cursor (the initial history window); null reads all. */
  windowStart: string | null;
  /** Fetches one page (with the engine's retries around the connector). */
  fetchPage: (query: ListPageQuery) => Promise<RecordPage<SyncEntity>>;
  onPage?: (progress: { fetched: number; total: number | null }) => void;
  /** The list's counts in this run, added to as pages commit (shared with its open-backlog read). */
  counts: ListCounts;
  /**
   * Cancels the pull: a page in flight is dropped, and no page is committed after it fires. A
   * commit already under way finishes first (it is one transaction), then CANCELLED is thrown.
   */
  signal?: AbortSignal;
}

/** Where a pull left the store: its cursor, and the versions committed at its instant (null for a full re-sync). */
export interface PullPosition {
  cursor: SyncCursor | null;
  committedAtCursor: ReadonlyMap<string, string> | null;
}

/**
 * Pulls everything changed since the entity's cursor, and answers where it left the store. Each
 * request asks for records at or after the cursor's instant in ascending order (keyset paging), so
 * records that change while we page move behind the cursor and are read later in the same run
 * instead of shifting pages under us. Each page is committed together with its cursor; the cursor
 * never runs ahead of committed data, so a crash or error at any point loses nothing and a retry
 * repeats nothing.
 */
export async function pullIncrementally(options: IncrementalPullOptions): Promise<PullPosition> {
  const { store, connectionId, entity, perPage, runId, signal, counts } = options;
  /** The cursor as stored: a full re-sync reads from the start but never moves it back (see cursorToStore). */
  let stored = options.storedCursor;
  let cursor = options.ignoreCursor ? null : stored;
  let known = options.ignoreCursor ? null : (options.committedAtCursor ?? null);
  let requests = 0;
  let fetched = 0;
  /** Upstream's count for the run's first query: everything changed since the cursor the run began with. */
  let total: number | null = null;
  const label = syncEntityLabels[entity].toLowerCase();
  const pager = new KeysetPager({ updatedSince: cursor?.updatedAt ?? options.windowStart, page: 1, perPage }, label);
  const { early } = options;
  const startsThere = early != null && early.updatedSince === pager.query.updatedSince;
  if (early && !startsThere) counts.requests += 1;
  let pending: Promise<RecordPage<SyncEntity>> | null = startsThere ? early.page : options.fetchPage(pager.query);

  while (pending) {
    const result = await unlessCancelled(pending, signal);
    requests += 1;
    counts.requests += 1;
    counts.noteReceived(result.records, result.quarantined);
    if (!isAscendingByUpdatedAt(result.records)) throw notInOrder(label);
    // Every record at or after the cursor's instant is applied again (upserts are idempotent): with
    // second-precision timestamps a record can change twice within the cursor's second, and only
    // re-reading that instant brings its last version. Only versions not committed before count as new.
    const fresh = result.records.filter((record) => !isCommitted(cursor, record));
    // The rest were committed before. Those identical to the version this engine committed are not
    // sent again; the store need not write again the others it holds unchanged.
    const sent = known === null || fresh.length === result.records.length ? result.records : result.records.filter((record) => !isCommitted(cursor, record) || known!.get(record.key) !== JSON.stringify(record));
    const rereadKeys = fresh.length === sent.length ? [] : sent.filter((record) => isCommitted(cursor, record)).map((record) => record.key);
    const next = advanceCursor(cursor, result.records);

    // The next request depends only on this page, so it goes out while this page commits. The
    // stored cursor still moves only with its committed page.
    const following = pager.advance({ records: result.records, quarantined: result.quarantined.map((record) => record.raw), total: result.total, hasMore: result.hasMore }, cursor, next);
    if (following === null) {
      pending = null;
    } else {
      pending = options.fetchPage(following);
      pending.catch(() => undefined); // if the commit below fails, this answer is not awaited
    }

    if (sent.length > 0 || result.quarantined.length > 0 || next !== cursor) {
      throwIfCancelled(signal);
      const storing = options.ignoreCursor ? cursorToStore(stored, next) : next;
      await store.applyPage({ connectionId, entity, runId, records: sent, quarantined: result.quarantined, cursor: storing, ...(rereadKeys.length > 0 ? { rereadKeys } : {}) } as ApplyPageBatch);
      stored = storing ?? stored;
      counts.noteCommitted(fresh);
      fetched += fresh.length + result.quarantined.length;
    }
    if (!options.ignoreCursor && next !== null) known = versionsAt(next, next.updatedAt === cursor?.updatedAt ? known : null, result.records);
    cursor = next;
    if (requests === 1) total = result.total;
    options.onPage?.({ fetched, total: total === null ? null : Math.max(total, fetched) });
    throwIfCancelled(signal);
  }
  return { cursor: stored, committedAtCursor: options.ignoreCursor ? null : known };
}

/**
 * The versions committed at `cursor`'s instant: those known before at that instant, then this
 * page's there (only those are turned into JSON: a first sync's pages hold a record or two each
 * at their last instant).
 */
function versionsAt(cursor: SyncCursor, before: ReadonlyMap<string, string> | null, records: readonly { key: string }[]): ReadonlyMap<string, string> {
  const atCursor = new Map(before ?? []);
  const keys = new Set(cursor.keysAtUpdatedAt);
  for (const record of records) if (keys.has(record.key)) atCursor.set(record.key, JSON.stringify(record));
  for (const key of atCursor.keys()) if (!keys.has(key)) atCursor.delete(key);
  return atCursor;
}

/** A page out of order: the cursor cannot be trusted with it. */
export function notInOrder(label: string): AppError {
  return new AppError('UPSTREAM_MALFORMED', `Makini sent the ${label} out of order (oldest change first was asked for), so they cannot be read safely.`, { failedAt: 'makini' });
}

/**
 * What a full re-sync stores with a page (null: leave the stored cursor as it is). The run reads
 * from the start, so its own cursor is behind the stored one until it catches up; storing it would
 * move the cursor back, and a full re-sync stopped half-way would leave the next incremental run
 * to re-read everything since. Everything behind the stored cursor was committed by earlier runs,
 * so the later of the two (at one instant, the keys of both) is as true, and never goes back.
 */
export function cursorToStore(stored: SyncCursor | null, next: SyncCursor | null): SyncCursor | null {
  if (next === null || stored === null) return next;
  const difference = Date.parse(next.updatedAt) - Date.parse(stored.updatedAt);
  if (difference > 0) return next;
  if (difference < 0) return null;
  const added = next.keysAtUpdatedAt.filter((key) => !stored.keysAtUpdatedAt.includes(key));
  return added.length === 0 ? null : { updatedAt: stored.updatedAt, keysAtUpdatedAt: [...stored.keysAtUpdatedAt, ...added] };
}
