import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { problemReference } from '../../../shared/connection-status';
import { syncEntityLabels } from '../../../shared/domain/sync-entity';
import { isProblemRow, type HistoryActivity } from '../../../shared/sync-history';
import { syncCountExplanations } from '../../../shared/sync-progress';
import { appDb } from '../../db/app-db';
import type { StoredSyncHistoryEntry } from '../../db/millwright-db';
import { TableHead } from '../../ui/table-head';
import { countOf, formatCount, formatDateTime } from '../../ui/format';
import { useAppStore } from '../../stores/app-store';
import './sync-history.css';

const shownRows = 300;
const outcomeLabels = { synced: 'Synced', no_permission: 'No permission', unsupported: 'Not offered by this system', failed: 'Failed' } as const;
const triggerLabels = { manual: 'asked for', schedule: 'scheduled', startup: 'on opening', reconnect: 'after the plant answered again' } as const;
const activityLabels: Record<Exclude<HistoryActivity, 'sync'>, string> = {
  probe: 'Is the plant back?',
  push: 'Sending pending changes',
  webhook: 'Fetching what a webhook announced',
};
const countColumns = [
  ['received', 'Received'],
  ['applied', 'Saved'],
  ['deleted', 'Removed'],
  ['quarantined', 'Skipped'],
  ['retries', 'Retries'],
] as const;

function duration(startedAt: string, finishedAt: string): string {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;
}


/** Rows of one run (or one attempt) together, newest first, in the order they were read. */
function groupByRun(rows: readonly StoredSyncHistoryEntry[]): StoredSyncHistoryEntry[][] {
  const groups = new Map<string, StoredSyncHistoryEntry[]>();
  for (const row of rows) {
    const group = groups.get(row.runId);
    if (group) group.push(row);
    else groups.set(row.runId, [row]);
  }
  return [...groups.values()].map((group) => group.reverse());
}

/**
 * Every sync run, list by list, and every other attempt (asking an unreachable plant, sending
 * pending changes, fetching what a webhook named), failures included, with the reason in words and
 * the request id. Repeats of one failure during an outage are one row with a count.
 */
