import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActivityRecorder } from '../../electron/core/connections/activity-recorder';
import { ConnectionRuns } from '../../electron/core/connections/connection-runs';
import type { ConnectionRuntime } from '../../electron/core/connections/connection-runtime';
import { ConnectionViews } from '../../electron/core/connections/connection-views';
import { makiniConnectorKind } from '../../electron/core/connectors/makini/makini-connector-kind';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { AppError } from '../../shared/errors';
import { connectionRecord, describingKind, runtimeOf, tokenSecrets } from '../support/connection-runtime-fixtures';
import { demoPlantControl } from '../support/demo-plant-control';
import { createTestDb } from '../support/test-db';

let plant: RunningDemoPlant;
const dbs: MillwrightDb[] = [];

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 34, sizes: { workOrders: 60 }, stateFile: null, changesPerMinute: 0 });
});
afterEach(async () => {
  await demoPlantControl(plant.url, plant.token).clearFaults();
  for (const db of dbs.splice(0)) db.close();
});
afterAll(async () => {
  await plant.close();
});

/** ConnectionRuns for one Makini connection to the demo plant, syncing into a real Dexie cache. */
function setup(baseUrl = plant.url) {
  const db = createTestDb();
  dbs.push(db);
  const calls: string[] = [];
  const states: string[] = [];
  const outbox = new DexieOutbox(db);
  const runtime = runtimeOf(makiniConnectorKind, connectionRecord({ baseUrl, historyDays: null, provider: 'demo-plant' }), tokenSecrets(plant.issueToken().accessToken), { outbox: () => outbox });
  const views = new ConnectionViews({ now: Date.now, events: { changed: (view) => void states.push(view.state), notify: () => undefined }, secretProtection: () => 'os', webhooks: () => null, computerOnline: () => true });
  const runs = new ConnectionRuns({
    now: Date.now,
    store: () => new DexieLocalStore(db),
    ensureFreshToken: async () => void calls.push('fresh token'),
    fail: (_runtime, error) => void calls.push(`fail ${(error as AppError).code}`),
    emit: (held) => views.emit(held),
    save: () => void calls.push('save'),
    scheduleNext: () => void calls.push('schedule next'),
    editsWaiting: () => void calls.push('edits waiting'),
    history: new ActivityRecorder(() => new DexieLocalStore(db), Date.now),
  });
  return { db, outbox, runtime, runs, calls, states };
}

const pushRows = async (db: MillwrightDb) => (await db.syncHistory.toArray()).filter((row) => row.activity === 'push');
const openWorkOrder = async (db: MillwrightDb) => (await db.workOrders.toArray()).find((wo) => wo.completedAt === null && wo.status !== 'Closed')!;

describe('ConnectionRuns', () => {
  it('syncs into the cache with a fresh token, shows "syncing" meanwhile, keeps the run, saves, plans the next and sends waiting edits', async () => {
    const { db, runtime, runs, calls, states } = setup();
    const summary = await runs.sync(runtime);
    expect(await db.workOrders.count()).toBe(60);
    expect(states).toEqual(['syncing', 'active']);
    expect(runtime).toMatchObject({ described: true, lastError: null, lastRun: { outcome: 'synced', failedLists: [], problem: null }, record: { lastSyncAt: summary.finishedAt } });
    // The push of waiting edits starts (with a fresh token of its own) before the next sync is planned.
    expect(calls).toEqual(['fresh token', 'save', 'fresh token', 'schedule next']);
  });

  it('keeps which lists a partial run could not read, and why', async () => {
    const { runtime, runs } = setup();
    await demoPlantControl(plant.url, plant.token).injectFault({ status: 400, pathPrefix: '/api/eam/teams', times: 5 });
    expect((await runs.sync(runtime)).outcome).toBe('partial');
    expect(runtime.lastRun).toMatchObject({ outcome: 'partial', failedLists: ['Teams'], problem: { code: 'UPSTREAM_BAD_REQUEST' } });
  });

  it('hands a failed run to the connection and still plans the next; refuses a connection not in use, and a window without the cache', async () => {
    const { runtime, runs, calls } = setup('http://127.0.0.1:1');
    await expect(runs.sync(runtime)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(calls.slice(-2)).toEqual(['fail NETWORK', 'schedule next']);

    runtime.record.status = 'needs_reauth';
    await expect(runs.sync(runtime)).rejects.toThrow('Test plant needs to be reauthorized before it can sync.');
    runtime.record.status = 'disconnected';
    await expect(runs.sync(runtime)).rejects.toThrow('Test plant is disconnected.');

    const closed = new ConnectionRuns({ ...setupOptionsWithoutStore() });
    await expect(closed.sync(runtimeOf(makiniConnectorKind))).rejects.toMatchObject({ code: 'IPC_NO_RENDERER' });
  });

  it('sends a queued edit and records it in the Sync history', async () => {
    const { db, outbox, runtime, runs } = setup();
    await runs.sync(runtime);
    const target = await openWorkOrder(db);
    await outbox.enqueue({ connectionId: 'conn-test', action: 'updateWorkOrder', key: target.key, changes: { notes: 'Belt replaced' } });
    expect(await runs.push(runtime)).toMatchObject({ done: 1, deferred: 0 });
    expect(plant.state.collections.workOrders.get(target.key)?.notes).toBe('Belt replaced');
    await expect.poll(async () => (await pushRows(db)).map((row) => [row.outcome, row.summary])).toEqual([['synced', '1 pending change sent to Test plant.']]);
  });

  it('keeps edits queued while the plant is out of reach, says so, and has the probe go faster', async () => {
    const { db, outbox, runtime, runs, calls } = setup();
    await runs.sync(runtime);
    await outbox.enqueue({ connectionId: 'conn-test', action: 'updateWorkOrder', key: (await openWorkOrder(db)).key, changes: { notes: 'Waits' } });
    runtime.reach.reachable = false;
    expect(await runs.push(runtime)).toMatchObject({ done: 0, deferred: 0 });
    expect(calls.at(-1)).toBe('edits waiting');
    expect(await outbox.pendingOperations('conn-test')).toHaveLength(1);
    await expect.poll(async () => (await pushRows(db)).map((row) => [row.outcome, row.error?.code, row.summary])).toEqual([
      ['failed', 'NETWORK', 'Pending changes wait: Test plant does not answer.'],
    ]);
  });

  it('has nothing to send for a connection not in use, or of a kind that only reads', async () => {
    const { runtime, runs, calls } = setup();
    runtime.record.status = 'needs_reauth';
    expect(await runs.push(runtime)).toEqual({ done: 0, conflicts: 0, rejected: 0, deferred: 0, deferredBy: null, authFailure: null });
    const readOnly: ConnectionRuntime = runtimeOf(describingKind(async () => ({ provider: 'file-import', companyName: null, syncStatus: null })), connectionRecord({ kind: 'file-import' }));
    expect(await runs.push(readOnly)).toMatchObject({ done: 0, deferred: 0 });
    expect(calls).toEqual([]);
  });
});

function setupOptionsWithoutStore(): ConstructorParameters<typeof ConnectionRuns>[0] {
  return {
    now: Date.now,
    store: () => {
      throw new AppError('IPC_NO_RENDERER', 'No window has the local cache open.');
    },
    ensureFreshToken: async () => undefined,
    fail: () => undefined,
    emit: () => {
      throw new Error('nothing is shown when no window has the cache');
    },
    save: () => undefined,
    scheduleNext: () => undefined,
    editsWaiting: () => undefined,
    history: new ActivityRecorder(() => null, Date.now),
  };
}
