import type { QuarantinedRecord } from '../../../shared/domain/quarantined-record';
import type { SyncEntity, SyncEntityRecord } from '../../../shared/domain/sync-entity';
import type { FetchedFile } from '../../../shared/documents/file-transfer';

export interface ListPageQuery {
  /** Only records with updatedAt at or after this instant; null reads everything. */
  updatedSince: string | null;
  page: number;
  perPage: number;
  /** Only records changed strictly before this instant. */
  updatedBefore?: string;
  /** Only records in this status (work orders). */
  statusKey?: string;
}

export interface RecordPage<E extends SyncEntity> {
  records: SyncEntityRecord<E>[];
  /** Records of the page that failed validation, with the reason. */
  quarantined: QuarantinedRecord[];
  /** Upstream's count of records matching the query, when it reports one. */
  total: number | null;
  /**
   * Whether upstream says more pages follow (its page numbers or next link), when it says so. A
   * server may serve fewer records a page than asked for, so a short page alone does not end a list.
   */
  hasMore: boolean | null;
}

export interface IntegrationInfo {
  provider: string | null;
  companyName: string | null;
  /** Upstream's own sync state with the source system (Makini `sync_status`). */
  syncStatus: string | null;
}

/**
 * A source of maintenance records (Makini today; other systems later). It knows HTTP, paging,
 * mapping into domain types and upstream errors, and throws AppError with a typed code.
 */
export interface Connector {
  describe(): Promise<IntegrationInfo>;
  /** Ends the connection upstream: its token stops working. */
  revoke(): Promise<void>;
  /** One page of `entity` in ascending (updatedAt, key) order. */
  listPage<E extends SyncEntity>(entity: E, query: ListPageQuery): Promise<RecordPage<E>>;
  /**
   * The current version of each named record (a webhook named them), in no particular order;
   * keys upstream does not have (any more) are left out.
   */
  fetchByKeys<E extends SyncEntity>(entity: E, keys: readonly string[]): Promise<FetchedPage<E>>;
  /** A photo's or file's bytes at the address its document names; absent where the source keeps no files. */
  fetchFile?(url: string): Promise<FetchedFile>;
}

export type FetchedPage<E extends SyncEntity> = Pick<RecordPage<E>, 'records' | 'quarantined'>;
