import { useLiveQuery } from 'dexie-react-hooks';
import type { SyncEntity } from '../../shared/domain/sync-entity';
import { appDb } from '../db/app-db';

/**
 * Of the given connections, those whose plant's system does not report a list: their latest sync
 * of it found no such list (unsupported) or no permission to read it. A figure read from that
 * list would be made of nothing there, so it is not shown for them. Undefined while the Sync
 * history is read; a connection not synced yet is not counted as one that does not report it.
 */
export function useUnreportedLists(entity: SyncEntity, connectionIds: readonly string[]): ReadonlySet<string> | undefined {
  return useLiveQuery(async () => {
    const unreported = new Set<string>();
    for (const connectionId of connectionIds) {
      const latest = await appDb.syncHistory
        .where('connectionId')
        .equals(connectionId)
        .reverse()
        .filter((row) => row.entity === entity && (row.activity ?? 'sync') === 'sync')
        .first();
      if (latest && (latest.outcome === 'unsupported' || latest.outcome === 'no_permission')) unreported.add(connectionId);
    }
    return unreported;
  }, [entity, connectionIds.join('\u0000')]);
}
