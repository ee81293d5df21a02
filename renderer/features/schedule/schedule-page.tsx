import {
  DndContext,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type KeyboardCoordinateGetter,
  type Modifier,
} from '@dnd-kit/core';
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Asset } from '../../../shared/domain/asset';
import type { Labor } from '../../../shared/domain/labor';
import { rescheduleEdit, rescheduleRefusal } from '../../../shared/schedule/reschedule-edit';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { recordId } from '../../../shared/schedule/asset-hierarchy';
import { scheduleHorizons, scheduleWindow, shiftAnchor, type ScheduleHorizon } from '../../../shared/schedule/schedule-window';
import { countOf, formatCount, formatSharePercent } from '../../ui/format';
import { availabilityWindowDays } from '../../../shared/kpis/asset-availability';
import { useUnreportedLists } from '../../ui/use-unreported-lists';
import { useHeldWhileScrolling } from '../../ui/use-held-while-scrolling';
import { useAppStore } from '../../stores/app-store';
import { useOutboxMarks } from '../../ui/use-outbox';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { PlantFilter } from '../../ui/plant-filter';
import type { BarDragData } from './schedule-bar';
import { ScheduleBadges } from './schedule-badges';
import { ScheduleDetails } from './schedule-details';
import { formatDayMonth, formatFullDate, formatRange } from './schedule-format';
import { ScheduleGrid, type ScheduleGridHandle } from './schedule-grid';
import { assetFigures, buildScheduleModel, type ScheduleBar, type ScheduleModel, type WorkOrderBar } from './schedule-model';
import { moveArrived, withPendingMoves, type PendingMove } from './schedule-moves';
import { WorkloadDialog } from './workload-dialog';
import { loadCell, WorkloadRows, type CellKey, type DropTarget, type PersonDropData } from './workload-rows';
import { WorkingHoursDialog } from './working-hours-dialog';
import { useScheduleData } from './use-schedule-data';
import { useScheduleView } from '../../stores/schedule-view-store';
import { useWorkingCalendars } from '../../stores/working-calendar-store';
import { assignEdit } from '../../ui/assign-edit';
import { NewWorkOrderDialog } from '../../ui/new-work-order-dialog';
import type { EditRequest } from '../../db/dexie-outbox';
import './schedule.css';

const barOf = (data: unknown) => (data as BarDragData | undefined)?.bar ?? null;
const personOf = (data: unknown) => {
  const drop = data as PersonDropData | undefined;
  return drop?.kind === 'person' ? drop.person : null;
};
const days = (count: number) => countOf(Math.abs(count), 'day');
/** How long after a move is in the cache its bar is still drawn from the move rather than the cache (the cache's change is seen well before). */
const settleMs = 3_000;

const screenReaderInstructions = {
  draggable:
    'Press Enter for details. To reschedule, press Space to pick the work order up, the left and right arrow keys to move it a day (with Shift, a week), then Space to drop it or Escape to cancel. To reassign it, open a day of the workload below.',
};

/**
 * The asset schedule: assets by site and location down the side, days or weeks across, bars for
 * booked work orders and projected PM occurrences, and each team's load against its capacity.
 */
