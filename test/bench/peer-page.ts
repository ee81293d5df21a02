// The peer in the bench's `peer` section: RxDB, in a blank page of its own served by peer-bench.ts,
// pulling the demo plant's work orders into IndexedDB (on disk, a fresh Chromium profile) with
// replicateRxCollection. peer-bench.ts bundles this file with esbuild and calls `window.rxdbPeer`.
//
// RxDB is set up as its documentation recommends for production and for bulk pulls:
//   - storage: getRxStorageDexie() (rxdb/plugins/storage-dexie), the free IndexedDB storage
//     (rx-storage-dexie.md; RxDB's faster IndexedDB/OPFS storages are premium, not used here);
//   - production mode: no dev-mode plugin (dev-mode.md: "You should never use it in production")
//     and no schema-validation wrapper around the storage (schema-validation.md: "For most use
//     cases, you should not use a validation in production for better performance", and "you might
//     not need the validation for data that is only replicated from the backend");
//   - createRxDatabase({ multiInstance: false, eventReduce: true }) (rx-database.md: multiInstance
//     "should be set to false when you have ... a single-window electron app", which Millwright is;
//     "For better performance, you should always set eventReduce: true");
//   - a pull-only replicateRxCollection (replicate-rx-collection.md, replication.md) whose
//     pull.batchSize is the plant's largest page, 1,000 (Makini's per_page maximum, and the size
//     of Millwright's pages): replication.md's sync engine works "in batches" because bulk
//     JSON.parse and bulk IndexedDB writes are faster, and nosql-performance-tips.md's first tip
//     is bulk writes; RxDB's default is 100, which would make ten times the requests;
//   - deletedField: 'deletedAt' (replication.md: a "deletedAt" timestamp may stand for the
//     deleted flag), so Makini's soft deletes map without a modifier;
//   - reSync() for an incremental pull (replication.md: for when "the client only knows that
//     something has been changed but not what", as with Makini, which has no pull stream).
//
// The schema: primary key `key` (Makini's record identity; its records have no `id`), every field
// the plant sends declared, and the indexes Millwright's own work-order table has (by status, for
// the board; by asset, for the schedule; Millwright's third, by connection, has no use in a
// database of one plant). RxDB's Dexie storage indexes only required fields (rx-storage-dexie.md),
// and the plant sends both on every work order. No index on updatedAt: the pull's checkpoint lives
// in RxDB's replication metadata, not in a query, and Millwright's table has none either.
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type WithDeleted } from 'rxdb/plugins/core';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

/** A work order as the demo plant (Makini's API) sends it. */
export interface WireWorkOrder {
  key: string;
  code: string;
  title: string;
  categoryName: string;
  assetKey: string;
  siteKey: string;
  locationKey: string;
  teamKey: string;
  statusKey: string;
  status: string;
  severity: string;
  estimatedTime: string;
  scheduledAt: string;
  dueAt: string;
  tasks: { key: string; code: string; title: string }[];
  createdAt: string;
  updatedAt: string;
  laborAssignedKey?: string;
  completedAt?: string;
  pmKey?: string;
  notes?: string;
  serviceRequestKey?: string;
  deletedAt?: string | null;
}

/**
 * The pull's checkpoint: the newest change time read (Makini filters on `updatedAt` at or after
 * it, as Millwright's cursor does), and which page of that query to read next: page 1, unless a
 * whole page held records of that one instant (a bulk edit), which only page numbers get past.
 */
export interface PeerCheckpoint {
  updatedAt: string;
  page: number;
}

const text = { type: 'string' } as const;
const keyField = { type: 'string', maxLength: 32 } as const;
const workOrderSchema: RxJsonSchema<WireWorkOrder> = {
  title: 'work orders',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  properties: {
    key: keyField,
    code: text,
    title: text,
    categoryName: text,
    assetKey: keyField,
    siteKey: text,
    locationKey: text,
    teamKey: text,
    statusKey: keyField,
    status: text,
    severity: text,
    estimatedTime: text,
    scheduledAt: text,
    dueAt: text,
    tasks: { type: 'array', items: { type: 'object', properties: { key: text, code: text, title: text } } },
    createdAt: text,
    updatedAt: { type: 'string', maxLength: 40 },
    laborAssignedKey: text,
    completedAt: text,
    pmKey: text,
    notes: text,
    serviceRequestKey: text,
    deletedAt: { type: ['string', 'null'] },
  },
  required: ['key', 'statusKey', 'assetKey', 'updatedAt'],
  indexes: ['statusKey', 'assetKey'],
};

type WorkOrders = RxCollection<WireWorkOrder>;

interface PullStats {
  requests: number;
  documents: number;
  /** Time inside the pull handler: the request through the proxy to the plant, and response.json(). */
  handlerMs: number;
}

let database: RxDatabase<{ workOrders: WorkOrders }> | null = null;
let replication: RxReplicationState<WireWorkOrder, PeerCheckpoint> | null = null;
let batchSize = 1000;
const stats: PullStats = { requests: 0, documents: 0, handlerMs: 0 };
/** The replication's errors (a failed pull is retried after retryTime, so it would only show as time). */
const errors: string[] = [];
/** Called with each page's size as the pull handler returns it (the incremental timing's end of fetching). */
let onPage: ((documents: number) => void) | null = null;

