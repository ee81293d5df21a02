import { isTimeField, type FieldFilter, type ListQuery } from './list-query';

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

function compareValues(field: string, a: unknown, b: string): number {
  if (isTimeField(field)) return Date.parse(String(a)) - Date.parse(b);
  const left = String(a);
  return left === b ? 0 : left < b ? -1 : 1;
}

/** Whether a record's field matches a filter: a list field (a document's entityKeys) when any of its items does. */
function matches(record: PlantRecord, filter: FieldFilter): boolean {
  const value = (record as Record<string, unknown>)[filter.field];
  return Array.isArray(value) ? value.some((item) => valueMatches(item, filter)) : valueMatches(value, filter);
}

function valueMatches(value: unknown, filter: FieldFilter): boolean {
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

/** An updatedAt bound that bisection can answer (a value that does not parse matches nothing, as in `matches`). */
const isChangeBound = (filter: FieldFilter) =>
  filter.field === 'updatedAt' && (filter.op === 'gt' || filter.op === 'gteq' || filter.op === 'lt' || filter.op === 'lteq') && !Number.isNaN(Date.parse(filter.value));

/** A record's updatedAt in ms: what change order sorts and bisects by (NaN when it does not parse). */
const changeTime = (record: PlantRecord) => Date.parse(record.updatedAt ?? '');
const hasNoChangeTime = (record: PlantRecord) => Number.isNaN(changeTime(record));

/** Orders records the way the demo plant lists them by default: updatedAt, then key. */
function compareChangeOrder(a: PlantRecord, b: PlantRecord): number {
  const byTime = changeTime(a) - changeTime(b);
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
  /** Records whose updatedAt does not parse: they have no place in change order, so while any are held lists scan every record. */
  private unparsable = 0;

  constructor(records: readonly T[]) {
    for (const record of records) this.byKey.set(record.key!, record);
    // Change order as compareChangeOrder gives it, each updatedAt parsed once and the positions
    // sorted, not a wrapper per record (a million-order plant starts in seconds). Keys break ties.
    const held = [...this.byKey.values()];
    const times = new Float64Array(held.length);
    const keys: string[] = new Array<string>(held.length);
    for (let i = 0; i < held.length; i++) {
      times[i] = changeTime(held[i]!);
      keys[i] = held[i]!.key ?? '';
      if (Number.isNaN(times[i])) this.unparsable += 1;
    }
    const order = Array.from(held, (_, i) => i);
    order.sort((a, b) => {
      const byTime = times[a]! - times[b]!;
      if (byTime !== 0) return byTime;
      return keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0;
    });
    this.inChangeOrder = order.map((i) => held[i]!);
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
    if (previous) this.forget(previous);
    this.byKey.set(record.key!, record);
    this.inChangeOrder.splice(this.insertionPoint(record), 0, record);
    if (hasNoChangeTime(record)) this.unparsable += 1;
  }

  /** Forgets a record entirely, as if it had never existed; false if there was none with that key. */
  remove(key: string): boolean {
    const record = this.byKey.get(key);
    if (!record) return false;
    this.forget(record);
    this.byKey.delete(key);
    return true;
  }

  private forget(record: T): void {
    this.inChangeOrder.splice(this.positionOf(record), 1);
    if (hasNoChangeTime(record)) this.unparsable -= 1;
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
    // updatedAt bounds (what sync engines ask) are found by bisection in change order, like an
    // indexed range scan; only the other filters look at each record of that range.
    const bisectable = this.unparsable === 0 && (filterMatch === 'all' || filters.length === 1);
    const bounds = bisectable ? filters.filter(isChangeBound) : [];
    const rest = filters.filter((filter) => !bounds.includes(filter));
    let low = 0;
    let high = this.inChangeOrder.length;
    for (const bound of bounds) {
      const at = Date.parse(bound.value);
      if (bound.op === 'gt' || bound.op === 'gteq') low = Math.max(low, this.firstAfter(at, bound.op === 'gt'));
      else high = Math.min(high, this.firstAfter(at, bound.op === 'lteq'));
    }
    let rows: readonly T[] = this.inChangeOrder;
    let offset = low;
    let total = Math.max(0, high - low);
    if (rest.length > 0 || (sort !== null && (sort.field !== 'updatedAt' || sort.descending))) {
      let selected = this.inChangeOrder.slice(low, high);
      if (rest.length > 0) selected = selected.filter((record) => (filterMatch === 'all' ? rest.every((f) => matches(record, f)) : rest.some((f) => matches(record, f))));
      if (sort && sort.field !== 'updatedAt') {
        const field = sort.field;
        selected.sort((a, b) => {
          const va = (a as Record<string, unknown>)[field];
          const vb = (b as Record<string, unknown>)[field];
          return (va === undefined || va === null ? '' : compareValues(field, va, String(vb ?? ''))) || compareChangeOrder(a, b);
        });
      }
      if (sort?.descending) selected.reverse();
      rows = selected;
      offset = 0;
      total = selected.length;
    }
    const start = offset + (query.page - 1) * query.perPage;
    return {
      data: rows.slice(start, Math.min(start + query.perPage, offset + total)),
      total,
      page: query.page,
      perPage: query.perPage,
      lastPage: Math.max(1, Math.ceil(total / query.perPage)),
    };
  }

  /** The index of the first record in change order updated after `at` (`strictly`) or at it (not). */
  private firstAfter(at: number, strictly: boolean): number {
    let low = 0;
    let high = this.inChangeOrder.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const time = changeTime(this.inChangeOrder[middle]!);
      if (strictly ? time <= at : time < at) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
