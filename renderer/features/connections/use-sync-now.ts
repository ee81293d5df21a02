import { useCallback } from 'react';
import { useIpcClient } from '../../ipc/ipc-client-context';

/** Starts a sync; its outcome reaches the UI through the connection's state, so errors are not thrown here. */
export function useSyncNow(): (connectionId: string) => void {
  const client = useIpcClient();
  return useCallback(
    (connectionId: string) => {
      client.invoke('sync.run', { connectionId }).catch(() => undefined /* shown as the connection's lastError */);
    },
    [client],
  );
}
