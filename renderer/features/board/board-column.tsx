import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useRef } from 'react';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { formatCount } from '../../ui/format';
import { markKey, type OutboxMark } from '../../ui/use-outbox';
import { usePrinting } from '../../ui/use-printing';
import { otherColumnId, type BoardColumn as BoardColumnData } from './board-columns';
import { WorkOrderCard, type CardNavigate } from './work-order-card';

/** While a card is dragged: whether this column can take it, and if not, why. */
export type DropState = { state: 'idle' } | { state: 'accepts' } | { state: 'refuses'; reason: string };
export const idleDrop: DropState = { state: 'idle' };

export interface ColumnDropData {
  columnId: string;
  name: string;
}

/** What the board's keyboard navigation asks of a column (they are virtualized: a card may not be in the DOM yet). */
export interface ColumnHandle {
  count: number;
  /** Scrolls the card at `index` into view and focuses it. */
  focusCard(index: number): void;
  /** The card whose slot lies `offset` pixels below the top of the column's visible area. */
  indexAtOffset(offset: number): number;
  /** How far below the top of the visible area the card at `index` is. */
  offsetOf(index: number): number;
  /** How many cards fit in view. */
  pageSize(): number;
}

interface BoardColumnProps {
  column: BoardColumnData;
  columnIndex: number;
  /** Asset names by connection id and asset key. */
  assetNames: ReadonlyMap<string, string>;
  /** Technicians' names by connection id and labor key. */
  laborNames: ReadonlyMap<string, string>;
  /** Plant names by connection id, when the board shows more than one. */
  plants: ReadonlyMap<string, { name: string; disconnected: boolean }> | null;
  /** Connections whose cards cannot be moved or edited (disconnected). */
  readOnlyConnections: ReadonlySet<string>;
  /** Unsent edits' marks by `connectionId/key`. */
  marks: ReadonlyMap<string, OutboxMark>;
  drop: DropState;
  onOpen: (workOrder: WorkOrderSummary) => void;
  onCardKeyDown: CardNavigate;
  register: (columnIndex: number, handle: ColumnHandle | null) => void;
  /** Whether a work order is overdue (shared/domain/work-order-state), decided once by the board. */
  overdueOf: (workOrder: WorkOrderSummary) => boolean;
}

export const cardHeight = 100;
const cardGap = 8;
const rowHeight = cardHeight + cardGap;
const estimateSize = () => rowHeight;

/** One status column; only the cards in view are in the DOM, so thousands stay smooth. Cards dropped on it take its status. */
export function BoardColumn({ column, columnIndex, assetNames, laborNames, plants, readOnlyConnections, marks, drop, onOpen, onCardKeyDown, register, overdueOf }: BoardColumnProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({
    id: column.id,
    data: { columnId: column.id, name: column.name } satisfies ColumnDropData,
    disabled: column.id === otherColumnId,
  });
  const { workOrders } = column;
  const printing = usePrinting();
  // Stable callbacks, and the virtualizer's own index keys (cards are all one height): it lays out
  // every item again whenever getItemKey changes, which a key read from the cards would at each change.
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({
    count: workOrders.length,
    getScrollElement,
    estimateSize,
    // Printed, every card (see usePrinting).
    overscan: printing ? workOrders.length : 2,
  });
  const count = column.workOrders.length;

  useEffect(() => {
    const scroller = () => scrollRef.current;
    const handle: ColumnHandle = {
      count,
      focusCard(index) {
        virtualizer.scrollToIndex(index, { align: 'auto' });
        let tries = 0;
        const attempt = () => {
          const card = scroller()?.querySelector<HTMLElement>(`[data-index="${index}"] article`);
          if (card) card.focus({ preventScroll: true });
          else if ((tries += 1) < 20) requestAnimationFrame(attempt);
        };
        requestAnimationFrame(attempt);
      },
      indexAtOffset: (offset) => Math.max(0, Math.min(count - 1, Math.floor(((scroller()?.scrollTop ?? 0) + offset + rowHeight / 2) / rowHeight))),
      offsetOf: (index) => index * rowHeight - (scroller()?.scrollTop ?? 0),
      pageSize: () => Math.max(1, Math.floor((scroller()?.clientHeight ?? rowHeight) / rowHeight)),
    };
    register(columnIndex, handle);
    return () => register(columnIndex, null);
  }, [columnIndex, count, register, virtualizer]);

  const classes = ['column', drop.state !== 'idle' ? `drop-${drop.state}` : null, isOver ? 'drop-over' : null].filter(Boolean).join(' ');
  return (
    <section className={classes} role="region" aria-label={`${column.name} (${count})`} ref={setNodeRef} data-column-id={column.id}>
      <h2 className="column-heading" id={headingId}>
        <span className="column-name">{column.name}</span>
        <span className="column-count">{formatCount(count)}</span>
      </h2>
      {drop.state === 'refuses' && (
        <p className="column-refusal" role="note">
          {drop.reason}
        </p>
      )}
      <div className="column-scroll" ref={scrollRef} data-testid="column-scroll">
        {count === 0 ? (
          <p className="column-empty">No work orders</p>
        ) : (
          <div className="column-inner" style={{ height: virtualizer.getTotalSize() }} role="list" aria-labelledby={headingId}>
            {virtualizer.getVirtualItems().map((item) => {
              const workOrder = column.workOrders[item.index]!;
              return (
                <div
                  key={markKey(workOrder.connectionId, workOrder.key)}
                  role="listitem"
                  className="card-slot"
                  data-index={item.index}
                  style={{ transform: `translateY(${item.start}px)`, height: cardHeight }}
                >
                  <WorkOrderCard
                    workOrder={workOrder}
                    assetName={workOrder.assetKey ? (assetNames.get(`${workOrder.connectionId}\u0000${workOrder.assetKey}`) ?? null) : null}
                    assigneeName={workOrder.laborAssignedKey ? (laborNames.get(`${workOrder.connectionId}\u0000${workOrder.laborAssignedKey}`) ?? null) : null}
                    plant={plants?.get(workOrder.connectionId) ?? null}
                    readOnly={readOnlyConnections.has(workOrder.connectionId)}
                    mark={marks.get(markKey(workOrder.connectionId, workOrder.key)) ?? null}
                    onOpen={onOpen}
                    onNavigate={onCardKeyDown}
                    columnIndex={columnIndex}
                    index={item.index}
                    overdue={overdueOf(workOrder)}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
