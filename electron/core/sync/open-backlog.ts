import { workflowStage } from '../../../shared/domain/status-workflow';
import { advanceCursor, isAscendingByUpdatedAt, type SyncCursor } from '../../../shared/domain/sync-cursor';
import { syncEntityLabels, type SyncEntity } from '../../../shared/domain/sync-entity';
import type { ApplyPageBatch, LocalStore } from '../../../shared/local-store';
import type { ListPageQuery, RecordPage } from '../connectors/connector';
import { throwIfCancelled } from './cancellation';
import { notInOrder } from './incremental-pull';
import { KeysetPager } from './keyset-pager';
import type { ListCounts } from './list-counts';

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
  /** The list's counts in this run (shared with its main read, so a record both bring counts once). */
  counts: ListCounts;
}

/** Which statuses are open: the status table, read whole. Its failure is the caller's to explain. */
export async function readOpenStatusKeys(options: Pick<OpenBacklogOptions, 'source' | 'perPage' | 'fetchPage'>): Promise<{ keys: string[]; requests: number }> {
  const { source, perPage, fetchPage } = options;
  const keys = new Set<string>();
  const seen = new Set<string>();
  let requests = 0;
  for (let page = 1; ; page += 1) {
    const statuses = await fetchPage(source.statusEntity, { updatedSince: null, page, perPage });
    requests += 1;
    const seenBefore = seen.size;
    for (const status of statuses.records) {
      seen.add(`key:${status.key}`);
      if ('name' in status && !source.isClosed(status)) keys.add(status.key);
    }
    for (const record of statuses.quarantined) seen.add(`raw:${record.raw}`);
    if (!(statuses.hasMore ?? statuses.records.length + statuses.quarantined.length >= perPage)) break;
    // A page with nothing not seen before ends the read: an upstream that ignores the page number would repeat forever.
    if (seen.size === seenBefore) break;
  }
  return { keys: [...keys], requests };
}

/**
 * The other half of the initial history window: work (or purchase) orders that are still open but
 * last changed before the window, read status by status. They are older than the cursor, so they are applied
 * without moving it; any later change reaches them through the incremental pull as usual. The
 * engine reads them before the pull: until the pull commits its first page there is no cursor, so
 * a run stopped during the backlog leaves the next run a first read that reads it again.
 */
export async function pullOpenBacklog(options: OpenBacklogOptions & { openStatusKeys: readonly string[] }): Promise<void> {
  const { store, connectionId, runId, entity, perPage, windowStart, fetchPage, counts } = options;
  const label = `open ${syncEntityLabels[entity].toLowerCase()}`;
  for (const statusKey of options.openStatusKeys) {
    // Keyset paging, as in the incremental pull: an order that changes while we page leaves this
    // status's old records (its new updatedAt is inside the window, where the pull reads it), and
    // with page numbers alone that would shift the next page past a record we never read.
    let position: SyncCursor | null = null;
    const pager = new KeysetPager({ updatedSince: null, updatedBefore: windowStart, statusKey, page: 1, perPage }, label);
    for (let query: ListPageQuery | null = pager.query; query; ) {
      const result = await fetchPage(entity, query);
      counts.requests += 1;
      counts.noteReceived(result.records, result.quarantined);
      if (!isAscendingByUpdatedAt(result.records)) throw notInOrder(label);
      if (result.records.length + result.quarantined.length > 0) {
        throwIfCancelled(options.signal);
        await store.applyPage({ connectionId, entity, runId, records: result.records, quarantined: result.quarantined, cursor: null } as ApplyPageBatch);
        counts.noteCommitted(result.records);
      }
      const next = advanceCursor(position, result.records);
      query = pager.advance({ records: result.records, quarantined: result.quarantined.map((record) => record.raw), total: result.total, hasMore: result.hasMore }, position, next);
      position = next;
    }
  }
}
