import { z } from 'zod';
import { syncCursorSchema, type SyncCursor } from './domain/sync-cursor';
import { syncEntityRecordSchemas, syncEntitySchema, type SyncEntity, type SyncEntityRecord } from './domain/sync-entity';

/** One page of upstream records and the cursor that follows it, applied together or not at all. */
export type ApplyPageBatch = {
  [E in SyncEntity]: { connectionId: string; entity: E; records: SyncEntityRecord<E>[]; cursor: SyncCursor };
}[SyncEntity];

const batchSchemaFor = <E extends SyncEntity>(entity: E) =>
  z.object({
    connectionId: z.string().min(1),
    entity: z.literal(entity),
    records: z.array(syncEntityRecordSchemas[entity]),
    cursor: syncCursorSchema,
  });

export const applyPageBatchSchema = z.discriminatedUnion('entity', [
  batchSchemaFor('sites'),
  batchSchemaFor('workOrderStatuses'),
  batchSchemaFor('assets'),
  batchSchemaFor('workOrders'),
]) satisfies z.ZodType<ApplyPageBatch>;

export const applyPageResultSchema = z.object({
  upserted: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
});
export type ApplyPageResult = z.infer<typeof applyPageResultSchema>;

export const cursorRequestSchema = z.object({ connectionId: z.string().min(1), entity: syncEntitySchema });
export type CursorRequest = z.infer<typeof cursorRequestSchema>;

/**
 * The local cache as the sync engine sees it. The app's implementation is the renderer's Dexie
 * store, reached over the IPC contract; Node tests call the same class directly.
 */
export interface LocalStore {
  getCursor(request: CursorRequest): Promise<SyncCursor | null>;
  /** Upserts the records, removes soft-deleted ones and stores the cursor in one transaction. */
  applyPage(batch: ApplyPageBatch): Promise<ApplyPageResult>;
  /** Removes every record and cursor of a connection; answers how many records went. */
  deleteConnection(connectionId: string): Promise<number>;
}
