import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActivityRecorder } from '../../electron/core/connections/activity-recorder';
import type { ConnectionRuntime } from '../../electron/core/connections/connection-runtime';
import { ConnectionWebhookBridge, type ConnectionWebhookBridgeOptions } from '../../electron/core/connections/connection-webhook-bridge';
import { makiniConnectorKind } from '../../electron/core/connectors/makini/makini-connector-kind';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import type { ConnectionView } from '../../shared/connection-view';
import type { AppError } from '../../shared/errors';
import { connectionRecord, recordingLogger, runtimeOf, tokenSecrets } from '../support/connection-runtime-fixtures';
import { demoPlantControl } from '../support/demo-plant-control';
import { createTestDb } from '../support/test-db';

let plant: RunningDemoPlant;
const dbs: MillwrightDb[] = [];

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 35, sizes: { workOrders: 30 }, stateFile: null, changesPerMinute: 0 });
});
afterEach(async () => {
  await demoPlantControl(plant.url, plant.token).clearFaults();
  for (const db of dbs.splice(0)) db.close();
});
afterAll(async () => {
  await plant.close();
});

function setup(overrides: Partial<ConnectionWebhookBridgeOptions> = {}, baseUrl = plant.url) {
  const db = createTestDb();
  dbs.push(db);
  const calls: string[] = [];
  const held = new Map<string, ConnectionRuntime>();
  const runtime = runtimeOf(makiniConnectorKind, connectionRecord({ baseUrl, historyDays: null }), tokenSecrets(plant.issueToken().accessToken, { webhookSecret: 'whsec-0123456789' }));
  held.set(runtime.record.id, runtime);
  let store: DexieLocalStore | null = new DexieLocalStore(db);
  const bridge = new ConnectionWebhookBridge({
    logger: recordingLogger(),
    now: Date.now,
    started: () => true,
    runtime: (connectionId) => held.get(connectionId),
    isCurrent: (candidate) => held.get(candidate.record.id) === candidate,
    store: () => store,
    ensureFreshToken: async () => void calls.push('fresh token'),
    fail: (_runtime, error) => void calls.push(`fail ${(error as AppError).code}`),
    emit: () => (calls.push('emit'), {} as ConnectionView),
    probeNow: () => void calls.push('probe now'),
    scheduleNext: () => void calls.push('schedule next'),
    history: new ActivityRecorder(() => new DexieLocalStore(db), Date.now),
    ...overrides,
  });
  return { db, bridge, runtime, calls, held, closeWindow: () => (store = null) };
}

describe('ConnectionWebhookBridge', () => {
  it('gives the webhook secret of a connection in use, and none otherwise', () => {
    const { bridge, runtime } = setup();
    expect(bridge.secretFor('conn-test')).toBe('whsec-0123456789');
    expect(bridge.secretFor('conn-unknown')).toBeNull();
    runtime.record.status = 'disconnected';
    expect(bridge.secretFor('conn-test')).toBeNull();
  });

  it('has deliveries wait until connections are loaded, a window has the cache and the token works; dropped when the connection is gone', () => {
    expect(setup({ started: () => false }).bridge.readiness('conn-test')).toBe('wait');
    const { bridge, runtime, closeWindow } = setup();
    expect(bridge.readiness('conn-test')).toBe('ready');
    expect(bridge.readiness('conn-unknown')).toBe('drop');
    runtime.record.status = 'needs_reauth';
    expect(bridge.readiness('conn-test')).toBe('wait');
    runtime.record.status = 'active';
    closeWindow();
    expect(bridge.readiness('conn-test')).toBe('wait');
    runtime.record.status = 'disconnected';
    expect(bridge.readiness('conn-test')).toBe('drop');
  });

  it('fetches the records a webhook named into the cache, and shows the connection live from the first', async () => {
    const { db, bridge, runtime, calls } = setup();
    await runtime.engine.run(new DexieLocalStore(db));
    const keys = plant.state.advanceWorkOrders(2, new SeededRandom(4), Date.now() + 5_000);
    await bridge.refresh(runtime, new DexieLocalStore(db), 'workOrders', keys);
    for (const key of keys) expect((await db.workOrders.get(['conn-test', key]))?.statusKey).toBe(plant.state.collections.workOrders.get(key)!.statusKey);
    expect(runtime.lastWebhookAt).not.toBeNull();
    await bridge.refresh(runtime, new DexieLocalStore(db), 'workOrders', keys);
    expect(calls).toEqual(['fresh token', 'emit', 'fresh token']);
  });

  it('records a failed fetch in the Sync history and throws it to be retried; a plant out of reach is the connection\'s failure too', async () => {
    const refused = setup();
    await demoPlantControl(plant.url, plant.token).injectFault({ status: 400, pathPrefix: '/api/eam/work-orders', times: 2 });
    await expect(refused.bridge.refresh(refused.runtime, new DexieLocalStore(refused.db), 'workOrders', ['wo-1'])).rejects.toMatchObject({ code: 'UPSTREAM_BAD_REQUEST' });
    expect(refused.calls).toEqual(['fresh token']);
    await expect
      .poll(async () => (await refused.db.syncHistory.toArray()).map((row) => [row.activity, row.outcome, row.entity, row.summary]))
      .toEqual([['webhook', 'failed', 'workOrders', 'Changes a webhook announced (Work orders) could not be fetched; they are tried again.']]);

    const unreachable = setup({}, 'http://127.0.0.1:1');
    await expect(unreachable.bridge.refresh(unreachable.runtime, new DexieLocalStore(unreachable.db), 'workOrders', ['wo-1'])).rejects.toMatchObject({ code: 'NETWORK' });
    expect(unreachable.calls).toEqual(['fresh token', 'fail NETWORK', 'emit']);
  });

  it('shows webhook activity a few times a second at most, and asks an unreachable plant again at once', async () => {
    const { bridge, runtime, calls } = setup();
    for (let delivery = 0; delivery < 20; delivery += 1) bridge.activity('conn-test');
    bridge.activity('conn-unknown');
    await expect.poll(() => calls).toEqual(['emit']);
    runtime.reach.reachable = false;
    bridge.activity('conn-test');
    expect(calls).toEqual(['emit', 'probe now']);
    bridge.stop([runtime]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toEqual(['emit', 'probe now']);
  });
});
