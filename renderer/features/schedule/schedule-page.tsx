import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { appDb } from '../../db/app-db';
import { formatCount, formatDate } from '../../format';
import { useAppStore } from '../../stores/app-store';
import { upcomingWorkBySite } from './upcoming-work';

/** Assets by site with their open work and the next scheduled date (the full timeline comes with the schedule view). */
export function SchedulePage() {
  const connectionId = useAppStore((state) => state.selectedConnectionId);
  const data = useLiveQuery(async () => {
    if (!connectionId) return null;
    const [sites, assets, workOrders] = await Promise.all([
      appDb.sites.where('connectionId').equals(connectionId).toArray(),
      appDb.assets.where('connectionId').equals(connectionId).toArray(),
      appDb.workOrders.where('connectionId').equals(connectionId).toArray(),
    ]);
    return { sites, assets, workOrders };
  }, [connectionId]);
  const groups = useMemo(() => (data ? upcomingWorkBySite(data.sites, data.assets, data.workOrders) : []), [data]);

  if (!data) return <p className="page-message">Opening the local cache…</p>;
  return (
    <div className="page">
      <h1>Asset schedule</h1>
      {groups.map((group) => (
        <section key={group.siteKey ?? 'none'} aria-label={`Site ${group.siteName}`}>
          <h2>
            {group.siteName} <span className="muted">({formatCount(group.rows.length)} assets with open work)</span>
          </h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Asset</th>
                <th scope="col">Open work orders</th>
                <th scope="col">Next scheduled</th>
                <th scope="col">Overdue</th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map((row) => (
                <tr key={row.assetKey}>
                  <th scope="row">{row.assetName}</th>
                  <td>{formatCount(row.open)}</td>
                  <td>{formatDate(row.nextScheduledAt)}</td>
                  <td className={row.overdue > 0 ? 'overdue' : undefined}>{formatCount(row.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
