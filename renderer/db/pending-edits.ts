import { unsettledStates, type OutboxOperation } from '../../shared/domain/outbox-operation';
import { conflictsAgainst } from '../../shared/reconcile/reconcile-operation';
import type { SyncedRecord } from '../../shared/domain/synced-record';
import type { MillwrightDb } from './millwright-db';

/** A connection's operations that still owe the server something, oldest first. */
export async function unsettledOperations(db: MillwrightDb, connectionId: string): Promise<OutboxOperation[]> {
  const operations = await db.outbox
    .where('[connectionId+state]')
    .anyOf(unsettledStates.map((state) => [connectionId, state]))
    .toArray();
  return operations.sort((a, b) => a.seq! - b.seq!);
}

/**
 * The record as the user sees it: upstream's version with the user's unsent edits to it laid
 * over it in the order they were made. Pulls and write answers go through this so an edit stays
 * on screen until the server has it.
 */
export function withPendingEdits<T>(record: T, operations: readonly OutboxOperation[] = []): T {
  let shown = record;
  for (const operation of operations) shown = { ...shown, ...operation.changes, ...operation.display };
  return shown;
}

/** Operations grouped by `entity/key`, for laying them over a page of records. */
export function operationsByRecord(operations: readonly OutboxOperation[]): Map<string, OutboxOperation[]> {
  const grouped = new Map<string, OutboxOperation[]>();
  for (const operation of operations) {
    const id = `${operation.entity}/${operation.key}`;
    const list = grouped.get(id);
    if (list) list.push(operation);
    else grouped.set(id, [operation]);
  }
  return grouped;
}

/**
 * Conflicts waiting for the user follow upstream: when newer versions of their records are
 * stored, each conflict's "theirs" becomes what upstream holds now (see conflictsAgainst). Runs
 * in the caller's transaction, which must include the outbox.
 */
export async function followUpstreamInConflicts(db: MillwrightDb, entity: string, records: readonly SyncedRecord[], pending: ReadonlyMap<string, OutboxOperation[]>): Promise<void> {
  const updates: { key: number; changes: Pick<OutboxOperation, 'conflicts'> }[] = [];
  for (const record of records) {
    for (const operation of pending.get(`${entity}/${record.key}`) ?? []) {
      const conflicts = operation.state === 'conflict' ? conflictsAgainst(operation, record) : null;
      if (conflicts) updates.push({ key: operation.seq!, changes: { conflicts } });
    }
  }
  if (updates.length > 0) await db.outbox.bulkUpdate(updates);
}
