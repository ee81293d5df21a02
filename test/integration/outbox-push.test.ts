import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { MakiniRecordWriter } from '../../electron/core/connectors/makini/makini-record-writer';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { OutboxPusher } from '../../electron/core/outbox/outbox-pusher';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import { MillwrightDb } from '../../renderer/db/millwright-db';
import type { WorkOrder } from '../../shared/domain/work-order';
import { writeCapabilities } from '../../shared/write-capabilities';
import { demoPlantControl } from '../support/demo-plant-control';

const connectionId = 'plant';
const sizes = { workOrders: 400, assets: 80, purchaseOrders: 40 };
let home: string;
let plant: RunningDemoPlant;
let port: number;
const open: MillwrightDb[] = [];

const openDb = (name: string) => {
  const db = new MillwrightDb(name, { indexedDB, IDBKeyRange });
  open.push(db);
  return db;
};

function client(db: MillwrightDb, token = () => plant.token) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const connector = new MakiniConnector({ connectionId, baseUrl, getToken: token, timeoutMs: 2000 });
  const engine = new SyncEngine({ connectionId, connector, perPage: 200, historyDays: null });
  const outbox = new DexieOutbox(db);
  const pusher = new OutboxPusher({
    connectionId,
    writer: new MakiniRecordWriter({ connectionId, baseUrl, getToken: token, timeoutMs: 2000 }),
    store: outbox,
    capabilities: () => writeCapabilities('demo-plant'),
    sleep: async () => undefined,
  });
  return { outbox, pusher, sync: (mode: 'incremental' | 'full' = 'incremental') => engine.run(new DexieLocalStore(db), { mode }) };
}

