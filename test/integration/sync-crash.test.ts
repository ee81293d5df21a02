// Crash test of the sync engine: a 20,000-work-order plant that keeps changing, the engine stopped
// at 20 random points (cancelled through its AbortSignal while a request or a commit is under way,
// or "crashing" before, after or in the middle of a page commit), and restarted each time with a new
// engine and a new Dexie instance on the same database, so only what was committed survives. The
// finished cache must equal the server exactly, and no cursor may ever go back. Smaller cases
// stop a windowed first sync (open backlog) and full re-syncs (sweep) the same way, read a second
// crowded with more orders than a page while they change, and cancel a Retry-After wait.
//
// The plan is drawn from a seed, printed at the start; SYNC_CRASH_SEED=<n> repeats it. The plants
// run on clocks of their own that only the test's changes move (see PlantClock), so what lands in
// which instant does not depend on how fast the machine is; the stops on a timer still do.
import type { DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../electron/core/connectors/connector';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { isoSeconds } from '../../electron/demo-plant/plant-time';
import type { CollectionName } from '../../electron/demo-plant/plant-state';
import type { PlantRecord, RecordCollection } from '../../electron/demo-plant/record-collection';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { isClosedPurchaseOrderStatus, isClosedWorkOrderStatus } from '../../electron/core/sync/open-backlog';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import type { SyncCursor } from '../../shared/domain/sync-cursor';
import type { SyncEntity } from '../../shared/domain/sync-entity';
import { AppError } from '../../shared/errors';
import type { ApplyPageBatch, ApplyPageResult, CursorRequest, FetchedRecords, LocalStore, SweepRequest } from '../../shared/local-store';
import type { SyncHistoryEntry } from '../../shared/sync-history';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { MillwrightDb } from '../../renderer/db/millwright-db';
import { demoPlantControl } from '../support/demo-plant-control';

const connectionId = 'demo';
const workOrderCount = 20_000;
/**
 * The entities these runs sync: reference data, the work orders and the windowed purchase orders.
 * Every entity goes through the same pull; the others (work-order parts alone are 16,000 rows)
 * would only add time on fake-indexeddb.
 */
const entities: readonly SyncEntity[] = ['sites', 'workOrderStatuses', 'assets', 'workOrders', 'purchaseOrderStatuses', 'purchaseOrders'];
const seed = Number(process.env.SYNC_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`sync crash test: seed ${seed} (SYNC_CRASH_SEED=${seed} repeats this plan)`);

/**
 * A plant's clock, moved only by the test: every change the test makes upstream first moves it on
 * by a second, so each change lands in an instant of its own, after everything before it.
 *
 * On the wall clock, every change made within the same second shared that instant. The test makes
 * changes at page commits, so an instant held as many records as the machine got through pages in
 * that second (hundreds, at 10 a page), and an engine reading up to the present read the very
 * instant the test kept adding to at each of its commits, then kept losing records from it to the
 * next second: a crowded instant that changes between any two pages has to be read again from its
 * first page, and after 20 times the engine gives up ("changed … faster than they could be read").
 * Whether a run got there depended on the load. Here an instant holds one change: at most the 50
 * orders one advance moves. (The plant's tokens read the same clock, which stands still between
 * changes; nothing here minds.)
 */
interface PlantClock {
  now: () => number;
  /** Moves the clock on by a second and answers the new time. */
  tick: () => number;
}

function plantClock(): PlantClock {
  let ms = Math.floor(Date.now() / 1000) * 1000;
  return { now: () => ms, tick: () => (ms += 1000) };
}

interface TestPlant {
  plant: RunningDemoPlant;
  clock: PlantClock;
}

/**
 * Starts a plant on its own clock the first time a test asks for it, within that test's time:
 * generating 20,000 work orders takes seconds of CPU (three times as long on a busy machine), more
 * than a setup hook's budget, and a run of one test (`-t`) does not build the plant it does not use.
 */
function lazyPlant(seed: number, sizes: { workOrders: number; purchaseOrders?: number }): { get: () => Promise<TestPlant>; close: () => Promise<void> } {
  let started: Promise<TestPlant> | null = null;
  return {
    get: () => {
      if (!started) {
        const clock = plantClock();
        started = startDemoPlant({ seed, sizes, changesPerMinute: 0, stateFile: null, now: clock.now }).then((plant) => ({ plant, clock }));
      }
      return started;
    },
    close: async () => {
      if (started) await (await started).plant.close();
    },
  };
}

/** The 20,000-work-order plant of the main test. */
const bigPlant = lazyPlant(20_240, { workOrders: workOrderCount });
/** A small plant for the windowed and full re-sync cases, where the paths matter more than the size. */
const smallPlant = lazyPlant(3_000, { workOrders: 3000, purchaseOrders: 300 });

afterAll(async () => {
  await bigPlant.close();
  await smallPlant.close();
});

/** How the engine is stopped. `cancel-*` abort the run's signal; `crash-*` make the store fail as a dying process would. */
const stopKinds = [
  'cancel-during-fetch',
  'cancel-during-commit',
  'cancel-on-timer',
  'crash-before-commit',
  'crash-after-commit',
  'crash-inside-commit',
] as const;
type StopKind = (typeof stopKinds)[number];

interface StopPoint {
  kind: StopKind;
  /** Counts only this entity's requests or commits, or every entity's. */
  scope: SyncEntity | 'any';
  /** The n-th request or commit (from 1) of the run in scope. */
  at: number;
  /** For `cancel-on-timer`: ms after the run starts. */
  delayMs: number;
}

const cancelKinds: readonly StopKind[] = ['cancel-during-fetch', 'cancel-during-commit', 'cancel-on-timer'];

const instant = (iso: string) => Date.parse(iso);
const describeCursor = (cursor: SyncCursor | null | undefined) => (cursor ? `${cursor.updatedAt}+${cursor.keysAtUpdatedAt.length}` : 'none');

/** Negative when `next` is behind `previous`: an earlier instant, or the same one with keys forgotten. */
function cursorProgress(previous: SyncCursor, next: SyncCursor): number {
  const byTime = instant(next.updatedAt) - instant(previous.updatedAt);
  if (byTime !== 0) return byTime;
  return previous.keysAtUpdatedAt.every((key) => next.keysAtUpdatedAt.includes(key)) ? 0 : -1;
}

/** Every record of a plant collection, soft-deleted ones included. */
function plantRecords(from: RunningDemoPlant, name: CollectionName): PlantRecord[] {
  const collection = from.state.collections[name] as RecordCollection<PlantRecord>;
  return collection.list({ filters: [], filterMatch: 'all', sort: null, page: 1, perPage: Number.MAX_SAFE_INTEGER }).data;
}

/** A simulated crash: thrown by the store as a process dying at that moment would leave it. */
class SimulatedCrash extends Error {}

interface RigOptions {
  plant: TestPlant;
  perPage: number;
  historyDays: number | null;
  now?: () => Date;
}

/**
 * One cache database and everything needed to run the engine into it, stop it and "restart":
 * every run gets a new SyncEngine, connector and Dexie instance on the same fake-indexeddb
 * database, so nothing held in memory survives a stop.
 */
function createRig(random: SeededRandom, options: RigOptions) {
  const { plant, clock } = options.plant;
  const control = demoPlantControl(plant.url, plant.token);
  const dbName = `millwright-crash-${randomUUID()}`;
  /** The newest cursor committed per entity, as seen by the store: the database must hold exactly these after a restart. */
  const committed = new Map<SyncEntity, SyncCursor>();
  const violations: string[] = [];
  const log: string[] = [];
  const softDeleted = new Set<string>();
  /** Work orders changed upstream during the test: where a stale cache would show first. */
  const changed = new Set<string>();
  // Every change upstream happens at a new instant of the plant's clock (see PlantClock).
  const changeUpstream = async (count: number) => {
    clock.tick();
    for (const key of await control.advanceWorkOrders(count)) changed.add(key);
  };
  const editInPlant = (key: string) => {
    const record = plant.state.collections.workOrders.get(key);
    if (!record || record.deletedAt) return;
    const stamp = isoSeconds(clock.tick());
    plant.state.put('workOrders', { ...record, notes: `Edited during a sync at ${stamp}.`, updatedAt: stamp } as PlantRecord);
    changed.add(key);
  };
  const deleteUpstream = async (count: number, hard = false) => {
    clock.tick();
    const keys = await control.deleteRecords('work-orders', count, hard);
    if (!hard) for (const key of keys) softDeleted.add(key);
    return keys;
  };
  const touchUpstream = async (route: string, count: number) => {
    clock.tick();
    await control.touch(route, count);
  };
  /** After a stop inside a commit: what the page's records and the cursor were before it, to check it left nothing behind. */
  let tornPage: { entity: SyncEntity; before: Map<string, string | null>; cursor: SyncCursor | null } | null = null;

  function openDb(): { db: MillwrightDb; arm: (target: string | null) => void } {
    const db = new MillwrightDb(dbName, { indexedDB, IDBKeyRange });
    let target: string | null = null;
    // Fails one write inside the applyPage transaction, after the page's records were written in it:
    // a process dying mid-commit. IndexedDB must then roll the whole page back.
    db.use({
      stack: 'dbcore',
      name: 'crash-inside-commit',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
              if (target === tableName && request.type === 'put') {
                target = null;
                return Promise.reject(new SimulatedCrash('simulated crash inside the commit'));
              }
              return table.mutate(request);
            },
          };
        },
      }),
    });
    return { db, arm: (next) => (target = next) };
  }

  /** What a restart must find: exactly the cursors committed, nothing of a torn page, and no cursor ahead of its data. */
  async function checkAfterRestart(db: MillwrightDb, label: string): Promise<void> {
    const stored = new Map((await db.syncCursors.toArray()).map((row) => [row.entity, row.cursor]));
    for (const entity of new Set([...stored.keys(), ...committed.keys()])) {
      if (JSON.stringify(stored.get(entity)) !== JSON.stringify(committed.get(entity))) {
        violations.push(`${label}: ${entity} cursor after restart is ${describeCursor(stored.get(entity))}, committed ${describeCursor(committed.get(entity))}`);
      }
    }
    if (tornPage) {
      const { entity, before, cursor } = tornPage;
      const rows = await db.table(entity).bulkGet([...before.keys()].map((key) => [connectionId, key]));
      [...before].forEach(([key, updatedAt], index) => {
        const now = (rows[index] as { updatedAt: string } | undefined)?.updatedAt ?? null;
        if (now !== updatedAt) violations.push(`${label}: a torn ${entity} commit left ${key} at ${now} (was ${updatedAt})`);
      });
      if (JSON.stringify(stored.get(entity) ?? null) !== JSON.stringify(cursor)) violations.push(`${label}: a torn ${entity} commit moved its cursor`);
      tornPage = null;
    }
    // The cursor says "everything changed before me is here": every upstream work order whose
    // current version is older than the cursor's instant must be cached in exactly that version
    // (or be gone, if soft-deleted). The cursor's own instant may still change, so it is left out.
    // Checked for every work order changed upstream so far and a sample of the rest (all of them
    // at the end); reading 20,000 rows at each restart would triple the test's time.
    const cursor = committed.get('workOrders');
    if (cursor && options.historyDays === null) {
      const all = plantRecords(plant, 'workOrders');
      const sample = [...all.filter((record) => changed.has(record.key!) || softDeleted.has(record.key!)), ...random.shuffle(all).slice(0, 300)].filter(
        (record) => instant(record.updatedAt!) < instant(cursor.updatedAt),
      );
      const rows = await db.workOrders.bulkGet(sample.map((record) => [connectionId, record.key!]));
      const wrong = sample.filter((record, index) => rows[index]?.updatedAt !== (record.deletedAt ? undefined : record.updatedAt));
      if (wrong.length > 0) {
        violations.push(`${label}: ${wrong.length} work orders older than the cursor ${describeCursor(cursor)} are missing or stale in the cache, e.g. ${wrong[0]!.key}`);
      }
    }
  }

  /** Runs the engine once from a fresh start; stops it at `stop` (null: let it finish). */
  async function run(label: string, mode: 'incremental' | 'full', stop: StopPoint | null, upstreamChanges = false): Promise<'completed' | 'stopped'> {
    const { db, arm } = openDb();
    const checkStarted = Date.now();
    await checkAfterRestart(db, label);
    const checkMs = Date.now() - checkStarted;
    const inner = new DexieLocalStore(db);
    const controller = new AbortController();
    let settled = false;
    let stopped = false;
    const counts = { fetches: 0, commits: 0 };
    const inScope = (entity: SyncEntity) => stop !== null && (stop.scope === 'any' || stop.scope === entity);
    const stopHere = (entity: SyncEntity, counter: 'fetches' | 'commits') => {
      if (!inScope(entity) || stopped) return false;
      counts[counter] += 1;
      if (counts[counter] !== stop!.at) return false;
      stopped = true;
      return true;
    };

    const real = new MakiniConnector({ connectionId, baseUrl: plant.url, getToken: () => plant.token, timeoutMs: 10_000 });
    const connector: Connector = {
      describe: () => real.describe(),
      revoke: () => real.revoke(),
      fetchByKeys: (entity, keys) => real.fetchByKeys(entity, keys),
      listPage: (entity, query) => {
        const page = real.listPage(entity, query);
        if (stop?.kind === 'cancel-during-fetch' && stopHere(entity, 'fetches')) controller.abort(new Error('stopped while a request was in flight'));
        return page;
      },
    };

    const store: LocalStore = {
      getCursor: (request: CursorRequest) => inner.getCursor(request),
      deleteConnection: (id: string) => inner.deleteConnection(id),
      applyIfNewer: (batch: FetchedRecords) => inner.applyIfNewer(batch),
      recordSyncHistory: (entries: SyncHistoryEntry[]) => inner.recordSyncHistory(entries),
      sweepUnseen: (request: SweepRequest) => {
        if (settled || controller.signal.aborted) violations.push(`${label}: a sweep of ${request.entity} after the run was stopped`);
        return inner.sweepUnseen(request);
      },
      applyPage: async (batch: ApplyPageBatch): Promise<ApplyPageResult> => {
        if (settled) violations.push(`${label}: a ${batch.entity} page committed after the run had ended`);
        if (controller.signal.aborted) violations.push(`${label}: a ${batch.entity} page committed after the run was cancelled`);
        const previous = committed.get(batch.entity);
        if (batch.cursor && previous && cursorProgress(previous, batch.cursor) < 0) {
          violations.push(`${label}: ${batch.entity} cursor would go back from ${describeCursor(previous)} to ${describeCursor(batch.cursor)}`);
        }
        if (upstreamChanges && batch.entity === 'workOrders') {
          // The plant keeps changing while we page through it.
          if (random.chance(0.3)) await changeUpstream(random.int(1, 40));
          if (random.chance(0.05)) await deleteUpstream(random.int(1, 2));
          if (random.chance(0.05)) await touchUpstream('assets', random.int(1, 3));
          // Someone edits an order of the page just read: it moves ahead (to be read again), and
          // everything after it in the list moves up one place.
          // (Often on pages of the open backlog, which carry no cursor: their paging is the most exposed.)
          if (random.chance(batch.cursor ? 0.3 : 0.7) && batch.records.length > 0) editInPlant(random.pick(batch.records).key);
        }
        const stopping = stop !== null && stop.kind !== 'cancel-during-fetch' && stop.kind !== 'cancel-on-timer' && stopHere(batch.entity, 'commits');
        const remember = (result: ApplyPageResult) => {
          if (batch.cursor) committed.set(batch.entity, batch.cursor);
          return result;
        };
        if (!stopping) return remember(await inner.applyPage(batch));
        switch (stop!.kind) {
          case 'crash-before-commit':
            throw new SimulatedCrash('simulated crash before the commit');
          case 'crash-after-commit':
            remember(await inner.applyPage(batch));
            throw new SimulatedCrash('simulated crash after the commit');
          case 'crash-inside-commit': {
            const keys = batch.records.map((record) => record.key);
            const found = await db.table(batch.entity).bulkGet(keys.map((key) => [connectionId, key]));
            tornPage = {
              entity: batch.entity,
              before: new Map(keys.map((key, index) => [key, (found[index] as { updatedAt: string } | undefined)?.updatedAt ?? null])),
              cursor: committed.get(batch.entity) ?? null,
            };
            // Fail the cursor's write (the last of the transaction) or, for a page without one, the records'.
            arm(batch.cursor ? 'syncCursors' : batch.entity);
            try {
              return remember(await inner.applyPage(batch));
            } finally {
              arm(null);
            }
          }
          default: {
            // cancel-during-commit: the commit is under way when the signal fires; it must finish, and be the last.
            const commit = inner.applyPage(batch);
            controller.abort(new Error('stopped while a page was being committed'));
            return remember(await commit);
          }
        }
      },
    };

    const engine = new SyncEngine({ connectionId, connector, perPage: options.perPage, historyDays: options.historyDays, ...(options.now ? { now: options.now } : {}) });
    const timer = stop?.kind === 'cancel-on-timer' ? setTimeout(() => ((stopped = true), controller.abort(new Error('stopped by a timer'))), stop.delayMs) : null;
    const started = Date.now();
    const outcome = await engine.run(store, { mode, entities, signal: controller.signal, trigger: 'manual' }).then(
      () => null,
      (error: unknown) => error,
    );
    settled = true;
    if (timer) clearTimeout(timer);
    expect(engine.running, `${label}: the engine still counts the run as going`).toBe(false);
    const wo = await db.workOrders.count();
    db.close();

    const what = stop ? `${stop.kind} at ${stop.scope} #${stop.at}${stop.kind === 'cancel-on-timer' ? ` (${stop.delayMs} ms)` : ''}` : 'to the end';
    log.push(`${label} ${mode} ${what}: ${outcome ? `stopped (${(outcome as Error).message.slice(0, 60)})` : 'completed'} in ${Date.now() - started} ms (restart check ${checkMs} ms); ${wo} work orders cached, cursor ${describeCursor(committed.get('workOrders'))}`);
    if (outcome === null) {
      if (tornPage) tornPage = null; // the stop point was never reached
      return 'completed';
    }
    if (!stopped) throw outcome; // a real failure, not one we caused
    if (tornPage && stop?.kind !== 'crash-inside-commit') tornPage = null;
    expect(outcome, `${label} seed ${seed}`).toBeInstanceOf(AppError);
    if (cancelKinds.includes(stop!.kind)) expect((outcome as AppError).code, `${label} seed ${seed}`).toBe('CANCELLED');
    else expect((outcome as AppError).message, `${label} seed ${seed}`).toContain('simulated crash');
    return 'stopped';
  }

  /** A last check on a fresh instance, then the database (closed) for comparisons. */
  async function finalDb(): Promise<MillwrightDb> {
    const { db } = openDb();
    await checkAfterRestart(db, 'final');
    return db;
  }

  return { run, finalDb, changeUpstream, deleteUpstream, violations, log, softDeleted };
}

