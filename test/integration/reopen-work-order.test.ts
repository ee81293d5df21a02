// Reopening completed work (Completed → On hold) clears its completion at once in the cache, and
// in the demo plant when the edit is pushed; the board's one definition then counts it open and
// overdue. Real Dexie on fake-indexeddb, the real pusher, the demo plant over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { MakiniRecordWriter } from '../../electron/core/connectors/makini/makini-record-writer';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { OutboxPusher } from '../../electron/core/outbox/outbox-pusher';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { isOverdue, openTest } from '../../shared/domain/work-order-state';
import { writeCapabilities } from '../../shared/write-capabilities';
import { createTestDb } from '../support/test-db';

const connectionId = 'plant';
let plant: RunningDemoPlant;
let db: MillwrightDb;
let outbox: DexieOutbox;
let pusher: OutboxPusher;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 41, sizes: { workOrders: 300 }, stateFile: null });
  db = createTestDb();
  const getToken = () => plant.token;
  const connector = new MakiniConnector({ connectionId, baseUrl: plant.url, getToken, timeoutMs: 5000 });
  await new SyncEngine({ connectionId, connector, perPage: 200, historyDays: null }).run(new DexieLocalStore(db), { mode: 'incremental' });
  outbox = new DexieOutbox(db);
  pusher = new OutboxPusher({
    connectionId,
    writer: new MakiniRecordWriter({ connectionId, baseUrl: plant.url, getToken, timeoutMs: 5000 }),
    store: outbox,
    capabilities: () => writeCapabilities('demo-plant'),
    sleep: async () => undefined,
  });
});
afterAll(async () => {
  db?.close();
  await plant?.close();
});

describe('reopening a completed work order', () => {
  it('clears its completion in the cache at once and in the plant once pushed; it is open and overdue when past due', async () => {
    const now = Date.now();
    const statuses = await db.workOrderStatuses.where('connectionId').equals(connectionId).toArray();
    const completedKey = statuses.find((status) => status.name === 'Completed')!.key;
    const onHold = statuses.find((status) => status.name === 'On hold')!;
    const workOrders = await db.workOrders.where('[connectionId+statusKey]').equals([connectionId, completedKey]).toArray();
    const target = workOrders.find((w) => w.completedAt !== null && w.dueAt !== null && Date.parse(w.dueAt) < now)!;
    expect(target).toBeTruthy();
    const isOpen = () => openTest(statuses);
    expect(isOverdue(target, isOpen()(target), now)).toBe(false);

    await outbox.enqueue({ connectionId, action: 'setWorkOrderStatus', key: target.key, changes: { statusKey: onHold.key }, display: { status: onHold.name } });
    const local = (await db.workOrders.get([connectionId, target.key]))!;
    expect(local).toMatchObject({ statusKey: onHold.key, status: 'On hold', completedAt: null });
    expect(isOverdue(local, isOpen()(local), now)).toBe(true);

    const summary = await pusher.push();
    expect(summary.done).toBe(1);
    expect(plant.state.collections.workOrders.get(target.key)).not.toHaveProperty('completedAt');
    const answered = (await db.workOrders.get([connectionId, target.key]))!;
    expect(answered).toMatchObject({ status: 'On hold', completedAt: null });

    // Discarding a reopen puts the completion back as it was.
    const again = (await db.workOrders.where('[connectionId+statusKey]').equals([connectionId, completedKey]).toArray()).find((w) => w.completedAt !== null)!;
    const queued = await outbox.enqueue({ connectionId, action: 'setWorkOrderStatus', key: again.key, changes: { statusKey: onHold.key }, display: { status: onHold.name } });
    expect((await db.workOrders.get([connectionId, again.key]))!.completedAt).toBeNull();
    await outbox.discard(queued.id);
    expect((await db.workOrders.get([connectionId, again.key]))!.completedAt).toBe(again.completedAt);
  });
});
