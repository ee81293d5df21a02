import { advanceCursor, isAscendingByUpdatedAt, isCommitted } from '../../../shared/domain/sync-cursor';
import type { SyncEntity } from '../../../shared/domain/sync-entity';
import { AppError } from '../../../shared/errors';
import type { ApplyPageBatch, LocalStore } from '../../../shared/local-store';
import type { EntitySyncSummary } from '../../../shared/sync-progress';
import type { Connector, ListPageQuery, RecordPage } from '../connectors/connector';

export interface IncrementalPullOptions {
  connector: Connector;
  store: LocalStore;
  connectionId: string;
  entity: SyncEntity;
  runId: string;
  perPage: number;
  /** Full re-sync: start from nothing instead of the stored cursor. */
  ignoreCursor: boolean;
  /** The first instant to read when there is no cursor (the initial history window); null reads all. */
  windowStart: string | null;
  /** Fetches one page (with the engine's retries around the connector). */
  fetchPage: (query: ListPageQuery) => Promise<RecordPage<SyncEntity>>;
  onPage?: (progress: { fetched: number; total: number | null }) => void;
}

/** Full pages in a row that bring nothing new before the upstream is judged to ignore paging. */
const maxPagesWithoutProgress = 3;

/**
 * Pulls everything changed since the entity's cursor. Each request asks for records at or after
 * the cursor's instant in ascending order (keyset paging), so records that change while we page
 * move behind the cursor and are read later in the same run instead of shifting pages under us.
 * Each page is committed together with its cursor; the cursor never runs ahead of committed data,
 * so a crash or error at any point loses nothing and a retry repeats nothing.
 */
export async function pullIncrementally(options: IncrementalPullOptions): Promise<Omit<EntitySyncSummary, 'outcome' | 'retries'>> {
  const { store, connectionId, entity, perPage, runId } = options;
  let cursor = options.ignoreCursor ? null : await store.getCursor({ connectionId, entity });
  const summary = { entity, requests: 0, received: 0, applied: 0, deleted: 0, quarantined: 0 };
  let pagesWithoutProgress = 0;
  let fetched = 0;
  /** Upstream's count for the run's first query: everything changed since the cursor the run began with. */
  let total: number | null = null;
  let query: ListPageQuery = { updatedSince: cursor?.updatedAt ?? options.windowStart, page: 1, perPage };
  let pending: Promise<RecordPage<SyncEntity>> | null = options.fetchPage(query);

  while (pending) {
    const result = await pending;
    summary.requests += 1;
    summary.received += result.records.length + result.quarantined.length;
    if (!isAscendingByUpdatedAt(result.records)) {
      throw new AppError('UPSTREAM_MALFORMED', `The ${entity} list is not in ascending updatedAt order, so it cannot be synced safely.`);
    }
    // Every record at or after the cursor's instant is applied again (upserts are idempotent): with
    // second-precision timestamps a record can change twice within the cursor's second, and only
    // re-reading that instant brings its last version. Only versions not committed before count as new.
    const fresh = result.records.filter((record) => !isCommitted(cursor, record));
    const next = advanceCursor(cursor, result.records);
    pagesWithoutProgress = next !== cursor ? 0 : pagesWithoutProgress + 1;
    const lastPage = result.records.length + result.quarantined.length < perPage;
    if (!lastPage && pagesWithoutProgress >= maxPagesWithoutProgress) {
      throw new AppError('UPSTREAM_MALFORMED', `Paging through ${entity} brings no new records; the upstream seems to ignore the page parameter.`);
    }

    // The next request depends only on this page, so it goes out while this page commits. The
    // stored cursor still moves only with its committed page.
    if (lastPage) {
      pending = null;
    } else {
      // A full page that left the cursor's instant where it was is one instant's worth of records
      // (or records we could not read): read on into it. Otherwise start again from the new cursor.
      const sameInstant =
        (next?.updatedAt ?? null) === (cursor?.updatedAt ?? null) ||
        (next !== null && query.updatedSince !== null && Date.parse(next.updatedAt) === Date.parse(query.updatedSince));
      query = { updatedSince: next?.updatedAt ?? query.updatedSince, page: sameInstant ? query.page + 1 : 1, perPage };
      pending = options.fetchPage(query);
      pending.catch(() => undefined); // if the commit below fails, this answer is not awaited
    }

    if (result.records.length > 0 || result.quarantined.length > 0) {
      await store.applyPage({ connectionId, entity, runId, records: result.records, quarantined: result.quarantined, cursor: next } as ApplyPageBatch);
      summary.applied += fresh.filter((record) => record.deletedAt === null).length;
      summary.deleted += fresh.filter((record) => record.deletedAt !== null).length;
      summary.quarantined += result.quarantined.length;
      fetched += fresh.length + result.quarantined.length;
    }
    cursor = next;
    if (summary.requests === 1) total = result.total;
    options.onPage?.({ fetched, total: total === null ? null : Math.max(total, fetched) });
  }
  return summary;
}
