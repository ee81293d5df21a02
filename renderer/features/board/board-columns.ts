import { orderStatuses } from '../../../shared/domain/status-workflow';
import type { WorkOrder } from '../../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';

export interface BoardColumn {
  /** Columns of several plants merge by status name, case aside. */
  id: string;
  name: string;
  workOrders: WorkOrder[];
}

export const otherColumnId = '(other)';
export const columnId = (name: string) => name.trim().toLowerCase();
const statusKeyOf = (connectionId: string, key: string) => `${connectionId}\u0000${key}`;

/** ISO instants and codes compare as plain strings: far cheaper than localeCompare over 10,000 cards. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const dueOrder = (a: WorkOrder, b: WorkOrder) =>
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || compare(a.dueAt ?? '', b.dueAt ?? '') || compare(a.code, b.code);

/**
 * One column per status name in workflow order, across every connection shown (inactive statuses
 * only when they hold work), cards earliest due first. Work orders whose status their
 * connection's table does not know go in a last column.
 */
export function buildBoardColumns(statuses: readonly WorkOrderStatus[], workOrders: readonly WorkOrder[]): BoardColumn[] {
  const columnOfStatus = new Map(statuses.map((status) => [statusKeyOf(status.connectionId, status.key), columnId(status.name)]));
  const byColumn = new Map<string, WorkOrder[]>();
  for (const workOrder of workOrders) {
    const id = (workOrder.statusKey !== null && columnOfStatus.get(statusKeyOf(workOrder.connectionId, workOrder.statusKey))) || otherColumnId;
    let list = byColumn.get(id);
    if (!list) byColumn.set(id, (list = []));
    list.push(workOrder);
  }
  const columns: BoardColumn[] = [];
  const seen = new Set<string>();
  for (const status of orderStatuses(statuses)) {
    const id = columnId(status.name);
    if (seen.has(id) || !(status.isActive || byColumn.has(id))) continue;
    seen.add(id);
    columns.push({ id, name: status.name, workOrders: (byColumn.get(id) ?? []).sort(dueOrder) });
  }
  const other = byColumn.get(otherColumnId);
  if (other) columns.push({ id: otherColumnId, name: 'Other status', workOrders: other.sort(dueOrder) });
  return columns;
}