export function SyncHistoryPage() {
  const connections = useAppStore((state) => state.connections);
  const names = new Map(connections.map((c) => [c.id, c.name]));
  const [problemsOnly, setProblemsOnly] = useState(false);
  const rows = useLiveQuery(async () => {
    if (!problemsOnly) return appDb.syncHistory.orderBy('id').reverse().limit(shownRows).toArray();
    const problems = await appDb.syncHistory.where('outcome').notEqual('synced').toArray();
    const failedPushes = await appDb.syncHistory.where('outcome').equals('synced').filter((row) => row.error !== null).toArray();
    return [...problems, ...failedPushes].sort((a, b) => (b.id ?? 0) - (a.id ?? 0)).slice(0, shownRows);
  }, [problemsOnly]);
  const quarantine = useLiveQuery(() => appDb.quarantine.orderBy('[connectionId+entity+recordRef]').limit(100).toArray(), []);

  return (
    <div className="page">
      <div className="page-head wide">
        <h1>Sync history</h1>
        <label className="history-filter">
          <input type="checkbox" checked={problemsOnly} onChange={(event) => setProblemsOnly(event.target.checked)} /> Problems only
        </label>
      </div>
      <dl className="history-legend" aria-label="What the counts mean">
        {countColumns.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{syncCountExplanations[key]}</dd>
          </div>
        ))}
      </dl>
      {rows === undefined ? (
        <p className="page-message" role="status">
          Reading the sync history…
        </p>
      ) : rows.length === 0 ? (
        <div className="empty-state" role="status">
          <h2>{problemsOnly ? 'No problems recorded' : 'No sync has run yet'}</h2>
          <p className="muted">
            {problemsOnly
              ? 'Every sync, every attempt to reach a plant and every sending of changes recorded here went through.'
              : connections.length === 0
                ? 'Add a connection first; each sync then leaves one row per list here, with counts and any problem.'
                : 'The first sync starts as soon as a connection is up; each sync leaves one row per list here.'}
          </p>
        </div>
      ) : (
        <table className="table history-table" aria-label="Sync history">
          <TableHead
            columns={[
              'When',
              'Plant',
              'What',
              'Outcome',
              ...countColumns.map(([key, label]) => ({ label, className: 'num', title: syncCountExplanations[key] })),
              { label: 'Took', className: 'num' },
              'Reason',
            ]}
          />
          {groupByRun(rows).map((group) => (
            <RunGroup key={group[0]!.runId} rows={group} plant={names.get(group[0]!.connectionId) ?? 'A removed connection'} problemsOnly={problemsOnly} />
          ))}
        </table>
      )}
      {quarantine && quarantine.length > 0 && (
        <section aria-label="Skipped records">
          <h2>Skipped records</h2>
          <p className="muted">These records arrived with a field Millwright cannot read; the rest of their page was saved. A later good version replaces them.</p>
          <table className="table">
            <TableHead columns={['Plant', 'List', 'Record', 'Reason', 'Since']} />
            <tbody>
              {quarantine.map((record) => (
                <tr key={`${record.connectionId}:${record.entity}:${record.recordRef}`}>
                  <td>{names.get(record.connectionId) ?? 'A removed connection'}</td>
                  <td>{syncEntityLabels[record.entity]}</td>
                  <td>{record.recordRef}</td>
                  <td>{record.reason}</td>
                  <td>{formatDateTime(record.quarantinedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

/** One run's rows under a heading row saying what it was and how it went. */
function RunGroup({ rows, plant, problemsOnly }: { rows: StoredSyncHistoryEntry[]; plant: string; problemsOnly: boolean }) {
  const first = rows[0]!;
  const activity = first.activity ?? 'sync';
  const failed = rows.filter(isProblemRow);
  // Under "Problems only" the group holds only its problems: it names them and counts nothing else.
  const synced = problemsOnly ? '' : `${countOf(rows.length - failed.length, 'list')} synced`;
  const notSynced = failed.length > 0 ? `not synced: ${failed.map((row) => (row.entity ? syncEntityLabels[row.entity] : 'every list')).join(', ')}` : '';
  const heading =
    activity === 'sync'
      ? `${first.mode === 'full' ? 'Everything again' : 'Changes since last sync'}, ${triggerLabels[first.trigger]} · ${[synced, notSynced].filter(Boolean).join(' · ')}`
      : activityLabels[activity];
  return (
    <tbody className={failed.length > 0 ? 'history-run history-run-problem' : 'history-run'} aria-label={`${plant}: ${heading}`}>
      {activity === 'sync' && (
        <tr className="history-run-head">
          <th scope="rowgroup" colSpan={11}>
            {formatDateTime(first.startedAt)} · {plant} · {heading}
          </th>
        </tr>
      )}
      {rows.map((row) => (
        <HistoryRow key={row.id} row={row} plant={plant} />
      ))}
    </tbody>
  );
}

function HistoryRow({ row, plant }: { row: StoredSyncHistoryEntry; plant: string }) {
  const activity = row.activity ?? 'sync';
  const attempts = row.attempts ?? 1;
  const when =
    attempts > 1 ? `${formatDateTime(row.startedAt)} – ${formatDateTime(row.finishedAt)} (${countOf(attempts, 'attempt')})` : formatDateTime(row.startedAt);
  const reference = row.error ? problemReference(row.error) : null;
  const problem = isProblemRow(row);
  return (
    <tr className={`outcome-${row.outcome}`} data-activity={activity} data-problem={problem ? 'true' : undefined}>
      <td>{when}</td>
      <td>{plant}</td>
      <td>{activity === 'sync' ? (row.entity ? syncEntityLabels[row.entity] : 'Every list') : activityLabels[activity]}</td>
      <td>
        <span className={`outcome-pill outcome-pill-${row.outcome}`}>{activity !== 'sync' && row.outcome === 'synced' ? 'Done' : outcomeLabels[row.outcome]}</span>
      </td>
      {activity === 'sync' ? (
        countColumns.map(([key]) => (
          <td key={key} className="num">
            {formatCount(row[key])}
          </td>
        ))
      ) : (
        <td colSpan={countColumns.length} className="history-summary-cell">
          {row.summary ?? ''}
        </td>
      )}
      <td className="num">{duration(row.startedAt, row.finishedAt)}</td>
      <td className="history-reason">
        {row.error && (
          <>
            {row.error.message}
            {reference && <span className="status-reference"> ({reference})</span>}
          </>
        )}
      </td>
    </tr>
  );
}
