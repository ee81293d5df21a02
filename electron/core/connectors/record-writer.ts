import type { FieldValue, OutboxOperation, WritableEntity } from '../../../shared/domain/outbox-operation';
import type { SyncEntityRecord } from '../../../shared/domain/sync-entity';
import type { FileTransfer } from '../../../shared/documents/file-transfer';

export interface WriteRequest {
  operation: OutboxOperation;
  /** What to send: the edit's changes, plus the fields the system demands on every update. */
  fields: Record<string, FieldValue>;
  /** The record as upstream held it when the edit was reconciled; null for a create. */
  upstream: SyncEntityRecord<WritableEntity> | null;
  /** An attachment's file, read from where the renderer keeps it; only for attachDocument. */
  attachment?: FileTransfer;
}

/**
 * The write side of a connector. Each write carries the operation's Idempotency-Key (its id, or
 * the key it was given when its conflict was settled), so
 * sending it again after a crash or a lost answer has one effect upstream.
 */
export interface RecordWriter {
  /** The record as upstream has it now, in domain shape; null when upstream has no such record. */
  fetchRecord<E extends WritableEntity>(entity: E, key: string): Promise<SyncEntityRecord<E> | null>;
  /** Sends one operation; answers the record as upstream holds it afterwards. */
  write(request: WriteRequest): Promise<SyncEntityRecord<WritableEntity>>;
}
