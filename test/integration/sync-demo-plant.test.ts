import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/core/demo-plant/demo-plant-server';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { AppError } from '../../shared/errors';
import type { SyncProgress } from '../../shared/sync-progress';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { demoPlantControl } from '../support/demo-plant-control';
import { createTestDb } from '../support/test-db';

const connectionId = 'demo';
let plant: RunningDemoPlant;
let control: ReturnType<typeof demoPlantControl>;
const dbs: MillwrightDb[] = [];

function engineFor(db: MillwrightDb, token = plant.token, onProgress?: (p: SyncProgress) => void) {
  const connector = new MakiniConnector({ connectionId, baseUrl: plant.url, getToken: () => token });
  return { engine: new SyncEngine({ connectionId, connector, perPage: 250, ...(onProgress ? { onProgress } : {}) }), store: new DexieLocalStore(db) };
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
afterEach(() => control.clearFaults());
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

  it.each(['shape', 'json'] as const)('rejects a malformed (%s) page with a typed error, keeps the cache, and resumes cleanly', async (malformed) => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await control.injectFault({ malformed, pathPrefix: '/api/eam/work-orders', skip: 3, times: 1 });
    const error = await engine.run(store).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('UPSTREAM_MALFORMED');
    const before = await snapshot(db);
    expect(before.workOrders).toBeGreaterThan(0);
    expect(before.workOrders).toBeLessThan(5000);
    const cursorBefore = before.cursors.find((c) => c.entity === 'workOrders')!.cursor;
    const newestCached = (await db.workOrders.toArray()).map((wo) => Date.parse(wo.updatedAt)).reduce((a, b) => Math.max(a, b));
    expect(Date.parse(cursorBefore.updatedAt)).toBe(newestCached);

    await engine.run(store);
    expect(await db.workOrders.count()).toBe((await control.stats()).counts['work-orders']);
  });

  it('leaves a synced cache exactly as it was when the next page is malformed', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await engine.run(store);
    const before = { ...(await snapshot(db)), rows: await db.workOrders.toArray() };
    await control.advanceWorkOrders(5);
    await control.injectFault({ malformed: 'shape', pathPrefix: '/api/eam/work-orders', times: 1 });
    const error = (await engine.run(store).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('UPSTREAM_MALFORMED');
    expect(error.details?.[0]).toMatch(/^record 0: /);
    expect({ ...(await snapshot(db)), rows: await db.workOrders.toArray() }).toEqual(before);
  });

  it('recovers from a 503 half-way with nothing lost or doubled', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    await control.injectFault({ status: 503, pathPrefix: '/api/eam/work-orders', skip: 8, times: 1 });
    const error = (await engine.run(store).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.requestId).toBeTruthy();
    const summary = await engine.run(store);
    const wo = summary.entities.find((e) => e.entity === 'workOrders')!;
    expect(wo.applied).toBeLessThan(5000);
    expect(await db.workOrders.count()).toBe((await control.stats()).counts['work-orders']);
  });

  it('joins a run already going instead of starting a second one', async () => {
    const db = newDb();
    const { engine, store } = engineFor(db);
    const [a, b] = await Promise.all([engine.run(store), engine.run(store)]);
    expect(a).toBe(b);
  });
});
