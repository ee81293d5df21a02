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
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { boardSituation, firstSyncRunning, type BoardConnection, type BoardSituation } from '../../../shared/board/board-state';
import { activeCriteria, recordId, workOrderMatcher } from '../../../shared/board/work-order-filter';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { isOverdue, openTest } from '../../../shared/domain/work-order-state';
import { computeWorkOrderKpis } from '../../../shared/kpis/work-order-kpis';
import { computeAvailability } from '../../../shared/kpis/asset-availability';
import { boardAssetScope } from '../../../shared/board/board-asset-scope';
import { useUnreportedLists } from '../../ui/use-unreported-lists';
import { countOf, formatCount, formatDateTime } from '../../ui/format';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';
import type { KpiCount } from '../../../shared/kpis/work-order-kpis';
import { KpiStrip } from './kpi-strip';
import { BoardTopActions } from './board-top-actions';
import { useOutboxMarks, markKey } from '../../ui/use-outbox';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { NewWorkOrderDialog } from '../../ui/new-work-order-dialog';
import { standardSeverities } from '../../ui/work-order-fields';
import { BoardFirstLookView } from './board-first-look-view';
import { BoardColumn, idleDrop, type ColumnDropData, type ColumnHandle, type DropState } from './board-column';
import { boardColumnsCache, buildBoardColumns, otherColumnId, type BoardColumn as BoardColumnData } from './board-columns';
import { boardCsv, downloadText } from './board-csv';
import { boardKeyboardCodes, columnCollision, columnKeyboardCoordinates } from './board-dnd';
import { assetOptionId, BoardFilterBar, type FilterOptions } from './board-filter-bar';
import { useBoardFilter } from '../../stores/board-filter-store';
import { decideMove } from './board-moves';
import { useCachedRecords } from '../../ui/use-cached-records';
import { useHeldWhileScrolling } from '../../ui/use-held-while-scrolling';
import { WorkOrderCardView, type CardDragData } from './work-order-card';
import { WorkOrderDrawer } from './work-order-drawer';
import { useBoardLayout } from '../../stores/board-layout-store';
import { WorkOrderBulkActions } from './work-order-bulk-actions';
import { WorkOrderTable } from './work-order-table';
import type { TableNames } from './work-order-table-columns';

const boardTables = ['workOrderStatuses', 'workOrders', 'assets', 'sites', 'locations', 'teams', 'labors', 'assetDowntimes'] as const;

const dragData = (data: unknown) => (data as CardDragData | undefined)?.workOrder ?? null;
const dropData = (data: unknown) => (data as ColumnDropData | undefined) ?? null;

