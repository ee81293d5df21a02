import { isLocalKey, writeActionEntity } from '../../shared/domain/outbox-operation';
import type { SyncCursor } from '../../shared/domain/sync-cursor';
import { syncEntities } from '../../shared/domain/sync-entity';
import type { SyncedRecord } from '../../shared/domain/synced-record';
import type { ApplyPageBatch, ApplyPageResult, CursorRequest, FetchedRecords, LocalStore, SweepRequest } from '../../shared/local-store';
import type { ActivityEntry, SyncHistoryEntry } from '../../shared/sync-history';
import type { MillwrightDb } from './millwright-db';
import { followUpstreamInConflicts, operationsByRecord, unsettledOperations, withPendingEdits } from './pending-edits';
import { forEachSlice } from './connection-slices';
import { reportingStorageFull } from './storage-full';
import { unchangedRereads } from './unchanged-rereads';

/** How many records a sweep reads at a time. */
const sweepSlice = 10_000;

/** How many Sync history rows are kept (the oldest go first). */
export const syncHistoryLimit = 2000;

/** Entities the user edits offline: their pulls keep unsent edits on top. */
const editedEntities: ReadonlySet<string> = new Set(Object.values(writeActionEntity));

/**
 * The LocalStore over Dexie: what the sync engine writes through, in the app and in Node tests.
 * Each write is one transaction; one refused for lack of room is rolled back whole and fails with
 * STORAGE_FULL (the sync stops there, its cursor at the last page that was stored).
 */
export class DexieLocalStore implements LocalStore {
  constructor(private readonly db: MillwrightDb) {}

  async getCursor({ connectionId, entity }: CursorRequest): Promise<SyncCursor | null> {
    return (await this.db.syncCursors.get([connectionId, entity]))?.cursor ?? null;
  }

  async applyPage(batch: ApplyPageBatch): Promise<ApplyPageResult> {
    const { connectionId, entity, runId } = batch;
    const table = this.db.table(entity);
    const live = batch.records.filter((record) => record.deletedAt === null).map((record) => ({ ...record, syncRunId: runId }));
    const removed = batch.records.filter((record) => record.deletedAt !== null).map((record) => [record.connectionId, record.key]);
    const quarantinedAt = new Date().toISOString();
    const edited = editedEntities.has(entity);
    let upserted = 0;
    await reportingStorageFull(() => this.db.transaction('rw', [table, this.db.syncCursors, this.db.quarantine, ...(edited ? [this.db.outbox] : [])], async () => {
      if (edited && live.length > 0) {
        // Upstream's version comes in underneath the user's unsent edits.
        const pending = operationsByRecord(await unsettledOperations(this.db, connectionId));
        if (pending.size > 0) {
          await followUpstreamInConflicts(this.db, entity, live, pending);
          live.forEach((record, index) => (live[index] = withPendingEdits(record, pending.get(`${entity}/${record.key}`))));
        }
      }
      const unchanged = batch.rereadKeys ? await unchangedRereads(table, connectionId, live, batch.rereadKeys) : null;
      const written = unchanged && unchanged.size > 0 ? live.filter((record) => !unchanged.has(record.key)) : live;
      upserted = written.length;
      if (written.length > 0) await table.bulkPut(written);
      if (removed.length > 0) await table.bulkDelete(removed);
      // A good version of a quarantined record replaces its quarantine entry (rarely any: check first).
      if (batch.records.length > 0 && (await this.db.quarantine.where('connectionId').equals(connectionId).count()) > 0) {
        await this.db.quarantine.bulkDelete(batch.records.map((record) => [connectionId, entity, record.key] as [string, typeof entity, string]));
      }
      if (batch.quarantined.length > 0) {
        await this.db.quarantine.bulkPut(batch.quarantined.map((record) => ({ ...record, connectionId, entity, quarantinedAt })));
      }
      if (batch.cursor) await this.db.syncCursors.put({ connectionId, entity, cursor: batch.cursor });
    }));
    return { upserted, deleted: removed.length };
  }

