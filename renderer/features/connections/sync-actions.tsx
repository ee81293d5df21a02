import { useState } from 'react';
import type { ConnectionView } from '../../../shared/connection-view';
import { syncEntities, syncEntityLabels, type SyncEntity } from '../../../shared/domain/sync-entity';
import { useSyncNow } from '../../ui/use-sync-now';

/** Sync now (everything or one entity) and a full re-sync, for one connection. */
export function SyncActions({ connection }: { connection: ConnectionView }) {
  const syncNow = useSyncNow();
  const [entity, setEntity] = useState<'all' | SyncEntity>('all');
  const usable = connection.state === 'active' || connection.state === 'error';
  return (
    <>
      <select
        aria-label={`What to sync for ${connection.name}`}
        value={entity}
        onChange={(event) => setEntity(event.target.value as 'all' | SyncEntity)}
        className="compact-select"
      >
        <option value="all">Everything</option>
        {syncEntities.map((e) => (
          <option key={e} value={e}>
            {syncEntityLabels[e]}
          </option>
        ))}
      </select>
      <button type="button" className="button" disabled={!usable} onClick={() => syncNow(connection.id, entity === 'all' ? {} : { entities: [entity] })}>
        Sync now
      </button>
      <button
        type="button"
        className="button"
        disabled={!usable}
        title="Re-read everything, ignoring what was synced before, and remove what the system no longer has"
        onClick={() => syncNow(connection.id, { mode: 'full', ...(entity === 'all' ? {} : { entities: [entity] }) })}
      >
        Full re-sync
      </button>
    </>
  );
}