/** Draws a stop point: mostly inside the work orders (`pages` of them per run at most), some anywhere. */
function drawStop(random: SeededRandom, pages: number): StopPoint {
  const kind = random.pick(stopKinds);
  const anywhere = random.chance(0.25);
  return { kind, scope: anywhere ? 'any' : 'workOrders', at: random.int(1, anywhere ? 12 : pages), delayMs: random.int(0, 600) };
}

/** Reads the synced entity tables, records sorted by key, without the run marks (which differ by run). */
async function tables(db: MillwrightDb): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const entity of entities) {
    const rows = (await db.table(entity).toArray()) as { key: string; syncRunId?: string }[];
    result[entity] = rows.map(({ syncRunId: _run, ...row }) => row).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return result;
}

/** A clean, uninterrupted sync of the same plant into a new database: what the crashed cache must equal. */
async function referenceSync(options: Omit<RigOptions, 'perPage'>): Promise<Record<string, unknown[]>> {
  const db = new MillwrightDb(`millwright-reference-${randomUUID()}`, { indexedDB, IDBKeyRange });
  const { plant } = options.plant;
  const connector = new MakiniConnector({ connectionId, baseUrl: plant.url, getToken: () => plant.token, timeoutMs: 10_000 });
  const engine = new SyncEngine({ connectionId, connector, perPage: 1000, historyDays: options.historyDays, ...(options.now ? { now: options.now } : {}) });
  await engine.run(new DexieLocalStore(db), { entities });
  const result = await tables(db);
  db.close();
  return result;
}

