import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { unsettledStates, type FieldValue, type OutboxOperation, type OutboxState } from '../../../shared/domain/outbox-operation';
import type { ConflictChoice } from '../../../shared/reconcile/reconcile-operation';
import { appDb } from '../../db/app-db';
import { appOutbox } from '../../db/app-outbox';
import { useIpcClient } from '../../ipc/ipc-client-context';

/** How a record's unsent edits stand, worst first: it needs a decision, was refused, or is on its way. */
export type OutboxMark = 'conflict' | 'rejected' | 'sending' | 'pending';
const markRank: Record<OutboxMark, number> = { conflict: 3, rejected: 2, sending: 1, pending: 0 };

export const markKey = (connectionId: string, key: string) => `${connectionId}/${key}`;

function markOf(state: OutboxState): OutboxMark | null {
  return state === 'done' ? null : state;
}

const emptyMarks: ReadonlyMap<string, OutboxMark> = new Map();

/** Work orders of these connections with unsettled edits, by `connectionId/key`, live. */
export function useOutboxMarks(connectionIds: readonly string[]): ReadonlyMap<string, OutboxMark> {
  const ids = connectionIds.join('\u0000');
  const operations = useLiveQuery(
    () =>
      appDb.outbox
        .where('[connectionId+state]')
        .anyOf(connectionIds.flatMap((id) => unsettledStates.map((state) => [id, state])))
        .toArray(),
    [ids],
  );
  return useMemo(() => {
    if (!operations || operations.length === 0) return emptyMarks;
    const marks = new Map<string, OutboxMark>();
    for (const operation of operations) {
      if (operation.entity !== 'workOrders') continue;
      const mark = markOf(operation.state);
      if (!mark) continue;
      const id = markKey(operation.connectionId, operation.key);
      const current = marks.get(id);
      if (!current || markRank[mark] > markRank[current]) marks.set(id, mark);
    }
    return marks;
  }, [operations]);
}

export interface OutboxSummary {
  /** Every unsettled operation. */
  total: number;
  conflicts: number;
  rejected: number;
  /** Pending or being sent. */
  waiting: number;
  /** Unsettled operations per connection. */
  byConnection: ReadonlyMap<string, number>;
}

const emptySummary: OutboxSummary = { total: 0, conflicts: 0, rejected: 0, waiting: 0, byConnection: new Map() };

/** Counts of the edits that still owe the server something, across every connection, live. */
export function useOutboxSummary(): OutboxSummary {
  const operations = useLiveQuery(() => appDb.outbox.where('state').anyOf([...unsettledStates]).toArray(), []);
  return useMemo(() => {
    if (!operations || operations.length === 0) return emptySummary;
    const byConnection = new Map<string, number>();
    let conflicts = 0;
    let rejected = 0;
    for (const operation of operations) {
      byConnection.set(operation.connectionId, (byConnection.get(operation.connectionId) ?? 0) + 1);
      if (operation.state === 'conflict') conflicts += 1;
      if (operation.state === 'rejected') rejected += 1;
    }
    return { total: operations.length, conflicts, rejected, waiting: operations.length - conflicts - rejected, byConnection };
  }, [operations]);
}

export interface OutboxActions {
  resolve(operation: OutboxOperation, choice: ConflictChoice): Promise<void>;
  retry(operation: OutboxOperation, changes?: Record<string, FieldValue>, display?: Record<string, FieldValue>): Promise<void>;
  discard(operation: OutboxOperation): Promise<void>;
  /** Asks main to send these connections' queued edits now. */
  push(connectionIds: readonly string[]): void;
}

/** Settling the outbox's operations; each settlement that leaves something to send asks main to push. */
export function useOutboxActions(): OutboxActions {
  const client = useIpcClient();
  const push = useCallback(
    (connectionIds: readonly string[]) => {
      for (const connectionId of new Set(connectionIds)) {
        client.invoke('outbox.push', { connectionId }).catch(() => undefined /* shown as the connection's state */);
      }
    },
    [client],
  );
  return useMemo(
    () => ({
      resolve: async (operation, choice) => {
        await appOutbox.resolve(operation.id, choice);
        push([operation.connectionId]);
      },
      retry: async (operation, changes, display) => {
        await appOutbox.retry(operation.id, changes, display);
        push([operation.connectionId]);
      },
      discard: async (operation) => {
        await appOutbox.discard(operation.id);
      },
      push,
    }),
    [push],
  );
}
