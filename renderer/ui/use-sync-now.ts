import { useCallback } from 'react';
import type { SyncEntity } from '../../shared/domain/sync-entity';
import { useIpcClient } from '../ipc/ipc-client-context';

export interface SyncNowOptions {
  mode?: 'incremental' | 'full';
  entities?: SyncEntity[];
}

/** Starts a sync; its outcome reaches the UI through the connection's state and the Sync history, so errors are not thrown here. */
export function useSyncNow(): (connectionId: string, options?: SyncNowOptions) => void {
  const client = useIpcClient();
  return useCallback(
    (connectionId: string, options: SyncNowOptions = {}) => {
      client.invoke('sync.run', { connectionId, ...options }).catch(() => undefined /* shown as the connection's lastError */);
    },
    [client],
  );
}
