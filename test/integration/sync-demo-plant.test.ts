import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { SyncEngine, type SyncEngineOptions } from '../../electron/core/sync/sync-engine';
import { syncEntities, type SyncEntity } from '../../shared/domain/sync-entity';
import { AppError } from '../../shared/errors';
import type { SyncProgress } from '../../shared/sync-progress';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { demoPlantControl } from '../support/demo-plant-control';
import { createTestDb } from '../support/test-db';
import { countWrites } from '../support/write-counter';

const connectionId = 'demo';
let plant: RunningDemoPlant;
let control: ReturnType<typeof demoPlantControl>;
const dbs: MillwrightDb[] = [];

/** Waits the engine asked for between retries, recorded instead of slept. */
let waits: number[] = [];

function engineFor(db: MillwrightDb, token = plant.token, onProgress?: (p: SyncProgress) => void, extra: Partial<SyncEngineOptions> = {}) {
  const connector = new MakiniConnector({ connectionId, baseUrl: plant.url, getToken: () => token, timeoutMs: 2000 });
  const engine = new SyncEngine({
    connectionId,
    connector,
    perPage: 250,
    historyDays: null,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...(onProgress ? { onProgress } : {}),
    ...extra,
  });
  return { engine, store: new DexieLocalStore(db) };
}

function newDb(): MillwrightDb {
  const db = createTestDb();
  dbs.push(db);
  return db;
}

async function cachedCountsByStatusName(db: MillwrightDb): Promise<Record<string, number>> {
  const statuses = new Map((await db.workOrderStatuses.toArray()).map((s) => [s.key, s.name]));
  const counts: Record<string, number> = {};
  for (const s of statuses.values()) counts[s] = 0;
  await db.workOrders.each((wo) => {
    const name = statuses.get(wo.statusKey ?? '') ?? '(unknown)';
    counts[name] = (counts[name] ?? 0) + 1;
  });
  return counts;
}

async function snapshot(db: MillwrightDb) {
  return {
    workOrders: await db.workOrders.count(),
    assets: await db.assets.count(),
    cursors: await db.syncCursors.toArray(),
  };
}

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 42, stateFile: null });
  control = demoPlantControl(plant.url, plant.token);
});
afterEach(async () => {
  await control.clearFaults();
  waits = [];
});
afterAll(async () => {
  for (const db of dbs) db.close();
  await plant.close();
});

