import { KeyboardCode, pointerWithin, rectIntersection, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';
import { columnId } from './board-columns';

/** The column under the pointer; for the keyboard (no pointer) the one the card overlaps most. */
export const columnCollision: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

/** Space picks a card up, Space or Enter drops it (Enter alone opens it), Escape puts it back. */
export const boardKeyboardCodes = {
  start: [KeyboardCode.Space],
  cancel: [KeyboardCode.Esc],
  end: [KeyboardCode.Space, KeyboardCode.Enter, KeyboardCode.Tab],
};

/**
 * Left and right arrows carry a picked-up card one whole column over (the default moves it 25
 * pixels a press); up and down do nothing, as a card's place in a column is its due date.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) {
    event.preventDefault();
    return undefined;
  }
  if ((event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left) || !collisionRect) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const rects = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect) => rect !== undefined)
    .sort((a, b) => a.left - b.left);
  const target = event.code === KeyboardCode.Right ? rects.find((rect) => rect.left > centre) : rects.findLast((rect) => rect.right < centre);
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: currentCoordinates.y };
};

/**
 * The status a card dropped on a column takes: the one of that name in the card's own plant
 * (columns of several plants merge by name), active ones first. Null when its plant has none.
 */
export function statusForColumn(statuses: readonly WorkOrderStatus[], workOrder: Pick<WorkOrderSummary, 'connectionId'>, targetColumnId: string): WorkOrderStatus | null {
  const candidates = statuses.filter((status) => status.connectionId === workOrder.connectionId && columnId(status.name) === targetColumnId);
  return candidates.find((status) => status.isActive) ?? candidates[0] ?? null;
}