/** Calls the plant's API directly, as someone editing in the source system would. */
async function upstreamPut(key: string, fields: Record<string, unknown>) {
  const response = await fetch(`${plant.url}/api/eam/work-orders/${key}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${plant.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
  expect(response.status).toBe(200);
}

const serverWorkOrder = (key: string) => plant.state.collections.workOrders.get(key)!;
const statusNamed = (name: string) => {
  const status = plant.state.collections.workOrderStatuses.live().find((candidate) => candidate.name === name)!;
  return { key: status.key!, name: status.name! };
};
const writes = async () =>
  (await (await fetch(`${plant.url}/__control/writes`, { headers: { authorization: `Bearer ${plant.token}` } })).json()) as {
    applied: { idempotencyKey: string | null; method: string; path: string; key: string }[];
    replayed: number;
  };

async function startPlant() {
  plant = await startDemoPlant({ seed: 5, sizes, changesPerMinute: 0, port, stateFile: path.join(home, 'plant.json') });
  port = Number(new URL(plant.url).port);
}

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'millwright-outbox-'));
  port = 0;
  await startPlant();
});

afterEach(async () => {
  await demoPlantControl(plant.url, plant.token).clearFaults();
  for (const db of open.splice(0)) db.close();
});

afterAll(async () => {
  await plant.close();
  await rm(home, { recursive: true, force: true });
});

/** A synced cache and a few of its open work orders. */
async function syncedClient() {
  const db = openDb(`outbox-${randomUUID()}`);
  const parts = client(db);
  await parts.sync();
  const open = (await db.workOrders.toArray()).filter((wo) => wo.completedAt === null && wo.status !== 'Closed');
  return { db, ...parts, open };
}

describe('pushing offline edits', () => {
  it('moves a card at once, shows it pending, and sends it with its id as Idempotency-Key', async () => {
    const { db, outbox, pusher, open } = await syncedClient();
    const target = open[0]!;
    const next = statusNamed('On hold');
    await outbox.enqueue({ connectionId, action: 'setWorkOrderStatus', key: target.key, changes: { statusKey: next.key }, display: { status: next.name } });
    expect(await db.workOrders.get([connectionId, target.key])).toMatchObject({ statusKey: next.key, status: 'On hold' });
    expect(serverWorkOrder(target.key).statusKey).not.toBe(next.key);
    const [queued] = await outbox.pendingOperations(connectionId);

    expect(await pusher.push()).toMatchObject({ done: 1, conflicts: 0, rejected: 0, deferred: 0 });
    expect(serverWorkOrder(target.key).statusKey).toBe(next.key);
    expect((await writes()).applied.filter((write) => write.idempotencyKey === queued!.id)).toHaveLength(1);
    const cached = (await db.workOrders.get([connectionId, target.key]))!;
    expect(cached.updatedAt).toBe(serverWorkOrder(target.key).updatedAt);
    expect(await outbox.pendingOperations(connectionId)).toEqual([]);
    expect((await db.outbox.where('id').equals(queued!.id).first())?.state).toBe('done');
  });

  it('records the hours worked and completion remarks, read back with the work order\'s own estimate', async () => {
    const { db, outbox, pusher, open } = await syncedClient();
    const target = open[3]!;
    // The plant's work orders carry their estimate; the cache keeps it for the schedule.
    expect(target.estimatedTime).toBe(serverWorkOrder(target.key).estimatedTime);
    expect(target.estimatedTime).toMatch(/^\d/);
    await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: target.key, changes: { actualTime: '1.5', completionRemarks: 'Seal replaced; no leak after 20 min run.' } });

    expect(await pusher.push()).toMatchObject({ done: 1, conflicts: 0, rejected: 0 });
    expect(serverWorkOrder(target.key)).toMatchObject({ actualTime: '1.5', completionRemarks: 'Seal replaced; no leak after 20 min run.' });
    expect(await db.workOrders.get([connectionId, target.key])).toMatchObject({ actualTime: '1.5', completionRemarks: 'Seal replaced; no leak after 20 min run.' });
  });

  it('merges field by field when upstream changed other fields, with no conflict', async () => {
    const { db, outbox, pusher, open } = await syncedClient();
    const target = open[1]!;
    await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: target.key, changes: { severity: target.severity === 'High' ? 'Low' : 'High' } });
    await upstreamPut(target.key, { notes: 'Changed at the plant' });

    expect(await pusher.push()).toMatchObject({ done: 1, conflicts: 0 });
    const server = serverWorkOrder(target.key);
    expect(server.notes).toBe('Changed at the plant');
    expect(server.severity).toBe(target.severity === 'High' ? 'Low' : 'High');
    expect(await db.workOrders.get([connectionId, target.key])).toMatchObject({ notes: 'Changed at the plant', severity: server.severity });
  });

  it('puts a change of a field upstream also changed into the Conflicts inbox, and sends mine once the user keeps it', async () => {
    const { db, outbox, pusher, open } = await syncedClient();
    const target = open[2]!;
    await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: target.key, changes: { notes: 'Mine: bearing replaced' } });
    // A second edit of the same record queues behind the first.
    await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: target.key, changes: { severity: 'Critical' } });
    await upstreamPut(target.key, { notes: 'Theirs: waiting for parts' });

    expect(await pusher.push()).toMatchObject({ done: 0, conflicts: 1, deferred: 1 });
    const conflicts = await db.outbox.where('state').equals('conflict').toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.conflicts).toEqual([
      expect.objectContaining({ field: 'notes', mine: 'Mine: bearing replaced', theirs: 'Theirs: waiting for parts', base: target.notes }),
    ]);
    expect(serverWorkOrder(target.key).notes).toBe('Theirs: waiting for parts');
    expect(serverWorkOrder(target.key).severity).toBe(target.severity); // held behind the conflict
    expect((await db.workOrders.get([connectionId, target.key]))?.notes).toBe('Mine: bearing replaced');

    await outbox.resolve(conflicts[0]!.id, { keep: 'mine' });
    expect(await pusher.push()).toMatchObject({ done: 2, conflicts: 0 });
    expect(serverWorkOrder(target.key)).toMatchObject({ notes: 'Mine: bearing replaced', severity: 'Critical' });
  });

  it('taking theirs shows upstream\'s value and sends nothing for that field', async () => {
    const { db, outbox, pusher, open } = await syncedClient();
    const target = open[3]!;
    const before = (await writes()).applied.length;
    await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: target.key, changes: { notes: 'Mine' } });
    await upstreamPut(target.key, { notes: 'Theirs' });
    await pusher.push();
    const [conflict] = await db.outbox.where('state').equals('conflict').toArray();
    await outbox.resolve(conflict!.id, { keep: 'theirs' });
    expect(await outbox.pendingOperations(connectionId)).toEqual([]);
    expect((await db.workOrders.get([connectionId, target.key]))?.notes).toBe('Theirs');
    expect((await writes()).applied.length).toBe(before + 1); // only the upstream edit
  });

  it('creates a work order offline, then follows its later edits under the server\'s key', async () => {
    const { db, outbox, pusher, sync } = await syncedClient();
    const site = (await db.sites.toArray())[0]!;
    const created = await outbox.enqueue({ connectionId, action: 'createWorkOrder', changes: { title: 'Gearbox oil leak', siteKey: site.key, severity: 'High' } });
    expect(created.key).toMatch(/^local:/);
    const inProgress = statusNamed('In progress');
    await outbox.enqueue({ connectionId, action: 'setWorkOrderStatus', key: created.key, changes: { statusKey: inProgress.key }, display: { status: inProgress.name } });
    // A pull and a full re-sync meanwhile keep the offline record.
    await sync('full');
    expect(await db.workOrders.get([connectionId, created.key])).toMatchObject({ title: 'Gearbox oil leak', status: 'In progress' });

    expect(await pusher.push()).toMatchObject({ done: 2 });
    expect(await db.workOrders.get([connectionId, created.key])).toBeUndefined();
    const made = plant.state.collections.workOrders.live().filter((wo) => wo.title === 'Gearbox oil leak');
    expect(made).toHaveLength(1);
    expect(made[0]!.statusKey).toBe(inProgress.key);
    expect(await db.workOrders.get([connectionId, made[0]!.key!])).toMatchObject({ title: 'Gearbox oil leak', statusKey: inProgress.key });
  });

  it('creates exactly one record when the answer to a create is lost after the server applied it', async () => {
    const { db, outbox, pusher } = await syncedClient();
    const site = (await db.sites.toArray())[0]!;
    await demoPlantControl(plant.url, plant.token).injectFault({ dropAfterApply: true, method: 'POST', pathPrefix: '/api/eam/work-orders', times: 1 });
    const slow = new OutboxPusher({
      connectionId,
      writer: new MakiniRecordWriter({ connectionId, baseUrl: plant.url, getToken: () => plant.token }),
      store: outbox,
      capabilities: () => writeCapabilities('demo-plant'),
      retryPolicy: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
    });
    const created = await outbox.enqueue({ connectionId, action: 'createWorkOrder', changes: { title: 'Conveyor belt torn', siteKey: site.key } });
    // The "crash": the server applied the create, the client never heard back and nothing was marked.
    expect(await slow.push()).toMatchObject({ done: 0, deferred: 1 });
    expect((await db.outbox.where('id').equals(created.id).first())?.state).toBe('pending');
    expect(plant.state.collections.workOrders.live().filter((wo) => wo.title === 'Conveyor belt torn')).toHaveLength(1);

    expect(await pusher.push()).toMatchObject({ done: 1 });
    expect(plant.state.collections.workOrders.live().filter((wo) => wo.title === 'Conveyor belt torn')).toHaveLength(1);
    const log = await writes();
    expect(log.applied.filter((write) => write.idempotencyKey === created.id)).toHaveLength(1);
    expect(log.replayed).toBeGreaterThan(0);
    expect((await db.workOrders.toArray()).filter((wo) => wo.title === 'Conveyor belt torn')).toHaveLength(1);
  });

  it('marks an edit the server refuses as rejected with its message; a fix goes through, a discard restores the record', async () => {
    const { db, outbox, pusher, open } = await syncedClient();
    const [first, second] = [open[4]!, open[5]!];
    await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: first.key, changes: { laborAssignedKey: 'no-such-technician' } });
    await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: second.key, changes: { dueAt: 'next tuesday' } });
    expect(await pusher.push()).toMatchObject({ done: 0, rejected: 2 });
    const rejected = await db.outbox.where('state').equals('rejected').sortBy('seq');
    expect(rejected.map((op) => op.error?.message)).toEqual([expect.stringMatching(/laborAssignedKey/), expect.stringMatching(/dueAt/)]);
    expect(rejected[0]!.error?.requestId).toBeTruthy();

    const technician = (await db.labors.toArray())[0]!;
    await outbox.retry(rejected[0]!.id, { laborAssignedKey: technician.key });
    await outbox.discard(rejected[1]!.id);
    expect((await db.workOrders.get([connectionId, second.key]))?.dueAt).toBe(second.dueAt);
    expect(await pusher.push()).toMatchObject({ done: 1, rejected: 0 });
    expect(serverWorkOrder(first.key).laborAssignedKey).toBe(technician.key);
  });

  it('pauses on a refused token with every edit kept, and sends them once the token works', async () => {
    const { db, open } = await syncedClient();
    let token = 'revoked-token-000000000000';
    const { outbox, pusher } = client(db, () => token);
    for (const wo of open.slice(6, 9)) await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: wo.key, changes: { notes: `Checked ${wo.code}` } });
    const paused = await pusher.push();
    expect(paused.authFailure?.code).toBe('UPSTREAM_AUTH');
    expect(paused.done).toBe(0);
    expect((await outbox.pendingOperations(connectionId)).map((op) => op.state)).toEqual(['pending', 'pending', 'pending']);
    token = plant.token;
    expect(await pusher.push()).toMatchObject({ done: 3, authFailure: null });
  });
});

/** A part's stock in the plant at one location: its bins' quantities added up. */
const stockAt = (materialKey: string, locationKey: string) =>
  plant.state.collections.stocks
    .live()
    .filter((stock) => stock.materialKey === materialKey && stock.locationKey === locationKey)
    .reduce((sum, stock) => sum + Number(stock.quantity), 0);
/** A part some storeroom has at least `least` of, and that storeroom. */
function partInStock(least: number, except: ReadonlySet<string>): { materialKey: string; locationKey: string; onHand: number } {
  for (const stock of plant.state.collections.stocks.live()) {
    const [materialKey, locationKey] = [String(stock.materialKey), String(stock.locationKey)];
    if (!except.has(materialKey) && stockAt(materialKey, locationKey) >= least) return { materialKey, locationKey, onHand: stockAt(materialKey, locationKey) };
  }
  throw new Error(`no part with ${least} in stock`);
}
const partsOf = (workOrderKey: string) => plant.state.collections.workOrderMaterials.live().filter((line) => line.workOrderKey === workOrderKey);

describe('parts used, through the outbox', () => {
  it('adds a part exactly once, and takes it out of stock once, when the answer is lost after the plant applied it', async () => {
    const { db, outbox, pusher, open } = await syncedClient();
    const workOrder = open[10]!;
    const part = partInStock(4, new Set(partsOf(workOrder.key).map((line) => String(line.materialKey))));
    await demoPlantControl(plant.url, plant.token).injectFault({ dropAfterApply: true, method: 'POST', pathPrefix: `/api/eam/work-orders/${workOrder.key}/materials`, times: 1 });
    const added = await outbox.enqueue({
      connectionId,
      action: 'addWorkOrderPart',
      changes: { workOrderKey: workOrder.key, materialKey: part.materialKey, storeroomKey: part.locationKey, requiredQuantity: 3, usedQuantity: 3 },
      display: { name: 'A part', partNumber: null },
    });
    // Shown on the work order at once, before the plant has it.
    expect((await db.workOrderMaterials.where('[connectionId+workOrderKey]').equals([connectionId, workOrder.key]).toArray()).some((line) => line.key === added.key)).toBe(true);
    const once = new OutboxPusher({
      connectionId,
      writer: new MakiniRecordWriter({ connectionId, baseUrl: plant.url, getToken: () => plant.token }),
      store: outbox,
      capabilities: () => writeCapabilities('demo-plant'),
      retryPolicy: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
    });
    expect(await once.push()).toMatchObject({ done: 0, deferred: 1 });
    expect(stockAt(part.materialKey, part.locationKey)).toBe(part.onHand - 3);

    expect(await pusher.push()).toMatchObject({ done: 1 });
    expect(partsOf(workOrder.key).filter((line) => line.materialKey === part.materialKey)).toHaveLength(1);
    expect(stockAt(part.materialKey, part.locationKey)).toBe(part.onHand - 3);
    expect((await writes()).applied.filter((write) => write.idempotencyKey === added.id)).toHaveLength(1);
    // The local line now goes by the plant's key.
    const lines = await db.workOrderMaterials.where('[connectionId+workOrderKey]').equals([connectionId, workOrder.key]).toArray();
    expect(lines.filter((line) => line.materialKey === part.materialKey).map((line) => line.key)).toEqual([String(partsOf(workOrder.key).find((line) => line.materialKey === part.materialKey)!.key)]);
  });

  it('records a use on a planned line as a conflict when the plant changed the same count meanwhile, and refuses more than is on hand with the plant\'s words', async () => {
    const { db, outbox, pusher } = await syncedClient();
    const lines = await db.workOrderMaterials.toArray();
    const [line, other] = [lines[0]!, lines[1]!];
    const used = line.usedQuantity ?? 0;
    await outbox.enqueue({ connectionId, action: 'recordPartUse', key: line.key, changes: { usedQuantity: used + 1 } });
    // Meanwhile someone in the plant's own system records a use on the same line.
    const response = await fetch(`${plant.url}/api/eam/work-orders/${line.workOrderKey}/materials/${line.materialKey}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${plant.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ usedQuantity: used + 2 }),
    });
    expect(response.status).toBe(200);
    await outbox.enqueue({ connectionId, action: 'recordPartUse', key: other.key, changes: { usedQuantity: (other.usedQuantity ?? 0) + 1_000_000 } });
    expect(await pusher.push()).toMatchObject({ done: 0, conflicts: 1, rejected: 1 });
    const [conflict, refused] = await db.outbox.where('state').anyOf(['conflict', 'rejected']).sortBy('seq');
    expect(conflict!.conflicts).toEqual([expect.objectContaining({ field: 'usedQuantity', base: used, mine: used + 1, theirs: used + 2 })]);
    expect(refused!.error?.message).toMatch(/usedQuantity/);
    expect(refused!.error?.message).toMatch(/on hand/);
  });
});