describe('sync engine against the demo plant over HTTP into Dexie', () => {
  it('caches all 5,000 work orders with the server\'s counts per status, then pulls only what changed', async () => {
    const db = newDb();
    const progress: SyncProgress[] = [];
    const { engine, store } = engineFor(db, plant.token, (p) => progress.push(p));

    const first = await engine.run(store);
    const server = await control.stats();
    expect(server.counts['work-orders']).toBe(5000);
    expect(await db.workOrders.count()).toBe(5000);
    expect(await cachedCountsByStatusName(db)).toEqual(server.workOrdersByStatus);
    expect(await db.assets.count()).toBe(server.counts.assets);
    expect(await db.sites.count()).toBe(server.counts.sites);
    expect(first.entities.find((e) => e.entity === 'workOrders')?.applied).toBe(5000);
    const woProgress = progress.filter((p) => p.entity === 'workOrders');
    expect(woProgress.at(-1)).toMatchObject({ phase: 'done', fetched: 5000, total: 5000 });

    const changed = await control.advanceWorkOrders(10);
    const second = await engine.run(store);
    const wo = second.entities.find((e) => e.entity === 'workOrders')!;
    expect(wo.applied).toBe(10);
    expect(wo.requests).toBe(1);
    for (const entity of second.entities.filter((e) => e.entity !== 'workOrders')) expect(entity.applied).toBe(0);
    const after = await control.stats();
    expect(await cachedCountsByStatusName(db)).toEqual(after.workOrdersByStatus);
    for (const key of changed) {
      const cached = await db.workOrders.get([connectionId, key]);
      const upstream = plant.state.collections.workOrders.get(key)!;
      expect(cached?.statusKey).toBe(upstream.statusKey);
      expect(cached?.updatedAt).toBe(upstream.updatedAt);
    }
  });

  it('misses nothing when records change on the server during a multi-page sync', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    const changedDuringSync: string[] = [];
    const applyPage = store.applyPage.bind(store);
    let pages = 0;
    store.applyPage = async (batch) => {
      const result = await applyPage(batch);
      if (batch.entity === 'workOrders' && ++pages <= 5) changedDuringSync.push(...(await control.advanceWorkOrders(7)));
      return result;
    };
    await engine.run(store);
    expect(changedDuringSync).toHaveLength(35);
    for (const key of changedDuringSync) {
      expect((await db.workOrders.get([connectionId, key]))?.updatedAt).toBe(plant.state.collections.workOrders.get(key)!.updatedAt);
    }
    expect(await cachedCountsByStatusName(db)).toEqual((await control.stats()).workOrdersByStatus);
  });

  it('stops with a typed error on a bad token and leaves the cache as it was', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db, 'not-the-token');
    const error = await engine.run(store).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UPSTREAM_AUTH');
    expect((error as AppError).status).toBe(401);
    expect((error as AppError).requestId).toMatch(/[0-9a-f-]{36}/);
    expect(await snapshot(db)).toEqual({ workOrders: 0, assets: 0, cursors: [] });
  });

  it('fails only the list whose page is not JSON, keeps the cache consistent, reads the other lists, and resumes cleanly', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await control.injectFault({ malformed: 'json', pathPrefix: '/api/eam/work-orders', skip: 3, times: 1 });
    const partial = await engine.run(store);
    expect(partial.outcome).toBe('partial');
    const failedRow = (await db.syncHistory.toArray()).find((row) => row.outcome === 'failed')!;
    expect(failedRow).toMatchObject({ entity: 'workOrders', error: { code: 'UPSTREAM_MALFORMED', list: 'Work orders', failedAt: 'makini' } });
    expect(failedRow.error!.message).toMatch(/^Work orders could not be read\. .*not JSON/);
    expect(failedRow.error!.message).not.toMatch(/workOrders|\/api\/eam/);
    // The lists after work orders were still read.
    expect(await db.purchaseOrders.count()).toBe((await control.stats()).counts['purchase-orders']);
    const before = await snapshot(db);
    expect(before.workOrders).toBeGreaterThan(0);
    expect(before.workOrders).toBeLessThan(5000);
    const cursorBefore = before.cursors.find((c) => c.entity === 'workOrders')!.cursor;
    const newestCached = (await db.workOrders.toArray()).map((wo) => Date.parse(wo.updatedAt)).reduce((a, b) => Math.max(a, b));
    expect(Date.parse(cursorBefore.updatedAt)).toBe(newestCached);

    expect((await engine.run(store)).outcome).toBe('synced');
    expect(await db.workOrders.count()).toBe((await control.stats()).counts['work-orders']);
  });

  it('leaves a synced cache exactly as it was when the next page is not JSON', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await engine.run(store);
    const before = { ...(await snapshot(db)), rows: await db.workOrders.toArray() };
    await control.advanceWorkOrders(5);
    await control.injectFault({ malformed: 'json', pathPrefix: '/api/eam/work-orders', times: 1 });
    const summary = await engine.run(store);
    expect(summary.outcome).toBe('partial');
    const row = (await db.syncHistory.toArray()).find((entry) => entry.runId === summary.runId && entry.entity === 'workOrders')!;
    expect(row.outcome).toBe('failed');
    expect(row.error).toMatchObject({ code: 'UPSTREAM_MALFORMED', requestId: expect.any(String) });
    expect({ ...(await snapshot(db)), rows: await db.workOrders.toArray() }).toEqual(before);
  });

  it('quarantines records that fail validation, with the reason, and applies the rest of their page', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await engine.run(store);
    const changed = await control.advanceWorkOrders(6);
    await control.injectFault({ malformed: 'shape', pathPrefix: '/api/eam/work-orders', times: 1 });
    const summary = await engine.run(store);
    const wo = summary.entities.find((e) => e.entity === 'workOrders')!;
    expect(wo.quarantined).toBeGreaterThan(0);
    const quarantined = await db.quarantine.toArray();
    expect(quarantined.length).toBe(wo.quarantined);
    expect(quarantined[0]).toMatchObject({ connectionId, entity: 'workOrders' });
    expect(quarantined[0]!.reason).toMatch(/key|updatedAt/);
    expect(quarantined[0]!.raw.length).toBeGreaterThan(10);
    const history = await db.syncHistory.where('connectionId').equals(connectionId).toArray();
    expect(history.filter((row) => row.runId === summary.runId && row.entity === 'workOrders')).toMatchObject([
      { outcome: 'synced', quarantined: wo.quarantined },
    ]);
    expect(changed.length).toBe(6);
  });

  it('retries 503 bursts, resets and timeouts with capped exponential backoff, and waits as long as a 429 asks', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await control.injectFault({ status: 503, pathPrefix: '/api/eam/work-orders', skip: 4, times: 3 });
    await control.injectFault({ status: 429, retryAfterSeconds: 7, pathPrefix: '/api/eam/assets', times: 1 });
    await control.injectFault({ delayMs: 2500, pathPrefix: '/api/eam/sites', times: 1 });
    const summary = await engine.run(store);
    expect(await db.workOrders.count()).toBe(5000);
    expect(summary.entities.find((e) => e.entity === 'workOrders')?.retries).toBe(3);
    expect(summary.entities.find((e) => e.entity === 'assets')?.retries).toBe(1);
    expect(summary.entities.find((e) => e.entity === 'sites')?.retries).toBe(1);
    // sites: one timeout → 250 ms (0.5 × 500); assets: Retry-After 7 s; work orders: 250, 500, 1000 ms.
    expect(waits).toEqual([250, 7000, 250, 500, 1000]);
  });

  it('gives up on a list after the last retry with the upstream request id, reads the others, and the next run resumes with nothing lost or doubled', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await control.injectFault({ status: 503, pathPrefix: '/api/eam/work-orders', skip: 8, times: 6 });
    const partial = await engine.run(store);
    expect(partial.outcome).toBe('partial');
    expect(partial.entities.find((e) => e.entity === 'workOrders')).toMatchObject({ outcome: 'failed', retries: 5 });
    expect(partial.entities.filter((e) => e.outcome === 'failed').map((e) => e.entity)).toEqual(['workOrders']);
    const failed = (await db.syncHistory.toArray()).find((row) => row.outcome === 'failed')!;
    expect(failed).toMatchObject({ entity: 'workOrders', outcome: 'failed', retries: 5, error: { code: 'UPSTREAM_UNAVAILABLE', status: 503, list: 'Work orders', failedAt: 'makini' } });
    expect(failed.error?.requestId).toBeTruthy();
    expect(failed.error?.message).toMatch(/^Work orders could not be read\. Makini answered HTTP 503/);
    expect(failed.received).toBeGreaterThanOrEqual(failed.applied + failed.quarantined);
    expect(await db.purchaseOrders.count()).toBe((await control.stats()).counts['purchase-orders']);
    const summary = await engine.run(store);
    expect(summary.outcome).toBe('synced');
    expect(summary.entities.find((e) => e.entity === 'workOrders')!.applied).toBeLessThan(5000);
    expect(await db.workOrders.count()).toBe((await control.stats()).counts['work-orders']);
  });

  it('skips an entity the token may not read (403) and syncs the others', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await control.injectFault({ status: 403, pathPrefix: '/api/eam/assets', times: 1 });
    const summary = await engine.run(store);
    expect(summary.entities.find((e) => e.entity === 'assets')?.outcome).toBe('no_permission');
    expect(await db.assets.count()).toBe(0);
    expect(await db.workOrders.count()).toBe(5000);
  });

  it('stops at once on a 401 mid-sync, without retrying, with the committed pages kept', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await control.injectFault({ status: 401, pathPrefix: '/api/eam/work-orders', skip: 5, times: 1 });
    const error = (await engine.run(store).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('UPSTREAM_AUTH');
    expect(waits).toEqual([]);
    const cached = await db.workOrders.count();
    expect(cached).toBeGreaterThan(0);
    expect(cached).toBeLessThan(5000);
  });

  it('reads the history window plus every open work order on a first sync', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db, plant.token, undefined, { historyDays: 90 });
    await engine.run(store);
    const windowStart = Date.now() - 90 * 86_400_000;
    const statuses = new Map(plant.state.collections.workOrderStatuses.live().map((s) => [s.key!, s.name!]));
    const expected = plant.state.collections.workOrders
      .live()
      .filter((wo) => Date.parse(wo.updatedAt!) >= windowStart - 60_000 || !['Completed', 'Closed'].includes(statuses.get(wo.statusKey!)!));
    const cached = await db.workOrders.count();
    expect(cached).toBeGreaterThan(0);
    expect(cached).toBeLessThan(5000);
    expect(Math.abs(cached - expected.length)).toBeLessThanOrEqual(2); // records within a minute of the window edge
    for (const wo of expected.filter((w) => !['Completed', 'Closed'].includes(statuses.get(w.statusKey!)!))) {
      expect(await db.workOrders.get([connectionId, wo.key!])).toBeTruthy();
    }
  });

  it('full re-sync re-reads everything and removes what upstream no longer has', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await engine.run(store);
    // A record upstream no longer has: only a full re-sync can notice.
    await db.workOrders.put({ ...(await db.workOrders.toCollection().first())!, key: 'gone-upstream' });
    expect(await db.workOrders.count()).toBe(5001);
    const summary = await engine.run(store, { mode: 'full' });
    expect(summary.mode).toBe('full');
    expect(summary.entities.find((e) => e.entity === 'workOrders')).toMatchObject({ applied: 5000, deleted: 1 });
    expect(await db.workOrders.get([connectionId, 'gone-upstream'])).toBeUndefined();
    expect(await db.workOrders.count()).toBe(5000);
  });

  it('brings the last version of a record changed twice within the cursor\'s second', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await engine.run(store);
    const second = Date.now() - (Date.now() % 1000) + 1000; // one instant, used for both changes
    const random = new SeededRandom(3);
    const [key] = plant.state.advanceWorkOrders(1, random, second);
    await engine.run(store);
    expect((await db.workOrders.get([connectionId, key!]))?.statusKey).toBe(plant.state.collections.workOrders.get(key!)!.statusKey);
    // Same key, same second, new status: invisible to timestamps alone.
    const current = plant.state.collections.workOrders.get(key!)!;
    const next = plant.state.collections.workOrderStatuses.live().find((s) => s.key !== current.statusKey)!;
    plant.state.put('workOrders', { ...current, statusKey: next.key, status: next.name } as typeof current);
    await engine.run(store);
    expect((await db.workOrders.get([connectionId, key!]))?.statusKey).toBe(next.key);
  });

  it('reads the cursor\'s second again but writes only the records in it that changed', async () => {
    const db = newDb();
    const writes = countWrites(db);
    const { engine, store } = engineFor(db);
    await engine.run(store);
    const random = new SeededRandom(4);
    const second = Date.now() - (Date.now() % 1000) + 1000;
    const batch = plant.state.advanceWorkOrders(20, random, second);
    await engine.run(store, { entities: ['workOrders'] });
    expect(new Set(writes.puts.get('workOrders')!.slice(-20))).toEqual(new Set(batch));

    // The next run reads those 20 again (the cursor's second): one changed meanwhile, within that second.
    writes.clear();
    const current = plant.state.collections.workOrders.get(batch[7]!)!;
    const next = plant.state.collections.workOrderStatuses.live().find((status) => status.key !== current.statusKey)!;
    plant.state.put('workOrders', { ...current, statusKey: next.key, status: next.name } as typeof current);
    const run = await engine.run(store, { entities: ['workOrders'] });
    expect(run.entities[0]).toMatchObject({ received: 20, applied: 0 });
    expect(writes.puts.get('workOrders')).toEqual([batch[7]]);
    expect((await db.workOrders.get([connectionId, batch[7]!]))?.statusKey).toBe(next.key);

    // Read again with nothing changed: the engine holds the versions it committed at the cursor, so
    // it sends the store nothing and commits nothing.
    const pages: number[] = [];
    const watched: typeof store = Object.create(store);
    watched.applyPage = (page) => {
      pages.push(page.records.length);
      return store.applyPage(page);
    };
    writes.clear();
    const again = await engine.run(store, { entities: ['workOrders'] });
    expect(again.entities[0]).toMatchObject({ received: 20, applied: 0 });
    expect(writes.puts.get('workOrders') ?? []).toEqual([]);
    // Through another store object the engine knows nothing of, the page goes to the store, which skips them itself.
    await engine.run(watched, { entities: ['workOrders'] });
    expect(pages).toEqual([20]);
    expect(writes.puts.get('workOrders') ?? []).toEqual([]);
    // And again through it: now known, nothing is sent.
    await engine.run(watched, { entities: ['workOrders'] });
    expect(pages).toEqual([20]);
  });

  it('asks for the first page of the next run while it reads its cursor, and uses that page', async () => {
    const db = newDb();
    const listed: string[] = [];
    const fetching: typeof fetch = (input, init) => {
      if (String(input).includes('/work-orders?')) listed.push(String(input));
      return fetch(input, init);
    };
    const { engine, store } = engineFor(db, plant.token, undefined, { connector: new MakiniConnector({ connectionId, baseUrl: plant.url, getToken: () => plant.token, timeoutMs: 2000, fetch: fetching }) });
    // The store's cursor read waits (up to 2 s) for a request to the list: it sees one only if the run asked before it answered.
    let slow = false;
    let askedWhileReadingCursor = 0;
    const slowCursor: typeof store = Object.create(store);
    slowCursor.getCursor = async (request) => {
      const deadline = Date.now() + 2_000;
      while (slow && listed.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      askedWhileReadingCursor = listed.length;
      return store.getCursor(request);
    };
    await engine.run(slowCursor, { entities: ['workOrders'] });
    // Stamped after the cursor, which earlier tests' changes may have put a second ahead of now.
    plant.state.advanceWorkOrders(3, new SeededRandom(5), Date.now() - (Date.now() % 1000) + 2000);
    listed.length = 0;
    slow = true;
    const run = await engine.run(slowCursor, { entities: ['workOrders'] });
    expect(askedWhileReadingCursor).toBe(1);
    expect(listed).toHaveLength(1);
    expect(run.entities[0]).toMatchObject({ requests: 1, applied: 3 });
  });

  it('asks again from the stored cursor when it is not where the last run left it, and loses nothing', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await engine.run(store, { entities: ['workOrders'] });
    // The cache loses records and its cursor behind the engine's back (as a cleared cache would).
    const gone = (await db.workOrders.limit(5).primaryKeys()) as [string, string][];
    await db.workOrders.bulkDelete(gone);
    await db.syncCursors.clear();
    const run = await engine.run(store, { entities: ['workOrders'] });
    const upstream = plant.state.collections.workOrders.live().length;
    expect(await db.workOrders.count()).toBe(upstream);
    expect(await db.workOrders.bulkGet(gone)).not.toContain(undefined);
    // The page asked for early is counted as a request made, though not used.
    expect(run.entities[0]!.requests).toBe(Math.ceil(upstream / 250) + 1 + 1);
  });

  it('syncs every entity of the spec the plant serves, each equal to the plant\'s records, and reports the rest as unsupported', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    const summary = await engine.run(store);
    const { counts } = await control.stats();
    const routes: Record<SyncEntity, string> = {
      sites: 'sites', locations: 'locations', teams: 'teams', users: 'users', labors: 'labors',
      workOrderStatuses: 'statuses/work-orders', serviceRequestStatuses: 'statuses/service-requests', assets: 'assets', meters: 'meters', meterReadings: 'meter-readings',
      pmPlans: 'pm', workOrders: 'work-orders', workOrderMaterials: 'work-orders/materials', assetDowntimes: 'assets-downtime', serviceRequests: 'service-requests', documents: 'documents', vendors: 'vendors', materials: 'materials', inventories: 'inventories',
      stocks: 'stocks', purchaseOrderStatuses: 'statuses/purchase-orders', purchaseOrders: 'purchase-orders',
      purchaseOrderLineItems: 'purchase-orders.line-items',
    };
    expect(summary.entities.map((e) => e.entity)).toEqual([...syncEntities]);
    for (const entity of syncEntities) {
      const served = counts[routes[entity]];
      const outcome = summary.entities.find((e) => e.entity === entity)!.outcome;
      if (served === undefined) {
        expect(outcome, entity).toBe('unsupported');
      } else {
        expect(outcome, entity).toBe('synced');
        expect(await db.table(entity).count(), entity).toBe(served);
      }
    }
    const pm = await db.pmPlans.toCollection().first();
    expect(pm?.triggers.length).toBeGreaterThan(0);
    expect(pm?.assetKeys.length).toBeGreaterThan(0);
    const line = await db.purchaseOrderLineItems.toCollection().first();
    expect(await db.purchaseOrders.get([connectionId, line!.purchaseOrderKey!])).toBeTruthy();
    expect(typeof line?.quantity).toBe('number');
  });

  it('reads to the end when the server serves fewer records a page than asked for', async () => {
    const db = newDb();
    // The plant caps per_page at 1,000: only its page numbers say that more follow.
    const { engine, store } = engineFor(db, plant.token, undefined, { perPage: 2500 });
    await engine.run(store, { entities: ['workOrders'] });
    expect(await db.workOrders.count()).toBe((await control.stats()).counts['work-orders']);
  });

  it('syncs one entity on request', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    const summary = await engine.run(store, { entities: ['sites'] });
    expect(summary.entities.map((e) => e.entity)).toEqual(['sites']);
    expect(await db.sites.count()).toBe((await control.stats()).counts.sites);
    expect(await db.workOrders.count()).toBe(0);
  });

  it('joins a run already going instead of starting a second one', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    const [a, b] = await Promise.all([engine.run(store), engine.run(store)]);
    expect(a).toBe(b);
  });
});
