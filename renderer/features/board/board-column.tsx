import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef } from 'react';
import { formatCount } from '../../format';
import type { BoardColumn as BoardColumnData } from './board-columns';
import { WorkOrderCard } from './work-order-card';

interface BoardColumnProps {
  column: BoardColumnData;
  /** Asset names by connection id and asset key. */
  assetNames: ReadonlyMap<string, string>;
  /** Plant names by connection id, when the board shows more than one. */
  plants: ReadonlyMap<string, { name: string; disconnected: boolean }> | null;
  nowIso: string;
}

const cardHeight = 96;
const cardGap = 8;

/** One status column; only the cards in view are in the DOM, so thousands stay smooth. */
export function BoardColumn({ column, assetNames, plants, nowIso }: BoardColumnProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const virtualizer = useVirtualizer({
    count: column.workOrders.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight + cardGap,
    overscan: 6,
    getItemKey: (index) => `${column.workOrders[index]!.connectionId}\u0000${column.workOrders[index]!.key}`,
  });
  const count = column.workOrders.length;
  return (
    <section className="column" role="region" aria-label={`${column.name} (${count})`}>
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
