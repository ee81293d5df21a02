import { formatTime } from '../../format';
import { useAppStore } from '../../stores/app-store';
import { useSyncNow } from './use-sync-now';

/** The connections main knows, their state, and the last error with its upstream request id. */
export function ConnectionsPage() {
  const connections = useAppStore((state) => state.connections);
  const syncNow = useSyncNow();
  return (
    <div className="page">
      <h1>Connections</h1>
      {connections.length === 0 && <p className="page-message">No connections yet.</p>}
      <ul className="connection-list">
        {connections.map((connection) => (
          <li key={connection.id} className="connection-card" aria-label={`Connection ${connection.name}`}>
            <div className="connection-card-head">
              <h2>{connection.name}</h2>
              <span className={`state-pill state-${connection.state}`}>{connection.state}</span>
            </div>
            <dl>
              <dt>Kind</dt>
              <dd>{connection.kind === 'demo' ? 'Demo plant (built in)' : 'Makini'}</dd>
              <dt>System</dt>
              <dd>{connection.provider ?? '—'}</dd>
              <dt>API</dt>
              <dd>{connection.baseUrl}</dd>
              <dt>Last sync</dt>
              <dd>{formatTime(connection.lastSyncAt)}</dd>
            </dl>
            {connection.lastError && (
              <p className="error-box" role="alert">
                <strong>{connection.lastError.code}</strong>: {connection.lastError.message}
                {connection.lastError.requestId && <> (request id {connection.lastError.requestId})</>}
              </p>
            )}
            <button type="button" className="button" disabled={connection.state === 'syncing'} onClick={() => syncNow(connection.id)}>
              Sync now
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
