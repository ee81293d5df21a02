import { advanceCursor, isAscendingByUpdatedAt, isCommitted } from '../../../shared/domain/sync-cursor';
import type { SyncEntity } from '../../../shared/domain/sync-entity';
import { AppError } from '../../../shared/errors';
import type { ApplyPageBatch, LocalStore } from '../../../shared/local-store';
import type { EntitySyncSummary } from '../../../shared/sync-progress';
import type { Connector } from '../connectors/connector';

export interface IncrementalPullOptions {
  connector: Connector;
  store: LocalStore;
  connectionId: string;
  entity: SyncEntity;
  perPage: number;
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
export async function pullIncrementally(options: IncrementalPullOptions): Promise<EntitySyncSummary> {
  const { connector, store, connectionId, entity, perPage } = options;
  let cursor = await store.getCursor({ connectionId, entity });
  const summary: EntitySyncSummary = { entity, requests: 0, received: 0, applied: 0, deleted: 0 };
  let page = 1;
  let pagesWithoutProgress = 0;
  let fetched = 0;
  /** Upstream's count for the run's first query: everything changed since the cursor the run began with. */
  let total: number | null = null;

  for (;;) {
    const since = cursor?.updatedAt ?? null;
    const result = await connector.listPage(entity, { updatedSince: since, page, perPage });
    summary.requests += 1;
    summary.received += result.records.length;
    if (!isAscendingByUpdatedAt(result.records)) {
      throw new AppError('UPSTREAM_MALFORMED', `The ${entity} list is not in ascending updatedAt order, so it cannot be synced safely.`);
    }

    const fresh = result.records.filter((record) => !isCommitted(cursor, record));
    if (fresh.length > 0) {
      const next = advanceCursor(cursor, fresh)!;
      const applied = await store.applyPage({ connectionId, entity, records: fresh, cursor: next } as ApplyPageBatch);
      summary.applied += applied.upserted;
      summary.deleted += applied.deleted;
      cursor = next;
      fetched += fresh.length;
      pagesWithoutProgress = 0;
    } else {
      pagesWithoutProgress += 1;
    }
    if (summary.requests === 1) total = result.total;
    options.onPage?.({ fetched, total: total === null ? null : Math.max(total, fetched) });

    if (result.records.length < perPage) return summary;
    if (pagesWithoutProgress >= maxPagesWithoutProgress) {
      throw new AppError('UPSTREAM_MALFORMED', `Paging through ${entity} brings no new records; the upstream seems to ignore the page parameter.`);
    }
    // A full page that left the cursor on its own filter instant is one instant's worth of
    // records: read on into that instant. Otherwise start again from the new cursor.
    page = cursor !== null && since !== null && Date.parse(cursor.updatedAt) === Date.parse(since) ? page + 1 : 1;
  }
}
