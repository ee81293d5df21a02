import { statusTimeLabel } from '../../../shared/connection-status';
import { formatCount, formatMoment } from '../../ui/format';
import { useAppStore, type View } from '../../stores/app-store';
import { ConnectionStatusChip, StatusTime } from '../../ui/connection-status-chip';
import { SyncProgressBar } from '../../ui/sync-progress-bar';
import { useSyncNow } from '../../ui/use-sync-now';
import { useOutboxSummary } from '../../ui/use-outbox';
import { countNewRequests, useServiceRequests } from '../../ui/use-service-requests';
import { SavedViewsMenu } from './saved-views-menu';
import { OutboxBadge } from './outbox-badge';

const views: { id: View; label: string }[] = [
  { id: 'board', label: 'Board' },
  { id: 'schedule', label: 'Schedule' },
  { id: 'requests', label: 'Requests' },
  { id: 'stores', label: 'Stores' },
  { id: 'purchasing', label: 'Purchasing' },
  { id: 'connections', label: 'Connections' },
  { id: 'history', label: 'Sync history' },
  { id: 'outbox', label: 'Pending changes' },
];

/** Navigation, each connection's status and labelled time, changes waiting to be sent, and the progress of running syncs. */
export function AppHeader() {
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const connections = useAppStore((state) => state.connections);
  const syncNow = useSyncNow();
  const outbox = useOutboxSummary();
  const newRequests = countNewRequests(useServiceRequests());
  const syncable = connections.filter((c) => c.state === 'active' || c.state === 'error');

  return (
    <header className="app-header">
      <div className="header-row">
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
            {item.id === 'requests' && newRequests > 0 && (
              <span className="nav-count" aria-label={`, ${newRequests} new`}> {formatCount(newRequests)}</span>
            )}
            {item.id === 'outbox' && outbox.total > 0 && (
              <span className={outbox.conflicts + outbox.rejected > 0 ? 'nav-count attention' : 'nav-count'}> {formatCount(outbox.total)}</span>
            )}
          </button>
        ))}
      </nav>
      <SavedViewsMenu />
      <ul className="connection-summary" aria-label="Connections">
        {connections.map((connection) => (
          <li
            key={connection.id}
            aria-label={`${connection.name}: ${connection.status.label}`}
            title={`${connection.name}: ${connection.status.sentence} ${statusTimeLabel(connection.status, formatMoment)}`}
            data-status-kind={connection.status.kind}
          >
            <span className="connection-name">{connection.name}</span>
            <ConnectionStatusChip status={connection.status} />
            <StatusTime status={connection.status} />
          </li>
        ))}
      </ul>
      <OutboxBadge />
      <button type="button" className="button" disabled={syncable.length === 0} onClick={() => syncable.forEach((c) => syncNow(c.id))}>
        Sync now
      </button>
      </div>
      {connections.map((connection) => (
        <SyncProgressBar key={connection.id} connectionId={connection.id} connectionName={connection.name} />
      ))}
    </header>
  );
}
