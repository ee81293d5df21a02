import { syncEntities, syncEntityLabels } from '../../../shared/domain/sync-entity';
import { formatCount, formatTime } from '../../format';
import { useAppStore, type View } from '../../stores/app-store';
import { useSyncNow } from '../connections/use-sync-now';

const views: { id: View; label: string }[] = [
  { id: 'board', label: 'Board' },
  { id: 'schedule', label: 'Schedule' },
  { id: 'connections', label: 'Connections' },
];

const stateLabels = { connecting: 'Connecting', active: 'Connected', syncing: 'Syncing', error: 'Error' } as const;

/** Navigation, the selected connection's state and last sync, and sync progress. */
export function AppHeader() {
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const connection = useAppStore((state) => state.connections.find((c) => c.id === state.selectedConnectionId) ?? null);
  const progress = useAppStore((state) => (connection ? state.progress[connection.id] : undefined));
  const syncNow = useSyncNow();
  const running = syncEntities.map((entity) => progress?.[entity]).find((p) => p?.phase === 'running');

  return (
    <header className="app-header">
      <div className="brand">Millwright</div>
      <nav aria-label="Main">
        {views.map((item) => (
          <button
            key={item.id}
            type="button"
            className={item.id === view ? 'nav-item active' : 'nav-item'}
            aria-current={item.id === view ? 'page' : undefined}
            onClick={() => setView(item.id)}
          >
            {item.label}
          </button>
        ))}
      </nav>
      {connection && (
        <div className="connection-summary" aria-label="Connection">
          <span className="connection-name">{connection.name}</span>
          <span className={`state-pill state-${connection.state}`} role="status" title={connection.lastError?.message}>
            {stateLabels[connection.state]}
          </span>
          <span className="last-sync">Last sync {formatTime(connection.lastSyncAt)}</span>
          <button type="button" className="button" disabled={connection.state === 'syncing'} onClick={() => syncNow(connection.id)}>
            Sync now
          </button>
        </div>
      )}
      {running && (
        <div className="sync-progress" role="progressbar" aria-label={`Syncing ${syncEntityLabels[running.entity]}`}
          aria-valuemin={0} aria-valuemax={running.total ?? undefined} aria-valuenow={running.fetched}>
          <span>
            {syncEntityLabels[running.entity]}: {formatCount(running.fetched)}
            {running.total !== null ? ` of ${formatCount(running.total)}` : ''}
          </span>
          <progress value={running.fetched} max={running.total ?? undefined} />
        </div>
      )}
    </header>
  );
}
