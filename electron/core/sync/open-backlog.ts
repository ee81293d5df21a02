import { workflowStage } from '../../../shared/domain/status-workflow';
import { advanceCursor, isAscendingByUpdatedAt, type SyncCursor } from '../../../shared/domain/sync-cursor';
import type { SyncEntity } from '../../../shared/domain/sync-entity';
import { AppError } from '../../../shared/errors';
import type { ApplyPageBatch, LocalStore } from '../../../shared/local-store';
import type { ListPageQuery, RecordPage } from '../connectors/connector';
import { throwIfCancelled } from './cancellation';
import { KeysetPager } from './keyset-pager';

/** Workflow stages from "completed" on are closed work; everything before is open. */
const firstClosedStage = 6;

export const isClosedWorkOrderStatus = (status: { name: string }) => workflowStage(status) >= firstClosedStage;
/** A purchase order is done once fully received, closed or cancelled ("Partially received" is still open). */
export const isClosedPurchaseOrderStatus = (status: { name: string }) =>
  /^(received|fully received|closed|cancell?ed|completed?|rejected)$/i.test(status.name.trim());

export interface OpenBacklogSource {
  /** The status table of the entity. */
  statusEntity: SyncEntity;
  isClosed: (status: { name: string }) => boolean;
}

export interface OpenBacklogOptions {
  store: LocalStore;
  connectionId: string;
  runId: string;
  /** Work orders or purchase orders. */
  entity: SyncEntity;
  source: OpenBacklogSource;
  perPage: number;
  /** Records changed before this instant and still open are read. */
  windowStart: string;
  fetchPage: (entity: SyncEntity, query: ListPageQuery) => Promise<RecordPage<SyncEntity>>;
  /** Cancels between pages; a commit under way finishes first. */
  signal?: AbortSignal;
}

/**
 * The other half of the initial history window: work (or purchase) orders that are still open but
 * last changed before the window, read status by status. They are older than the cursor, so they are applied
 * without moving it; any later change reaches them through the incremental pull as usual. The
 * engine reads them before the pull: until the pull commits its first page there is no cursor, so
 * a run stopped during the backlog leaves the next run a first read that reads it again.
 */
export async function pullOpenBacklog(options: OpenBacklogOptions): Promise<{ requests: number; applied: number; quarantined: number }> {
  const { store, connectionId, runId, entity, source, perPage, windowStart, fetchPage } = options;
  const totals = { requests: 0, applied: 0, quarantined: 0 };
  const openStatusKeys: string[] = [];
  for (let page = 1; ; page += 1) {
    const statuses = await fetchPage(source.statusEntity, { updatedSince: null, page, perPage });
    totals.requests += 1;
    for (const status of statuses.records) if ('name' in status && !source.isClosed(status)) openStatusKeys.push(status.key);
    if (!(statuses.hasMore ?? statuses.records.length + statuses.quarantined.length >= perPage)) break;
  }
  for (const statusKey of openStatusKeys) {
    // Keyset paging, as in the incremental pull: an order that changes while we page leaves this
    // status's old records (its new updatedAt is inside the window, where the pull reads it), and
    // with page numbers alone that would shift the next page past a record we never read.
    let position: SyncCursor | null = null;
    const pager = new KeysetPager({ updatedSince: null, updatedBefore: windowStart, statusKey, page: 1, perPage }, `open ${entity}`);
    for (let query: ListPageQuery | null = pager.query; query; ) {
      const result = await fetchPage(entity, query);
      totals.requests += 1;
      if (!isAscendingByUpdatedAt(result.records)) {
        throw new AppError('UPSTREAM_MALFORMED', `The ${entity} list is not in ascending updatedAt order, so it cannot be synced safely.`);
      }
      if (result.records.length + result.quarantined.length > 0) {
        throwIfCancelled(options.signal);
        const applied = await store.applyPage({ connectionId, entity, runId, records: result.records, quarantined: result.quarantined, cursor: null } as ApplyPageBatch);
        totals.applied += applied.upserted;
        totals.quarantined += result.quarantined.length;
      }
      const next = advanceCursor(position, result.records);
      query = pager.advance({ records: result.records, quarantined: result.quarantined.length, total: result.total, hasMore: result.hasMore }, position, next);
      position = next;
    }
  }
  return totals;
}
