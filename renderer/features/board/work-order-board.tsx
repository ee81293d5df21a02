import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { WorkOrder } from '../../../shared/domain/work-order';
import { writeCapabilities } from '../../../shared/write-capabilities';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';
import { useOutboxMarks, markKey } from '../outbox/use-outbox';
import { useQueueEdit } from '../outbox/use-queue-edit';
import { PlantFilter } from '../shell/plant-filter';
import { NewWorkOrderDialog } from '../work-orders/new-work-order-dialog';
import { WorkOrderDialog } from '../work-orders/work-order-dialog';
import { BoardColumn, type ColumnDropData, type DropState } from './board-column';
import { buildBoardColumns, columnId } from './board-columns';
import { boardKeyboardCodes, columnCollision, columnKeyboardCoordinates, statusForColumn } from './board-dnd';
import { useCachedRecords } from './use-cached-records';
import { WorkOrderCardView, type CardDragData } from './work-order-card';

const boardTables = ['workOrderStatuses', 'workOrders', 'assets'] as const;

const dragData = (data: unknown) => (data as CardDragData | undefined)?.workOrder ?? null;
const dropData = (data: unknown) => (data as ColumnDropData | undefined) ?? null;

const screenReaderInstructions = {
  draggable:
    'Press Enter to open this work order. To change its status, press Space to pick it up, the left and right arrow keys to choose a column, then Space to drop it there or Escape to cancel.',
};

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${dragData(active.data.current)?.code ?? 'the work order'}. Left and right arrows choose a column.`,
  onDragOver: ({ active, over }) =>
    over ? `${dragData(active.data.current)?.code ?? 'The work order'} is over ${dropData(over.data.current)?.name ?? 'a column'}.` : undefined,
  onDragEnd: ({ active, over }) =>
    over ? `${dragData(active.data.current)?.code ?? 'The work order'} moved to ${dropData(over.data.current)?.name ?? 'the column'}.` : 'Put back.',
  onDragCancel: ({ active }) => `Moving ${dragData(active.data.current)?.code ?? 'the work order'} was cancelled; it stays where it was.`,
};

const findCard = ({ connectionId, key }: { connectionId: string; key: string }) =>
  document.querySelector<HTMLElement>(`.board article[data-connection-id="${CSS.escape(connectionId)}"][data-work-order-key="${CSS.escape(key)}"]`);

/** The work-order board: one column per status, across the plants the filter shows, read live from the cache. */
export function WorkOrderBoard() {
  const connections = useAppStore((state) => state.connections);
  const pushToast = useAppStore((state) => state.pushToast);
  const shownIds = useAppStore(useShallow(selectShownConnectionIds));
  const data = useCachedRecords(boardTables);
  const marks = useOutboxMarks(shownIds);
  const queueEdit = useQueueEdit();
  const [dragging, setDragging] = useState<WorkOrder | null>(null);
  const [open, setOpen] = useState<{ connectionId: string; key: string } | null>(null);
  const [creating, setCreating] = useState(false);
  /** A card moved with the keyboard keeps the focus in its new column. */
  const refocus = useRef<{ connectionId: string; key: string; column: string; until: number } | null>(null);

  const columns = useMemo(() => (data ? buildBoardColumns(data.workOrderStatuses, data.workOrders) : []), [data]);
  const assetNames = useMemo(() => new Map((data?.assets ?? []).map((asset) => [`${asset.connectionId}\u0000${asset.key}`, asset.name])), [data]);
  const plants = useMemo(() => new Map(connections.map((c) => [c.id, { name: c.name, disconnected: c.state === 'disconnected' }])), [connections]);
  const readOnlyConnections = useMemo(() => new Set(connections.filter((c) => c.state === 'disconnected').map((c) => c.id)), [connections]);
  const canCreate = connections.some((c) => c.state !== 'disconnected' && writeCapabilities(c.provider).actions.includes('createWorkOrder'));
  const nowIso = useMemo(() => new Date().toISOString(), [data]); // eslint-disable-line react-hooks/exhaustive-deps -- refreshed with the data

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click still opens the card.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { keyboardCodes: boardKeyboardCodes, coordinateGetter: columnKeyboardCoordinates }),
  );

  /** While dragging: which columns the card's plant has a status for. */
  const dropStates = useMemo(() => {
    const states = new Map<string, DropState>();
    if (!dragging || !data) return states;
    const current = data.workOrderStatuses.find((s) => s.connectionId === dragging.connectionId && s.key === dragging.statusKey);
    for (const column of columns) {
      if (current && columnId(current.name) === column.id) continue;
      states.set(column.id, statusForColumn(data.workOrderStatuses, dragging, column.id) ? 'accepts' : 'refuses');
    }
    return states;
  }, [dragging, data, columns]);

  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    if (Date.now() > target.until) {
      refocus.current = null;
      return;
    }
    const card = findCard(target);
    // Its new column may not have it in view (columns are virtualized): the focus then stays where it was.
    if (card?.closest('section')?.getAttribute('aria-label')?.startsWith(`${target.column} (`)) {
      refocus.current = null;
      card.focus();
    }
  }, [data]);

  const onOpen = useCallback((workOrder: WorkOrder) => setOpen({ connectionId: workOrder.connectionId, key: workOrder.key }), []);

  const onDragStart = (event: DragStartEvent) => setDragging(dragData(event.active.data.current));
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setDragging(null);
    const workOrder = dragData(active.data.current);
    const target = dropData(over?.data.current);
    if (!workOrder || !target || !data) return;
    const connection = connections.find((c) => c.id === workOrder.connectionId);
    const plant = connection?.name ?? 'This plant';
    const status = statusForColumn(data.workOrderStatuses, workOrder, target.columnId);
    if (!status) {
      pushToast({ level: 'warning', title: `${workOrder.code} stays where it was`, body: `${plant} has no status called “${target.name}”.`, connectionId: workOrder.connectionId });
      return;
    }
    if (status.key === workOrder.statusKey) return;
    if (!writeCapabilities(connection?.provider ?? null).actions.includes('setWorkOrderStatus')) {
      pushToast({ level: 'warning', title: `${workOrder.code} stays where it was`, body: `${plant}'s system does not accept status changes from Millwright.`, connectionId: workOrder.connectionId });
      return;
    }
    if (activatorEvent instanceof KeyboardEvent) {
      refocus.current = { connectionId: workOrder.connectionId, key: workOrder.key, column: target.name, until: Date.now() + 3000 };
    }
    queueEdit({
      connectionId: workOrder.connectionId,
      action: 'setWorkOrderStatus',
      key: workOrder.key,
      changes: { statusKey: status.key },
      display: { status: status.name },
    }).catch((error: unknown) =>
      pushToast({
        level: 'error',
        title: `Could not move ${workOrder.code}`,
        body: error instanceof Error ? error.message : String(error),
        connectionId: workOrder.connectionId,
      }),
    );
  };

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
  const showPlants = plants.size > 1 ? plants : null;
  return (
    <div className="board-page">
      <div className="toolbar">
        <PlantFilter />
        <span className="toolbar-hint muted">Drag a card to another column to change its status (or Space, then ← →).</span>
        <button type="button" className="button primary toolbar-end" disabled={!canCreate} onClick={() => setCreating(true)}>
          New work order
        </button>
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={columnCollision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ announcements, screenReaderInstructions }}
      >
        <div className={dragging ? 'board is-dragging' : 'board'} aria-label="Work-order board">
          {columns.map((column) => (
            <BoardColumn
              key={column.id}
              column={column}
              assetNames={assetNames}
              plants={showPlants}
              readOnlyConnections={readOnlyConnections}
              marks={marks}
              dropState={dropStates.get(column.id) ?? 'idle'}
              onOpen={onOpen}
              nowIso={nowIso}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging && (
            <WorkOrderCardView
              workOrder={dragging}
              assetName={dragging.assetKey ? (assetNames.get(`${dragging.connectionId}\u0000${dragging.assetKey}`) ?? null) : null}
              plant={showPlants?.get(dragging.connectionId) ?? null}
              mark={marks.get(markKey(dragging.connectionId, dragging.key)) ?? null}
              readOnly={false}
              nowIso={nowIso}
              className="drag-overlay"
              tabIndex={-1}
              aria-hidden
            />
          )}
        </DragOverlay>
      </DndContext>
      {open && (
        <WorkOrderDialog
          connectionId={open.connectionId}
          workOrderKey={open.key}
          onClose={() => {
            setOpen(null);
            // Back to the card the dialog was opened from, wherever its column now is.
            requestAnimationFrame(() => findCard(open)?.focus());
          }}
        />
      )}
      {creating && (
        <NewWorkOrderDialog
          defaultConnectionId={shownIds.length === 1 ? shownIds[0]! : null}
          onClose={() => setCreating(false)}
          onCreated={() => setCreating(false)}
        />
      )}
    </div>
  );
}