export function SchedulePage() {
  const { data: cached, connectionIds } = useScheduleData();
  // A plant's change that arrives mid-scroll is drawn when the scrolling pauses.
  const { shown: data, onScroll: heldWhileScrolling } = useHeldWhileScrolling(cached);
  const connections = useAppStore((state) => state.connections);
  const pushToast = useAppStore((state) => state.pushToast);
  const marks = useOutboxMarks(connectionIds);
  const queueEdit = useQueueEdit();
  const { horizon, search, onlyWithWork, anchor: anchorSet, set: setView } = useScheduleView();
  const setHorizon = (value: ScheduleHorizon) => setView({ horizon: value });
  const setAnchor = (value: Date | null) => setView({ anchor: value });
  const setSearch = (value: string) => setView({ search: value });
  const setOnlyWithWork = (value: boolean) => setView({ onlyWithWork: value });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragShift, setDragShift] = useState<number | null>(null);
  const [dragging, setDragging] = useState<WorkOrderBar | null>(null);
  const [tick, setTick] = useState(0);
  const [moves, setMoves] = useState<ReadonlyMap<string, PendingMove>>(new Map());
  const [dropTarget, setDropTarget] = useState<(DropTarget & { labor: Labor }) | null>(null);
  const [openedCell, setOpenedCell] = useState<CellKey | null>(null);
  const [editingHours, setEditingHours] = useState(false);
  const [creating, setCreating] = useState<{ asset: Asset; day: Date } | null>(null);
  const openCreate = useCallback((asset: Asset, day: Date) => setCreating({ asset, day }), []);
  const storedCalendars = useWorkingCalendars((state) => state.calendars);
  const calendars = useMemo(() => new Map(Object.entries(storedCalendars)), [storedCalendars]);
  const grid = useRef<ScheduleGridHandle>(null);
  const deferredSearch = useDeferredValue(search);

  // "Now" moves on every minute, and whenever the data changes.
  useEffect(() => {
    const timer = setInterval(() => setTick((count) => count + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  const now = useMemo(() => new Date().getTime(), [data, tick]); // eslint-disable-line react-hooks/exhaustive-deps -- refreshed with the data and the minute

  // Left on today, the window follows the date (a page opened the next morning starts from that day).
  const today = useMemo(() => new Date(now), [now]);
  const anchor = anchorSet ?? today;
  const windowKey = `${scheduleWindow(anchor, horizon).start.getTime()}|${horizon}`;
  const window = useMemo(() => scheduleWindow(anchor, horizon), [windowKey]); // eslint-disable-line react-hooks/exhaustive-deps -- windowKey names it
  // Sites of plants whose systems report no downtime get no availability rather than a perfect one.
  const unreportedDowntime = useUnreportedLists('assetDowntimes', connectionIds);
  const model = useMemo(
    () => (data && unreportedDowntime ? buildScheduleModel(data, window, { search: deferredSearch, onlyWithWork }, now, unreportedDowntime, calendars) : null),
    [data, window, deferredSearch, onlyWithWork, now, unreportedDowntime, calendars],
  );
  const readOnlyConnections = useMemo(() => new Set(connections.filter((c) => c.state === 'disconnected').map((c) => c.id)), [connections]);
  const creatable = useMemo(
    () => new Set(connections.filter((c) => c.state !== 'disconnected' && c.writes.actions.includes('createWorkOrder')).map((c) => c.id)),
    [connections],
  );
  const plantNames = useMemo(() => (connectionIds.length > 1 ? new Map(connections.map((c) => [c.id, c.name])) : null), [connections, connectionIds.length]);

  // A dropped bar stands on its new day at once; the cache's change, when it comes round, takes over.
  const rows = useMemo(() => (model ? withPendingMoves(model.rows, moves, window) : []), [model, moves, window]);
  const [modelSeen, setModelSeen] = useState(model);
  if (model !== modelSeen) {
    setModelSeen(model);
    const arrived = model ? [...moves].filter(([id, move]) => {
      const found = findBar(model.rows, id);
      return !found || found.bar.kind !== 'work-order' || moveArrived(found.bar, move);
    }) : [];
    if (arrived.length > 0) setMoves(withoutMoves(moves, arrived.map(([id]) => id)));
  }
  const selected = model && selectedId !== null ? findBar(rows, selectedId) : null;
  const opened = model && openedCell ? loadCell(model.loads, openedCell, window, plantNames) : null;

  const moveRefusal = useCallback((workOrder: WorkOrderSummary) => rescheduleRefusal(workOrder, connections.find((c) => c.id === workOrder.connectionId)), [connections]);

  /** Queues a change to a bar's work order; a move by `shift` days is drawn at once, and undone if it cannot be queued. */
  const sendBarEdit = useCallback(
    (bar: WorkOrderBar, edit: EditRequest, shift: number, done: string) => {
      const { workOrder } = bar;
      if (shift !== 0) setMoves((current) => new Map(current).set(bar.id, { shift, scheduledAt: edit.changes.scheduledAt as string }));
      queueEdit(edit)
        .then(() => {
          setAnnouncement(done);
          // The cache holds the move now: whatever it says from here on is drawn, even if a sync has since changed it again.
          if (shift !== 0) setTimeout(() => setMoves((current) => withoutMoves(current, [bar.id])), settleMs);
        })
        .catch((failure: unknown) => {
          setMoves((current) => withoutMoves(current, [bar.id]));
          const body = `${failure instanceof Error ? failure.message : String(failure)} It is as it was.`;
          pushToast({ level: 'error', title: `Could not change ${workOrder.code}`, body, connectionId: workOrder.connectionId });
          setAnnouncement(`Could not change ${workOrder.code}: ${body}`);
        });
    },
    [pushToast, queueEdit],
  );

  const refuse = useCallback(
    (workOrder: WorkOrderSummary, reason: string) => {
      const title = `${workOrder.code} stays as it was`;
      pushToast({ level: 'warning', title, body: reason, connectionId: workOrder.connectionId });
      setAnnouncement(`${title}: ${reason}`);
    },
    [pushToast],
  );

  const reschedule = useCallback(
    (bar: WorkOrderBar, shift: number) => {
      const { workOrder } = bar;
      if (shift === 0) return;
      const edit = rescheduleEdit(workOrder, shift, connections.find((c) => c.id === workOrder.connectionId));
      if (!edit.ok) return refuse(workOrder, edit.reason);
      const done = `${workOrder.code} moved ${shift > 0 ? 'later' : 'earlier'} by ${days(shift)}, to start ${formatDayMonth(edit.start)}.`;
      sendBarEdit(bar, { connectionId: workOrder.connectionId, action: 'updateWorkOrder', key: workOrder.key, changes: edit.changes }, shift, done);
    },
    [connections, refuse, sendBarEdit],
  );

  const plantLabors = useCallback((connectionId: string) => data?.labors.filter((labor) => labor.connectionId === connectionId) ?? [], [data]);

  /** A bar dropped on a technician's row: theirs, and (days shown) starting on the day it was dropped on. */
  const dropOnPerson = (bar: WorkOrderBar, labor: Labor, column: number) => {
    const { workOrder } = bar;
    const connection = connections.find((c) => c.id === workOrder.connectionId);
    const target = window.columns[column];
    const shift = window.unit === 'day' && target ? differenceInCalendarDays(target.start, bar.start) : 0;
    const assign = assignEdit(workOrder, labor, connection, plantLabors(workOrder.connectionId));
    const alreadyTheirs = workOrder.laborAssignedKey === labor.key && workOrder.connectionId === labor.connectionId;
    if (!assign.ok && !alreadyTheirs) return refuse(workOrder, `It cannot go to ${labor.name}: ${assign.reason}`);
    const move = shift === 0 ? null : rescheduleEdit(workOrder, shift, connection);
    if (move && !move.ok) return refuse(workOrder, move.reason);
    if (!assign.ok && !move) return setAnnouncement(`${workOrder.code} is already ${labor.name}'s on that day.`);
    const base: EditRequest = assign.ok ? assign.edit : { connectionId: workOrder.connectionId, action: 'updateWorkOrder', key: workOrder.key, changes: {} };
    const edit: EditRequest = { ...base, changes: { ...base.changes, ...(move?.changes ?? {}) } };
    const done = `${workOrder.code} ${assign.ok ? `assigned to ${labor.name}` : `stays with ${labor.name}`}${move ? `, starting ${formatFullDate(move.start)}` : ''}.`;
    pushToast({ level: 'info', title: done, body: 'Sent to its plant now, or as soon as it can be reached.', connectionId: workOrder.connectionId });
    sendBarEdit(bar, edit, shift, done);
  };

  /** From a workload cell: the work order given to a technician, or to nobody. */
  const assignFromCell = async (workOrder: WorkOrderSummary, labor: Labor | null) => {
    const plan = assignEdit(workOrder, labor, connections.find((c) => c.id === workOrder.connectionId), plantLabors(workOrder.connectionId));
    if (!plan.ok) return refuse(workOrder, plan.reason);
    try {
      await queueEdit(plan.edit);
      const done = `${workOrder.code} ${labor ? `assigned to ${labor.name}` : 'unassigned'}.`;
      pushToast({ level: 'info', title: done, body: 'Sent to its plant now, or as soon as it can be reached.', connectionId: workOrder.connectionId });
      setAnnouncement(done);
    } catch (failure) {
      pushToast({ level: 'error', title: `Could not change ${workOrder.code}`, body: failure instanceof Error ? failure.message : String(failure), connectionId: workOrder.connectionId });
    }
  };

  const dayWidth = () => grid.current?.dayWidth() ?? 0;
  const snapToDays: Modifier = ({ transform }) => {
    const width = dayWidth();
    return { ...transform, y: 0, x: width > 0 ? Math.round(transform.x / width) * width : transform.x };
  };
  const dayByDay: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
    if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) {
      event.preventDefault();
      return currentCoordinates;
    }
    if (event.code !== KeyboardCode.Left && event.code !== KeyboardCode.Right) return undefined;
    event.preventDefault();
    const step = dayWidth() * (event.shiftKey ? 7 : 1) * (event.code === KeyboardCode.Left ? -1 : 1);
    return { x: currentCoordinates.x + step, y: currentCoordinates.y };
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { keyboardCodes: { start: [KeyboardCode.Space], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Tab] }, coordinateGetter: dayByDay }),
  );
  const shiftOf = (x: number) => {
    const width = dayWidth();
    return width > 0 ? Math.round(x / width) : 0;
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${barOf(active.data.current)?.workOrder.code ?? 'the work order'}. Left and right arrows move it a day.`,
    onDragOver: () => undefined,
    onDragEnd: () => undefined,
    onDragCancel: ({ active }) => `Moving ${barOf(active.data.current)?.workOrder.code ?? 'the work order'} was cancelled; it stays where it was.`,
  };
  /** The technician and column under the pointer, when a bar is dragged over the workload. */
  const dropTargetOf = ({ activatorEvent, delta, over }: DragMoveEvent | DragOverEvent): (DropTarget & { labor: Labor }) | null => {
    const person = personOf(over?.data.current);
    if (!person || !over || !(activatorEvent instanceof PointerEvent) || over.rect.width <= 0) return null;
    const x = activatorEvent.clientX + delta.x - over.rect.left;
    const column = Math.min(window.columns.length - 1, Math.max(0, Math.floor((x / over.rect.width) * window.columns.length)));
    return { personId: person.personId, column, labor: person.labor };
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragShift(null);
    setDragging(null);
    setDropTarget(null);
    const bar = barOf(event.active.data.current);
    if (!bar) return;
    const target = dropTargetOf(event);
    if (target) dropOnPerson(bar, target.labor, target.column);
    else if (!event.over) reschedule(bar, shiftOf(event.delta.x));
  };

  if (!data || !model) return <p className="page-message" role="status">Loading the schedule…</p>;
  if (data.assets.length === 0) {
    const failed = connections.find((c) => c.state === 'error' || c.state === 'needs_reauth');
    return (
      <p className="page-message" role={failed ? 'alert' : 'status'}>
        {connections.length === 0
          ? 'No connections yet: add one on the Connections page.'
          : failed
            ? `No assets cached yet, and ${failed.name} cannot sync: ${failed.lastError?.message ?? 'unknown error'}`
            : 'Syncing assets and work orders for the first time…'}
      </p>
    );
  }

  const lastDay = addDays(window.end, -1);
  const { totals } = model;
  return (
    <div className="schedule-page">
      <div className="schedule-top">
        <h1>Asset schedule</h1>
        <div className="schedule-sites" aria-label="Sites">
          {model.sites.map((site) => (
            <section key={site.id} className="site-chip" aria-label={`Site ${site.name}${plantNames ? ` (${plantNames.get(site.connectionId) ?? ''})` : ''}`}>
              <button type="button" className="site-jump" onClick={() => grid.current?.scrollToRow(site.rowIndex)} title={`Go to ${site.name}`}>
                <span className="site-chip-name">{site.name}</span>
                {plantNames && <span className="site-chip-plant muted">{plantNames.get(site.connectionId) ?? ''}</span>}
                <span className="muted">{countOf(site.assets, 'asset')}</span>
                {site.availability !== null && (
                  <span className="muted site-availability" title={`The share of the last ${availabilityWindowDays} days this site's active assets listed here were running, planned stops included.`}>
                    {formatSharePercent(site.availability)} available
                  </span>
                )}
                {site.downNow > 0 && (
                  <span className="badge badge-down" title="Assets stopped now: a downtime with no end yet.">
                    {formatCount(site.downNow)} down
                  </span>
                )}
                <ScheduleBadges overdue={site.overdue} overduePm={site.overduePm} conflicts={site.conflicts} where="at this site" />
              </button>
            </section>
          ))}
        </div>
        <PlantFilter />
      </div>
      <div className="toolbar schedule-toolbar" role="toolbar" aria-label="Schedule window">
        <div className="button-group">
          <button type="button" className="button" onClick={() => setAnchor(shiftAnchor(anchor, horizon, -1))} aria-label="Earlier">
            ‹
          </button>
          <button type="button" className="button" onClick={() => setAnchor(null)}>
            Today
          </button>
          <button type="button" className="button" onClick={() => setAnchor(shiftAnchor(anchor, horizon, 1))} aria-label="Later">
            ›
          </button>
        </div>
        <span className="schedule-range" aria-live="polite">
          {formatRange(window.start, lastDay)}
        </span>
        <div className="segmented" role="radiogroup" aria-label="Horizon">
          {scheduleHorizons.map((weeks) => (
            <button key={weeks} type="button" role="radio" aria-checked={horizon === weeks} className={horizon === weeks ? 'segment active' : 'segment'} onClick={() => setHorizon(weeks)}>
              {weeks} weeks
            </button>
          ))}
        </div>
        <input className="schedule-search" type="search" placeholder="Find an asset or location" aria-label="Find an asset or location" value={search} onChange={(event) => setSearch(event.target.value)} />
        <label className="schedule-check">
          <input type="checkbox" checked={onlyWithWork} onChange={(event) => setOnlyWithWork(event.target.checked)} /> Only assets with work
        </label>
        <span className="schedule-counts muted toolbar-end">
          {formatCount(totals.shownAssets)} of {countOf(totals.assets, 'asset')} · {countOf(totals.workOrders, 'work order')} · {countOf(totals.pmOccurrences, 'PM occurrence')} in this window
          <span className={totals.overdue > 0 ? 'overdue' : undefined} data-testid="schedule-overdue" title="Open work orders past their due date, counted as the board counts them">
            {' · '}
            {countOf(totals.overdue, 'overdue work order')}
            {totals.overdueWithoutAsset > 0 ? ` (${formatCount(totals.overdueWithoutAsset)} with no asset, not on this schedule)` : ''}
          </span>
          {totals.overduePm > 0 && (
            <span className="pm-overdue" title="PM plans whose next occurrence is past due and no work order has been raised for it: projected from the plans, not work orders">
              {' · '}
              {countOf(totals.overduePm, 'projected PM', 'projected PMs')} overdue
            </span>
          )}
        </span>
      </div>
      <div className="schedule-legend" aria-label="Legend">
        <span className="legend-item"><span className="swatch swatch-wo" /> Work order</span>
        <span className="legend-item"><span className="swatch swatch-overdue" /> Overdue work order</span>
        <span className="legend-item"><span className="swatch swatch-conflict" /> Overlapping on one asset</span>
        <span className="legend-item"><span className="swatch swatch-pm-fixed" /> PM, fixed</span>
        <span className="legend-item"><span className="swatch swatch-pm-floating" /> PM, floating</span>
        <span className="legend-item"><span className="swatch swatch-pm-meter" /> PM at a meter reading</span>
        <span className="legend-item"><span className="swatch swatch-done" /> Completed</span>
        <span className="legend-item"><span className="swatch swatch-down" /> Downtime</span>
        <span className="legend-item"><span className="swatch swatch-down-planned" /> Planned stop</span>
        <span className="legend-hint muted">Drag a work order along the days to reschedule it (or Space, then ← →), onto a technician to give it to them; click a day for a new one.</span>
        {model.notices.length > 0 && (
          <details className="schedule-notices">
            <summary>{countOf(model.notices.length, 'PM plan')} cannot be placed</summary>
            <ul>
              {model.notices.slice(0, 50).map((notice) => (
                <li key={`${notice.connectionId}/${notice.planKey}/${notice.message}`}>
                  <strong>{notice.title}</strong> {notice.message}.
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="schedule-frame" onScrollCapture={heldWhileScrolling}>
        <DndContext
          sensors={sensors}
          modifiers={[snapToDays]}
          onDragStart={({ active }) => setDragging(barOf(active.data.current))}
          onDragMove={(event) => {
            setDragShift(shiftOf(event.delta.x));
            setDropTarget(dropTargetOf(event));
          }}
          // A move's event still names what was under the pointer before it; this one follows when that changes.
          onDragOver={(event) => setDropTarget(dropTargetOf(event))}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            setDragShift(null);
            setDragging(null);
            setDropTarget(null);
          }}
          collisionDetection={pointerWithin}
          accessibility={{ announcements, screenReaderInstructions }}
        >
          <div className="schedule-main">
            <ScheduleGrid
              rows={rows}
              window={window}
              now={now}
              selectedId={selectedId}
              marks={marks}
              readOnlyConnections={readOnlyConnections}
              plantNames={plantNames}
              onSelect={setSelectedId}
              creatable={creatable}
              onCreate={openCreate}
              handle={grid}
              emptyMessage={
                <>
                  No assets match{search ? ` “${search}”` : ''}
                  {onlyWithWork ? ' with work in this window' : ''}.{' '}
                  <button
                    type="button"
                    className="button small"
                    onClick={() => {
                      setSearch('');
                      setOnlyWithWork(false);
                    }}
                  >
                    Show all assets
                  </button>
                </>
              }
            />
            <WorkloadRows loads={model.loads} window={window} plantNames={plantNames} dropTarget={dropTarget} onOpenCell={setOpenedCell} onEditCalendars={() => setEditingHours(true)} />
          </div>
        </DndContext>
        {selected && (
          <ScheduleDetails
            key={selected.bar.id}
            bar={selected.bar}
            assetName={selected.asset.name}
            teamName={teamName(data.teams, selected.bar)}
            statusName={statusName(data.workOrderStatuses, selected.bar)}
            moveRefusal={selected.bar.kind === 'work-order' ? moveRefusal(selected.bar.workOrder) : null}
            figures={assetFigures(data, selected.asset, now, unreportedDowntime)}
            onMove={reschedule}
            onCreate={creatable.has(selected.asset.connectionId) ? () => setCreating({ asset: selected.asset, day: new Date(now) }) : null}
            onClose={() => setSelectedId(null)}
          />
        )}
      </div>
      {dragging && dropTarget ? (
        <div className="drag-hint" aria-hidden>
          {dragging.workOrder.code} → {dropTarget.labor.name}
          {window.unit === 'day' ? `, from ${formatFullDate(window.columns[dropTarget.column]!.start)}` : ''}
        </div>
      ) : (
        dragging &&
        dragShift !== null &&
        dragShift !== 0 && (
          <div className="drag-hint" aria-hidden>
            {dragging.workOrder.code} {dragShift > 0 ? '+' : '−'}
            {days(dragShift)} → starts {formatFullDate(addDays(dragging.start, dragShift))}
          </div>
        )
      )}
      {opened && (
        <WorkloadDialog
          cell={opened}
          entries={model.loadEntries}
          labors={data.labors}
          connections={connections}
          hasBar={(id) => findBar(rows, id) !== null}
          onShow={(id) => {
            setOpenedCell(null);
            setSelectedId(id);
            const index = rows.findIndex((row) => row.kind === 'asset' && row.bars.some((bar) => bar.id === id));
            if (index >= 0) grid.current?.scrollToRow(index);
          }}
          onAssign={assignFromCell}
          onClose={() => setOpenedCell(null)}
        />
      )}
      {creating && (
        <NewWorkOrderDialog
          defaultConnectionId={creating.asset.connectionId}
          start={{ siteKey: creating.asset.siteKey ?? '', assetKey: creating.asset.key, scheduledAt: format(creating.day, "yyyy-MM-dd'T'08:00") }}
          onClose={() => setCreating(null)}
          onCreated={() => setCreating(null)}
        />
      )}
      {editingHours && <WorkingHoursDialog sites={data.sites} plantNames={plantNames} onClose={() => setEditingHours(false)} />}
      <p className="schedule-sr-only" aria-live="polite">
        {dragShift !== null ? (dragShift === 0 ? 'Unchanged' : `${dragShift > 0 ? 'Later' : 'Earlier'} by ${days(dragShift)}`) : announcement}
      </p>
    </div>
  );
}

function withoutMoves(moves: ReadonlyMap<string, PendingMove>, ids: readonly string[]): ReadonlyMap<string, PendingMove> {
  if (!ids.some((id) => moves.has(id))) return moves;
  const left = new Map(moves);
  for (const id of ids) left.delete(id);
  return left;
}

function findBar(rows: readonly ScheduleModel['rows'][number][], id: string): { bar: ScheduleBar; asset: Asset } | null {
  for (const row of rows) {
    if (row.kind !== 'asset') continue;
    const bar = row.bars.find((candidate) => candidate.id === id);
    if (bar) return { bar, asset: row.asset };
  }
  return null;
}

function statusName(statuses: readonly { connectionId: string; key: string; name: string }[], bar: ScheduleBar): string | null {
  if (bar.kind !== 'work-order') return null;
  const { connectionId, statusKey } = bar.workOrder;
  return statuses.find((status) => status.connectionId === connectionId && status.key === statusKey)?.name ?? null;
}

function teamName(teams: readonly { connectionId: string; key: string; name: string }[], bar: ScheduleBar): string | null {
  if (bar.kind === 'downtime') return null;
  const connectionId = bar.kind === 'pm' ? bar.pm.connectionId : bar.workOrder.connectionId;
  const teamKey = bar.kind === 'pm' ? bar.pm.teamKey : bar.workOrder.teamKey;
  if (teamKey === null) return null;
  const id = recordId(connectionId, teamKey);
  return teams.find((team) => recordId(team.connectionId, team.key) === id)?.name ?? null;
}
