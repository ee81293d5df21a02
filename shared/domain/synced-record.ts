import { z } from 'zod';

/** Fields every cached record keeps from its source system, whatever the entity. */
export const syncedRecordSchema = z.object({
  connectionId: z.string().min(1),
  /** The source system's key (Makini `key`). */
  key: z.string().min(1),
  /** ISO-8601 time of the last upstream change. */
  updatedAt: z.string().min(1),
  /** ISO-8601 time of an upstream soft delete; such records are removed from the cache. */
  deletedAt: z.string().nullable(),
});
export type SyncedRecord = z.infer<typeof syncedRecordSchema>;
