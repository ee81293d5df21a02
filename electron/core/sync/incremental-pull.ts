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
  let page = 1;
  let pagesWithoutProgress = 0;
  let fetched = 0;
  /** Upstream's count for the run's first query: everything changed since the cursor the run began with. */
  let total: number | null = null;

  for (;;) {
    const since = cursor?.updatedAt ?? options.windowStart;
    const result = await options.fetchPage({ updatedSince: since, page, perPage });
    summary.requests += 1;
    summary.received += result.records.length + result.quarantined.length;
    if (!isAscendingByUpdatedAt(result.records)) {
      throw new AppError('UPSTREAM_MALFORMED', `The ${entity} list is not in ascending updatedAt order, so it cannot be synced safely.`);
    }

    const fresh = result.records.filter((record) => !isCommitted(cursor, record));
    const cursorBefore = cursor;
    if (fresh.length > 0 || result.quarantined.length > 0) {
      const next = advanceCursor(cursor, fresh);
      const applied = await store.applyPage({ connectionId, entity, runId, records: fresh, quarantined: result.quarantined, cursor: next } as ApplyPageBatch);
      summary.applied += applied.upserted;
      summary.deleted += applied.deleted;
      summary.quarantined += result.quarantined.length;
      cursor = next;
      fetched += fresh.length + result.quarantined.length;
    }
    pagesWithoutProgress = fresh.length > 0 ? 0 : pagesWithoutProgress + 1;
    if (summary.requests === 1) total = result.total;
    options.onPage?.({ fetched, total: total === null ? null : Math.max(total, fetched) });

    if (result.records.length + result.quarantined.length < perPage) return summary;
    if (pagesWithoutProgress >= maxPagesWithoutProgress) {
      throw new AppError('UPSTREAM_MALFORMED', `Paging through ${entity} brings no new records; the upstream seems to ignore the page parameter.`);
    }
    // A full page that left the cursor's instant where it was is one instant's worth of records
    // (or records we could not read): read on into it. Otherwise start again from the new cursor.
    const sameInstant = (cursor?.updatedAt ?? null) === (cursorBefore?.updatedAt ?? null) || (cursor !== null && since !== null && Date.parse(cursor.updatedAt) === Date.parse(since));
    page = sameInstant ? page + 1 : 1;
  }
}
