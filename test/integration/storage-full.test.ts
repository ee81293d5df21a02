// A cache that runs out of room mid-sync: the demo plant over HTTP, the real sync engine,
// ConnectionRuns, ConnectionFailures and SyncSchedule, a real Dexie cache (fake-indexeddb) given a
// small quota (test/support/quota-limited-db.ts). The sync must stop with a plain STORAGE_FULL,
// leave whole pages and a cursor that matches them (nothing half-written), stop the connection's
// schedule, refuse automatic syncs without writing, and finish from where it stopped once there
// is room and the user syncs again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityRecorder } from '../../electron/core/connections/activity-recorder';
import { ConnectionFailures } from '../../electron/core/connections/connection-failures';
import { ConnectionRuns } from '../../electron/core/connections/connection-runs';
import { ConnectionViews } from '../../electron/core/connections/connection-views';
import type { ConnectionRuntime } from '../../electron/core/connections/connection-runtime';
import { SyncSchedule } from '../../electron/core/connections/sync-schedule';
import { makiniConnectorKind } from '../../electron/core/connectors/makini/makini-connector-kind';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import type { ConnectionView } from '../../shared/connection-view';
import type { SyncCursor } from '../../shared/domain/sync-cursor';
import { syncEntities } from '../../shared/domain/sync-entity';
import { connectionRecord, runtimeOf, tokenSecrets } from '../support/connection-runtime-fixtures';
import { limitQuota } from '../support/quota-limited-db';
import { createTestDb } from '../support/test-db';

const workOrderCount = 5000;
let plant: RunningDemoPlant;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 35, sizes: { workOrders: workOrderCount }, stateFile: null, changesPerMinute: 0 });
});
afterAll(async () => {
  await plant.close();
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, addSecret: () => undefined };

/** The connection's parts as the connection manager wires them: its runs, failures and schedule over one cache. */
function connectionOver(db: MillwrightDb) {
  const outbox = new DexieOutbox(db);
  const runtime = runtimeOf(makiniConnectorKind, connectionRecord({ baseUrl: plant.url, historyDays: null, provider: 'demo-plant' }), tokenSecrets(plant.issueToken().accessToken), {
    outbox: () => outbox,
  });
  const automatic: string[] = [];
  const statuses: ConnectionView['status'][] = [];
  const views = new ConnectionViews({ now: Date.now, events: { changed: (view) => void statuses.push(view.status), notify: () => undefined }, secretProtection: () => 'os', webhooks: () => null, computerOnline: () => true });
  const schedule = new SyncSchedule({ now: Date.now, enabled: true, hasStore: () => true, sync: async (_runtime, trigger) => void automatic.push(trigger) });
  const failures = new ConnectionFailures({ logger: silent, save: () => undefined, quiet: (held) => schedule.stop(held), waitForNetwork: () => undefined });
  const runs = new ConnectionRuns({
    now: Date.now,
    store: () => new DexieLocalStore(db),
    ensureFreshToken: async () => undefined,
    fail: (held, error) => failures.fail(held, error),
    emit: (held) => views.emit(held),
    save: () => undefined,
    scheduleNext: (held) => schedule.next(held),
    editsWaiting: () => undefined,
    history: new ActivityRecorder(() => new DexieLocalStore(db), Date.now),
  });
  return { runtime, runs, schedule, automatic, statuses };
}

/** JSON bytes of every table's rows: how much a full sync puts in the cache, by what. */
async function bytesByTable(db: MillwrightDb): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const table of db.tables) sizes.set(table.name, JSON.stringify(await table.toArray()).length);
  return sizes;
}

const stopTimer = (runtime: ConnectionRuntime) => runtime.schedule.timer && clearTimeout(runtime.schedule.timer);

