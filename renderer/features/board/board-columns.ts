import { orderStatuses } from '../../../shared/domain/status-workflow';
import type { WorkOrder } from '../../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';

export interface BoardColumn {
  /** The status key, or null for work orders whose status is not in the status table. */
  statusKey: string | null;
  name: string;
  workOrders: WorkOrder[];
}

const dueOrder = (a: WorkOrder, b: WorkOrder) =>
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.code.localeCompare(b.code);

/**
 * One column per status in workflow order (inactive statuses only when they hold work), cards
 * earliest due first. Work orders with a status the table does not know go in a last column.
 */
export function buildBoardColumns(statuses: readonly WorkOrderStatus[], workOrders: readonly WorkOrder[]): BoardColumn[] {
  const byStatus = new Map<string | null, WorkOrder[]>();
  const known = new Set(statuses.map((status) => status.key));
  for (const workOrder of workOrders) {
    const key = workOrder.statusKey !== null && known.has(workOrder.statusKey) ? workOrder.statusKey : null;
    let list = byStatus.get(key);
    if (!list) byStatus.set(key, (list = []));
    list.push(workOrder);
  }
  const columns: BoardColumn[] = orderStatuses(statuses)
    .filter((status) => status.isActive || byStatus.has(status.key))
    .map((status) => ({ statusKey: status.key, name: status.name, workOrders: (byStatus.get(status.key) ?? []).sort(dueOrder) }));
  const unknown = byStatus.get(null);
  if (unknown) columns.push({ statusKey: null, name: 'Other status', workOrders: unknown.sort(dueOrder) });
  return columns;
}
