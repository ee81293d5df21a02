import { orderStatuses } from '../../../shared/domain/status-workflow';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';

export interface BoardColumn {
  /** Columns of several plants merge by status name, case aside. */
  id: string;
  name: string;
  workOrders: WorkOrderSummary[];
}

export const otherColumnId = '(other)';
export const columnId = (name: string) => name.trim().toLowerCase();
const statusKeyOf = (connectionId: string, key: string) => `${connectionId}\u0000${key}`;

/** ISO instants and codes compare as plain strings: far cheaper than localeCompare over 10,000 cards. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The board's card order: earliest due first, work without a due date last, then by code. */
export const dueOrder = (a: WorkOrderSummary, b: WorkOrderSummary) =>
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || compare(a.dueAt ?? '', b.dueAt ?? '') || compare(a.code, b.code);

/** Which column a work order goes in, by its status (the "other" column when its connection's table does not know it). */
export function columnResolver(statuses: readonly WorkOrderStatus[]): (workOrder: WorkOrderSummary) => string {
  const columnOfStatus = new Map(statuses.map((status) => [statusKeyOf(status.connectionId, status.key), columnId(status.name)]));
  return (workOrder) => (workOrder.statusKey !== null && columnOfStatus.get(statusKeyOf(workOrder.connectionId, workOrder.statusKey))) || otherColumnId;
}

/**
 * One column per status name in workflow order, across every connection shown (inactive statuses
 * only when they hold work), cards earliest due first. Work orders whose status their
 * connection's table does not know go in a last column.
 */
export function buildBoardColumns(statuses: readonly WorkOrderStatus[], workOrders: readonly WorkOrderSummary[]): BoardColumn[] {
  const columnOf = columnResolver(statuses);
  const byColumn = new Map<string, WorkOrderSummary[]>();
  for (const workOrder of workOrders) {
    const id = columnOf(workOrder);
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

/** The columns as built, with what they were built from, so that the next change can update them. */
interface BuiltBoardColumns {
  statuses: readonly WorkOrderStatus[];
  workOrders: readonly WorkOrderSummary[];
  columns: BoardColumn[];
}

/** Where `workOrder` goes in a column sorted by dueOrder: after every card that sorts before or with it. */
function insertionIndex(list: readonly WorkOrderSummary[], workOrder: WorkOrderSummary): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dueOrder(list[middle]!, workOrder) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * What changed between two lists of the same records, by identity: a record that did not change is
 * the same object. Walks both lists side by side, for the cache's lists keep their order (a changed
 * record stays in place, new ones come last); a list that does not just reports more changes than
 * there were (a record both removed and added), which is still right for updateBoardColumns.
 */
function changesBetween(before: readonly WorkOrderSummary[], after: readonly WorkOrderSummary[]): { removed: WorkOrderSummary[]; added: WorkOrderSummary[] } {
  const removed: WorkOrderSummary[] = [];
  const added: WorkOrderSummary[] = [];
  const sameRecord = (a: WorkOrderSummary, b: WorkOrderSummary) => a.key === b.key && a.connectionId === b.connectionId;
  let i = 0;
  for (const workOrder of after) {
    // What `before` holds up to this record (or its old version) and `after` does not.
    while (i < before.length && before[i] !== workOrder && !sameRecord(before[i]!, workOrder)) removed.push(before[i++]!);
    if (i < before.length && before[i] === workOrder) {
      i += 1; // unchanged
      continue;
    }
    if (i < before.length) removed.push(before[i++]!); // its old version
    added.push(workOrder);
  }
  for (; i < before.length; i += 1) removed.push(before[i]!);
  return { removed, added };
}

/**
 * The columns of `workOrders`, as buildBoardColumns gives them, updated from `previous` when few
 * work orders changed (see changesBetween): the changed ones leave their column and their new
 * versions are put in place by bisection; a column nothing changed in keeps its array. A new
 * status table, many changes, or a column coming or going builds them anew.
 */
export function updateBoardColumns(previous: BuiltBoardColumns | null, statuses: readonly WorkOrderStatus[], workOrders: readonly WorkOrderSummary[]): BuiltBoardColumns {
  const anew = (): BuiltBoardColumns => ({ statuses, workOrders, columns: buildBoardColumns(statuses, workOrders) });
  if (!previous || previous.statuses !== statuses) return anew();
  if (previous.workOrders === workOrders) return previous;
  const changes = changesBetween(previous.workOrders, workOrders);
  if (changes.added.length + changes.removed.length > Math.max(64, workOrders.length / 8)) return anew();
  const added = changes.added;
  const removed = new Set(changes.removed);

  const columnOf = columnResolver(statuses);
  const shown = new Set(previous.columns.map((column) => column.id));
  const additions = new Map<string, WorkOrderSummary[]>();
  for (const workOrder of added) {
    const id = columnOf(workOrder);
    if (!shown.has(id)) return anew(); // the first card of a column shown only while it holds work
    const list = additions.get(id);
    if (list) list.push(workOrder);
    else additions.set(id, [workOrder]);
  }
  const losing = new Set([...removed].map(columnOf));
  const alwaysShown = new Set(statuses.filter((status) => status.isActive).map((status) => columnId(status.name)));
  const columns: BoardColumn[] = [];
  for (const column of previous.columns) {
    const adds = additions.get(column.id);
    if (!adds && !losing.has(column.id)) {
      columns.push(column);
      continue;
    }
    const list = losing.has(column.id) ? column.workOrders.filter((workOrder) => !removed.has(workOrder)) : [...column.workOrders];
    for (const workOrder of adds ?? []) list.splice(insertionIndex(list, workOrder), 0, workOrder);
    if (list.length === 0 && !alwaysShown.has(column.id)) return anew(); // its last card left a column shown only while it holds work
    columns.push({ ...column, workOrders: list });
  }
  return { statuses, workOrders, columns };
}

/** Columns built by updateBoardColumns from the last ones it gave: one per board, for its memo. */
export function boardColumnsCache(): (statuses: readonly WorkOrderStatus[], workOrders: readonly WorkOrderSummary[]) => BoardColumn[] {
  let built: BuiltBoardColumns | null = null;
  return (statuses, workOrders) => (built = updateBoardColumns(built, statuses, workOrders)).columns;
}