describe('a cache with no room left', () => {
  it('stops the sync at a whole page with a plain message, stops the schedule, and finishes from there once there is room', async () => {
    // How much a full sync stores, measured on a cache without a limit.
    const roomy = createTestDb();
    const measured = connectionOver(roomy);
    await measured.runs.sync(measured.runtime);
    stopTimer(measured.runtime);
    const sizes = await bytesByTable(roomy);
    const workOrderBytes = sizes.get('workOrders')!;
    const listsBefore = syncEntities.slice(0, syncEntities.indexOf('workOrders'));
    const beforeWorkOrders = listsBefore.reduce((sum, entity) => sum + sizes.get(entity)!, 0);
    const upstream = (await roomy.workOrders.toArray()).map((wo) => ({ key: wo.key, updatedAt: wo.updatedAt }));
    roomy.close();
    expect(upstream).toHaveLength(workOrderCount);

    // Room for the lists read before the work orders, their cursors, and about half the work orders.
    const db = createTestDb();
    const quota = limitQuota(db, beforeWorkOrders + workOrderBytes * 0.5);
    const { runtime, runs, schedule, automatic, statuses } = connectionOver(db);
    const failure = await runs.sync(runtime).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'STORAGE_FULL', failedAt: 'app', list: 'Work orders' });
    expect((failure as Error).message).toMatch(/^Work orders could not be stored\. This computer has no room left for Millwright's cache\. Syncing this connection has stopped; what was stored before is kept whole\. Free disk space/);
    expect(quota.refusals).toBeGreaterThan(0);

    // Nothing half-written: the cache holds exactly the work orders up to the cursor it kept (each page is committed with its cursor).
    const cursor = (await db.syncCursors.get(['conn-test', 'workOrders']))!.cursor as SyncCursor;
    const upToCursor = upstream.filter(
      (wo) => Date.parse(wo.updatedAt) < Date.parse(cursor.updatedAt) || (Date.parse(wo.updatedAt) === Date.parse(cursor.updatedAt) && cursor.keysAtUpdatedAt.includes(wo.key)),
    );
    const cached = (await db.workOrders.toArray()).map((wo) => wo.key).sort();
    expect(cached).toEqual(upToCursor.map((wo) => wo.key).sort());
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.length).toBeLessThan(workOrderCount);

    // The connection says so, and stops syncing on its own: nothing planned, automatic syncs refused without a write.
    expect(runtime.lastError).toMatchObject({ code: 'STORAGE_FULL' });
    expect(statuses.at(-1)).toMatchObject({ kind: 'storage_full', label: 'Storage full', attention: true });
    expect(runtime.schedule.nextSyncAt).toBeNull();
    schedule.next(runtime);
    expect(runtime.schedule.timer).toBeNull();
    const refusalsBefore = quota.refusals;
    await expect(runs.sync(runtime, { trigger: 'schedule' })).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    await expect(runs.sync(runtime, { trigger: 'reconnect' })).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    expect(quota.refusals).toBe(refusalsBefore);
    expect(await db.workOrders.count()).toBe(cached.length);

    // Room again, and the user syncs: it goes on from the cursor to the end, and the schedule is back.
    quota.setRoom(Infinity);
    const summary = await runs.sync(runtime, { trigger: 'manual' });
    expect(summary.outcome).toBe('synced');
    const workOrders = summary.entities.find((entity) => entity.entity === 'workOrders')!;
    // From the cursor on (its instant is read again), not from the start.
    expect(workOrders.received).toBeGreaterThanOrEqual(workOrderCount - cached.length);
    expect(workOrders.received).toBeLessThanOrEqual(workOrderCount - cached.length + upstream.filter((wo) => wo.updatedAt === cursor.updatedAt).length);
    expect((await db.workOrders.toArray()).map((wo) => wo.key).sort()).toEqual(upstream.map((wo) => wo.key).sort());
    expect(runtime.lastError).toBeNull();
    expect(statuses.at(-1)?.kind).toBe('online');
    expect(runtime.schedule.nextSyncAt).not.toBeNull();
    stopTimer(runtime);
    expect(automatic).toEqual([]);
    db.close();
  });

  it('refuses an edit it has no room for with a plain message, leaving the record and the queue as they were', async () => {
    const db = createTestDb();
    const quota = limitQuota(db, Infinity);
    const { runtime, runs } = connectionOver(db);
    await runs.sync(runtime, { entities: ['workOrderStatuses', 'workOrders'] });
    stopTimer(runtime);
    const before = (await db.workOrders.toArray()).find((wo) => wo.status !== 'Closed')!;

    quota.setRoom(0);
    const outbox = new DexieOutbox(db);
    const refused = await outbox.enqueue({ connectionId: 'conn-test', action: 'updateWorkOrder', key: before.key, changes: { notes: 'Belt replaced' } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'STORAGE_FULL' });
    expect((refused as Error).message).toBe("This computer has no room left for Millwright's cache. The change was not saved: free disk space on this computer, then make it again.");
    expect(await db.workOrders.get(['conn-test', before.key])).toEqual(before);
    expect(await db.outbox.count()).toBe(0);

    quota.setRoom(Infinity);
    await outbox.enqueue({ connectionId: 'conn-test', action: 'updateWorkOrder', key: before.key, changes: { notes: 'Belt replaced' } });
    expect((await db.workOrders.get(['conn-test', before.key]))?.notes).toBe('Belt replaced');
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });
});
