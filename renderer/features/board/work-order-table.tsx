import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { recordId } from '../../../shared/board/work-order-filter';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { formatCount } from '../../ui/format';
import { PendingMark } from '../../ui/outbox-icons';
import { markKey, type OutboxMark } from '../../ui/use-outbox';
import { useBoardLayout } from '../../stores/board-layout-store';
import { usePrinting } from '../../ui/use-printing';
import { sortWorkOrders, tableColumns, type TableColumnSpec, type TableNames } from './work-order-table-columns';
import './work-order-table.css';

const rowHeight = 34;
const checkWidth = 40;

interface WorkOrderTableProps {
  workOrders: readonly WorkOrderSummary[];
  names: TableNames;
  now: number;
  marks: ReadonlyMap<string, OutboxMark>;
  overdueOf: (workOrder: WorkOrderSummary) => boolean;
  /** Selected rows by recordId(connectionId, key). */
  selected: ReadonlySet<string>;
  /** Changes the selection from what it is when the change lands (keys may come faster than renders). */
  onSelect: (change: (selected: ReadonlySet<string>) => ReadonlySet<string>) => void;
  onOpen: (workOrder: WorkOrderSummary) => void;
  /** Told of every scroll of the rows (the board holds a plant's change until the scrolling pauses). */
  onScroll: () => void;
}

const idOf = (workOrder: WorkOrderSummary) => recordId(workOrder.connectionId, workOrder.key);

/**
 * Every work order the board's filters let through, one row each, in any status: sortable by
 * each column (click its header), columns resizable (drag their edge, or arrow keys on it), rows
 * selectable for the bulk actions. Only the rows on screen are in the DOM. Keyboard: ↑ ↓, Page
 * Up/Down, Home/End move; Space selects (Shift with ↑ ↓ extends); Enter opens; Ctrl+A selects all.
 */
