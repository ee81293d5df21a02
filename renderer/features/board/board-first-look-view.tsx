import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { firstSyncRunning } from '../../../shared/board/board-state';
import { recordId } from '../../../shared/board/work-order-filter';
import { isOverdue, openTest } from '../../../shared/domain/work-order-state';
import { appDb } from '../../db/app-db';
import { priorityRead } from '../../db/read-priority';
import { countOf, formatCount } from '../../ui/format';
import { markKey, useOutboxMarks } from '../../ui/use-outbox';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';
import { readBoardFirstLook, type BoardFirstLook } from './board-first-look';
import { BoardTopActions } from './board-top-actions';
import { KpiStrip } from './kpi-strip';
import { WorkOrderCardView } from './work-order-card';
import { WorkOrderDrawer } from './work-order-drawer';

/** Below this many work orders the whole board reads in about a second: the first look would only flash. */
export const firstLookFrom = 20_000;
/** Cards read for each column: more than a tall screen shows. */
const perColumn = 12;

interface FirstLookRead extends BoardFirstLook {
  /** Asset and technician names of the cards read, by recordId. */
  names: ReadonlyMap<string, string>;
  /** When it was read: what "overdue" is measured against. */
  readAt: number;
}

/** Reads the first look and the names its cards show; null when the cache is small enough to wait for. */
async function readFirstLook(connectionIds: readonly string[]): Promise<FirstLookRead | null> {
  const look = await readBoardFirstLook(appDb, connectionIds, perColumn, firstLookFrom);
  if (!look) return null;
  const cards = look.columns.flatMap((column) => column.workOrders);
  const keysOf = (pick: (card: (typeof cards)[number]) => string | null) => {
    const found = new Map<string, [string, string]>();
    for (const card of cards) {
      const key = pick(card);
      if (key !== null) found.set(recordId(card.connectionId, key), [card.connectionId, key]);
    }
    return [...found.values()];
  };
  const assetKeys = keysOf((card) => card.assetKey);
  const laborKeys = keysOf((card) => card.laborAssignedKey);
  const [assets, labors] = await Promise.all([appDb.assets.bulkGet(assetKeys), appDb.labors.bulkGet(laborKeys)]);
  const names = new Map<string, string>();
  for (const record of [...assets, ...labors]) if (record) names.set(recordId(record.connectionId, record.key), record.name);
  return { ...look, names, readAt: Date.now() };
}

/**
 * The board while every work order is still being read for search, filters and figures (a large
 * cache takes seconds): each column with its true count and its first cards, read through
 * indexes (board-first-look.ts). Cards open; moving them, search and filters wait for the rest.
 * Shows `fallback` until it has answered, and for a cache small enough to wait for.
 */
export function BoardFirstLookView({ fallback }: { fallback: ReactNode }) {
  const shownIds = useAppStore(useShallow(selectShownConnectionIds));
  const connections = useAppStore((state) => state.connections);
  const open = useAppStore((state) => state.openedWorkOrder);
  const setOpen = useAppStore((state) => state.openWorkOrder);
  const marks = useOutboxMarks(shownIds);
  const queryKey = shownIds.join('\u0000');
  const [answer, setAnswer] = useState<{ queryKey: string; read: FirstLookRead | null } | null>(null);
  useEffect(() => {
    let current = true;
    // A failed first look leaves the fallback: the full read says what went wrong.
    priorityRead(() => readFirstLook(shownIds)).then((read) => current && setAnswer({ queryKey, read }), () => undefined);
    return () => {
      current = false;
    };
  }, [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps -- queryKey names them
  // Only the answer for the plants shown now.
  const look = answer?.queryKey === queryKey ? answer.read : null;
  const isOpen = useMemo(() => openTest(look?.statuses ?? []), [look]);
  const progress = useAppStore((state) => state.progress);
  const kpisLoading = useMemo(
    () => firstSyncRunning(connections.filter((c) => shownIds.includes(c.id)), (connectionId) => progress[connectionId]?.workOrders),
    [connections, shownIds, progress],
  );
  const plants = useMemo(() => (connections.length > 1 && shownIds.length > 1 ? new Map(connections.map((c) => [c.id, { name: c.name, disconnected: c.state === 'disconnected' }])) : null), [connections, shownIds]);

  if (!look) return <>{fallback}</>;
  const name = (connectionId: string, key: string | null) => (key === null ? null : (look.names.get(recordId(connectionId, key)) ?? null));
  return (
    <div className="board-page">
      {/* The board's own top, and a line where its filters will be: the columns below stand where the board's will. */}
      <div className="board-top">
        <KpiStrip kpis={null} availability={null} loading={kpisLoading} filtered={null} onShow={() => undefined} />
        <BoardTopActions shown={countOf(look.total, 'work order')} onExport={null} onCreate={null} waiting="Waits until every work order is read" />
      </div>
      <div className="filter-bar">
        <p className="first-look-notice" role="status">
          Reading all {countOf(look.total, 'work order')} for search, filters and figures… Each column shows its first cards meanwhile; moving cards waits for the reading too.
        </p>
      </div>
      <div className={`board${plants ? ' shows-plants' : ''}`} aria-label="Work-order board" aria-busy="true">
        {look.columns.map((column) => (
          <section key={column.id} className="column" role="region" aria-label={`${column.name} (${column.count})`} data-column-id={column.id}>
            <h2 className="column-heading">
              <span className="column-name">{column.name}</span>
              <span className="column-count">{formatCount(column.count)}</span>
            </h2>
            <div className="column-scroll">
              {column.count === 0 ? (
                <p className="column-empty">No work orders</p>
              ) : (
                <div className="first-look-cards" role="list">
                  {column.workOrders.map((workOrder) => (
                    <div role="listitem" key={markKey(workOrder.connectionId, workOrder.key)}>
                      <WorkOrderCardView
                        workOrder={workOrder}
                        assetName={name(workOrder.connectionId, workOrder.assetKey)}
                        assigneeName={name(workOrder.connectionId, workOrder.laborAssignedKey)}
                        plant={plants?.get(workOrder.connectionId) ?? null}
                        mark={marks.get(markKey(workOrder.connectionId, workOrder.key)) ?? null}
                        readOnly={false}
                        overdue={isOverdue(workOrder, isOpen(workOrder), look.readAt)}
                        onClick={() => setOpen({ connectionId: workOrder.connectionId, key: workOrder.key })}
                        onKeyDown={(event) => {
                          if (event.key !== 'Enter') return;
                          event.preventDefault();
                          setOpen({ connectionId: workOrder.connectionId, key: workOrder.key });
                        }}
                      />
                    </div>
                  ))}
                  {column.count > column.workOrders.length && (
                    <p className="column-more muted">
                      {column.workOrders.length === 0 ? `${countOf(column.count, 'work order')}: shown once all are read.` : `${formatCount(column.count - column.workOrders.length)} more once all are read.`}
                    </p>
                  )}
                </div>
              )}
            </div>
          </section>
        ))}
      </div>
      {open && <WorkOrderDrawer connectionId={open.connectionId} workOrderKey={open.key} onClose={() => setOpen(null)} />}
    </div>
  );
}
