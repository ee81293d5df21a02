import { recordId } from '../../../shared/board/work-order-filter';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { formatDate, formatDays } from '../../ui/format';
import type { TableColumnId, TableSort } from '../../stores/board-layout-store';
import { standardSeverities } from '../../ui/work-order-fields';

/** Names the table shows for the keys a work order holds, by recordId(connectionId, key). */
export interface TableNames {
  assets: ReadonlyMap<string, string>;
  locations: ReadonlyMap<string, string>;
  sites: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  labors: ReadonlyMap<string, string>;
  statuses: ReadonlyMap<string, string>;
  /** By connection id. */
  plants: ReadonlyMap<string, string>;
}

type SortKey = string | number | null;

export interface TableColumnSpec {
  id: TableColumnId;
  label: string;
  /** Its starting width in pixels. */
  width: number;
  /** What the cell says. */
  text(workOrder: WorkOrderSummary, names: TableNames, now: number): string;
  /** What it sorts by: strings compared as written (lower case), numbers as numbers; null (no value) always last. */
  sortKey(workOrder: WorkOrderSummary, names: TableNames, now: number): SortKey;
}


const named = (names: ReadonlyMap<string, string>, connectionId: string, key: string | null) => (key === null ? null : (names.get(recordId(connectionId, key)) ?? null));
const lower = (value: string | null) => (value === null || value === '' ? null : value.toLowerCase());
const day = 86_400_000;
const ageDays = (workOrder: WorkOrderSummary, now: number) => {
  const created = workOrder.createdAt === null ? Number.NaN : Date.parse(workOrder.createdAt);
  if (Number.isNaN(created)) return null;
  const until = workOrder.completedAt === null ? now : Date.parse(workOrder.completedAt);
  return Math.max(0, (Number.isNaN(until) ? now : until) - created) / day;
};
const severityRank = (severity: string | null) => {
  if (severity === null) return null;
  const rank = (standardSeverities as readonly string[]).indexOf(severity);
  return rank >= 0 ? rank : standardSeverities.length;
};

function nameColumn(id: TableColumnId, label: string, width: number, of: (workOrder: WorkOrderSummary, names: TableNames) => string | null): TableColumnSpec {
  return { id, label, width, text: (w, names) => of(w, names) ?? '', sortKey: (w, names) => lower(of(w, names)) };
}
function dateColumn(id: TableColumnId, label: string, field: 'dueAt' | 'scheduledAt' | 'completedAt'): TableColumnSpec {
  return { id, label, width: 104, text: (w) => (w[field] === null ? '' : formatDate(w[field])), sortKey: (w) => w[field] };
}

/** The table's columns, in their starting order. */
export const tableColumns: readonly TableColumnSpec[] = [
  nameColumn('code', 'Code', 104, (w) => w.code),
  nameColumn('title', 'Title', 280, (w) => w.title),
  nameColumn('asset', 'Asset', 200, (w, n) => named(n.assets, w.connectionId, w.assetKey)),
  nameColumn('location', 'Location', 160, (w, n) => named(n.locations, w.connectionId, w.locationKey)),
  nameColumn('site', 'Site', 130, (w, n) => named(n.sites, w.connectionId, w.siteKey)),
  nameColumn('plant', 'Plant', 130, (w, n) => n.plants.get(w.connectionId) ?? null),
  nameColumn('status', 'Status', 120, (w, n) => named(n.statuses, w.connectionId, w.statusKey) ?? w.status),
  { id: 'severity', label: 'Severity', width: 90, text: (w) => w.severity ?? '', sortKey: (w) => severityRank(w.severity) },
  nameColumn('assignee', 'Assignee', 150, (w, n) => named(n.labors, w.connectionId, w.laborAssignedKey)),
  nameColumn('team', 'Team', 130, (w, n) => named(n.teams, w.connectionId, w.teamKey)),
  dateColumn('due', 'Due', 'dueAt'),
  dateColumn('scheduled', 'Scheduled', 'scheduledAt'),
  dateColumn('completed', 'Completed', 'completedAt'),
  {
    id: 'age',
    label: 'Age',
    width: 90,
    text: (w, _names, now) => {
      const days = ageDays(w, now);
      return days === null ? '' : formatDays(days);
    },
    sortKey: (w, _names, now) => ageDays(w, now),
  },
];

