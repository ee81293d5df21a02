import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useImperativeHandle, useRef, type Ref } from 'react';
import type { Asset } from '../../../shared/domain/asset';
import type { ScheduleWindow } from '../../../shared/schedule/schedule-window';
import { countOf } from '../../ui/format';
import { usePrinting } from '../../ui/use-printing';
import { markKey, type OutboxMark } from '../../ui/use-outbox';
import { DowntimeBarView, lanes, PmBarView, WorkOrderBarView } from './schedule-bar';
import { ScheduleBadges } from './schedule-badges';
import { formatDayMonth, formatDayOfMonth, formatMonth, formatWeekdayNarrow, isoWeek } from './schedule-format';
import type { ScheduleRow } from './schedule-model';
import { sameScheduleRow } from './same-schedule-row';

export interface ScheduleGridHandle {
  scrollToRow(index: number): void;
  /** The width of one day on screen, in pixels. */
  dayWidth(): number;
}

interface ScheduleGridProps {
  rows: readonly ScheduleRow[];
  window: ScheduleWindow;
  now: number;
  selectedId: string | null;
  marks: ReadonlyMap<string, OutboxMark>;
  readOnlyConnections: ReadonlySet<string>;
  plantNames: ReadonlyMap<string, string> | null;
  onSelect: (id: string) => void;
  /** Plants that take new work orders from here. */
  creatable: ReadonlySet<string>;
  /** A new work order on an asset, from a day of its row (or, from its name, today). */
  onCreate: (asset: Asset, day: Date) => void;
  emptyMessage: React.ReactNode;
  handle: Ref<ScheduleGridHandle>;
}

/** A row's height: on paper, site and location rows are shorter and an asset's name and badges share one line. */
const rowHeight = (row: ScheduleRow, printing: boolean) => {
  const lane = printing ? lanes.print : lanes.screen;
  if (row.kind === 'site') return printing ? 20 : 36;
  if (row.kind === 'location') return printing ? 16 : 28;
  return Math.max(printing ? 18 : 40, row.lanes * lane.height + lane.padding * 2 - 2);
};

