import { z } from 'zod';
import { fieldConflictSchema, outboxOperationSchema, outboxStates, type OutboxOperation, type WritableEntity } from './domain/outbox-operation';
import { syncEntityRecordSchemas } from './domain/sync-entity';
import type { FileTransfer } from './documents/file-transfer';
import { appErrorShapeSchema } from './errors';

export const operationUpdateSchema = z.object({
  id: z.string().min(1),
  state: z.enum(outboxStates),
  attempts: z.number().int().nonnegative().optional(),
  error: appErrorShapeSchema.nullable().optional(),
  conflicts: z.array(fieldConflictSchema).optional(),
});
export type OperationUpdate = z.infer<typeof operationUpdateSchema>;

const resultOf = <E extends WritableEntity>(entity: E) => z.object({ id: z.string().min(1), entity: z.literal(entity), record: syncEntityRecordSchemas[entity] });

/** The server's answer to an operation, as a cached record of the operation's entity: one for every entity a write changes. */
export const operationResultSchema = z.discriminatedUnion('entity', [
  resultOf('workOrders'),
  resultOf('purchaseOrders'),
  resultOf('inventories'),
  resultOf('serviceRequests'),
  resultOf('workOrderMaterials'),
  resultOf('documents'),
]);
export type OperationResult = z.infer<typeof operationResultSchema>;

export const pendingOperationsSchema = z.array(outboxOperationSchema);

/** What one push did. */
export const pushSummarySchema = z.object({
  done: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** Left pending because upstream could not be reached; they go with the next push. */
  deferred: z.number().int().nonnegative(),
  /** Why operations were deferred (the last transient failure), if any were. */
  deferredBy: appErrorShapeSchema.nullable(),
  /** Set when upstream refused the token: pushing stops with every operation kept. */
  authFailure: appErrorShapeSchema.nullable(),
});
export type PushSummary = z.infer<typeof pushSummarySchema>;

/**
 * The outbox as main's pusher sees it. The operations live in the renderer's Dexie database
 * beside the records they change; main reaches them over the IPC contract, Node tests directly.
 */
export interface OutboxStore {
  /** The connection's operations still to send (pending, or sending when a push was cut short), oldest first. */
  pendingOperations(connectionId: string): Promise<OutboxOperation[]>;
  /** Marks operations as on their way, counting an attempt for each: one transaction for a whole push. */
  beginSending(ids: string[]): Promise<void>;
  updateOperation(update: OperationUpdate): Promise<void>;
  /**
   * For each answer: stores it as the cached record (in place of an offline-made `local:` key,
   * which later operations then use too), re-applies the record's later edits over it, and marks
   * the operation done. One transaction for the batch: a crash keeps all of it or none.
   */
  completeOperations(results: OperationResult[]): Promise<void>;
  /** The file an attachment's upload sends (kept under its document's key); null when it is no longer here. */
  attachmentOf(connectionId: string, key: string): Promise<FileTransfer | null>;
}