async function pullWorkOrders(token: string, checkpoint: PeerCheckpoint | undefined, size: number) {
  const started = performance.now();
  const page = checkpoint?.page ?? 1;
  const params = new URLSearchParams({ 'sort[updatedAt]': '0', page: String(page), per_page: String(size) });
  if (checkpoint) params.set('filter[updatedAt:gteq]', checkpoint.updatedAt);
  const response = await fetch(`/api/eam/work-orders?${params}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET work-orders: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { data: WireWorkOrder[] };
  // The whole page goes to RxDB, the records of the checkpoint's instant read again included (RxDB
  // finds them equal to its own and writes nothing): RxDB ends a pull at the first page shorter
  // than batchSize, so a page must not be trimmed. Millwright's cursor re-reads that instant too. Makini cannot answer RxDB's usual (updatedAt, id)
  // checkpoint ("after this instant, or at it with a greater id"), only "at or after an instant".
  const documents = body.data;
  const last = documents.at(-1);
  // A full page all of the checkpoint's instant: the next page of the same query. Otherwise on
  // from the newest instant read, page 1 (a short page ends the pull anyway).
  const next: PeerCheckpoint | undefined = !last
    ? checkpoint
    : checkpoint && last.updatedAt === checkpoint.updatedAt && documents.length >= size
      ? { updatedAt: last.updatedAt, page: page + 1 }
      : { updatedAt: last.updatedAt, page: 1 };
  stats.requests += 1;
  stats.documents += documents.length;
  stats.handlerMs += performance.now() - started;
  onPage?.(documents.length);
  // RxDB's types ask for `_deleted` on pulled documents even when deletedField names another
  // field, which RxDB maps to `_deleted` itself (handlePulledDocuments): hence the cast.
  return { documents: documents as WithDeleted<WireWorkOrder>[], checkpoint: next };
}

async function collectionCount(): Promise<number> {
  return database!.workOrders.count().exec();
}

const peer = {
  /**
   * A new RxDB database in this (empty) origin and the initial pull of every work order: from
   * replicateRxCollection() to the replication in sync (every page's documents and the checkpoint
   * committed to IndexedDB). The database and collection are created before the clock starts, as
   * Millwright's database exists before its sync begins.
   */
  async initialSync(options: { token: string; batchSize: number; expected: number }) {
    batchSize = options.batchSize;
    database = await createRxDatabase<{ workOrders: WorkOrders }>({ name: 'peer', storage: getRxStorageDexie(), multiInstance: false, eventReduce: true });
    await database.addCollections({ workOrders: { schema: workOrderSchema } });
    Object.assign(stats, { requests: 0, documents: 0, handlerMs: 0 });
    errors.length = 0;

    const started = performance.now();
    replication = replicateRxCollection<WireWorkOrder, PeerCheckpoint>({
      collection: database.workOrders,
      replicationIdentifier: `work-orders-pull-${window.location.origin}`,
      deletedField: 'deletedAt',
      live: true,
      pull: { batchSize, handler: (checkpoint, size) => pullWorkOrders(options.token, checkpoint, size) },
    });
    replication.error$.subscribe((error) => errors.push(String(error)));
    await replication.awaitInitialReplication();
    await replication.awaitInSync();
    const ms = performance.now() - started;

    if (errors.length > 0) throw new Error(`RxDB's replication failed: ${errors.join('; ')}`);
    const count = await collectionCount();
    if (count !== options.expected) throw new Error(`RxDB holds ${count} work orders, the plant ${options.expected}`);
    return { ms, count, ...stats };
  },

  /**
   * One incremental pull after changes upstream: reSync() to the cycle's last page answered and
   * its writes committed. `changedKeys` (the plant's answer to the change) must come back, each
   * stored with a change time at or after `since`.
   */
  async incrementalSync(changedKeys: string[], since: string) {
    const replicationState = replication!;
    Object.assign(stats, { requests: 0, documents: 0, handlerMs: 0 });
    const received = new Set<string>();
    const subscription = replicationState.received$.subscribe((doc) => received.add(doc.key));
    let lastPage!: () => void;
    const fetched = new Promise<void>((resolve) => (lastPage = resolve));
    onPage = (documents) => documents < batchSize && lastPage();

    const started = performance.now();
    replicationState.reSync();
    await fetched;
    await replicationState.awaitInSync();
    const ms = performance.now() - started;
    onPage = null;
    subscription.unsubscribe();
    if (errors.length > 0) throw new Error(`RxDB's replication failed: ${errors.join('; ')}`);

    const stored = await database!.workOrders.findByIds(changedKeys).exec();
    const applied = changedKeys.filter((key) => {
      const doc = stored.get(key);
      return doc !== undefined && Date.parse(doc.updatedAt) >= Date.parse(since) && received.has(key);
    }).length;
    return { ms, applied, received: received.size, ...stats };
  },

  async count() {
    return collectionCount();
  },

  async close() {
    await database?.close();
    database = null;
    replication = null;
  },
};

export type RxdbPeer = typeof peer;
(window as unknown as { rxdbPeer: RxdbPeer }).rxdbPeer = peer;
