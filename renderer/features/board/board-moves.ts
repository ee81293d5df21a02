import { statusTransitionRefusal } from '../../../shared/board/status-transition';
import type { ConnectionView } from '../../../shared/connection-view';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';
import { otherColumnId, type BoardColumn } from './board-columns';
import { statusForColumn } from './board-dnd';

export type MoveDecision = { ok: true; status: WorkOrderStatus } | { ok: false; reason: string } | { ok: 'same' };

/**
 * Whether a card may go to a column, and the status it then takes: its plant must have a status
 * of that name, its system must take status changes from Millwright (shared/write-capabilities),
 * and the status workflow must allow the step (shared/board/status-transition).
 */
export function decideMove(
  workOrder: WorkOrderSummary,
  column: Pick<BoardColumn, 'id' | 'name'>,
  statuses: readonly WorkOrderStatus[],
  connection: ConnectionView | undefined,
): MoveDecision {
  const plant = connection?.name ?? 'This plant';
  if (column.id === otherColumnId) return { ok: false, reason: 'Cards cannot be moved to “Other status”: choose one of the plant’s statuses.' };
  if (!connection || connection.state === 'disconnected') return { ok: false, reason: `${plant} is disconnected: its cached work orders are read-only.` };
  const status = statusForColumn(statuses, workOrder, column.id);
  if (!status) return { ok: false, reason: `${plant} has no status called “${column.name}”.` };
  if (status.key === workOrder.statusKey) return { ok: 'same' };
  const capabilities = connection.writes;
  if (!capabilities.actions.includes('setWorkOrderStatus')) return { ok: false, reason: `${capabilities.label} does not accept status changes from Millwright.` };
  const current = statuses.find((s) => s.connectionId === workOrder.connectionId && s.key === workOrder.statusKey) ?? null;
  const refusal = statusTransitionRefusal(current, status);
  return refusal ? { ok: false, reason: refusal } : { ok: true, status };
}