  async applyIfNewer(batch: FetchedRecords): Promise<ApplyPageResult> {
    const { connectionId, entity } = batch;
    const records: readonly SyncedRecord[] = batch.records;
    const table = this.db.table<SyncedRecord & { syncRunId?: string }>(entity);
    const edited = editedEntities.has(entity);
    return reportingStorageFull(() => this.db.transaction('rw', [table, ...(edited ? [this.db.outbox] : [])], async () => {
      const cached = await table.bulkGet(records.map((record) => [connectionId, record.key]));
      const pending = edited ? operationsByRecord(await unsettledOperations(this.db, connectionId)) : new Map();
      const live: SyncedRecord[] = [];
      const newer: SyncedRecord[] = [];
      const removed: [string, string][] = [];
      records.forEach((record, index) => {
        const current = cached[index];
        // Not older: an equal instant may hold a second change of the same second.
        if (current && Date.parse(record.updatedAt) < Date.parse(current.updatedAt)) return;
        newer.push(record);
        if (record.deletedAt !== null) {
          removed.push([connectionId, record.key]);
          return;
        }
        // Keeps the full re-sync mark of the version it replaces.
        const shown = current?.syncRunId ? { ...record, syncRunId: current.syncRunId } : record;
        live.push(withPendingEdits(shown, pending.get(`${entity}/${record.key}`)));
      });
      if (pending.size > 0) await followUpstreamInConflicts(this.db, entity, newer, pending);
      if (live.length > 0) await table.bulkPut(live);
      if (removed.length > 0) await table.bulkDelete(removed);
      return { upserted: live.length, deleted: removed.length };
    }));
  }

  async sweepUnseen({ connectionId, entity, runId, updatedSince }: SweepRequest): Promise<number> {
    const table = this.db.table<{ connectionId: string; key: string; syncRunId?: string; updatedAt: string }>(entity);
    const since = updatedSince === null ? -Infinity : Date.parse(updatedSince);
    return this.db.transaction('rw', [table, this.db.outbox], async () => {
      // Records with unsent edits stay: created offline, or changed here and still owed upstream.
      const edited = new Set((await unsettledOperations(this.db, connectionId)).filter((op) => op.entity === entity).map((op) => op.key));
      // Read in slices, keeping only the keys to delete, then one bulk delete: a filtered cursor
      // delete is far slower on large tables.
      const stale: [string, string][] = [];
      await forEachSlice(table, connectionId, sweepSlice, (slice) => {
        for (const record of slice) {
          if (record.syncRunId !== runId && Date.parse(record.updatedAt) >= since && !isLocalKey(record.key) && !edited.has(record.key)) stale.push([record.connectionId, record.key]);
        }
      });
      await table.bulkDelete(stale);
      return stale.length;
    });
  }

  async recordSyncHistory(entries: SyncHistoryEntry[]): Promise<void> {
    await reportingStorageFull(() => this.db.transaction('rw', this.db.syncHistory, async () => {
      await this.db.syncHistory.bulkAdd(entries);
      const excess = (await this.db.syncHistory.count()) - syncHistoryLimit;
      if (excess > 0) await this.db.syncHistory.orderBy('id').limit(excess).delete();
    }));
  }

  /**
   * An attempt main made: a new row, or, when a row has the same `coalesceKey` (the same failure
   * again during one outage), that row with one attempt more, the newest time and error.
   */
  async recordActivity(entry: ActivityEntry): Promise<void> {
    await reportingStorageFull(() => this.db.transaction('rw', this.db.syncHistory, async () => {
      const existing = await this.db.syncHistory.where('coalesceKey').equals(entry.coalesceKey).first();
      if (existing?.id !== undefined) {
        await this.db.syncHistory.update(existing.id, {
          attempts: (existing.attempts ?? 1) + (entry.attempts ?? 1),
          finishedAt: entry.finishedAt,
          error: entry.error,
          ...(entry.summary !== undefined ? { summary: entry.summary } : {}),
        });
        return;
      }
      await this.db.syncHistory.add({ ...entry, attempts: entry.attempts ?? 1 });
      const excess = (await this.db.syncHistory.count()) - syncHistoryLimit;
      if (excess > 0) await this.db.syncHistory.orderBy('id').limit(excess).delete();
    }));
  }

  async deleteConnection(connectionId: string): Promise<number> {
    const tables = syncEntities.map((entity) => this.db.table(entity));
    const bookkeeping = [this.db.syncCursors, this.db.quarantine, this.db.syncHistory, this.db.outbox, this.db.documentFiles];
    return this.db.transaction('rw', [...tables, ...bookkeeping], async () => {
      let deleted = 0;
      for (const table of tables) deleted += await table.where('connectionId').equals(connectionId).delete();
      await this.db.syncCursors.where('[connectionId+entity]').between([connectionId, ''], [connectionId, '\uffff']).delete();
      await this.db.quarantine.where('connectionId').equals(connectionId).delete();
      await this.db.syncHistory.where('connectionId').equals(connectionId).delete();
      await this.db.outbox.where('[connectionId+state]').between([connectionId, ''], [connectionId, '\uffff']).delete();
      await this.db.documentFiles.where('connectionId').equals(connectionId).delete();
      return deleted;
    });
  }
}
