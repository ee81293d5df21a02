import { useLiveQuery } from 'dexie-react-hooks';
import { syncEntityLabels } from '../../../shared/domain/sync-entity';
import { appDb } from '../../db/app-db';
import type { StoredSyncHistoryEntry } from '../../db/millwright-db';
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
      <div className="page-head wide">
        <h1>Sync history</h1>
        {rows && rows.length > 0 && <HistorySummary rows={rows} />}
      </div>
      {rows === undefined ? (
        <p className="page-message" role="status">
          Opening the local cache…
        </p>
      ) : rows.length === 0 ? (
        <div className="empty-state" role="status">
          <h2>No sync has run yet</h2>
          <p className="muted">
            {connections.length === 0
              ? 'Add a connection first; each sync run then leaves one row per entity here, with counts, retries and any problem.'
              : 'The first sync starts as soon as a connection is up; each run leaves one row per entity here.'}
          </p>
        </div>
      ) : (
        <table className="table history-table" aria-label="Sync history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Connection</th>
              <th scope="col">Entity</th>
              <th scope="col">Run</th>
              <th scope="col">Outcome</th>
              <th scope="col" className="num">
                Received
              </th>
              <th scope="col" className="num">
                Applied
              </th>
              <th scope="col" className="num">
                Removed
              </th>
              <th scope="col" className="num">
                Quarantined
              </th>
              <th scope="col" className="num">
                Retries
              </th>
              <th scope="col" className="num">
                Took
              </th>
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
                <td>
                  <span className={`outcome-pill outcome-pill-${row.outcome}`}>{outcomeLabels[row.outcome]}</span>
                </td>
                <td className="num">{formatCount(row.received)}</td>
                <td className="num">{formatCount(row.applied)}</td>
                <td className="num">{formatCount(row.deleted)}</td>
                <td className="num">{formatCount(row.quarantined)}</td>
                <td className="num">{formatCount(row.retries)}</td>
                <td className="num">{duration(row.startedAt, row.finishedAt)}</td>
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

/** "Last run 04:35 · 19 entities synced · 1 failed" over the newest run of each connection and entity. */
function HistorySummary({ rows }: { rows: readonly StoredSyncHistoryEntry[] }) {
  const latest = new Map<string, StoredSyncHistoryEntry>();
  for (const row of rows) if (!latest.has(`${row.connectionId}/${row.entity}`)) latest.set(`${row.connectionId}/${row.entity}`, row);
  const failed = [...latest.values()].filter((row) => row.outcome === 'failed').length;
  return (
    <p className="muted history-summary">
      Last run {formatDate(rows[0]!.startedAt)} {formatTime(rows[0]!.startedAt)} ·{' '}
      {failed === 0 ? <span className="ok-text">every entity synced on its latest run</span> : <span className="danger-text">{formatCount(failed)} failing on their latest run</span>}
      {rows.length >= shownRows ? ` · newest ${formatCount(shownRows)} rows shown` : ''}
    </p>
  );
}
