import {
  isCreateAction,
  isLocalKey,
  localKeyPrefix,
  unsettledStates,
  writeActionEntity,
  type FieldValue,
  type OutboxLineItem,
  type OutboxOperation,
  type SentAs,
  type WriteAction,
} from '../../shared/domain/outbox-operation';
import { completionAfterStatusChange } from '../../shared/domain/work-order-state';
import { bytesToBase64 } from '../../shared/documents/base64';
import type { FileTransfer } from '../../shared/documents/file-transfer';
import { AppError } from '../../shared/errors';
import type { OperationResult, OperationUpdate, OutboxStore } from '../../shared/outbox-store';
import { resolveConflict, type ConflictChoice } from '../../shared/reconcile/reconcile-operation';
import type { MillwrightDb } from './millwright-db';
import { unsettledOperations, withPendingEdits } from './pending-edits';
import { reportingStorageFull } from './storage-full';
import { draftRecord } from './record-drafts';

export interface EditRequest {
  connectionId: string;
  action: WriteAction;
  /** The record changed; creates have none yet. */
  key?: string;
  /** Fields sent upstream, by their domain names. */
  changes: Record<string, FieldValue>;
  /** Fields shown with them (a status name beside its key). */
  display?: Record<string, FieldValue>;
  lineItems?: OutboxLineItem[];
  /** Why the change is made, kept with the operation (not sent). */
  reason?: string;
  /** Changed fields the system takes under another name and value. */
  sendAs?: Record<string, SentAs>;
  /** An attachment's file: kept in the cache with the queued upload, in the same transaction. */
  file?: { name: string; contentType: string; bytes: Uint8Array };
}

/** How many finished operations are kept for the record of what was sent. */
const doneKept = 1000;


type AnyRecord = { connectionId: string; key: string; updatedAt: string } & Record<string, unknown>;

/**
 * The outbox in Dexie, beside the records it changes. An edit changes the record and queues its
 * operation in one transaction, so the board moves at once and nothing is queued that is not
 * shown (or shown that is not queued). Main's pusher reads and settles operations through the
 * OutboxStore methods.
 */
