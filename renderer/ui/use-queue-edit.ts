import { useCallback } from 'react';
import type { OutboxOperation } from '../../shared/domain/outbox-operation';
import { appOutbox } from '../db/app-outbox';
import type { EditRequest } from '../db/dexie-outbox';
import { useIpcClient } from '../ipc/ipc-client-context';

/**
 * Queues an edit: the cache changes at once (the board moves under the user's hand) and main is
 * asked to push. Offline, the push does nothing and the edit waits with its pending mark.
 * Answers the queued operation, whose state says when the plant has it.
 */
export function useQueueEdit(): (edit: EditRequest) => Promise<OutboxOperation> {
  const client = useIpcClient();
  return useCallback(
    async (edit: EditRequest) => {
      const operation = await appOutbox.enqueue(edit);
      client.invoke('outbox.push', { connectionId: edit.connectionId }).catch(() => undefined /* shown as the connection's state */);
      return operation;
    },
    [client],
  );
}
