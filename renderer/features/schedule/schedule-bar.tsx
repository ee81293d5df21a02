import { useDraggable } from '@dnd-kit/core';
import type { CSSProperties } from 'react';
import { describeRule } from '../../../shared/schedule/pm-trigger';
import type { OutboxMark } from '../../ui/use-outbox';
import { formatDateTime, formatDayMonth, formatHours, formatReading } from './schedule-format';
import type { DowntimeBar, PmBar, ScheduleBar, WorkOrderBar } from './schedule-model';

/** A lane's height and the space above the first (px): on screen, and on paper, where rows are packed tighter. */
export const lanes = { screen: { height: 24, padding: 7 }, print: { height: 15, padding: 3 } } as const;

export interface BarDragData {
  bar: WorkOrderBar;
}

const place = (bar: ScheduleBar): CSSProperties => ({
  left: `${bar.left * 100}%`,
  width: `${bar.width * 100}%`,
  // The grid sets the lane's size (screen or paper) as custom properties.
  top: `calc(var(--lane-padding) + ${bar.lane} * var(--lane-height))`,
});

export function workOrderBarLabel(bar: WorkOrderBar): string {
  const { workOrder } = bar;
  const parts = [`${workOrder.code}, ${workOrder.title}`, `${formatDayMonth(bar.start)} to ${formatDayMonth(bar.end)}`];
  if (bar.done) parts.push('completed');
  if (bar.overdue) parts.push('overdue');
  if (bar.conflictsWith.length > 0) parts.push(`booked at the same time as ${bar.conflictsWith.join(', ')}`);
  return parts.join(', ');
}

export function pmBarLabel({ pm }: PmBar): string {
  const due = pm.meter ? `due at ${formatReading(pm.meter.dueReading)} ${pm.meter.uomName ?? ''}`.trim() + `, projected ${formatDayMonth(pm.at)}` : `due ${formatDayMonth(pm.at)}`;
  return `PM ${pm.title}, ${due}, ${describeRule(pm.rule)}${pm.rule.kind === 'time' ? `, ${pm.rule.schedule}` : ''}${pm.overdue ? ', overdue' : ''}`;
}

export function downtimeBarLabel(bar: DowntimeBar): string {
  const { downtime } = bar;
  const kind = bar.planned ? 'Planned stop' : 'Stopped';
  const what = downtime.description ?? downtime.categoryName ?? 'no reason given';
  const when = bar.ongoing ? `since ${formatDateTime(bar.start)}, still down` : `${formatDateTime(bar.start)} to ${formatDateTime(bar.end)}, ${formatHours((bar.end - bar.start) / 3_600_000)}`;
  return `${kind}: ${what}, ${when}`;
}

interface WorkOrderBarProps {
  bar: WorkOrderBar;
  selected: boolean;
  readOnly: boolean;
  mark: OutboxMark | null;
  onSelect: (id: string) => void;
}

/** A work order's booking: draggable along the days (pointer, or Space then ← → and Space). */
export function WorkOrderBarView({ bar, selected, readOnly, mark, onSelect }: WorkOrderBarProps) {
  const movable = !readOnly && !bar.done;
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: bar.id, data: { bar } satisfies BarDragData, disabled: !movable });
  const classes = ['bar', 'bar-wo'];
  if (bar.done) classes.push('is-done');
  if (bar.overdue) classes.push('is-overdue');
  if (bar.conflictsWith.length > 0) classes.push('is-conflict');
  if (bar.clippedStart) classes.push('clipped-start');
  if (bar.clippedEnd) classes.push('clipped-end');
  if (selected) classes.push('is-selected');
  if (isDragging) classes.push('is-dragging');
  if (mark) classes.push(`mark-${mark}`);
  const style: CSSProperties = { ...place(bar), ...(transform ? { transform: `translate3d(${transform.x}px, 0, 0)` } : {}) };
  return (
    <div
      ref={setNodeRef}
      className={classes.join(' ')}
      style={style}
      data-work-order-key={bar.workOrder.key}
      data-connection-id={bar.workOrder.connectionId}
      data-scheduled-at={bar.workOrder.scheduledAt ?? ''}
      title={`${workOrderBarLabel(bar)}\n${formatDateTime(bar.start)} – ${formatDateTime(bar.end)}${bar.defaultLength ? ' (no due date: one day shown)' : ''}`}
      {...attributes}
      {...listeners}
      role="button"
      aria-roledescription={movable ? 'movable work order' : 'work order'}
      aria-label={workOrderBarLabel(bar)}
      aria-pressed={selected}
      onClick={() => onSelect(bar.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onSelect(bar.id);
          return;
        }
        listeners?.onKeyDown?.(event);
      }}
    >
      {mark && <span className={`bar-mark mark-${mark}`} aria-hidden />}
      <span className="bar-code">{bar.workOrder.code}</span>
      <span className="bar-title">{bar.workOrder.title}</span>
      {bar.hours > 0 && !bar.done && <span className="bar-hours">{formatHours(bar.hours)}</span>}
    </div>
  );
}

interface PmBarProps {
  bar: PmBar;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** A projected PM occurrence: a marker on its due day (not movable: it is the plan's, not a booking). */
export function PmBarView({ bar, selected, onSelect }: PmBarProps) {
  const { pm } = bar;
  const classes = ['bar', 'bar-pm', pm.meter ? 'bar-pm-meter' : `bar-pm-${pm.rule.kind === 'time' ? pm.rule.schedule : 'meter'}`];
  if (pm.overdue) classes.push('is-overdue');
  if (selected) classes.push('is-selected');
  return (
    <button
      type="button"
      className={classes.join(' ')}
      style={place(bar)}
      data-pm-key={pm.planKey}
      data-asset-key={pm.assetKey}
      data-due-at={new Date(pm.at).toISOString()}
      data-due-reading={pm.meter ? String(pm.meter.dueReading) : undefined}
      title={`${pmBarLabel(bar)}\n${formatDateTime(pm.at)}`}
      aria-label={pmBarLabel(bar)}
      aria-pressed={selected}
      onClick={() => onSelect(bar.id)}
    >
      <span className="bar-glyph" aria-hidden>
        {pm.meter ? '◔' : '↻'}
      </span>
      <span className="bar-title">{pm.meter ? `${formatReading(pm.meter.dueReading)} ${pm.meter.uomName ?? ''}` : pm.title}</span>
    </button>
  );
}

interface DowntimeBarProps {
  bar: DowntimeBar;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** A period the asset stood still: hatched, red for a failure and grey for a planned stop, open-ended while it is still down. */
export function DowntimeBarView({ bar, selected, onSelect }: DowntimeBarProps) {
  const classes = ['bar', 'bar-down', bar.planned ? 'is-planned' : 'is-failure'];
  if (bar.ongoing) classes.push('is-ongoing');
  if (bar.clippedStart) classes.push('clipped-start');
  if (bar.clippedEnd) classes.push('clipped-end');
  if (selected) classes.push('is-selected');
  return (
    <button
      type="button"
      className={classes.join(' ')}
      style={place(bar)}
      data-downtime-key={bar.downtime.key}
      title={downtimeBarLabel(bar)}
      aria-label={downtimeBarLabel(bar)}
      aria-pressed={selected}
      onClick={() => onSelect(bar.id)}
    >
      <span className="bar-title">{bar.ongoing ? 'Down now' : bar.planned ? 'Planned stop' : 'Down'}</span>
    </button>
  );
}
