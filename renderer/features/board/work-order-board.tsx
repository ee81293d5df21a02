import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { appDb } from '../../db/app-db';
import { useAppStore } from '../../stores/app-store';
import { BoardColumn } from './board-column';
import { buildBoardColumns } from './board-columns';

/** The work-order board: one column per status of the connection's status table, read live from the cache. */
export function WorkOrderBoard() {
  const connectionId = useAppStore((state) => state.selectedConnectionId);
  const connection = useAppStore((state) => state.connections.find((c) => c.id === connectionId) ?? null);
  const data = useLiveQuery(async () => {
    if (!connectionId) return null;
    const [statuses, workOrders, assets] = await Promise.all([
      appDb.workOrderStatuses.where('connectionId').equals(connectionId).toArray(),
      appDb.workOrders.where('connectionId').equals(connectionId).toArray(),
      appDb.assets.where('connectionId').equals(connectionId).toArray(),
    ]);
    return { statuses, workOrders, assets };
  }, [connectionId]);

  const columns = useMemo(() => (data ? buildBoardColumns(data.statuses, data.workOrders) : []), [data]);
  const assetNames = useMemo(() => new Map((data?.assets ?? []).map((asset) => [asset.key, asset.name])), [data]);
  const nowIso = useMemo(() => new Date().toISOString(), [data]); // eslint-disable-line react-hooks/exhaustive-deps -- refreshed with the data

  if (!connectionId || data === undefined) return <p className="page-message">Opening the local cache…</p>;
  if (data === null || data.statuses.length === 0) {
    const failed = connection?.state === 'error';
    return (
      <p className="page-message" role={failed ? 'alert' : 'status'}>
        {failed
          ? `Nothing cached yet, and the last sync failed: ${connection?.lastError?.message ?? 'unknown error'}`
          : 'Syncing work orders for the first time…'}
      </p>
    );
  }
  return (
    <div className="board" aria-label="Work-order board">
      {columns.map((column) => (
        <BoardColumn key={column.statusKey ?? 'other'} column={column} assetNames={assetNames} nowIso={nowIso} />
      ))}
    </div>
  );
}
