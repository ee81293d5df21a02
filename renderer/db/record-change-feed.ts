import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/** What committed transactions changed in one table: the primary keys written or deleted, or `all` when a key range went at once. */
export interface TableChange {
  keys: unknown[];
  all: boolean;
}

/** Table name → what changed in it. */
export type RecordChanges = ReadonlyMap<string, TableChange>;

type Listener = (changes: RecordChanges) => void;

/**
 * Tells listeners which records each committed write transaction of a database changed, by
 * primary key. Dexie's own `storagemutated` event stops naming keys past 49 records a request
 * (a page of a sync is 1,000) and says "the whole table" instead, which sends every live query
 * back to read all of it; this feed names every key, so a reader can fetch just those.
 * It sees the writes made through the database instance it is registered on.
 */
export class RecordChangeFeed {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The DBCore middleware that feeds it; pass it to `db.use()`. */
  middleware(): Middleware<DBCore> {
    return { stack: 'dbcore', name: 'RecordChangeFeed', create: (core) => this.wrap(core) };
  }

  private publish(changes: RecordChanges): void {
    for (const listener of this.listeners) listener(changes);
  }

  private wrap(core: DBCore): DBCore {
    /** The changes of each write transaction not yet committed (an aborted one's are dropped with it). */
    const uncommitted = new WeakMap<DBCoreTransaction, Map<string, TableChange>>();
    return {
      ...core,
      transaction: (stores, mode, options) => {
        const transaction = core.transaction(stores, mode, options);
        if (mode === 'readwrite') {
          const changes = new Map<string, TableChange>();
          uncommitted.set(transaction, changes);
          // Dexie's DBCore transaction is the IDBTransaction itself.
          (transaction as unknown as EventTarget).addEventListener('complete', () => changes.size > 0 && this.publish(changes));
        }
        return transaction;
      },
      table: (name) => {
        const table = core.table(name);
        const mutate: DBCoreTable['mutate'] = async (request) => {
          const response = await table.mutate(request);
          const changes = uncommitted.get(request.trans);
          if (changes) {
            let change = changes.get(name);
            if (!change) changes.set(name, (change = { keys: [], all: false }));
            const keys = request.type === 'deleteRange' ? null : changedKeys(request, response.results, table);
            if (keys) change.keys.push(...keys);
            else change.all = true;
          }
          return response;
        };
        return { ...table, mutate };
      },
    };
  }
}

/** The primary keys a write request touched, or null where they cannot be told. */
function changedKeys(request: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>, results: readonly unknown[] | undefined, table: DBCoreTable): readonly unknown[] | null {
  if (request.type === 'delete') return request.keys;
  if (request.keys) return request.keys;
  if (results) return results;
  const { extractKey } = table.schema.primaryKey;
  return extractKey ? request.values.map((value) => extractKey(value)) : null;
}
