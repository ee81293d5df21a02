// The bench's probe inside the app's page (web mode). run-benchmarks.ts bundles this file with
// esbuild and injects it with Playwright's addInitScript, so it runs before the app's own script.
// It does not touch the app's code; it:
//   - opens its own WebSocket to the web host, with the token of the page's address, and speaks the
//     existing IPC contract on it (`sync.run`, `app.info`); it never calls `store.attach`, so the
//     host keeps writing through the app's own store, and it hears the host's broadcast events;
//   - timestamps the frames of the app's socket (type and id only, read from the frame's first
//     bytes), so the bench can split a sync into host time and page time;
//   - measures the raw-Dexie baseline and the page-side costs with the app's own schema and store.
import { MillwrightDb } from '../../renderer/db/millwright-db';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import type { ApplyPageBatch } from '../../shared/local-store';
import { rendererChannels } from '../../shared/ipc/contract';
import { advanceCursor, type SyncCursor } from '../../shared/domain/sync-cursor';
import type { WorkOrder } from '../../shared/domain/work-order';

export interface ProbeEvent {
  t: number;
  channel: string;
  payload: unknown;
}

/** One frame of the app's own socket: `in` host → page, `out` page → host. */
export interface ProbeFrame {
  t: number;
  dir: 'in' | 'out';
  type: string;
  id: number;
  channel: string;
  bytes: number;
}

type StoredWorkOrder = WorkOrder & { syncRunId?: string };

const framePrefix = /^\{"type":"(\w+)"(?:,"id":(\d+))?(?:,"channel":"([\w.]+)")?/;
const NativeWebSocket = window.WebSocket;

const events: ProbeEvent[] = [];
const frames: ProbeFrame[] = [];
let recordFrames = true;
let socket: WebSocket | null = null;
let ready: Promise<WebSocket> | null = null;
let nextId = 1;
const pending = new Map<number, (result: unknown) => void>();
/** The work orders as the sync stored them (with syncRunId), and as they came over the wire (without). */
let records: StoredWorkOrder[] = [];
let wireRecords: WorkOrder[] = [];

function noteFrame(dir: 'in' | 'out', data: unknown) {
  if (!recordFrames || typeof data !== 'string') return;
  const match = framePrefix.exec(data.slice(0, 120));
  frames.push({ t: performance.now(), dir, type: match?.[1] ?? '?', id: Number(match?.[2] ?? 0), channel: match?.[3] ?? '', bytes: data.length });
}

// The app's socket, timestamped. A listener added in the constructor runs before the app's own.
class TimedWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    this.addEventListener('message', (event) => noteFrame('in', event.data));
  }

  override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    noteFrame('out', data);
    super.send(data);
  }
}
window.WebSocket = TimedWebSocket as typeof WebSocket;

function connect(): Promise<WebSocket> {
  ready ??= new Promise((resolve, reject) => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
    const ws = new NativeWebSocket(`ws://${window.location.host}/ipc?token=${encodeURIComponent(token)}`);
    ws.addEventListener('message', (event) => {
      const frame = JSON.parse(String(event.data)) as { type: string; id?: number; channel?: string; payload?: unknown; result?: unknown };
      if (frame.type === 'event') events.push({ t: performance.now(), channel: frame.channel!, payload: frame.payload });
      else if (frame.type === 'response') {
        pending.get(frame.id!)?.(frame.result);
        pending.delete(frame.id!);
      }
    });
    ws.addEventListener('open', () => resolve((socket = ws)));
    ws.addEventListener('close', () => reject(new Error('the bench socket closed')));
  });
  return ready;
}

