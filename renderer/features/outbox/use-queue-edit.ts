import { useCallback } from 'react';
import { appOutbox } from '../../db/app-outbox';
import type { EditRequest } from '../../db/dexie-outbox';
import { useIpcClient } from '../../ipc/ipc-client-context';

/**
 * Queues an edit: the cache changes at once (the board moves under the user's hand) and main is
 * asked to push. Offline, the push does nothing and the edit waits with its pending mark.
 */
export function useQueueEdit(): (edit: EditRequest) => Promise<void> {
  const client = useIpcClient();
  return useCallback(
    async (edit: EditRequest) => {
      await appOutbox.enqueue(edit);
      client.invoke('outbox.push', { connectionId: edit.connectionId }).catch(() => undefined /* shown as the connection's state */);
    },
    [client],
  );
}
