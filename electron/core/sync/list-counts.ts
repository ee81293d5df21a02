import type { QuarantinedRecord } from '../../../shared/domain/quarantined-record';
import type { EntitySyncSummary } from '../../../shared/sync-progress';

/**
 * The counts of one list in one run, each of distinct records (see `entitySyncSummarySchema`): the
 * open-backlog read and the main read of a list, and an instant read again while paging, may send
 * a record more than once, and it still counts once. Readable records are told apart by key, the
 * unreadable ones as the Skipped records list keeps them: by `recordRef` (their key when readable).
 */
export class ListCounts {
  requests = 0;
  /** Records a full re-sync removed because upstream no longer has them (never received). */
  swept = 0;
  private readonly received = new Set<string>();
  private readonly applied = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly quarantined = new Set<string>();

  /** A page as received. */
  noteReceived(records: readonly { key: string }[], quarantined: readonly QuarantinedRecord[]): void {
    for (const record of records) this.received.add(`key:${record.key}`);
    for (const record of quarantined) {
      this.received.add(`ref:${record.recordRef}`);
      this.quarantined.add(record.recordRef);
    }
  }

  /** Records committed to the cache that were new or changed (soft-deleted ones left it). */
  noteCommitted(records: readonly { key: string; deletedAt: string | null }[]): void {
    for (const record of records) (record.deletedAt === null ? this.applied : this.deleted).add(record.key);
  }

  summary(entity: EntitySyncSummary['entity']): Omit<EntitySyncSummary, 'outcome' | 'retries'> {
    return {
      entity,
      requests: this.requests,
      received: this.received.size,
      applied: this.applied.size,
      deleted: this.deleted.size + this.swept,
      quarantined: this.quarantined.size,
    };
  }
}