export const columnById = new Map(tableColumns.map((column) => [column.id, column]));

const compareKeys = (a: SortKey, b: SortKey) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** Each list's work orders by code then plant: the order ties keep, worked out once per list (the cached list itself while no filter is set). */
const codeOrders = new WeakMap<readonly WorkOrderSummary[], readonly WorkOrderSummary[]>();
function byCode(workOrders: readonly WorkOrderSummary[]): readonly WorkOrderSummary[] {
  let ordered = codeOrders.get(workOrders);
  if (!ordered) {
    ordered = [...workOrders].sort((a, b) => compareKeys(a.code, b.code) || compareKeys(a.connectionId, b.connectionId));
    codeOrders.set(workOrders, ordered);
  }
  return ordered;
}

interface ColumnKeys {
  ordered: readonly WorkOrderSummary[];
  column: TableColumnSpec;
  names: TableNames;
  now: number;
  /** Each row's key, in the rows' code order. */
  keys: SortKey[];
  /** The distinct keys that are set. */
  distinct: SortKey[];
  /** Those in ascending order, once asked for. */
  ascending?: SortKey[];
}
/** The last column's keys: the same column sorted the other way again needs only the rows put in order. */
let lastKeys: ColumnKeys | null = null;
function keysOf(ordered: readonly WorkOrderSummary[], column: TableColumnSpec, names: TableNames, now: number): ColumnKeys {
  if (lastKeys && lastKeys.ordered === ordered && lastKeys.column === column && lastKeys.names === names && lastKeys.now === now) return lastKeys;
  const keys = ordered.map((workOrder) => column.sortKey(workOrder, names, now));
  const distinct = [...new Set(keys)].filter((key) => key !== null);
  return (lastKeys = { ordered, column, names, now, keys, distinct });
}

/** Distinct keys in ascending order: numbers and strings by the engine's own sort (no comparator call per pair), as compareKeys orders them. */
function sortDistinct(distinct: readonly SortKey[]): SortKey[] {
  if (distinct.every((key) => typeof key === 'number')) return Array.from(Float64Array.from(distinct as number[]).sort());
  if (distinct.every((key) => typeof key === 'string')) return [...distinct].sort();
  return [...distinct].sort(compareKeys);
}

/**
 * The work orders in the order of one column: rows without a value last whichever the direction,
 * ties by code then plant (the code order the rows are taken in). Each row's key is worked out
 * once; the distinct keys are sorted and the rows then placed by their key's rank in one counting
 * pass, which keeps rows of equal rank in code order.
 */
export function sortWorkOrders(workOrders: readonly WorkOrderSummary[], sort: TableSort, names: TableNames, now: number): WorkOrderSummary[] {
  const column = columnById.get(sort.column)!;
  const ordered = byCode(workOrders);
  const columnKeys = keysOf(ordered, column, names, now);
  const { keys, distinct } = columnKeys;
  const ascending = (columnKeys.ascending ??= sortDistinct(distinct));
  const present = sort.direction === 'ascending' ? ascending : [...ascending].reverse();
  const rankOf = new Map<SortKey, number>(present.map((key, rank) => [key, rank]));
  // Rows with no value take the rank after every value: last.
  const ranks = new Uint32Array(keys.length);
  const starts = new Uint32Array(present.length + 2);
  for (let index = 0; index < keys.length; index += 1) {
    const rank = keys[index] === null ? present.length : rankOf.get(keys[index]!)!;
    ranks[index] = rank;
    starts[rank + 1]! += 1;
  }
  for (let rank = 1; rank < starts.length; rank += 1) starts[rank]! += starts[rank - 1]!;
  const sorted = new Array<WorkOrderSummary>(keys.length);
  for (let index = 0; index < keys.length; index += 1) sorted[starts[ranks[index]!]!++] = ordered[index]!;
  return sorted;
}
