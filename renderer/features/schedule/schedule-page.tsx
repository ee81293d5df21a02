import { useMemo } from 'react';
import { formatCount, formatDate } from '../../format';
import { useCachedRecords } from '../board/use-cached-records';
import { PlantFilter } from '../shell/plant-filter';
import { upcomingWorkBySite } from './upcoming-work';

const scheduleTables = ['sites', 'assets', 'workOrders'] as const;

/** Assets by site with their open work and the next scheduled date (the full timeline comes with the schedule view). */
export function SchedulePage() {
  const data = useCachedRecords(scheduleTables);
  const groups = useMemo(() => (data ? upcomingWorkBySite(data.sites, data.assets, data.workOrders) : []), [data]);

  if (!data) return <p className="page-message">Opening the local cache…</p>;
  return (
    <div className="page">
      <div className="page-head">
        <h1>Asset schedule</h1>
        <PlantFilter />
      </div>
      {groups.map((group) => (
        <section key={`${group.connectionId}:${group.siteKey ?? 'none'}`} aria-label={`Site ${group.siteName}`}>
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
