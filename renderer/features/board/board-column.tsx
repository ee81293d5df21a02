import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef } from 'react';
import type { WorkOrder } from '../../../shared/domain/work-order';
import { formatCount } from '../../format';
import { markKey, type OutboxMark } from '../outbox/use-outbox';
import { otherColumnId, type BoardColumn as BoardColumnData } from './board-columns';
import { WorkOrderCard } from './work-order-card';

/** While a card is dragged: whether this column can take it (its plant has a status of this name). */
export type DropState = 'idle' | 'accepts' | 'refuses';

export interface ColumnDropData {
  columnId: string;
  name: string;
}

interface BoardColumnProps {
  column: BoardColumnData;
  /** Asset names by connection id and asset key. */
  assetNames: ReadonlyMap<string, string>;
  /** Plant names by connection id, when the board shows more than one. */
  plants: ReadonlyMap<string, { name: string; disconnected: boolean }> | null;
  /** Connections whose cards cannot be moved or edited (disconnected). */
  readOnlyConnections: ReadonlySet<string>;
  /** Unsent edits' marks by `connectionId/key`. */
  marks: ReadonlyMap<string, OutboxMark>;
  dropState: DropState;
  onOpen: (workOrder: WorkOrder) => void;
  nowIso: string;
}

const cardHeight = 96;
const cardGap = 8;

/** One status column; only the cards in view are in the DOM, so thousands stay smooth. Cards dropped on it take its status. */
export function BoardColumn({ column, assetNames, plants, readOnlyConnections, marks, dropState, onOpen, nowIso }: BoardColumnProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({
    id: column.id,
    data: { columnId: column.id, name: column.name } satisfies ColumnDropData,
    disabled: column.id === otherColumnId,
  });
  const virtualizer = useVirtualizer({
    count: column.workOrders.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight + cardGap,
    overscan: 6,
    getItemKey: (index) => `${column.workOrders[index]!.connectionId}\u0000${column.workOrders[index]!.key}`,
  });
  const count = column.workOrders.length;
  const classes = ['column', dropState !== 'idle' ? `drop-${dropState}` : null, isOver ? 'drop-over' : null].filter(Boolean).join(' ');
  return (
    <section className={classes} role="region" aria-label={`${column.name} (${count})`} ref={setNodeRef}>
      <h2 className="column-heading" id={headingId}>
        <span>{column.name}</span>
        <span className="column-count">{formatCount(count)}</span>
      </h2>
      <div className="column-scroll" ref={scrollRef} data-testid="column-scroll">
        {count === 0 ? (
          <p className="column-empty">No work orders</p>
        ) : (
          <div className="column-inner" style={{ height: virtualizer.getTotalSize() }} role="list" aria-labelledby={headingId}>
            {virtualizer.getVirtualItems().map((item) => {
              const workOrder = column.workOrders[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  className="card-slot"
                  style={{ transform: `translateY(${item.start}px)`, height: cardHeight }}
                >
                  <WorkOrderCard
                    workOrder={workOrder}
                    assetName={workOrder.assetKey ? (assetNames.get(`${workOrder.connectionId}\u0000${workOrder.assetKey}`) ?? null) : null}
                    plant={plants?.get(workOrder.connectionId) ?? null}
                    readOnly={readOnlyConnections.has(workOrder.connectionId)}
                    mark={marks.get(markKey(workOrder.connectionId, workOrder.key)) ?? null}
                    onOpen={onOpen}
                    nowIso={nowIso}
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
