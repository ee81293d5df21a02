import { useCallback, useMemo } from 'react';
import type { FieldValue, OutboxOperation, SentAs } from '../../../shared/domain/outbox-operation';
import type { ConflictChoice } from '../../../shared/reconcile/reconcile-operation';
import { appOutbox } from '../../db/app-outbox';
import { useIpcClient } from '../../ipc/ipc-client-context';

export interface OutboxActions {
  resolve(operation: OutboxOperation, choice: ConflictChoice): Promise<void>;
  retry(operation: OutboxOperation, changes?: Record<string, FieldValue>, display?: Record<string, FieldValue>, sendAs?: Record<string, SentAs>): Promise<void>;
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
      retry: async (operation, changes, display, sendAs) => {
        await appOutbox.retry(operation.id, changes, display, sendAs);
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
