import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { unsettledStates, type OutboxOperation, type OutboxState } from '../../shared/domain/outbox-operation';
import { appDb } from '../db/app-db';
import { useAppStore } from '../stores/app-store';

/** How a record's unsent edits stand, worst first: it needs a decision, was refused, or is on its way. */
export type OutboxMark = 'conflict' | 'rejected' | 'sending' | 'pending';
const markRank: Record<OutboxMark, number> = { conflict: 3, rejected: 2, sending: 1, pending: 0 };

export const markKey = (connectionId: string, key: string) => `${connectionId}/${key}`;

function markOf(state: OutboxState): OutboxMark | null {
  return state === 'done' ? null : state;
}

const emptyMarks: ReadonlyMap<string, OutboxMark> = new Map();

/** The worst mark of each record of `entity` that has unsettled edits, by `markKey`: every page marks records alike. */
export function outboxMarks(operations: readonly OutboxOperation[], entity: OutboxOperation['entity']): Map<string, OutboxMark> {
  const marks = new Map<string, OutboxMark>();
  for (const operation of operations) {
    if (operation.entity !== entity) continue;
    const mark = markOf(operation.state);
    if (!mark) continue;
    const id = markKey(operation.connectionId, operation.key);
    const current = marks.get(id);
    if (!current || markRank[mark] > markRank[current]) marks.set(id, mark);
  }
  return marks;
}

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
    return outboxMarks(operations, 'workOrders');
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

/**
 * Counts of the edits that still owe the server something, across every connection, live: one
 * index count per connection and state (no operation is loaded or stepped through), so it stays
 * cheap with thousands queued and re-runs after every edit.
 */
export function useOutboxSummary(): OutboxSummary {
  const connectionIds = useAppStore((state) => state.connections.map((connection) => connection.id).join('\u0000'));
  const counts = useLiveQuery(async () => {
    if (connectionIds === '') return [];
    const pairs = connectionIds.split('\u0000').flatMap((id) => unsettledStates.map((state) => [id, state] as const));
    return Promise.all(pairs.map(async ([connectionId, state]) => ({ connectionId, state, count: await appDb.outbox.where('[connectionId+state]').equals([connectionId, state]).count() })));
  }, [connectionIds]);
  return useMemo(() => {
    const total = counts?.reduce((sum, entry) => sum + entry.count, 0) ?? 0;
    if (!counts || total === 0) return emptySummary;
    const byConnection = new Map<string, number>();
    let conflicts = 0;
    let rejected = 0;
    for (const { connectionId, state, count } of counts) {
      if (count === 0) continue;
      byConnection.set(connectionId, (byConnection.get(connectionId) ?? 0) + count);
      if (state === 'conflict') conflicts += count;
      if (state === 'rejected') rejected += count;
    }
    return { total, conflicts, rejected, waiting: total - conflicts - rejected, byConnection };
  }, [counts]);
}