const screenReaderInstructions = {
  draggable:
    'Press Enter to open this work order. Arrow keys move between cards and columns. To change its status, press Shift with the left or right arrow, or press Space to pick it up, the left and right arrow keys to choose a column, then Space to drop it there or Escape to cancel.',
};

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${dragData(active.data.current)?.code ?? 'the work order'}. Left and right arrows choose a column.`,
  onDragOver: ({ active, over }) =>
    over ? `${dragData(active.data.current)?.code ?? 'The work order'} is over ${dropData(over.data.current)?.name ?? 'a column'}.` : undefined,
  onDragEnd: ({ active, over }) =>
    over ? `${dragData(active.data.current)?.code ?? 'The work order'} dropped on ${dropData(over.data.current)?.name ?? 'the column'}.` : 'Put back.',
  onDragCancel: ({ active }) => `Moving ${dragData(active.data.current)?.code ?? 'the work order'} was cancelled; it stays where it was.`,
};

/** The work order's card on the board, or its row in the table. */
const findCard = ({ connectionId, key }: { connectionId: string; key: string }) =>
  document.querySelector<HTMLElement>(
    [`.board article`, `.work-order-table [role="row"]`].map((where) => `${where}[data-connection-id="${CSS.escape(connectionId)}"][data-work-order-key="${CSS.escape(key)}"]`).join(', '),
  );

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

/** The work-order board: one column per status, across the plants the filter shows, read live from the cache. */
export function WorkOrderBoard() {
  const connections = useAppStore((state) => state.connections);
  const progress = useAppStore((state) => state.progress);
  const pushToast = useAppStore((state) => state.pushToast);
  const shownIds = useAppStore(useShallow(selectShownConnectionIds));
  const filter = useBoardFilter((state) => state.filter);
  // In the table, a plant's change that arrives mid-scroll (re-sorting 100,000 rows) is drawn when the scrolling pauses.
  const { shown: data, onScroll: heldWhileScrolling } = useHeldWhileScrolling(useCachedRecords(boardTables));
  const marks = useOutboxMarks(shownIds);
  const queueEdit = useQueueEdit();
  const [dragging, setDragging] = useState<WorkOrderSummary | null>(null);
  /** Set the moment a drag starts (before React renders it), so no arrow key of a keyboard drag moves the focus instead. */
  const dragActive = useRef(false);
  const open = useAppStore((state) => state.openedWorkOrder);
  const setOpen = useAppStore((state) => state.openWorkOrder);
  const [creating, setCreating] = useState(false);
  const layout = useBoardLayout((state) => state.layout);
  const setLayout = useBoardLayout((state) => state.setLayout);
  /** The table's selected rows, by recordId(connectionId, key). */
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  /** Said to screen readers after a keyboard move (the card's own label does not carry its status). */
  const [announcement, setAnnouncement] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const handles = useRef(new Map<number, ColumnHandle>());
  /** A card moved with the keyboard keeps the focus in its new column. */
  const refocus = useRef<{ connectionId: string; key: string; columnId: string; until: number } | null>(null);

  const nowIso = useMemo(() => new Date().toISOString(), [data]); // eslint-disable-line react-hooks/exhaustive-deps -- refreshed with the data
  const plants = useMemo(() => new Map(connections.map((c) => [c.id, { name: c.name, disconnected: c.state === 'disconnected' }])), [connections]);
  const showPlants = plants.size > 1 && shownIds.length > 1 ? plants : null;
  const readOnlyConnections = useMemo(() => new Set(connections.filter((c) => c.state === 'disconnected').map((c) => c.id)), [connections]);
  const canCreate = connections.some((c) => c.state !== 'disconnected' && c.writes.actions.includes('createWorkOrder'));

  // The plants' ids and names, the same array while they are: a connection's status changing (often) must not re-sort 100,000 rows.
  const plantIdsAndNames = useAppStore(useShallow((state) => state.connections.flatMap((c) => [c.id, c.name])));
  const names = useMemo(() => {
    const of = <T extends { connectionId: string; key: string }>(records: readonly T[] | undefined, label: (record: T) => string) =>
      new Map((records ?? []).map((record) => [recordId(record.connectionId, record.key), label(record)]));
    return {
      assets: of(data?.assets, (a) => a.name),
      sites: of(data?.sites, (s) => s.name),
      teams: of(data?.teams, (t) => t.name),
      labors: of(data?.labors, (l) => l.name),
      locations: of(data?.locations, (l) => l.name),
      statuses: of(data?.workOrderStatuses, (s) => s.name),
      plants: new Map(Array.from({ length: plantIdsAndNames.length / 2 }, (_, i) => [plantIdsAndNames[2 * i]!, plantIdsAndNames[2 * i + 1]!])),
    } satisfies TableNames;
  }, [data?.assets, data?.sites, data?.locations, data?.teams, data?.labors, data?.workOrderStatuses, plantIdsAndNames]);

  // Each memo below follows the tables it reads: a sync page of work orders leaves the others as they were.
  const severities = useMemo(() => {
    const found = new Set<string>(standardSeverities);
    for (const workOrder of data?.workOrders ?? []) if (workOrder.severity) found.add(workOrder.severity);
    const order = (s: string) => ((standardSeverities as readonly string[]).indexOf(s) + standardSeverities.length + 1) % (standardSeverities.length + 1);
    return [...found].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  }, [data?.workOrders]);

  const filterOptions = useMemo((): FilterOptions => {
    const plantSuffix = (connectionId: string) => (showPlants ? ` · ${showPlants.get(connectionId)?.name ?? ''}` : '');
    const plantName = (connectionId: string) => showPlants?.get(connectionId)?.name;
    const name = (map: ReadonlyMap<string, string>, connectionId: string, key: string | null) => (key === null ? undefined : map.get(recordId(connectionId, key)));
    const path = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' › ') || undefined;
    return {
      sites: (data?.sites ?? []).map((s) => ({ id: recordId(s.connectionId, s.key), label: `${s.name}${plantSuffix(s.connectionId)}` })).sort(byLabel),
      assets: (data?.assets ?? [])
        .map((a) => ({
          id: assetOptionId(a.connectionId, a.siteKey, a.key),
          label: a.name,
          path: path(plantName(a.connectionId), name(names.sites, a.connectionId, a.siteKey), name(names.locations, a.connectionId, a.locationKey), name(names.assets, a.connectionId, a.parentKey)),
        }))
        .sort(byLabel),
      teams: (data?.teams ?? []).map((t) => ({ id: recordId(t.connectionId, t.key), label: t.name, path: plantName(t.connectionId) })).sort(byLabel),
      assignees: [
        ...shownIds.map((id) => ({ id: recordId(id, null), label: 'Unassigned', path: plantName(id) })),
        ...(data?.labors ?? [])
          .filter((l) => l.isActive)
          .map((l) => ({ id: recordId(l.connectionId, l.key), label: l.name, path: path(plantName(l.connectionId), name(names.teams, l.connectionId, l.teamKey), l.roleName ?? undefined) }))
          .sort(byLabel),
      ],
      severities,
    };
  }, [data?.sites, data?.assets, data?.labors, data?.teams, names, severities, shownIds, showPlants]);

  /** Open and overdue, as everywhere else: shared/domain/work-order-state, over the cached status table. */
  const isOpen = useMemo(() => openTest(data?.workOrderStatuses ?? []), [data?.workOrderStatuses]);
  const overdueOf = useMemo(() => {
    const now = Date.parse(nowIso);
    return (workOrder: WorkOrderSummary) => isOverdue(workOrder, isOpen(workOrder), now);
  }, [isOpen, nowIso]);

  const filtered = useMemo(() => {
    if (!data) return [];
    // No criteria: the cached list itself, so the columns below can tell what changed by identity.
    if (activeCriteria(filter) === 0) return data.workOrders;
    const pending = new Set<string>();
    if (filter.pendingOnly) for (const w of data.workOrders) if (marks.has(markKey(w.connectionId, w.key))) pending.add(recordId(w.connectionId, w.key));
    return data.workOrders.filter(workOrderMatcher(filter, { nowIso, assetNames: names.assets, pending, isOpen }));
  }, [data, filter, marks, nowIso, names, isOpen]);

  // Updated from the last ones when a few work orders changed, rather than grouped and sorted anew.
  const [columnsOf] = useState(boardColumnsCache);
  // Only the board's layout shows columns: the table (100,000 rows) opens without grouping them.
  const columns = useMemo(() => (data && layout === 'board' ? columnsOf(data.workOrderStatuses, filtered) : []), [columnsOf, data, filtered, layout]);

  // The key figures read every work order shown: worked out in a render just after the work itself
  // first shows (React's deferred value, none the first time), so opening the page does not wait on them.
  const kpiSource = useDeferredValue(filtered, null);
  const kpis = useMemo(() => (kpiSource === null ? null : computeWorkOrderKpis(kpiSource, isOpen, nowIso)), [kpiSource, isOpen, nowIso]);
  // Availability and MTBF, over the assets in the board's scope of plants whose systems report downtime.
  const unreportedDowntime = useUnreportedLists('assetDowntimes', shownIds);
  const availability = useMemo(() => {
    if (!data || !unreportedDowntime || kpiSource === null) return null;
    const scope = boardAssetScope(data.assets, filter, unreportedDowntime);
    return { ...computeAvailability(data.assetDowntimes, scope, Date.parse(nowIso)), unreportedPlants: [...unreportedDowntime].map((id) => plants.get(id)?.name ?? 'a plant') };
  }, [data, filter, unreportedDowntime, nowIso, plants, kpiSource]);

  // Where the plants shown stand (syncing, failed, synced with nothing…), from their state and progress.
  const shownConnections = useMemo((): BoardConnection[] => connections.filter((c) => shownIds.includes(c.id)), [connections, shownIds]);
  const workOrderProgress = useCallback((connectionId: string) => progress[connectionId]?.workOrders, [progress]);
  const situation = useMemo(() => boardSituation(shownConnections, workOrderProgress), [shownConnections, workOrderProgress]);
  const kpisLoading = useMemo(() => firstSyncRunning(shownConnections, workOrderProgress), [shownConnections, workOrderProgress]);
  const otherCount = columns.find((column) => column.id === otherColumnId)?.workOrders.length ?? 0;

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click still opens the card.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { keyboardCodes: boardKeyboardCodes, coordinateGetter: columnKeyboardCoordinates }),
  );

  const decide = useCallback(
    (workOrder: WorkOrderSummary, column: Pick<BoardColumnData, 'id' | 'name'>) =>
      decideMove(workOrder, column, data?.workOrderStatuses ?? [], connections.find((c) => c.id === workOrder.connectionId)),
    [data, connections],
  );

  /** While dragging: which columns take the card, and why the others do not. */
  const dropStates = useMemo(() => {
    const states = new Map<string, DropState>();
    if (!dragging) return states;
    for (const column of columns) {
      const decision = decide(dragging, column);
      states.set(column.id, decision.ok === 'same' ? idleDrop : decision.ok ? { state: 'accepts' } : { state: 'refuses', reason: decision.reason });
    }
    return states;
  }, [dragging, columns, decide]);

  /** Moves a card to a column through the outbox, or says why it stays. */
  const moveCard = useCallback(
    (workOrder: WorkOrderSummary, column: Pick<BoardColumnData, 'id' | 'name'>, byKeyboard: boolean) => {
      const decision = decide(workOrder, column);
      if (decision.ok === 'same') return;
      if (!decision.ok) {
        pushToast({ level: 'warning', title: `${workOrder.code} stays in its column`, body: decision.reason, connectionId: workOrder.connectionId });
        return;
      }
      if (byKeyboard) {
        refocus.current = { connectionId: workOrder.connectionId, key: workOrder.key, columnId: column.id, until: Date.now() + 3000 };
        setAnnouncement(`${workOrder.code} moved to ${decision.status.name}.`);
      }
      queueEdit({
        connectionId: workOrder.connectionId,
        action: 'setWorkOrderStatus',
        key: workOrder.key,
        changes: { statusKey: decision.status.key },
        display: { status: decision.status.name },
      }).catch((error: unknown) =>
        pushToast({ level: 'error', title: `Could not move ${workOrder.code}`, body: error instanceof Error ? error.message : String(error), connectionId: workOrder.connectionId }),
      );
    },
    [decide, pushToast, queueEdit],
  );

  // After a keyboard move the card is focused in its new column, scrolled into view there.
  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    if (Date.now() > target.until) {
      refocus.current = null;
      return;
    }
    const columnIndex = columns.findIndex((column) => column.id === target.columnId);
    const index = columns[columnIndex]?.workOrders.findIndex((w) => w.connectionId === target.connectionId && w.key === target.key) ?? -1;
    if (index >= 0) {
      refocus.current = null;
      handles.current.get(columnIndex)?.focusCard(index);
    }
  }, [columns]);

  const register = useCallback((columnIndex: number, handle: ColumnHandle | null) => {
    if (handle) handles.current.set(columnIndex, handle);
    else handles.current.delete(columnIndex);
  }, []);

  /** Arrow keys, Home, End, Page Up and Down move the focus; Shift with ← → moves the card a column over. */
  const onCardKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, workOrder: WorkOrderSummary, columnIndex: number, index: number): boolean => {
      if (dragActive.current || event.altKey || event.ctrlKey || event.metaKey) return false;
      const here = handles.current.get(columnIndex);
      if (!here) return false;
      const horizontal = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
      if (horizontal !== 0 && event.shiftKey) {
        event.preventDefault();
        const target = columns[columnIndex + horizontal];
        if (target) moveCard(workOrder, target, true);
        return true;
      }
      if (event.shiftKey) return false;
      let next: [column: number, index: number] | null = null;
      switch (event.key) {
        case 'ArrowDown':
          next = [columnIndex, Math.min(index + 1, here.count - 1)];
          break;
        case 'ArrowUp':
          next = [columnIndex, Math.max(index - 1, 0)];
          break;
        case 'PageDown':
          next = [columnIndex, Math.min(index + here.pageSize(), here.count - 1)];
          break;
        case 'PageUp':
          next = [columnIndex, Math.max(index - here.pageSize(), 0)];
          break;
        case 'Home':
          next = [columnIndex, 0];
          break;
        case 'End':
          next = [columnIndex, here.count - 1];
          break;
        case 'ArrowLeft':
        case 'ArrowRight': {
          // The nearest column that way with cards, at the card level with this one on screen.
          for (let c = columnIndex + horizontal; c >= 0 && c < columns.length; c += horizontal) {
            const there = handles.current.get(c);
            if (there && there.count > 0) {
              next = [c, there.indexAtOffset(here.offsetOf(index))];
              break;
            }
          }
          break;
        }
        default:
          return false;
      }
      event.preventDefault();
      if (next) handles.current.get(next[0])?.focusCard(next[1]);
      return true;
    },
    [columns, moveCard],
  );

  // "/" jumps to the search box from anywhere on the board.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog'))) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onOpen = useCallback((workOrder: WorkOrderSummary) => setOpen({ connectionId: workOrder.connectionId, key: workOrder.key }), [setOpen]);

  const onDragStart = (event: DragStartEvent) => {
    dragActive.current = true;
    setDragging(dragData(event.active.data.current));
  };
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    dragActive.current = false;
    setDragging(null);
    const workOrder = dragData(active.data.current);
    const target = dropData(over?.data.current);
    if (!workOrder || !target) return;
    moveCard(workOrder, { id: target.columnId, name: target.name }, activatorEvent instanceof KeyboardEvent);
  };

  const selectedShown = useMemo(() => (selected.size === 0 ? [] : filtered.filter((w) => selected.has(recordId(w.connectionId, w.key)))), [filtered, selected]);
  const clearSelection = useCallback(() => setSelected(new Set()), []);
  // A figure's tile opens the table on exactly what it counts, within the filters already set.
  const showCounted = useCallback(
    (counted: KpiCount) => {
      useBoardFilter.getState().setFilter({ countedIn: counted });
      setLayout('table');
    },
    [setLayout],
  );

  const exportCsv = () => {
    const csv = boardCsv(layout === 'board' ? columns : buildBoardColumns(data!.workOrderStatuses, filtered), names, (connectionId, key) => marks.has(markKey(connectionId, key)), isOpen, Date.parse(nowIso));
    downloadText(`work-orders-${nowIso.slice(0, 10)}.csv`, csv);
  };

  // A large cache takes seconds to read: the board shows each column's count and first cards meanwhile.
  if (data === undefined) return layout === 'board' ? <BoardFirstLookView fallback={<BoardSkeleton />} /> : <BoardSkeleton />;
  if (data.workOrders.length === 0) {
    return <BoardEmptyState situation={situation} canCreate={canCreate} onCreate={() => setCreating(true)} creating={creating} onCreated={() => setCreating(false)} defaultConnectionId={shownIds.length === 1 ? shownIds[0]! : null} />;
  }
  return (
    <div className="board-page">
      <div className="board-top">
        <KpiStrip kpis={kpis} availability={availability} loading={kpisLoading} filtered={activeCriteria(filter) > 0 && kpiSource !== null ? { shown: kpiSource.length, total: data.workOrders.length } : null} onShow={showCounted} />
        <BoardTopActions
          shown={activeCriteria(filter) > 0 ? `${formatCount(filtered.length)} of ${countOf(data.workOrders.length, 'work order')}` : countOf(data.workOrders.length, 'work order')}
          onExport={filtered.length === 0 ? null : exportCsv}
          onCreate={canCreate ? () => setCreating(true) : null}
        />
      </div>
      <BoardFilterBar ref={searchRef} options={filterOptions} />
      {situation.kind === 'syncing' && situation.firstTime && (
        <p className="board-notice" role="status">
          {syncingLine(situation)}
        </p>
      )}
      {otherCount > 0 && (
        <p className="board-notice" role="note">
          {otherCount === 1 ? '1 work order has a status' : `${formatCount(otherCount)} work orders have a status`} that is not in{' '}
          {data.workOrderStatuses.length === 0 ? 'a cached status table (none has been synced yet)' : 'its plant’s cached status table'}: see “Other status”.
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {filtered.length === 0 && data.workOrders.length > 0 && (
        <p className="filter-empty" role="status">
          No work orders match these filters.{' '}
          <button type="button" className="link-button" onClick={() => useBoardFilter.getState().clearFilter()}>
            Clear filters
          </button>
        </p>
      )}
      {layout === 'table' && selectedShown.length > 0 && (
        <WorkOrderBulkActions workOrders={selectedShown} statuses={data.workOrderStatuses} labors={data.labors} plants={showPlants ? names.plants : null} onClear={clearSelection} />
      )}
      {layout === 'table' ? (
        <WorkOrderTable workOrders={filtered} names={names} now={Date.parse(nowIso)} marks={marks} overdueOf={overdueOf} selected={selected} onSelect={setSelected} onOpen={onOpen} onScroll={heldWhileScrolling} />
      ) : (
      <DndContext
        sensors={sensors}
        collisionDetection={columnCollision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          dragActive.current = false;
          setDragging(null);
        }}
        accessibility={{ announcements, screenReaderInstructions }}
      >
        <div className={`board${dragging ? ' is-dragging' : ''}${showPlants ? ' shows-plants' : ''}`} aria-label="Work-order board">
          {columns.map((column, index) => (
            <BoardColumn
              key={column.id}
              column={column}
              columnIndex={index}
              assetNames={names.assets}
              laborNames={names.labors}
              plants={showPlants}
              readOnlyConnections={readOnlyConnections}
              marks={marks}
              drop={dropStates.get(column.id) ?? idleDrop}
              onOpen={onOpen}
              onCardKeyDown={onCardKeyDown}
              register={register}
              overdueOf={overdueOf}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging && (
            <WorkOrderCardView
              workOrder={dragging}
              assetName={dragging.assetKey ? (names.assets.get(recordId(dragging.connectionId, dragging.assetKey)) ?? null) : null}
              assigneeName={dragging.laborAssignedKey ? (names.labors.get(recordId(dragging.connectionId, dragging.laborAssignedKey)) ?? null) : null}
              plant={showPlants?.get(dragging.connectionId) ?? null}
              mark={marks.get(markKey(dragging.connectionId, dragging.key)) ?? null}
              readOnly={false}
              overdue={overdueOf(dragging)}
              className="drag-overlay"
              tabIndex={-1}
              aria-hidden
            />
          )}
        </DragOverlay>
      </DndContext>
      )}
      {open && (
        <WorkOrderDrawer
          connectionId={open.connectionId}
          workOrderKey={open.key}
          onClose={() => {
            setOpen(null);
            // Back to the card the drawer was opened from, wherever its column now is.
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

type Syncing = Extract<BoardSituation, { kind: 'syncing' }>;
// Received from the plant: the board's own count is of those stored, a page behind at most.
const syncedSoFar = (situation: Syncing) =>
  situation.fetched === 0 ? '' : situation.total === null ? ` ${countOf(situation.fetched, 'work order')} received so far.` : ` ${formatCount(situation.fetched)} of ${countOf(situation.total, 'work order')} received so far.`;

function syncingLine(situation: Syncing): string {
  return `${situation.firstTime ? `Syncing work orders from ${situation.plant} for the first time…` : `Syncing work orders from ${situation.plant}…`}${syncedSoFar(situation)}`;
}

function historyWindow(days: number | null): string {
  return days === null ? 'of any age' : `from the last ${days} days, or still open`;
}

interface BoardEmptyStateProps {
  situation: BoardSituation;
  canCreate: boolean;
  creating: boolean;
  onCreate: () => void;
  onCreated: () => void;
  defaultConnectionId: string | null;
}

/** No work order cached for the plants shown: says why, from what is actually happening. */
function BoardEmptyState({ situation, canCreate, creating, onCreate, onCreated, defaultConnectionId }: BoardEmptyStateProps) {
  const setView = useAppStore((state) => state.setView);
  const goTo = (label: string) => (
    <button type="button" className="button primary" onClick={() => setView('connections')}>
      {label}
    </button>
  );
  let title: string;
  let body: string;
  let action: ReactNode = null;
  let alert = false;
  switch (situation.kind) {
    case 'no-connections':
      title = 'No plants connected yet';
      body = 'Add one on the Connections page: a demo plant, a connection token, or Makini Link sign-in.';
      action = goTo('Go to Connections');
      break;
    case 'syncing':
      title = situation.firstTime ? 'Syncing work orders for the first time…' : 'Syncing work orders…';
      body = `Reading them from ${situation.plant}.${syncedSoFar(situation)} The board fills in as they arrive.`;
      break;
    case 'failed':
      alert = true;
      title = 'No work orders cached yet';
      body = `${situation.reason}${situation.requestId ? ` (request id ${situation.requestId})` : ''} ${situation.needsReauth ? 'Reauthorize it on the Connections page.' : 'Millwright tries again on its own; Sync now on the Connections page tries at once.'}`;
      action = goTo(situation.needsReauth ? 'Reauthorize on Connections' : 'Go to Connections');
      break;
    case 'no-list':
      alert = true;
      title = 'This plant gives Millwright no work orders';
      body = `${situation.plant}’s system did not let Millwright read its work orders${situation.reason ? `: ${situation.reason}` : '.'} Ask its administrator to allow it, then sync again.`;
      action = goTo('Go to Connections');
      break;
    case 'synced-empty':
      title = 'No work orders';
      body = `${situation.lastSyncAt ? `The last sync, ${formatDateTime(situation.lastSyncAt)},` : 'The sync running now'} found no work orders ${historyWindow(situation.historyDays)} at ${situation.plants.join(' or ')}. New ones appear here when they are synced.`;
      break;
    case 'waiting':
      title = situation.connecting ? `Connecting to ${situation.plant}…` : `Waiting for the first sync of ${situation.plant}`;
      body = 'Its work orders appear here once the first sync has read them.';
      break;
    case 'disconnected':
      title = 'No work orders cached';
      body = `${situation.plant} is disconnected and nothing of it was cached. Connect it again on the Connections page to see its work.`;
      action = goTo('Go to Connections');
      break;
  }
  return (
    <div className="empty-state" role={alert ? 'alert' : 'status'} data-board-state={situation.kind}>
      <h2>{title}</h2>
      <p className="muted">{body}</p>
      {action}
      {situation.kind === 'synced-empty' && canCreate && (
        <button type="button" className="button primary" onClick={onCreate}>
          New work order
        </button>
      )}
      {creating && <NewWorkOrderDialog defaultConnectionId={defaultConnectionId} onClose={onCreated} onCreated={onCreated} />}
    </div>
  );
}

/** What the board looks like while the cache opens: the shape of columns, without content. */
function BoardSkeleton() {
  return (
    <div className="board-page" role="status" aria-label="Loading the work orders…">
      <div className="board skeleton" aria-hidden>
        {Array.from({ length: 5 }, (_, column) => (
          <div className="column" key={column}>
            <div className="column-heading">
              <span className="skeleton-bar" style={{ width: `${50 + column * 7}%` }} />
            </div>
            {Array.from({ length: 4 }, (_, card) => (
              <div className="skeleton-card" key={card} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