export class DexieOutbox implements OutboxStore {
  constructor(
    private readonly db: MillwrightDb,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async enqueue(request: EditRequest): Promise<OutboxOperation> {
    const { connectionId, action, changes } = request;
    const entity = writeActionEntity[action];
    const table = this.db.table<AnyRecord>(entity);
    const now = this.clock().toISOString();
    // One transaction: the record and its operation are stored together or not at all.
    return reportingStorageFull(() => this.db.transaction('rw', [table, this.db.outbox, this.db.workOrderStatuses, this.db.documentFiles], async () => {
      const display = { ...request.display, ...(await this.completionShown(action, connectionId, request.key, changes, now)) };
      let key: string;
      let baseUpdatedAt: string | null = null;
      const base: Record<string, FieldValue> = {};
      if (isCreateAction(action)) {
        key = localKeyPrefix + crypto.randomUUID();
        await table.add(draftRecord(entity, { connectionId, key, now, fields: { ...changes, ...display } }) as AnyRecord);
        if (request.file) await this.db.documentFiles.add({ connectionId, key, ...request.file, savedAt: now });
      } else {
        key = request.key ?? '';
        const record = await table.get([connectionId, key]);
        if (!record) throw new AppError('NOT_FOUND', 'That record is no longer in the local cache; it may have been deleted upstream.');
        for (const field of [...Object.keys(changes), ...Object.keys(display)]) base[field] = (record[field] as FieldValue | undefined) ?? null;
        baseUpdatedAt = record.updatedAt;
        await table.put({ ...record, ...changes, ...display });
      }
      const operation: OutboxOperation = {
        id: crypto.randomUUID(),
        connectionId,
        action,
        entity,
        key,
        baseUpdatedAt,
        changes,
        base,
        display,
        ...(request.lineItems ? { lineItems: request.lineItems } : {}),
        ...(request.reason ? { reason: request.reason } : {}),
        ...(request.sendAs ? { sendAs: request.sendAs } : {}),
        createdAt: now,
        attempts: 0,
        state: 'pending',
        error: null,
        conflicts: [],
      };
      operation.seq = await this.db.outbox.add(operation);
      return operation;
    }), 'The change was not saved: free disk space on this computer, then make it again.');
  }

  /**
   * What a work-order status change does to the completion date, shown with it until the plant
   * answers (shared/domain/work-order-state): reopening clears it, completing stamps it. Not
   * sent: the plant's status write decides its own completion date.
   */
  private async completionShown(action: WriteAction, connectionId: string, key: string | undefined, changes: Record<string, FieldValue>, now: string): Promise<Record<string, FieldValue>> {
    if (action !== 'setWorkOrderStatus' || typeof changes.statusKey !== 'string' || key === undefined) return {};
    const [record, status] = await Promise.all([this.db.workOrders.get([connectionId, key]), this.db.workOrderStatuses.get([connectionId, changes.statusKey])]);
    return record && status ? completionAfterStatusChange(record, status, now) : {};
  }

  /** One operation as it stands now (a create's key is the plant's once it has been sent); undefined once discarded. */
  operation(id: string): Promise<OutboxOperation | undefined> {
    return this.db.outbox.where('id').equals(id).first();
  }

  /** Pending and interrupted operations, minus those queued behind a conflict or refusal of the same record. */

  async pendingOperations(connectionId: string): Promise<OutboxOperation[]> {
    await this.pruneDone();
    const blocked = new Set<string>();
    const ready: OutboxOperation[] = [];
    for (const operation of await unsettledOperations(this.db, connectionId)) {
      const record = `${operation.entity}/${operation.key}`;
      if (operation.state === 'conflict' || operation.state === 'rejected') blocked.add(record);
      else if (!blocked.has(record)) ready.push(operation);
    }
    return ready;
  }

  async beginSending(ids: string[]): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, async () => {
      const operations = await Promise.all(ids.map((id) => this.db.outbox.get({ id })));
      const sending = operations.filter((operation) => operation !== undefined);
      await this.db.outbox.bulkPut(sending.map((operation) => ({ ...operation, state: 'sending', attempts: operation.attempts + 1 })));
    });
  }

  async updateOperation({ id, ...change }: OperationUpdate): Promise<void> {
    await this.db.outbox.where('id').equals(id).modify(change);
  }

  /**
   * Stores the server's answers: each operation done, each record as the server answered it (its
   * last answer in the batch) with the edits still queued for it on top. In bulk, one transaction:
   * a push's answers are stored at the pace they arrive rather than one request at a time.
   */
  async completeOperations(results: OperationResult[]): Promise<void> {
    const tables = [...new Set(results.map((result) => this.db.table<AnyRecord>(result.entity)))];
    await this.db.transaction('rw', [...tables, this.db.outbox, this.db.documentFiles], async () => {
      const operations = await Promise.all(results.map(({ id }) => this.db.outbox.get({ id })));
      const finished = new Set<number>();
      const answers = new Map<string, { operation: OutboxOperation; record: AnyRecord }>();
      for (const [index, { record }] of results.entries()) {
        const operation = operations[index];
        if (!operation || operation.state === 'done' || finished.has(operation.seq!)) continue;
        if (isLocalKey(operation.key) && record.key !== operation.key) await this.adoptServerKey(operation, record as AnyRecord);
        finished.add(operation.seq!);
        answers.set(`${operation.entity}\u0000${operation.connectionId}\u0000${record.key}`, { operation, record: record as AnyRecord });
      }
      await this.db.outbox.bulkUpdate([...finished].map((seq) => ({ key: seq, changes: { state: 'done', error: null, conflicts: [] } })));
      const stored = await Promise.all(
        [...answers.values()].map(async ({ operation, record }) => ({ entity: operation.entity, record: withPendingEdits(record, await this.unsettledOf(operation.connectionId, operation.entity, record.key)) })),
      );
      for (const table of tables) await table.bulkPut(stored.filter(({ entity }) => entity === table.name).map(({ record }) => record));
    });
  }

  /**
   * A created record's answer: the draft under its local key gives way to the server's key, and
   * later edits of it were made against the draft; the server's first version (with its
   * defaults, e.g. a starting status) is their base now: no one else has seen it yet.
   */
  private async adoptServerKey(operation: OutboxOperation, created: AnyRecord): Promise<void> {
    await this.db.table<AnyRecord>(operation.entity).delete([operation.connectionId, operation.key]);
    await this.moveFile(operation.connectionId, operation.key, created.key);
    await this.db.outbox
      .where('[connectionId+entity+key]')
      .equals([operation.connectionId, operation.entity, operation.key])
      .modify((later) => {
        later.key = created.key;
        later.base = Object.fromEntries(Object.keys(later.base).map((field) => [field, (created[field] as FieldValue | undefined) ?? null]));
        later.baseUpdatedAt = created.updatedAt;
      });
  }

  /** Settles a conflict the user's way; the record shows the outcome at once. */
  async resolve(id: string, choice: ConflictChoice): Promise<void> {
    const operation = await this.db.outbox.where('id').equals(id).first();
    if (!operation || operation.state !== 'conflict') throw new AppError('NOT_FOUND', 'That conflict was already settled.');
    const table = this.db.table<AnyRecord>(operation.entity);
    await this.db.transaction('rw', [table, this.db.outbox, this.db.workOrderStatuses, this.db.purchaseOrderStatuses], async () => {
      const resolved = resolveConflict(operation, choice, crypto.randomUUID());
      await this.db.outbox.put(resolved);
      const later = (await this.unsettledOf(operation.connectionId, operation.entity, operation.key)).filter((other) => other.seq! > operation.seq!);
      if (resolved.state === 'pending' && later.length > 0) {
        // Sent again, this edit lands over the record's later edits if a crash had let those
        // through already: they go again after it, as new requests too, so the last edit wins.
        for (const other of later) other.idempotencyKey = crypto.randomUUID();
        await this.db.outbox.bulkPut(later);
      }
      const record = await table.get([operation.connectionId, operation.key]);
      if (!record) return;
      const shown: Record<string, unknown> = { ...record, ...resolved.changes, ...resolved.display };
      if ('keep' in choice && choice.keep === 'theirs') {
        for (const conflict of operation.conflicts) {
          shown[conflict.field] = conflict.theirs;
          Object.assign(shown, conflict.theirsShown);
          // Conflicts stored before their followers were kept name the status from the cache.
          if (conflict.field === 'statusKey' && !conflict.theirsShown) shown.status = await this.statusName(operation, conflict.theirs);
        }
      }
      // Later edits of the record still waiting stay on top of what this one settled to.
      await table.put(withPendingEdits(shown as AnyRecord, later));
    });
  }

  /** Sends a refused operation again, with corrected values if the user gave any. */
  async retry(id: string, changes?: Record<string, FieldValue>, display?: Record<string, FieldValue>, sendAs?: Record<string, SentAs>): Promise<void> {
    const operation = await this.db.outbox.where('id').equals(id).first();
    if (!operation || operation.state !== 'rejected') throw new AppError('NOT_FOUND', 'That change is no longer waiting for a fix.');
    const table = this.db.table<AnyRecord>(operation.entity);
    await this.db.transaction('rw', [table, this.db.outbox], async () => {
      const sent = { ...operation.sendAs, ...sendAs };
      // A field fixed without a way of sending it goes as it is named.
      for (const field of Object.keys(changes ?? {})) if (!sendAs?.[field]) delete sent[field];
      const fixed = {
        ...operation,
        changes: { ...operation.changes, ...changes },
        display: { ...operation.display, ...display },
        ...(Object.keys(sent).length > 0 ? { sendAs: sent } : {}),
        state: 'pending' as const,
        error: null,
      };
      if (Object.keys(sent).length === 0) delete fixed.sendAs;
      await this.db.outbox.put(fixed);
      const record = await table.get([operation.connectionId, operation.key]);
      if (record) await table.put({ ...record, ...fixed.changes, ...fixed.display });
    });
  }

  /**
   * Drops an unsent operation: the record goes back to how it was before the edit (keeping later
   * edits), and a record created offline goes away with every edit made to it.
   */
  async discard(id: string): Promise<void> {
    const operation = await this.db.outbox.where('id').equals(id).first();
    if (!operation || operation.state === 'done') return;
    const table = this.db.table<AnyRecord>(operation.entity);
    await this.db.transaction('rw', [table, this.db.outbox, this.db.documentFiles], async () => {
      const sameRecord = this.db.outbox.where('[connectionId+entity+key]').equals([operation.connectionId, operation.entity, operation.key]);
      if (isCreateAction(operation.action)) {
        await sameRecord.delete();
        await table.delete([operation.connectionId, operation.key]);
        await this.db.documentFiles.delete([operation.connectionId, operation.key]);
        return;
      }
      await this.db.outbox.where('id').equals(id).delete();
      const record = await table.get([operation.connectionId, operation.key]);
      if (!record) return;
      const later = (await this.unsettledOf(operation.connectionId, operation.entity, operation.key)).filter((other) => other.seq! > operation.seq!);
      await table.put(withPendingEdits({ ...record, ...operation.base }, later));
    });
  }

  async attachmentOf(connectionId: string, key: string): Promise<FileTransfer | null> {
    const file = await this.db.documentFiles.get([connectionId, key]);
    return file ? { name: file.name, contentType: file.contentType, base64: bytesToBase64(file.bytes) } : null;
  }

  /** An uploaded attachment's file stays here under the key the plant gave its document. */
  private async moveFile(connectionId: string, from: string, to: string): Promise<void> {
    const file = await this.db.documentFiles.get([connectionId, from]);
    if (!file) return;
    await this.db.documentFiles.delete([connectionId, from]);
    await this.db.documentFiles.put({ ...file, key: to });
  }

  /** One record's operations still owed to the server, oldest first. */
  private async unsettledOf(connectionId: string, entity: OutboxOperation['entity'], key: string): Promise<OutboxOperation[]> {
    const operations = await this.db.outbox.where('[connectionId+entity+key]').equals([connectionId, entity, key]).toArray();
    return operations.filter((operation) => unsettledStates.includes(operation.state)).sort((a, b) => a.seq! - b.seq!);
  }

  private async statusName(operation: OutboxOperation, statusKey: FieldValue): Promise<string | null> {
    if (typeof statusKey !== 'string') return null;
    const statuses = operation.entity === 'purchaseOrders' ? this.db.purchaseOrderStatuses : this.db.workOrderStatuses;
    return (await statuses.get([operation.connectionId, statusKey]))?.name ?? null;
  }

  private async pruneDone(): Promise<void> {
    const done = this.db.outbox.where('state').equals('done');
    const excess = (await done.count()) - doneKept;
    if (excess > 0) {
      const oldest = (await done.primaryKeys()).sort((a, b) => a - b).slice(0, excess);
      await this.db.outbox.bulkDelete(oldest);
    }
  }
}