/** A request on a main channel over the bench's own socket: the IPC contract as the app uses it. */
async function invoke(channel: string, payload?: unknown): Promise<unknown> {
  const ws = await connect();
  const id = nextId++;
  const answer = new Promise<unknown>((resolve) => pending.set(id, resolve));
  ws.send(JSON.stringify({ type: 'request', id, channel, payload }));
  const result = (await answer) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.code} ${result.error?.message}`);
  return result.value;
}

let appDb: MillwrightDb | null = null;
/** The app's cache database, opened a second time (same name, same schema). */
const openAppDb = () => (appDb ??= new MillwrightDb());

const pages = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Each page with the cursor the sync stores beside it. */
function withCursors(batches: WorkOrder[][]) {
  let cursor: SyncCursor | null = null;
  return batches.map((page) => ({ page, cursor: (cursor = advanceCursor(cursor, page)) }));
}

async function freshDb(name: string): Promise<MillwrightDb> {
  await MillwrightDb.delete(name);
  const db = new MillwrightDb(name);
  await db.open();
  return db;
}

async function dropDb(db: MillwrightDb): Promise<void> {
  db.close();
  await MillwrightDb.delete(db.name);
}

const probe = {
  connect: async () => void (await connect()),
  events: (since = 0) => events.filter((event) => event.t >= since),
  /** The sync.progress events heard, in order, with the page's time of arrival. */
  progress: (since = 0) =>
    events
      .filter((event) => event.channel === 'sync.progress' && event.t >= since)
      .map(({ t, payload }) => {
        const { entity, phase, fetched, error } = payload as { entity: string; phase: string; fetched: number; error: { message: string } | null };
        return { t, entity, phase, fetched, error: error?.message ?? null };
      }),
  frames: (since = 0) => frames.filter((frame) => frame.t >= since),
  clearLogs() {
    events.length = 0;
    frames.length = 0;
  },
  setFrameRecording(on: boolean) {
    recordFrames = on;
  },
  now: () => performance.now(),
  invoke,

  /** `sync.run` end to end as the page sees it: request sent → host fetched, page committed → summary back. */
  async timeSync(request: { connectionId: string; mode: 'incremental' | 'full'; entities: string[] }) {
    await connect();
    const started = performance.now();
    const summary = await invoke('sync.run', request);
    return { ms: performance.now() - started, started, summary };
  },

  /** One round trip page → host → page on the contract (`app.info`), no upstream involved. */
  async timeIpcRoundTrip() {
    await connect();
    const started = performance.now();
    await invoke('app.info');
    return performance.now() - started;
  },

  async workOrderCount(connectionId: string) {
    return openAppDb().workOrders.where('connectionId').equals(connectionId).count();
  },

  async history() {
    return openAppDb().syncHistory.toArray();
  },

  /** Reads back what the sync committed: the very records the baseline writes. */
  async loadSyncedWorkOrders(connectionId: string) {
    records = (await openAppDb().workOrders.where('connectionId').equals(connectionId).toArray()) as StoredWorkOrder[];
    // In the order the sync received them (ascending updatedAt), so pages and cursors come out as the sync's did.
    records.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.key < b.key ? -1 : 1));
    wireRecords = records.map(({ syncRunId: _runId, ...record }) => record);
    return { count: records.length, jsonBytes: JSON.stringify(records).length };
  },

  /** The baseline: one raw Dexie bulkPut of every record (one transaction) into a fresh database of the app's schema. */
  async bulkPutBaseline(name: string) {
    const db = await freshDb(name);
    const started = performance.now();
    await db.workOrders.bulkPut(records);
    const ms = performance.now() - started;
    const stored = await db.workOrders.count();
    await dropDb(db);
    if (stored !== records.length) throw new Error(`baseline stored ${stored} of ${records.length}`);
    return ms;
  },

  /**
   * The baseline at any size: the same records read back from the app's cache a chunk at a time
   * (by primary key, not timed) and each chunk bulkPut raw into a fresh database of the app's
   * schema (timed), so a million records never sit in the page's heap at once. One chunk when the
   * cache holds no more than `chunk`: then it is exactly `bulkPutBaseline`.
   */
  async bulkPutBaselineInChunks(connectionId: string, name: string, chunk: number) {
    const source = openAppDb().workOrders;
    const db = await freshDb(name);
    let ms = 0;
    let stored = 0;
    let after = '';
    for (;;) {
      const batch = await source.where(':id').between([connectionId, after], [connectionId, '\uffff'], false, true).limit(chunk).toArray();
      if (batch.length === 0) break;
      const started = performance.now();
      await db.workOrders.bulkPut(batch);
      ms += performance.now() - started;
      stored += batch.length;
      after = batch.at(-1)!.key;
    }
    const count = await db.workOrders.count();
    await dropDb(db);
    if (count !== stored) throw new Error(`baseline stored ${count} of ${stored}`);
    return { ms, records: stored };
  },

  /** Cached work orders per status name, from the [connectionId+statusKey] index's counts. */
  async workOrdersByStatus(connectionId: string) {
    const db = openAppDb();
    const statuses = await db.workOrderStatuses.where('connectionId').equals(connectionId).toArray();
    const counts: Record<string, number> = {};
    for (const status of statuses) {
      counts[status.name] = await db.workOrders.where('[connectionId+statusKey]').equals([connectionId, status.key]).count();
    }
    return counts;
  },

  /** Page commits alone: the app's DexieLocalStore.applyPage, page by page with the cursor, into a fresh database. */
  async pagedCommit(name: string, perPage: number) {
    const db = await freshDb(name);
    const store = new DexieLocalStore(db);
    const batches = withCursors(pages(wireRecords, perPage));
    const started = performance.now();
    for (const { page, cursor } of batches) {
      await store.applyPage({ connectionId: page[0]!.connectionId, entity: 'workOrders', runId: 'bench', records: page, quarantined: [], cursor } as ApplyPageBatch);
    }
    const ms = performance.now() - started;
    await dropDb(db);
    return { ms, pages: batches.length };
  },

  /** What the page does to each `store.applyPage` frame before committing: JSON.parse, then the contract's schema. */
  decodeAndValidate(perPage: number) {
    const texts = withCursors(pages(wireRecords, perPage)).map(({ page, cursor }, index) => {
      const payload = { connectionId: page[0]!.connectionId, entity: 'workOrders', runId: 'bench', records: page, quarantined: [], cursor };
      return JSON.stringify({ type: 'call', id: index + 1, channel: 'store.applyPage', payload });
    });
    let parseMs = 0;
    let validateMs = 0;
    for (const text of texts) {
      const started = performance.now();
      const frame = JSON.parse(text) as { payload: unknown };
      const parsed = performance.now();
      const result = rendererChannels['store.applyPage'].request.safeParse(frame.payload);
      validateMs += performance.now() - parsed;
      parseMs += parsed - started;
      if (!result.success) throw new Error(`a stored work order fails the contract's schema: ${result.error.message}`);
    }
    return { parseMs, validateMs, frames: texts.length };
  },

  /** Queues offline edits as the app does (the record changed and its operation added, one transaction each). */
  async enqueueEdits(edits: Parameters<DexieOutbox['enqueue']>[0][]) {
    const outbox = new DexieOutbox(openAppDb());
    const started = performance.now();
    for (const edit of edits) await outbox.enqueue(edit);
    return performance.now() - started;
  },

  /** `outbox.push` end to end: the host sends every queued edit upstream and stores each answer in this page's cache. */
  async timeOutboxPush(connectionId: string) {
    const started = performance.now();
    const summary = await invoke('outbox.push', { connectionId });
    return { ms: performance.now() - started, summary: summary as { done: number; conflicts: number; rejected: number; deferred: number } };
  },

  forget() {
    records = [];
    wireRecords = [];
  },

  get socketOpen() {
    return socket?.readyState === NativeWebSocket.OPEN;
  },
};

export type PageProbe = typeof probe;
(window as unknown as { millwrightBench: PageProbe }).millwrightBench = probe;
// Connected before the app attaches its store, so the probe hears the startup sync from its start.
if (window.location.protocol === 'http:' && window.location.hash.includes('token=')) void connect().catch(() => undefined);
