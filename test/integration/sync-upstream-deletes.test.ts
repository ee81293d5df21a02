import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { demoPlantControl } from '../support/demo-plant-control';
import { createTestDb } from '../support/test-db';

const connectionId = 'demo';
const sizes = { workOrders: 800, assets: 120, purchaseOrders: 100 };
let home: string;
let plant: RunningDemoPlant;
let control: ReturnType<typeof demoPlantControl>;
const dbs: MillwrightDb[] = [];

function syncInto(db: MillwrightDb) {
  const connector = new MakiniConnector({ connectionId, baseUrl: plant.url, getToken: () => plant.token, timeoutMs: 2000 });
  const engine = new SyncEngine({ connectionId, connector, perPage: 100, historyDays: null });
  const store = new DexieLocalStore(db);
  return (mode: 'incremental' | 'full' = 'incremental') => engine.run(store, { mode });
}

function newDb(): MillwrightDb {
  const db = createTestDb();
  dbs.push(db);
  return db;
}

/** Seconds are the API's resolution: start each upstream change in a second of its own. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'millwright-deletes-'));
  plant = await startDemoPlant({ seed: 11, sizes, changesPerMinute: 0, stateFile: path.join(home, 'plant.json') });
  control = demoPlantControl(plant.url, plant.token);
});

afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
});

afterAll(async () => {
  await plant.close();
  await rm(home, { recursive: true, force: true });
});

describe('records deleted upstream', () => {
  it('vanish from the cache on the next incremental sync when soft-deleted, while edited ones update', async () => {
    const db = newDb();
    const sync = syncInto(db);
    await sync();
    await nextSecond();
    const goneOrders = await control.deleteRecords('work-orders', 7);
    const goneAssets = await control.deleteRecords('assets', 3);
    const goneLines = await control.deleteRecords('purchase-orders.line-items', 4);
    const touched = await control.touch('assets', 5);

    const summary = await sync();
    const deleted = Object.fromEntries(summary.entities.map((e) => [e.entity, e.deleted]));
    expect(deleted).toMatchObject({ workOrders: 7, assets: 3, purchaseOrderLineItems: 4 });
    for (const key of goneOrders) expect(await db.workOrders.get([connectionId, key])).toBeUndefined();
    for (const key of goneAssets) expect(await db.assets.get([connectionId, key])).toBeUndefined();
    for (const key of goneLines) expect(await db.purchaseOrderLineItems.get([connectionId, key])).toBeUndefined();
    for (const key of touched) {
      expect((await db.assets.get([connectionId, key]))?.updatedAt).toBe(plant.state.collections.assets.get(key)!.updatedAt);
    }
    const { counts } = await control.stats();
    expect(await db.workOrders.count()).toBe(counts['work-orders']);
    expect(await db.assets.count()).toBe(counts.assets);
  });

  it('are kept after a hard delete until a full re-sync notices they are gone', async () => {
    const db = newDb();
    const sync = syncInto(db);
    await sync();
    const purged = await control.deleteRecords('work-orders', 5, true);
    for (const key of purged) expect(plant.state.collections.workOrders.get(key)).toBeUndefined();

    await sync();
    expect(await db.workOrders.get([connectionId, purged[0]!])).toBeDefined();

    const cachedBefore = await db.workOrders.count();
    await sync('full');
    expect(await db.workOrders.count()).toBe(cachedBefore - 5);
    for (const key of purged) expect(await db.workOrders.get([connectionId, key])).toBeUndefined();
    expect(await db.workOrders.count()).toBe((await control.stats()).counts['work-orders']);
  });

  it('stay deleted when the plant restarts from its state file', async () => {
    const purged = await control.deleteRecords('assets', 2, true);
    const softly = await control.deleteRecords('vendors', 1);
    const before = (await control.stats()).counts;
    await plant.close();
    plant = await startDemoPlant({ seed: 11, sizes, changesPerMinute: 0, stateFile: path.join(home, 'plant.json') });
    control = demoPlantControl(plant.url, plant.token);
    expect((await control.stats()).counts).toEqual(before);
    for (const key of purged) expect(plant.state.collections.assets.get(key)).toBeUndefined();
    expect(plant.state.collections.vendors.get(softly[0]!)?.deletedAt).toBeTruthy();
  });

  it('answers a control call naming no known route with a clear 400', async () => {
    const response = await fetch(`${plant.url}/__control/delete`, {
      method: 'POST',
      headers: { authorization: `Bearer ${plant.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'nonsense', count: 1 }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/route/);
  });
});
