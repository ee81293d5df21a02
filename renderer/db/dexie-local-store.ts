import type { SyncCursor } from '../../shared/domain/sync-cursor';
import type { ApplyPageBatch, ApplyPageResult, CursorRequest, LocalStore } from '../../shared/local-store';
import type { MillwrightDb } from './millwright-db';

/** The LocalStore over Dexie: what the sync engine writes through, in the app and in Node tests. */
export class DexieLocalStore implements LocalStore {
  constructor(private readonly db: MillwrightDb) {}

  async getCursor({ connectionId, entity }: CursorRequest): Promise<SyncCursor | null> {
    return (await this.db.syncCursors.get([connectionId, entity]))?.cursor ?? null;
  }

  async applyPage(batch: ApplyPageBatch): Promise<ApplyPageResult> {
    const table = this.db.table(batch.entity);
    const live = batch.records.filter((record) => record.deletedAt === null);
    const removed = batch.records.filter((record) => record.deletedAt !== null).map((record) => [record.connectionId, record.key]);
    await this.db.transaction('rw', table, this.db.syncCursors, async () => {
      if (live.length > 0) await table.bulkPut(live);
      if (removed.length > 0) await table.bulkDelete(removed);
      await this.db.syncCursors.put({ connectionId: batch.connectionId, entity: batch.entity, cursor: batch.cursor });
    });
    return { upserted: live.length, deleted: removed.length };
  }

  async deleteConnection(connectionId: string): Promise<number> {
    const tables = [this.db.sites, this.db.workOrderStatuses, this.db.assets, this.db.workOrders];
    return this.db.transaction('rw', [...tables, this.db.syncCursors], async () => {
      let deleted = 0;
      for (const table of tables) deleted += await table.where('connectionId').equals(connectionId).delete();
      await this.db.syncCursors.where('[connectionId+entity]').between([connectionId, ''], [connectionId, '\uffff']).delete();
      return deleted;
    });
  }
}