export function WorkOrderTable({ workOrders, names, now, marks, overdueOf, selected, onSelect, onOpen, onScroll }: WorkOrderTableProps) {
  const sort = useBoardLayout((state) => state.sort);
  const widths = useBoardLayout((state) => state.widths);
  const sortBy = useBoardLayout((state) => state.sortBy);
  const rows = useMemo(() => sortWorkOrders(workOrders, sort, names, now), [workOrders, sort, names, now]);
  const [focused, setFocused] = useState(0);
  /** The row with the focus as of the last key: keys typed faster than React renders move on from there, not from the row the event came to. */
  const current = useRef(0);
  const anchor = useRef(0);
  const printing = usePrinting();
  const scrollRef = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback(() => rowHeight, []);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, overscan: printing ? rows.length : 3 });
  const template = `${checkWidth}px ${tableColumns.map((column) => `${widths[column.id] ?? column.width}px`).join(' ')}`;
  const totalWidth = checkWidth + tableColumns.reduce((sum, column) => sum + (widths[column.id] ?? column.width), 0);
  const at = Math.min(focused, Math.max(0, rows.length - 1));
  const shownSelected = useMemo(() => (selected.size === 0 ? 0 : rows.reduce((count, workOrder) => count + (selected.has(idOf(workOrder)) ? 1 : 0), 0)), [rows, selected]);

  const focusRow = useCallback(
    (index: number) => {
      current.current = index;
      setFocused(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      const drawn = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (drawn) {
        drawn.focus({ preventScroll: true });
        return;
      }
      let tries = 0;
      const attempt = () => {
        const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
        if (row) row.focus({ preventScroll: true });
        else if ((tries += 1) < 20) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [virtualizer],
  );

  const onRowFocus = useCallback((index: number) => {
    current.current = index;
    setFocused(index);
  }, []);

  const toggle = (workOrder: WorkOrderSummary) =>
    onSelect((previous) => {
      const next = new Set(previous);
      const id = idOf(workOrder);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const selectRange = (from: number, to: number) =>
    onSelect((previous) => {
      const next = new Set(previous);
      for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) next.add(idOf(rows[index]!));
      return next;
    });
  const selectAll = (all: boolean) => onSelect(() => (all ? new Set(rows.map(idOf)) : new Set()));

  const onRowKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return; // the row's checkbox handles its own keys
    const index = Math.max(0, Math.min(current.current, rows.length - 1));
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const last = rows.length - 1;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(index + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(index - 1, 0);
        break;
      case 'PageDown':
        next = Math.min(index + page, last);
        break;
      case 'PageUp':
        next = Math.max(index - page, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case ' ':
        event.preventDefault();
        anchor.current = index;
        toggle(rows[index]!);
        return;
      case 'Enter':
        event.preventDefault();
        onOpen(rows[index]!);
        return;
      case 'a':
      case 'A':
        if (!(event.ctrlKey || event.metaKey)) return;
        event.preventDefault();
        selectAll(true);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (event.shiftKey) selectRange(anchor.current, next);
    else anchor.current = next;
    focusRow(next);
  };

  return (
    <div className="table-frame">
      <div
        className="work-order-table"
        role="grid"
        aria-label="Work orders"
        aria-rowcount={rows.length + 1}
        aria-colcount={tableColumns.length + 1}
        aria-multiselectable="true"
        ref={scrollRef}
        data-testid="table-scroll"
        onScroll={onScroll}
      >
        <div className="table-row table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, width: totalWidth }}>
          <div role="columnheader" className="table-check">
            <input
              type="checkbox"
              aria-label={`Select all ${formatCount(rows.length)} shown`}
              checked={rows.length > 0 && shownSelected === rows.length}
              ref={(box) => {
                if (box) box.indeterminate = shownSelected > 0 && shownSelected < rows.length;
              }}
              onChange={(event) => selectAll(event.target.checked)}
            />
          </div>
          {tableColumns.map((column) => (
            <ColumnHeader key={column.id} column={column} sorted={sort.column === column.id ? sort.direction : null} width={widths[column.id] ?? column.width} onSort={() => sortBy(column.id)} />
          ))}
        </div>
        {rows.length === 0 ? (
          <p className="table-empty">No work orders match these filters.</p>
        ) : (
          <div className="table-body" role="rowgroup" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
            {virtualizer.getVirtualItems().map((item) => {
              const workOrder = rows[item.index]!;
              return (
                <TableRow
                  key={`${workOrder.connectionId}/${workOrder.key}`}
                  index={item.index}
                  top={item.start}
                  template={template}
                  width={totalWidth}
                  workOrder={workOrder}
                  names={names}
                  now={now}
                  mark={marks.get(markKey(workOrder.connectionId, workOrder.key)) ?? null}
                  overdue={overdueOf(workOrder)}
                  selected={selected.has(idOf(workOrder))}
                  focused={item.index === at}
                  onFocus={onRowFocus}
                  onKeyDown={onRowKeyDown}
                  onToggle={toggle}
                  onOpen={onOpen}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

interface ColumnHeaderProps {
  column: TableColumnSpec;
  sorted: 'ascending' | 'descending' | null;
  width: number;
  onSort: () => void;
}

/** A sortable column's header, with an edge that resizes it (pointer drag, or ← → while it has the focus). */
function ColumnHeader({ column, sorted, width, onSort }: ColumnHeaderProps) {
  const setWidth = useBoardLayout((state) => state.setWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setWidth(column.id, drag.current.width + event.clientX - drag.current.x);
  };
  const onPointerUp = () => (drag.current = null);
  return (
    <div role="columnheader" aria-sort={sorted ?? 'none'} className="table-header" data-column={column.id}>
      <button type="button" className="sort-button" onClick={onSort} title={`Sort by ${column.label.toLowerCase()}`}>
        {column.label}
        <span className="sort-mark" aria-hidden>
          {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
        </span>
      </button>
      <div
        className="column-resizer"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Width of ${column.label}`}
        aria-valuenow={width}
        aria-valuemin={56}
        aria-valuemax={640}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={(event) => {
          const step = event.key === 'ArrowLeft' ? -16 : event.key === 'ArrowRight' ? 16 : 0;
          if (step === 0) return;
          event.preventDefault();
          setWidth(column.id, width + step);
        }}
      />
    </div>
  );
}

interface TableRowProps {
  index: number;
  top: number;
  template: string;
  width: number;
  workOrder: WorkOrderSummary;
  names: TableNames;
  now: number;
  mark: OutboxMark | null;
  overdue: boolean;
  selected: boolean;
  focused: boolean;
  onFocus: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onToggle: (workOrder: WorkOrderSummary) => void;
  onOpen: (workOrder: WorkOrderSummary) => void;
}

const TableRow = memo(function TableRow({ index, top, template, width, workOrder, names, now, mark, overdue, selected, focused, onFocus, onKeyDown, onToggle, onOpen }: TableRowProps) {
  const classes = ['table-row'];
  if (selected) classes.push('is-selected');
  if (overdue) classes.push('is-overdue');
  return (
    <div
      className={classes.join(' ')}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-work-order-key={workOrder.key}
      data-connection-id={workOrder.connectionId}
      tabIndex={focused ? 0 : -1}
      style={{ gridTemplateColumns: template, width, transform: `translateY(${top}px)` }}
      onFocus={() => onFocus(index)}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onOpen(workOrder)}
    >
      <div role="gridcell" className="table-check">
        <input type="checkbox" tabIndex={-1} aria-label={`Select ${workOrder.code}`} checked={selected} onChange={() => onToggle(workOrder)} />
      </div>
      {tableColumns.map((column) => {
        const text = column.text(workOrder, names, now);
        if (column.id === 'code') {
          return (
            <div role="gridcell" key={column.id} className="table-cell table-code">
              <button type="button" className="link-button" tabIndex={-1} onClick={() => onOpen(workOrder)} title={`Open ${workOrder.code}`}>
                {text}
              </button>
              {mark && <PendingMark mark={mark} />}
            </div>
          );
        }
        return (
          <div role="gridcell" key={column.id} className={column.id === 'due' && overdue ? 'table-cell overdue' : 'table-cell'} title={text}>
            {text}
          </div>
        );
      })}
    </div>
  );
});