function expectWorkOrdersEqualThePlant(cached: { key: string; updatedAt: string; statusKey: string | null }[], expected: PlantRecord[]) {
  expect(new Set(cached.map((wo) => wo.key)).size, `duplicates, seed ${seed}`).toBe(cached.length);
  const byKey = new Map(cached.map((wo) => [wo.key, wo]));
  const missing = expected.filter((record) => !byKey.has(record.key!)).map((record) => record.key);
  const stale = expected
    .filter((record) => byKey.has(record.key!))
    .filter((record) => {
      const wo = byKey.get(record.key!)!;
      return wo.updatedAt !== record.updatedAt || wo.statusKey !== (record as { statusKey?: string }).statusKey;
    })
    .map((record) => record.key);
  const wanted = new Set(expected.map((record) => record.key));
  const extra = cached.filter((wo) => !wanted.has(wo.key)).map((wo) => wo.key);
  expect({ missing: missing.slice(0, 10), stale: stale.slice(0, 10), extra: extra.slice(0, 10) }, `seed ${seed}`).toEqual({ missing: [], stale: [], extra: [] });
  expect(cached.length).toBe(expected.length);
}

describe('sync engine crash test (20,000 work orders, in process)', () => {
  it('ends with a cache equal to the server after 20 stops at random points while the plant keeps changing', { timeout: 90_000 }, async () => {
    const random = new SeededRandom(seed);
    const big = await bigPlant.get();
    const { plant } = big;
    const rig = createRig(random, { plant: big, perPage: 400, historyDays: null });
    let stops = 0;
    for (let attempt = 1; stops < 20; attempt += 1) {
      expect(attempt, `the engine would not stop 20 times; seed ${seed}\n${rig.log.join('\n')}`).toBeLessThanOrEqual(60);
      // Now and then a full re-sync (cursors ignored): stopping one must not move a cursor back either.
      const mode = random.chance(0.15) ? 'full' : 'incremental';
      if ((await rig.run(`run ${attempt}`, mode, drawStop(random, mode === 'full' ? 8 : 5), true)) === 'stopped') stops += 1;
      await rig.changeUpstream(random.int(1, 50));
      if (attempt % 5 === 1) await rig.deleteUpstream(random.int(1, 3));
    }
    // The plant holds still from here: a change during the last page's commit would only be read by the next run.
    expect(await rig.run('last run', 'incremental', null)).toBe('completed');
    console.log(rig.log.join('\n'));
    expect(rig.violations, `seed ${seed}`).toEqual([]);

    const db = await rig.finalDb();
    expect(rig.violations, `seed ${seed}`).toEqual([]);
    expect(rig.softDeleted.size).toBeGreaterThan(0);
    const live = plantRecords(plant, 'workOrders').filter((record) => !record.deletedAt);
    expect(live.length).toBeGreaterThan(workOrderCount - 100);
    expectWorkOrdersEqualThePlant(await db.workOrders.toArray(), live);
    expect(await db.quarantine.count()).toBe(0);
    // The other entities too (assets were edited along the way): the plant's live records, each in its current version.
    for (const entity of entities.filter((name) => name !== 'workOrders')) {
      const cached = ((await db.table(entity).toArray()) as { key: string; updatedAt: string }[]).map((row) => `${row.key} ${row.updatedAt}`).sort();
      const upstream = plantRecords(plant, entity as CollectionName).filter((record) => !record.deletedAt).map((record) => `${record.key} ${record.updatedAt}`).sort();
      expect(cached, `${entity}, seed ${seed}`).toEqual(upstream);
    }
    db.close();
  });

  it('reads the open backlog of a windowed first sync even when it was stopped before getting there', { timeout: 60_000 }, async () => {
    const random = new SeededRandom(seed ^ 0x9e3779b9);
    const small = await smallPlant.get();
    const now = new Date(small.clock.now());
    // Small pages, so the open backlog takes several per status and stops land in it too.
    const rig = createRig(random, { plant: small, perPage: 10, historyDays: 90, now: () => now });
    let stops = 0;
    for (let attempt = 1; stops < 6; attempt += 1) {
      expect(attempt, `seed ${seed}`).toBeLessThanOrEqual(30);
      if ((await rig.run(`windowed run ${attempt}`, 'incremental', drawStop(random, 3), true)) === 'stopped') stops += 1;
      await rig.changeUpstream(random.int(1, 30));
    }
    expect(await rig.run('windowed last run', 'incremental', null)).toBe('completed');
    console.log(rig.log.join('\n'));
    expect(rig.violations, `seed ${seed}`).toEqual([]);

    const db = await rig.finalDb();
    const windowStart = now.getTime() - 90 * 86_400_000;
    const statusesOf = (name: 'workOrderStatuses' | 'purchaseOrderStatuses') =>
      new Map(small.plant.state.collections[name].live().map((status) => [status.key!, { name: status.name! }]));
    const inWindowOrOpen = (isClosed: (status: { name: string }) => boolean, statuses: Map<string, { name: string }>) => (record: PlantRecord) =>
      !record.deletedAt && (instant(record.updatedAt!) >= windowStart || !isClosed(statuses.get((record as { statusKey: string }).statusKey) ?? { name: '' }));
    const expectedWorkOrders = plantRecords(small.plant, 'workOrders').filter(inWindowOrOpen(isClosedWorkOrderStatus, statusesOf('workOrderStatuses')));
    expect(expectedWorkOrders.length).toBeLessThan(3000);
    expectWorkOrdersEqualThePlant(await db.workOrders.toArray(), expectedWorkOrders);
    const expectedOrders = plantRecords(small.plant, 'purchaseOrders').filter(inWindowOrOpen(isClosedPurchaseOrderStatus, statusesOf('purchaseOrderStatuses')));
    expect((await db.purchaseOrders.toArray()).map((po) => po.key).sort()).toEqual(expectedOrders.map((po) => po.key!).sort());
    const crashed = await tables(db);
    db.close();
    expect(crashed, `seed ${seed}`).toEqual(await referenceSync({ plant: small, historyDays: 90, now: () => now }));
  });

  it('reads an instant holding more than a page right while its records change', async () => {
    // Found by the runs above: with many orders stamped in one second, reading that second page by
    // page skipped an order when another one of it changed meanwhile, or gave up when orders joined it.
    const tiny = await startDemoPlant({ seed: 35, sizes: { workOrders: 200 }, changesPerMinute: 0, stateFile: null });
    try {
      const connector = new MakiniConnector({ connectionId, baseUrl: tiny.url, getToken: () => tiny.token, timeoutMs: 10_000 });
      const put = (record: PlantRecord, updatedAt: string, notes: string) => tiny.state.put('workOrders', { ...record, notes, updatedAt } as PlantRecord);
      // Seconds ahead of the clock, each case later than the one before, so the plant's order stays plain.
      let ahead = Date.now() + 5_000;
      for (const change of ['leaves', 'joins'] as const) {
        for (const atCommit of [2, 3]) {
          ahead += 20_000;
          const db = new MillwrightDb(`millwright-instant-${randomUUID()}`, { indexedDB, IDBKeyRange });
          const store = new DexieLocalStore(db);
          const engine = new SyncEngine({ connectionId, connector, perPage: 10, historyDays: null });
          await engine.run(store, { entities: ['workOrders'] });
          // 35 orders in one second (a bulk edit), then one of them changes again, or three more join, mid-read.
          const second = isoSeconds(ahead);
          for (const record of tiny.state.collections.workOrders.live().slice(0, 35)) put(record, second, 'Bulk edit.');
          const applyPage = store.applyPage.bind(store);
          let commits = 0;
          store.applyPage = (batch) => {
            // One of the page's orders (re-reads the engine already holds as they are are not in it).
            const ofThePage = batch.records[Math.min(2, batch.records.length - 1)];
            if (++commits === atCommit && change === 'leaves' && ofThePage) put(tiny.state.collections.workOrders.get(ofThePage.key)!, isoSeconds(ahead + 10_000), 'Again.');
            if (commits === atCommit && change === 'joins') for (const record of tiny.state.collections.workOrders.live().slice(100, 103)) put(record, second, 'Joined.');
            return applyPage(batch);
          };
          await engine.run(store, { entities: ['workOrders'] });
          const cached = new Map((await db.workOrders.toArray()).map((wo) => [wo.key, wo.updatedAt]));
          const wrong = tiny.state.collections.workOrders.live().filter((record) => cached.get(record.key!) !== record.updatedAt);
          expect(wrong.map((record) => record.key), `${change} at commit ${atCommit}`).toEqual([]);
          db.close();
        }
      }
    } finally {
      await tiny.close();
    }
  });

  it('cancels at once while waiting out a Retry-After, and says so in the Sync history', async () => {
    const { plant } = await smallPlant.get();
    const control = demoPlantControl(plant.url, plant.token);
    await control.injectFault({ status: 429, retryAfterSeconds: 60, pathPrefix: '/api/eam/work-orders', times: 1 });
    const db = new MillwrightDb(`millwright-cancel-${randomUUID()}`, { indexedDB, IDBKeyRange });
    const real = new MakiniConnector({ connectionId, baseUrl: plant.url, getToken: () => plant.token, timeoutMs: 10_000 });
    const controller = new AbortController();
    let cancelledAt: number | null = null;
    // Cancelled once the engine waits out the Retry-After: on a timer set when the 429 comes back,
    // which runs after the retry loop has taken the answer and started its wait. (A timer from the
    // start of the run raced the reads of the entities before the work orders on a busy machine.)
    const connector: Connector = {
      describe: () => real.describe(),
      revoke: () => real.revoke(),
      fetchByKeys: (entity, keys) => real.fetchByKeys(entity, keys),
      listPage: (entity, query) => {
        const page = real.listPage(entity, query);
        page.catch((error: unknown) => {
          if (!(error instanceof AppError) || error.code !== 'UPSTREAM_RATE_LIMITED') return;
          setTimeout(() => {
            cancelledAt = Date.now();
            controller.abort();
          }, 20);
        });
        return page;
      },
    };
    const engine = new SyncEngine({ connectionId, connector, historyDays: null });
    const error = (await engine.run(new DexieLocalStore(db), { entities, signal: controller.signal }).catch((e: unknown) => e)) as AppError;
    const settledAt = Date.now();
    await control.clearFaults();
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('CANCELLED');
    expect(cancelledAt, 'the 429 never came').not.toBeNull();
    // At once: nothing like the 60 s the upstream asked for.
    expect(settledAt - cancelledAt!).toBeLessThan(10_000);
    expect(engine.running).toBe(false);
    const history = await db.syncHistory.toArray();
    expect(history.find((row) => row.entity === 'workOrders')).toMatchObject({ outcome: 'failed', retries: 1, error: { code: 'CANCELLED' } });
    expect(history.find((row) => row.entity === 'assets')).toMatchObject({ outcome: 'synced' });
    db.close();
  });

  it('survives stopped full re-syncs: what upstream purged goes, nothing else does, and no cursor moves back', { timeout: 60_000 }, async () => {
    const random = new SeededRandom(seed ^ 0x5bd1e995);
    const small = await smallPlant.get();
    const rig = createRig(random, { plant: small, perPage: 100, historyDays: null });
    expect(await rig.run('first sync', 'incremental', null)).toBe('completed');
    const purged = await rig.deleteUpstream(5, true);
    await rig.changeUpstream(30);
    let stops = 0;
    for (let attempt = 1; stops < 4; attempt += 1) {
      expect(attempt, `seed ${seed}`).toBeLessThanOrEqual(12);
      if ((await rig.run(`full run ${attempt}`, 'full', { ...drawStop(random, 30), scope: 'workOrders' }, true)) === 'stopped') stops += 1;
    }
    expect(await rig.run('full run to the end', 'full', null)).toBe('completed');
    expect(await rig.run('incremental after', 'incremental', null)).toBe('completed');
    console.log(rig.log.join('\n'));
    expect(rig.violations, `seed ${seed}`).toEqual([]);

    const db = await rig.finalDb();
    expect(rig.violations, `seed ${seed}`).toEqual([]);
    for (const key of purged) expect(await db.workOrders.get([connectionId, key])).toBeUndefined();
    expectWorkOrdersEqualThePlant(await db.workOrders.toArray(), plantRecords(small.plant, 'workOrders').filter((record) => !record.deletedAt));
    db.close();
  });
});
