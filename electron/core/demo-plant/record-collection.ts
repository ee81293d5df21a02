import type { FieldFilter, ListQuery } from './list-query';

export interface PlantRecord {
  key?: string;
  updatedAt?: string;
  deletedAt?: string;
}

export interface ListResult<T> {
  data: T[];
  total: number;
  page: number;
  perPage: number;
  lastPage: number;
}

const isTimeField = (field: string) => field.endsWith('At') || field === 'orderDate';

function compareValues(field: string, a: unknown, b: string): number {
  if (isTimeField(field)) return Date.parse(String(a)) - Date.parse(b);
  const left = String(a);
  return left === b ? 0 : left < b ? -1 : 1;
}

function matches(record: PlantRecord, filter: FieldFilter): boolean {
  const value = (record as Record<string, unknown>)[filter.field];
  if (value === undefined || value === null) return false;
  switch (filter.op) {
    case 'eq':
      return String(value) === filter.value;
    case 'contains':
      return String(value).toLowerCase().includes(filter.value.toLowerCase());
    case 'startsWith':
      return String(value).toLowerCase().startsWith(filter.value.toLowerCase());
    case 'gt':
      return compareValues(filter.field, value, filter.value) > 0;
    case 'gteq':
      return compareValues(filter.field, value, filter.value) >= 0;
    case 'lt':
      return compareValues(filter.field, value, filter.value) < 0;
    case 'lteq':
      return compareValues(filter.field, value, filter.value) <= 0;
  }
}

/** Orders records the way the demo plant lists them by default: updatedAt, then key. */
function compareChangeOrder(a: PlantRecord, b: PlantRecord): number {
  const byTime = Date.parse(a.updatedAt ?? '') - Date.parse(b.updatedAt ?? '');
  if (byTime !== 0) return byTime;
  return (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0;
}

/**
 * One entity's records, kept in change order so the incremental queries sync engines make
 * (filter on updatedAt, sort by updatedAt) stay cheap at 100k records.
 */
export class RecordCollection<T extends PlantRecord> {
  private readonly byKey = new Map<string, T>();
  private readonly inChangeOrder: T[];

  constructor(records: readonly T[]) {
    for (const record of records) this.byKey.set(record.key!, record);
    this.inChangeOrder = [...this.byKey.values()].sort(compareChangeOrder);
  }

  get(key: string): T | undefined {
    return this.byKey.get(key);
  }

  /** The keys of every record, soft-deleted ones included. */
  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** Every record, soft-deleted ones included, in change order. */
  all(): readonly T[] {
    return this.inChangeOrder;
  }

  /** Live (not soft-deleted) records. */
  live(): T[] {
    return this.inChangeOrder.filter((record) => !record.deletedAt);
  }

  upsert(record: T): void {
    const previous = this.byKey.get(record.key!);
    if (previous) this.inChangeOrder.splice(this.positionOf(previous), 1);
    this.byKey.set(record.key!, record);
    this.inChangeOrder.splice(this.insertionPoint(record), 0, record);
  }

  /** Forgets a record entirely, as if it had never existed; false if there was none with that key. */
  remove(key: string): boolean {
    const record = this.byKey.get(key);
    if (!record) return false;
    this.inChangeOrder.splice(this.positionOf(record), 1);
    this.byKey.delete(key);
    return true;
  }

  /** Where a record would go in change order: after every record that sorts before or with it. */
  private insertionPoint(record: T): number {
    let low = 0;
    let high = this.inChangeOrder.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareChangeOrder(this.inChangeOrder[middle]!, record) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The index of a record held in change order: found by bisection, as keys make the order total. */
  private positionOf(record: T): number {
    const index = this.insertionPoint(record) - 1;
    // A record whose updatedAt does not parse has no place in the order; look for it the slow way.
    return this.inChangeOrder[index] === record ? index : this.inChangeOrder.indexOf(record);
  }

  list(query: ListQuery): ListResult<T> {
    const { filters, filterMatch, sort } = query;
    let rows: T[] =
      filters.length === 0
        ? this.inChangeOrder
        : this.inChangeOrder.filter((record) =>
            filterMatch === 'all' ? filters.every((f) => matches(record, f)) : filters.some((f) => matches(record, f)),
          );
    if (sort && sort.field !== 'updatedAt') {
      const field = sort.field;
      rows = [...rows].sort((a, b) => {
        const va = (a as Record<string, unknown>)[field];
        const vb = (b as Record<string, unknown>)[field];
        return (va === undefined || va === null ? '' : compareValues(field, va, String(vb ?? ''))) || compareChangeOrder(a, b);
      });
    }
    if (sort?.descending) rows = [...rows].reverse();
    const total = rows.length;
    const start = (query.page - 1) * query.perPage;
    return {
      data: rows.slice(start, start + query.perPage),
      total,
      page: query.page,
      perPage: query.perPage,
      lastPage: Math.max(1, Math.ceil(total / query.perPage)),
    };
  }
}
