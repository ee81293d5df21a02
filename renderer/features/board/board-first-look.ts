import Dexie from 'dexie';
import { orderStatuses } from '../../../shared/domain/status-workflow';
import type { WorkOrder } from '../../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';
import { summarizeWorkOrder, type StringPool, type WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import type { MillwrightDb } from '../../db/millwright-db';
import { columnId, dueOrder, otherColumnId } from './board-columns';

/** One column as the board will show it, before every work order has been read. */
export interface FirstLookColumn {
  id: string;
  name: string;
  /** Every work order the column holds. */
  count: number;
  /** Its first cards in the board's order (at most the number asked for); none for "Other status", whose work orders no index finds. */
  workOrders: WorkOrderSummary[];
}

export interface BoardFirstLook {
  columns: FirstLookColumn[];
  /** Every work order of the connections read. */
  total: number;
  /** The status tables the columns came from. */
  statuses: WorkOrderStatus[];
}

const byDue = '[connectionId+statusKey+dueAt]';
const byStatus = '[connectionId+statusKey]';

/**
 * A status's first `limit` work orders in the board's order (earliest due, no due date last, then
 * code), read through the due-date index: a column of 100,000 costs a read of `limit` and of the
 * ones due at the same moment as the last of them. Work without a due date is not in that index;
 * it is read (all of it, to order it by code) only when the dated ones do not fill the window.
 */
async function firstByDue(db: MillwrightDb, connectionId: string, statusKey: string, limit: number): Promise<WorkOrder[]> {
  const dated = await db.workOrders.where(byDue).between([connectionId, statusKey, Dexie.minKey], [connectionId, statusKey, Dexie.maxKey]).limit(limit).toArray();
  if (dated.length === limit) {
    const last = dated[limit - 1]!.dueAt!;
    const ties = await db.workOrders.where(byDue).equals([connectionId, statusKey, last]).toArray();
    const read = new Set(dated.map((workOrder) => workOrder.key));
    return [...dated, ...ties.filter((workOrder) => !read.has(workOrder.key))];
  }
  const undated = await db.workOrders.where(byStatus).equals([connectionId, statusKey]).filter((workOrder) => workOrder.dueAt === null).toArray();
  return [...dated, ...undated];
}

/**
 * The board's columns, as buildBoardColumns makes them from every work order, read through
 * indexes instead: each status's count, and its first `perColumn` cards. For a board that opens
 * at once on a large cache while the full read (for search, filters and figures) goes on. Null,
 * after one count, when the connections hold fewer than `minimumTotal` work orders: the rest is
 * not read for a board that would only flash.
 */
export async function readBoardFirstLook(db: MillwrightDb, connectionIds: readonly string[], perColumn: number, minimumTotal = 0): Promise<BoardFirstLook | null> {
  const totals = await Promise.all(connectionIds.map((id) => db.workOrders.where('connectionId').equals(id).count()));
  const total = totals.reduce((sum, count) => sum + count, 0);
  if (total < minimumTotal) return null;
  const statuses = (await Promise.all(connectionIds.map((id) => db.workOrderStatuses.where('connectionId').equals(id).toArray()))).flat();
  const perStatus = await Promise.all(
    statuses.map(async (status) => ({
      status,
      count: await db.workOrders.where(byStatus).equals([status.connectionId, status.key]).count(),
      first: await firstByDue(db, status.connectionId, status.key, perColumn),
    })),
  );
  const pool: StringPool = new Map();
  const columns = new Map<string, { count: number; workOrders: WorkOrderSummary[] }>();
  for (const { status, count, first } of perStatus) {
    const id = columnId(status.name);
    const column = columns.get(id) ?? { count: 0, workOrders: [] };
    column.count += count;
    column.workOrders.push(...first.map((workOrder) => summarizeWorkOrder(workOrder, pool)));
    columns.set(id, column);
  }
  const shown: FirstLookColumn[] = [];
  for (const status of orderStatuses(statuses)) {
    const id = columnId(status.name);
    const column = columns.get(id);
    if (!column || shown.some((made) => made.id === id) || !(status.isActive || column.count > 0)) continue;
    shown.push({ id, name: status.name, count: column.count, workOrders: column.workOrders.sort(dueOrder).slice(0, perColumn) });
  }
  // What no status of its connection's table names: unknown statuses and none at all.
  const other = total - perStatus.reduce((sum, { count }) => sum + count, 0);
  if (other > 0) shown.push({ id: otherColumnId, name: 'Other status', count: other, workOrders: [] });
  return { columns: shown, total, statuses };
}