describe('a long offline stretch', () => {
  it('sends 1,000 edits across 300 work orders made while the plant was down, across a reload, each exactly once', async () => {
    const name = `outbox-${randomUUID()}`;
    let db = openDb(name);
    await client(db).sync();
    const workOrders = (await db.workOrders.toArray()).slice(0, 300);
    expect(workOrders).toHaveLength(300);
    const statuses = plant.state.collections.workOrderStatuses.live();
    await plant.close();

    const makeEdits = async (outbox: DexieOutbox, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const wo: WorkOrder = workOrders[(i * 7) % workOrders.length]!;
        if (i % 3 === 0) {
          const status = statuses[i % statuses.length]!;
          await outbox.enqueue({ connectionId, action: 'setWorkOrderStatus', key: wo.key, changes: { statusKey: status.key! }, display: { status: status.name! } });
        } else if (i % 3 === 1) {
          await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: wo.key, changes: { notes: `Edit ${i}` } });
        } else {
          await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: wo.key, changes: { severity: ['Low', 'Medium', 'High', 'Critical'][i % 4]! } });
        }
      }
    };
    let parts = client(db);
    await makeEdits(parts.outbox, 0, 500);
    // Pushing while the plant is down sends nothing and loses nothing.
    expect(await parts.pusher.push()).toMatchObject({ done: 0, deferredBy: expect.objectContaining({ code: 'NETWORK' }) });
    // The app reloads halfway.
    db.close();
    db = openDb(name);
    parts = client(db);
    await makeEdits(parts.outbox, 500, 1000);
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(1000);

    await startPlant();
    await fetch(`${plant.url}/__control/writes`, { method: 'DELETE', headers: { authorization: `Bearer ${plant.token}` } });
    const summary = await parts.pusher.push();
    expect(summary).toMatchObject({ done: 1000, conflicts: 0, rejected: 0, deferred: 0 });

    const applied = (await writes()).applied;
    const perKey = new Map<string, number>();
    for (const write of applied) perKey.set(write.idempotencyKey ?? '', (perKey.get(write.idempotencyKey ?? '') ?? 0) + 1);
    expect(perKey.size).toBe(1000);
    expect([...perKey.keys()].sort()).toEqual(queued.map((op) => op.id).sort());
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);

    await parts.sync();
    for (const wo of workOrders) {
      const cached = (await db.workOrders.get([connectionId, wo.key]))!;
      const server = serverWorkOrder(wo.key);
      expect({ statusKey: cached.statusKey, notes: cached.notes, severity: cached.severity, updatedAt: cached.updatedAt }).toEqual({
        statusKey: server.statusKey,
        notes: server.notes ?? null,
        severity: server.severity ?? null,
        updatedAt: server.updatedAt,
      });
    }
  }, 120_000);
});
