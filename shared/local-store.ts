import { z } from 'zod';
import { quarantinedRecordSchema, type QuarantinedRecord } from './domain/quarantined-record';
import { syncCursorSchema, type SyncCursor } from './domain/sync-cursor';
import { syncEntities, syncEntityRecordSchemas, syncEntitySchema, type SyncEntity, type SyncEntityRecord } from './domain/sync-entity';
import type { SyncHistoryEntry } from './sync-history';

/**
 * One page of upstream records and the cursor that follows it, applied together or not at all,
 * with the page's records that failed validation. `runId` marks every record written, so a full
 * re-sync can sweep away what upstream no longer has.
 */
export type ApplyPageBatch = {
  [E in SyncEntity]: {
    connectionId: string;
    entity: E;
    runId: string;
    records: SyncEntityRecord<E>[];
    quarantined: QuarantinedRecord[];
    cursor: SyncCursor | null;
    /**
     * Keys of this page's records that an earlier page committed at the cursor's instant, read
     * again in case they changed twice within it: the store may leave out those whose stored
     * version is the same. Absent: every record is written.
     */
    rereadKeys?: string[];
  };
}[SyncEntity];

/** Records fetched by key (a webhook named them), outside any page or cursor. */
export type FetchedRecords = {
  [E in SyncEntity]: { connectionId: string; entity: E; records: SyncEntityRecord<E>[] };
}[SyncEntity];

const fetchedSchemaFor = <E extends SyncEntity>(entity: E) =>
  z.object({
    connectionId: z.string().min(1),
    entity: z.literal(entity),
    records: z.array(syncEntityRecordSchemas[entity]),
  });

const batchSchemaFor = <E extends SyncEntity>(entity: E) =>
  fetchedSchemaFor(entity).extend({
    runId: z.string().min(1),
    quarantined: z.array(quarantinedRecordSchema),
    cursor: syncCursorSchema.nullable(),
    rereadKeys: z.array(z.string().min(1)).optional(),
  });

const [firstEntity, ...otherEntities] = syncEntities;
export const applyPageBatchSchema = z.discriminatedUnion('entity', [
  batchSchemaFor(firstEntity),
  ...otherEntities.map((entity) => batchSchemaFor(entity)),
]) as unknown as z.ZodType<ApplyPageBatch>;

export const fetchedRecordsSchema = z.discriminatedUnion('entity', [
  fetchedSchemaFor(firstEntity),
  ...otherEntities.map((entity) => fetchedSchemaFor(entity)),
]) as unknown as z.ZodType<FetchedRecords>;

export const applyPageResultSchema = z.object({
  upserted: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
});
export type ApplyPageResult = z.infer<typeof applyPageResultSchema>;

export const cursorRequestSchema = z.object({ connectionId: z.string().min(1), entity: syncEntitySchema });
export type CursorRequest = z.infer<typeof cursorRequestSchema>;

export const sweepRequestSchema = cursorRequestSchema.extend({
  runId: z.string().min(1),
  /** Only records changed at or after this instant are judged (those a windowed run must have seen). */
  updatedSince: z.string().nullable(),
});
export type SweepRequest = z.infer<typeof sweepRequestSchema>;

/**
 * The local cache as the sync engine sees it. The app's implementation is the renderer's Dexie
 * store, reached over the IPC contract; Node tests call the same class directly.
 */
export interface LocalStore {
  getCursor(request: CursorRequest): Promise<SyncCursor | null>;
  /** Upserts the records, removes soft-deleted ones and stores the cursor in one transaction. */
  applyPage(batch: ApplyPageBatch): Promise<ApplyPageResult>;
  /**
   * Upserts each record only if it is not older than the cached version, so answers that arrive
   * out of order never put an older version back; removes soft-deleted ones. No cursor moves.
   */
  applyIfNewer(batch: FetchedRecords): Promise<ApplyPageResult>;
  /** Removes every record and cursor of a connection; answers how many records went. */
  deleteConnection(connectionId: string): Promise<number>;
  /** After a full re-sync: removes the entity's records that run did not see; answers how many. */
  sweepUnseen(request: SweepRequest): Promise<number>;
  /** Appends rows to the Sync history. */
  recordSyncHistory(entries: SyncHistoryEntry[]): Promise<void>;
}
