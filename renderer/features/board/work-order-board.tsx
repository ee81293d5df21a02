import { useMemo } from 'react';
import { useAppStore } from '../../stores/app-store';
import { PlantFilter } from '../shell/plant-filter';
import { BoardColumn } from './board-column';
import { buildBoardColumns } from './board-columns';
import { useCachedRecords } from './use-cached-records';

const boardTables = ['workOrderStatuses', 'workOrders', 'assets'] as const;

/** The work-order board: one column per status, across the plants the filter shows, read live from the cache. */
export function WorkOrderBoard() {
  const connections = useAppStore((state) => state.connections);
  const data = useCachedRecords(boardTables);

  const columns = useMemo(() => (data ? buildBoardColumns(data.workOrderStatuses, data.workOrders) : []), [data]);
  const assetNames = useMemo(() => new Map((data?.assets ?? []).map((asset) => [`${asset.connectionId}\u0000${asset.key}`, asset.name])), [data]);
  const plants = useMemo(() => new Map(connections.map((c) => [c.id, { name: c.name, disconnected: c.state === 'disconnected' }])), [connections]);
  const nowIso = useMemo(() => new Date().toISOString(), [data]); // eslint-disable-line react-hooks/exhaustive-deps -- refreshed with the data

  if (data === undefined) return <p className="page-message">Opening the local cache…</p>;
  if (data.workOrderStatuses.length === 0) {
    const failed = connections.find((c) => c.state === 'error' || c.state === 'needs_reauth');
    return (
      <p className="page-message" role={failed ? 'alert' : 'status'}>
        {connections.length === 0
          ? 'No connections yet: add one on the Connections page.'
          : failed
            ? `Nothing cached yet, and ${failed.name} cannot sync: ${failed.lastError?.message ?? 'unknown error'}`
            : 'Syncing work orders for the first time…'}
      </p>
    );
  }
  return (
    <div className="board-page">
      <div className="toolbar">
        <PlantFilter />
      </div>
      <div className="board" aria-label="Work-order board">
        {columns.map((column) => (
          <BoardColumn key={column.id} column={column} assetNames={assetNames} plants={plants.size > 1 ? plants : null} nowIso={nowIso} />
        ))}
      </div>
    </div>
  );
}
