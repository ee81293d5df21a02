import { z } from 'zod';
import { quarantinedRecordSchema } from '../domain/quarantined-record';
import { syncCursorSchema } from '../domain/sync-cursor';
import { syncEntitySchema } from '../domain/sync-entity';
import type { SyncedRecord } from '../domain/synced-record';
import type { ApplyPageBatch, FetchedRecords } from '../local-store';

/**
 * What the renderer checks of the records main asks it to store. Main built every one of them
 * from upstream's answer through the connector's full schema (a record that failed it was
 * quarantined instead), so checking each record's domain schema again here only doubled the cost
 * of a sync (1,000 records a page). What the renderer still needs to trust is the shape its store
 * reads itself: where a record goes (connection and key), which version it is, whether it is gone.
 * A predicate rather than an object schema: zod would copy every record to check four fields.
 */
const storableRecordSchema = z.custom<SyncedRecord>((value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { key, connectionId, updatedAt, deletedAt } = value as Record<string, unknown>;
  return (
    typeof key === 'string' &&
    key !== '' &&
    typeof connectionId === 'string' &&
    connectionId !== '' &&
    typeof updatedAt === 'string' &&
    (deletedAt === null || typeof deletedAt === 'string')
  );
}, 'not a record the cache can store: it needs its key, connection, change time and deletion time (or null)');

const fetchedRecordsEnvelope = z.object({
  connectionId: z.string().min(1),
  entity: syncEntitySchema,
  records: z.array(storableRecordSchema),
});

/** `store.applyIfNewer`: records main fetched by key (a webhook named them). */
export const fetchedRecordsEnvelopeSchema = fetchedRecordsEnvelope as unknown as z.ZodType<FetchedRecords>;

/** `store.applyPage`: one sync page, its quarantined records and the cursor that follows it. */
export const applyPageEnvelopeSchema = fetchedRecordsEnvelope.extend({
  runId: z.string().min(1),
  quarantined: z.array(quarantinedRecordSchema),
  cursor: syncCursorSchema.nullable(),
  rereadKeys: z.array(z.string().min(1)).max(100_000).optional(),
}) as unknown as z.ZodType<ApplyPageBatch>;
