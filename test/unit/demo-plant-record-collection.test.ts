import { describe, expect, it } from 'vitest';
import { RecordCollection } from '../../electron/demo-plant/record-collection';
import type { FieldFilter, ListQuery } from '../../electron/demo-plant/list-query';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';

interface Row {
  key: string;
  updatedAt: string;
  status: string;
}

const base = Date.parse('2026-11-01T00:00:00Z');
const instant = (random: () => number) => new Date(base + Math.floor(random() * 200) * 1000).toISOString().replace('.000Z', 'Z');

/** What a list must answer, by looking at every record: the definition the bisection has to agree with. */
function byScan(rows: Row[], query: Omit<ListQuery, 'page' | 'perPage'>): string[] {
  const test = (row: Row, filter: FieldFilter) => {
    if (filter.field === 'status') return row.status === filter.value;
    const a = Date.parse(row.updatedAt);
    const b = Date.parse(filter.value);
    return filter.op === 'gt' ? a > b : filter.op === 'gteq' ? a >= b : filter.op === 'lt' ? a < b : a <= b;
  };
  const order = (x: Row, y: Row) => Date.parse(x.updatedAt) - Date.parse(y.updatedAt) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  const matched = rows
    .filter((row) => query.filters.length === 0 || (query.filterMatch === 'all' ? query.filters.every((f) => test(row, f)) : query.filters.some((f) => test(row, f))))
    .sort(order);
  if (query.sort?.descending) matched.reverse();
  return matched.map((row) => row.key);
}

function listAll(collection: RecordCollection<Row>, query: Omit<ListQuery, 'page' | 'perPage'>, perPage: number) {
  const keys: string[] = [];
  let total = -1;
  for (let page = 1; ; page += 1) {
    const result = collection.list({ ...query, page, perPage });
    total = result.total;
    keys.push(...result.data.map((row) => row.key));
    if (page >= result.lastPage) break;
  }
  return { keys, total };
}

describe('the demo plant lists updatedAt ranges by bisection', () => {
  it('answers every mix of bounds, other filters, sorts and pages as a scan of every record would, through updates and removals', () => {
    const seededRandom = new SeededRandom(7);
    const random = () => seededRandom.next();
    const rows = new Map<string, Row>();
    for (let i = 0; i < 400; i += 1) rows.set(`k${i}`, { key: `k${i}`, updatedAt: instant(random), status: random() < 0.5 ? 'open' : 'closed' });
    const collection = new RecordCollection<Row>([...rows.values()]);
    const ops = ['gt', 'gteq', 'lt', 'lteq'] as const;

    for (let round = 0; round < 300; round += 1) {
      // Change the data between queries, as a plant does while a sync pages.
      const key = `k${Math.floor(random() * 450)}`;
      if (random() < 0.15 && rows.has(key)) {
        rows.delete(key);
        collection.remove(key);
      } else {
        const row = { key, updatedAt: instant(random), status: random() < 0.5 ? 'open' : 'closed' };
        rows.set(key, row);
        collection.upsert(row);
      }
      const filters: FieldFilter[] = [];
      const bounds = Math.floor(random() * 3);
      for (let i = 0; i < bounds; i += 1) filters.push({ field: 'updatedAt', op: ops[Math.floor(random() * 4)]!, value: instant(random) });
      if (random() < 0.3) filters.push({ field: 'status', op: 'eq', value: 'open' });
      const query = { filters, filterMatch: random() < 0.2 ? ('any' as const) : ('all' as const), sort: random() < 0.3 ? { field: 'updatedAt', descending: random() < 0.5 } : null };
      const expected = byScan([...rows.values()], query);
      const listed = listAll(collection, query, 1 + Math.floor(random() * 60));
      expect(listed.total, JSON.stringify(query)).toBe(expected.length);
      expect(listed.keys, JSON.stringify(query)).toEqual(expected);
    }
  });

  it('still finds records in range while one whose updatedAt does not parse is held, and again once it is gone', () => {
    const rows: Row[] = [
      { key: 'a', updatedAt: '2026-11-01T00:00:01Z', status: 'open' },
      { key: 'b', updatedAt: '2026-11-01T00:00:02Z', status: 'open' },
      { key: 'c', updatedAt: '2026-11-01T00:00:03Z', status: 'open' },
    ];
    const collection = new RecordCollection<Row>(rows);
    const query: ListQuery = { filters: [{ field: 'updatedAt', op: 'gteq', value: '2026-11-01T00:00:02Z' }], filterMatch: 'all', sort: null, page: 1, perPage: 10 };
    collection.upsert({ key: 'x', updatedAt: 'not a time', status: 'open' });
    expect(collection.list(query).data.map((row) => row.key)).toEqual(['b', 'c']);
    collection.remove('x');
    collection.upsert({ key: 'd', updatedAt: '2026-11-01T00:00:02Z', status: 'open' });
    expect(collection.list(query).data.map((row) => row.key)).toEqual(['b', 'd', 'c']);
    expect(collection.list({ ...query, filters: [{ field: 'updatedAt', op: 'gteq', value: 'garbage' }] }).total).toBe(0);
  });
});
