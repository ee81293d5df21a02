import type { Table } from 'dexie';

/** Sorts after every string in IndexedDB's key order (arrays come after strings): the end of a connection's keys. */
const afterEveryKey: string[] = [];

/**
 * Reads one connection's records of a table in slices of `size`, in key order, handing each slice
 * to `each` before the next is read: a million records are never all in memory at once. Each slice
 * is one getAll() with a count over [connectionId+key] (a filtered cursor walks record by record).
 */
export async function forEachSlice<T extends { key: string }>(table: Table<T>, connectionId: string, size: number, each: (slice: T[]) => void): Promise<void> {
  for (let after = ''; ; ) {
    const slice = await table.where('[connectionId+key]').between([connectionId, after], [connectionId, afterEveryKey], after === '', true).limit(size).toArray();
    each(slice);
    if (slice.length < size) return;
    after = slice[slice.length - 1]!.key;
  }
}
