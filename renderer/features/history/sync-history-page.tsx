import { useLiveQuery } from 'dexie-react-hooks';
import { syncEntityLabels } from '../../../shared/domain/sync-entity';
import { appDb } from '../../db/app-db';
import { formatCount, formatDate, formatTime } from '../../format';
import { useAppStore } from '../../stores/app-store';

const shownRows = 200;
const outcomeLabels = { synced: 'Synced', no_permission: 'No permission', unsupported: 'Not offered by this system', failed: 'Failed' } as const;
const triggerLabels = { manual: 'Manual', schedule: 'Scheduled', startup: 'On opening', reconnect: 'Reconnected' } as const;

function duration(startedAt: string, finishedAt: string): string {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The in-app status page: every sync run per entity, with counts, retries and the upstream request id of failures; and quarantined records. */
export function SyncHistoryPage() {
  const connections = useAppStore((state) => state.connections);
  const names = new Map(connections.map((c) => [c.id, c.name]));
  const rows = useLiveQuery(() => appDb.syncHistory.orderBy('id').reverse().limit(shownRows).toArray(), []);
  const quarantine = useLiveQuery(() => appDb.quarantine.orderBy('[connectionId+entity+recordRef]').limit(100).toArray(), []);

  return (
    <div className="page">
      <h1>Sync history</h1>
      {rows === undefined ? (
        <p className="page-message">Opening the local cache…</p>
      ) : rows.length === 0 ? (
        <p className="page-message">No sync has run yet.</p>
      ) : (
        <table className="table history-table" aria-label="Sync history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Connection</th>
              <th scope="col">Entity</th>
              <th scope="col">Run</th>
              <th scope="col">Outcome</th>
              <th scope="col">Received</th>
              <th scope="col">Applied</th>
              <th scope="col">Removed</th>
              <th scope="col">Quarantined</th>
              <th scope="col">Retries</th>
              <th scope="col">Took</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={`outcome-${row.outcome}`}>
                <td>
                  {formatDate(row.startedAt)} {formatTime(row.startedAt)}
                </td>
                <td>{names.get(row.connectionId) ?? row.connectionId}</td>
                <td>{syncEntityLabels[row.entity]}</td>
                <td>
                  {row.mode === 'full' ? 'Full re-sync' : 'Incremental'} · {triggerLabels[row.trigger]}
                </td>
                <td>{outcomeLabels[row.outcome]}</td>
                <td>{formatCount(row.received)}</td>
                <td>{formatCount(row.applied)}</td>
                <td>{formatCount(row.deleted)}</td>
                <td>{formatCount(row.quarantined)}</td>
                <td>{formatCount(row.retries)}</td>
                <td>{duration(row.startedAt, row.finishedAt)}</td>
                <td>
                  {row.error && (
                    <span title={row.error.message}>
                      {row.error.code}
                      {row.error.requestId ? ` · request id ${row.error.requestId}` : ''}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {quarantine && quarantine.length > 0 && (
        <section aria-label="Quarantined records">
          <h2>Quarantined records</h2>
          <p className="muted">These records arrived in a shape Millwright cannot read; the rest of their page was applied. A later good version replaces them.</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Connection</th>
                <th scope="col">Entity</th>
                <th scope="col">Record</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {quarantine.map((record) => (
                <tr key={`${record.connectionId}:${record.entity}:${record.recordRef}`}>
                  <td>{names.get(record.connectionId) ?? record.connectionId}</td>
                  <td>{syncEntityLabels[record.entity]}</td>
                  <td title={record.raw}>{record.recordRef}</td>
                  <td>{record.reason}</td>
                  <td>{formatTime(record.quarantinedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