const laneStyle = (printing: boolean) => {
  const lane = printing ? lanes.print : lanes.screen;
  return { '--lane-height': `${lane.height}px`, '--lane-padding': `${lane.padding}px` } as React.CSSProperties;
};

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** The timeline: a sticky header of days or weeks, then the asset rows, virtualized. */
export function ScheduleGrid({ rows, window, now, selectedId, marks, readOnlyConnections, plantNames, onSelect, creatable, onCreate, emptyMessage, handle }: ScheduleGridProps) {
  const printing = usePrinting();
  const scrollRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => rows[index]!.id, [rows]);
  const estimateSize = useCallback((index: number) => rowHeight(rows[index]!, false), [rows]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize, getItemKey, overscan: printing ? rows.length : 12 });

  useImperativeHandle(handle, () => ({
    scrollToRow: (index) => virtualizer.scrollToIndex(index, { align: 'start' }),
    dayWidth: () => (trackRef.current?.getBoundingClientRect().width ?? 0) / window.days.length,
  }));

  const today = new Date(now);
  const span = window.end.getTime() - window.start.getTime();
  const nowFraction = (now - window.start.getTime()) / span;
  const showNow = nowFraction >= 0 && nowFraction <= 1;

  return (
    <div className="schedule-grid" role="table" aria-label="Asset schedule" aria-rowcount={rows.length + 1} style={laneStyle(printing)}>
      <div className="schedule-head" role="rowgroup">
        <div className="schedule-row head-row" role="row">
          <div className="row-label" role="columnheader">
            Asset
          </div>
          <div className="row-track head-track" ref={trackRef}>
            {window.columns.map((column, i) => {
              const isToday = window.unit === 'day' ? sameDay(column.start, today) : now >= column.start.getTime() && now < column.end.getTime();
              const weekend = window.unit === 'day' && (column.start.getDay() === 0 || column.start.getDay() === 6);
              const showMonth = i === 0 || column.start.getDate() === 1 || (window.unit === 'week' && column.start.getMonth() !== window.columns[i - 1]!.start.getMonth());
              return (
                <div key={column.start.getTime()} role="columnheader" className={`head-cell${isToday ? ' is-today' : ''}${weekend ? ' is-weekend' : ''}`} aria-label={window.unit === 'day' ? formatDayMonth(column.start) : `Week ${isoWeek(column.start)}, from ${formatDayMonth(column.start)}`}>
                  <span className="head-month">{showMonth ? formatMonth(column.start) : ' '}</span>
                  <span className="head-weekday">{window.unit === 'day' ? formatWeekdayNarrow(column.start) : `W${isoWeek(column.start)}`}</span>
                  <span className="head-day">{formatDayOfMonth(column.start)}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <div className="schedule-body" ref={scrollRef} role="rowgroup" data-testid="schedule-scroll">
        <div className="schedule-inner" style={{ height: virtualizer.getTotalSize() }}>
          <div className="schedule-columns" aria-hidden>
            {window.columns.map((column) => (
              <div
                key={column.start.getTime()}
                className={`col-bg${window.unit === 'day' && (column.start.getDay() === 0 || column.start.getDay() === 6) ? ' is-weekend' : ''}${column.start.getDay() === 1 ? ' week-start' : ''}`}
              />
            ))}
            {showNow && <div className="now-line" style={{ left: `${nowFraction * 100}%` }} />}
          </div>
          {rows.length === 0 && <div className="schedule-empty">{emptyMessage}</div>}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const connectionId = row.kind === 'asset' ? row.asset.connectionId : row.connectionId;
            return (
              <ScheduleRowView
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                // On paper the rows stand in the flow (print.css), each as tall as its lanes there.
                size={printing ? rowHeight(row, true) : item.size}
                selectedId={row.kind === 'asset' && selectedId !== null && row.bars.some((bar) => bar.id === selectedId) ? selectedId : null}
                marks={marks}
                readOnly={readOnlyConnections.has(connectionId)}
                canCreate={creatable.has(connectionId)}
                plantName={plantNames ? (plantNames.get(connectionId) ?? '') : null}
                columns={window.columns}
                onSelect={onSelect}
                onCreate={onCreate}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface ScheduleRowProps {
  row: ScheduleRow;
  index: number;
  /** Where the virtualizer puts it, and its height. */
  start: number;
  size: number;
  /** The selected bar's id when it is on this row. */
  selectedId: string | null;
  marks: ReadonlyMap<string, OutboxMark>;
  readOnly: boolean;
  canCreate: boolean;
  /** The row's plant, where several are shown. */
  plantName: string | null;
  columns: ScheduleWindow['columns'];
  onSelect: (id: string) => void;
  onCreate: (asset: Asset, day: Date) => void;
}

/** Props of a row are the same when all but the row are identical and the row draws the same. */
const sameRowProps = (a: ScheduleRowProps, b: ScheduleRowProps) =>
  a.index === b.index &&
  a.start === b.start &&
  a.size === b.size &&
  a.selectedId === b.selectedId &&
  a.marks === b.marks &&
  a.readOnly === b.readOnly &&
  a.canCreate === b.canCreate &&
  a.plantName === b.plantName &&
  a.columns === b.columns &&
  a.onSelect === b.onSelect &&
  a.onCreate === b.onCreate &&
  sameScheduleRow(a.row, b.row);

/** One row of the timeline: memoized, so scrolling draws only the rows coming into view and a change only the rows it touches. */
const ScheduleRowView = memo(function ScheduleRowView({ row, index, start, size, selectedId, marks, readOnly, canCreate, plantName, columns, onSelect, onCreate }: ScheduleRowProps) {
  const style = { transform: `translateY(${start}px)`, height: size };
  if (row.kind === 'site') {
    return (
      <div className="schedule-row site-row" role="row" style={style} aria-rowindex={index + 2}>
        <div className="row-label site-label" role="rowheader">
          <span className="row-name">{row.name}</span>
          {plantName !== null && <span className="muted"> · {plantName}</span>}
          <span className="muted"> · {countOf(row.assetCount, 'asset')}</span>
        </div>
        <div className="row-track" role="cell" />
      </div>
    );
  }
  if (row.kind === 'location') {
    return (
      <div className="schedule-row location-row" role="row" style={style} aria-rowindex={index + 2}>
        <div className="row-label" role="rowheader" style={{ paddingLeft: 14 + row.depth * 14 }}>
          <span className="location-name">{row.name}</span>
          {row.code && <span className="muted location-code"> {row.code}</span>}
        </div>
        <div className="row-track" role="cell" />
      </div>
    );
  }
  return (
    <div className="schedule-row asset-row" role="row" style={style} aria-rowindex={index + 2} data-asset-key={row.asset.key} aria-label={row.asset.name}>
      <div className="row-label asset-label" role="rowheader" style={{ paddingLeft: 14 + row.depth * 14 }}>
        <span className="row-name" title={row.asset.name}>
          {row.depth > 1 && row.asset.parentKey !== null && <span className="child-mark" aria-hidden>└ </span>}
          {row.asset.name}
        </span>
        {canCreate && (
          <button type="button" className="row-create" aria-label={`New work order on ${row.asset.name}`} title={`New work order on ${row.asset.name} (or click a day on its row)`} onClick={() => onCreate(row.asset, new Date())}>
            +
          </button>
        )}
        <span className="row-badges">
          {row.downNow && (
            <span className="badge badge-down" title="This asset is stopped now: a downtime with no end yet.">
              Down
            </span>
          )}
          <ScheduleBadges overdue={row.overdue} overduePm={row.overduePm} conflicts={row.conflicts} where="on this asset" />
        </span>
      </div>
      <div
        className={`row-track${canCreate ? ' can-create' : ''}`}
        role="cell"
        title={canCreate ? 'Click a day for a new work order on this asset' : undefined}
        onClick={(event) => {
          // A day of the row itself, not one of its bars.
          if (!canCreate || event.target !== event.currentTarget) return;
          const box = event.currentTarget.getBoundingClientRect();
          const column = columns[Math.floor(((event.clientX - box.left) / box.width) * columns.length)];
          if (column) onCreate(row.asset, column.start);
        }}
      >
        {row.bars.map((bar) =>
          bar.kind === 'work-order' ? (
            <WorkOrderBarView
              key={bar.id}
              bar={bar}
              selected={bar.id === selectedId}
              readOnly={readOnly}
              mark={marks.get(markKey(bar.workOrder.connectionId, bar.workOrder.key)) ?? null}
              onSelect={onSelect}
            />
          ) : bar.kind === 'pm' ? (
            <PmBarView key={bar.id} bar={bar} selected={bar.id === selectedId} onSelect={onSelect} />
          ) : (
            <DowntimeBarView key={bar.id} bar={bar} selected={bar.id === selectedId} onSelect={onSelect} />
          ),
        )}
      </div>
    </div>
  );
}, sameRowProps);
