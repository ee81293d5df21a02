import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { MakiniRecordWriter } from '../../electron/core/connectors/makini/makini-record-writer';
import { OutboxPusher } from '../../electron/core/outbox/outbox-pusher';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import { MillwrightDb } from '../../renderer/db/millwright-db';
import { base64ToBytes } from '../../shared/documents/base64';
import type { RetryPolicy } from '../../electron/core/sync/retry-policy';
import { writeCapabilities } from '../../shared/write-capabilities';
import { demoPlantControl } from '../support/demo-plant-control';

// Photos and files attached offline (issue 15): the bytes wait in the cache with the queued
// upload, reach the plant once and byte for byte whatever happens on the way, and stay here
// under the plant's key afterwards.
const connectionId = 'plant';
let home: string;
let plant: RunningDemoPlant;
const open: MillwrightDb[] = [];
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const openDb = (name: string) => {
  const db = new MillwrightDb(name, { indexedDB, IDBKeyRange });
  open.push(db);
  return db;
};

function pusherFor(outbox: DexieOutbox, retryPolicy?: RetryPolicy) {
  return new OutboxPusher({
    connectionId,
    writer: new MakiniRecordWriter({ connectionId, baseUrl: plant.url, getToken: () => plant.token, timeoutMs: 5000 }),
    store: outbox,
    capabilities: () => writeCapabilities('demo-plant'),
    sleep: async () => undefined,
    ...(retryPolicy ? { retryPolicy } : {}),
  });
}
const once: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };

async function syncedClient(name = `attachments-${randomUUID()}`) {
  const db = openDb(name);
  const connector = new MakiniConnector({ connectionId, baseUrl: plant.url, getToken: () => plant.token, timeoutMs: 5000 });
  await new SyncEngine({ connectionId, connector, perPage: 500, historyDays: null }).run(new DexieLocalStore(db));
  const outbox = new DexieOutbox(db);
  const workOrder = (await db.workOrders.toArray()).find((wo) => wo.completedAt === null)!;
  return { db, outbox, connector, workOrder };
}

/** The plant's file of a document, as anyone with a token downloads it. */
async function plantFile(key: string): Promise<Uint8Array> {
  const response = await fetch(`${plant.url}/files/documents/${encodeURIComponent(key)}`, { headers: { authorization: `Bearer ${plant.token}` } });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}
const plantDocuments = async () =>
  (await (await fetch(`${plant.url}/api/eam/documents?per_page=1000`, { headers: { authorization: `Bearer ${plant.token}` } })).json()) as { data: { key: string; name: string; entityKeys: string[] }[] };
const uploads = async (idempotencyKey: string) =>
  ((await (await fetch(`${plant.url}/__control/writes`, { headers: { authorization: `Bearer ${plant.token}` } })).json()) as { applied: { idempotencyKey: string | null; method: string; path: string }[] }).applied.filter(
    (write) => write.idempotencyKey === idempotencyKey,
  );

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'millwright-attachments-'));
  plant = await startDemoPlant({ seed: 9, sizes: { workOrders: 200, assets: 60, purchaseOrders: 20 }, changesPerMinute: 0, port: 0, stateFile: path.join(home, 'plant.json') });
});
afterEach(async () => {
  await demoPlantControl(plant.url, plant.token).clearFaults();
  for (const db of open.splice(0)) db.close();
});
afterAll(async () => {
  await plant.close();
  await rm(home, { recursive: true, force: true });
});

describe('attaching a photo or file through the outbox', () => {
  it('keeps the file with its queued upload, across a reload, and sends it exactly once and byte for byte when the answer is lost', async () => {
    const name = `attachments-${randomUUID()}`;
    const first = await syncedClient(name);
    const bytes = randomBytes(700_000);
    const queued = await first.outbox.enqueue({
      connectionId,
      action: 'attachDocument',
      changes: { name: 'Gearbox oil leak.jpg', entityKey: first.workOrder.key },
      display: { contentType: 'image/jpeg', size: bytes.length },
      file: { name: 'Gearbox oil leak.jpg', contentType: 'image/jpeg', bytes },
    });
    // Shown on the work order at once, the file kept beside it.
    const linked = await first.db.documents.where('entityKeys').equals(first.workOrder.key).toArray();
    expect(linked.map((document) => [document.key, document.name, document.contentType])).toContainEqual([queued.key, 'Gearbox oil leak.jpg', 'image/jpeg']);
    expect(sha((await first.db.documentFiles.get([connectionId, queued.key]))!.bytes)).toBe(sha(bytes));
    first.db.close();

    // A reload: a new cache object on the same database finds it all.
    const db = openDb(name);
    const outbox = new DexieOutbox(db);
    expect(sha(base64ToBytes((await outbox.attachmentOf(connectionId, queued.key))!.base64))).toBe(sha(bytes));

    // The plant stores it, and the answer never arrives.
    await demoPlantControl(plant.url, plant.token).injectFault({ dropAfterApply: true, method: 'POST', pathPrefix: '/api/eam/documents', times: 1 });
    expect(await pusherFor(outbox, once).push()).toMatchObject({ done: 0, deferred: 1 });
    expect((await db.outbox.where('id').equals(queued.id).first())?.state).toBe('pending');
    // Then a busy moment.
    await demoPlantControl(plant.url, plant.token).injectFault({ status: 503, method: 'POST', pathPrefix: '/api/eam/documents', times: 1 });
    expect(await pusherFor(outbox).push()).toMatchObject({ done: 1 });

    const stored = (await plantDocuments()).data.filter((document) => document.name === 'Gearbox oil leak.jpg');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.entityKeys).toEqual([first.workOrder.key]);
    expect(sha(await plantFile(stored[0]!.key))).toBe(sha(bytes));
    expect((await uploads(queued.id)).filter((write) => write.method === 'POST')).toHaveLength(1);

    // Here it now goes by the plant's key, the file with it, and the upload is done under that key.
    const here = await db.documents.where('entityKeys').equals(first.workOrder.key).toArray();
    expect(here.map((document) => document.key)).toContain(stored[0]!.key);
    expect(here.some((document) => document.key === queued.key)).toBe(false);
    expect(await db.documentFiles.get([connectionId, queued.key])).toBeUndefined();
    expect(sha((await db.documentFiles.get([connectionId, stored[0]!.key]))!.bytes)).toBe(sha(bytes));
    expect(await db.outbox.where('id').equals(queued.id).first()).toMatchObject({ state: 'done', key: stored[0]!.key });
  });

  it('refuses, with the plant\'s words, a file over the plant\'s limit; a discard takes the attachment and its file away', async () => {
    const { db, outbox, workOrder } = await syncedClient();
    const bytes = randomBytes(10 * 1024 * 1024 + 1);
    const queued = await outbox.enqueue({
      connectionId,
      action: 'attachDocument',
      changes: { name: 'Walkthrough.mp4', entityKey: workOrder.key },
      display: { contentType: 'video/mp4', size: bytes.length },
      file: { name: 'Walkthrough.mp4', contentType: 'video/mp4', bytes },
    });
    expect(await pusherFor(outbox).push()).toMatchObject({ done: 0, rejected: 1 });
    const refused = await db.outbox.where('id').equals(queued.id).first();
    expect(refused?.state).toBe('rejected');
    expect(refused?.error?.status).toBe(413);
    expect(refused?.error?.message).toMatch(/10 MiB|10 MB/);
    expect((await plantDocuments()).data.some((document) => document.name === 'Walkthrough.mp4')).toBe(false);

    await outbox.discard(queued.id);
    expect(await db.documents.get([connectionId, queued.key])).toBeUndefined();
    expect(await db.documentFiles.get([connectionId, queued.key])).toBeUndefined();
    expect(await db.outbox.where('id').equals(queued.id).count()).toBe(0);
  });

  it('refuses an upload whose file is no longer here, saying so, instead of sending an empty one', async () => {
    const { db, outbox, workOrder } = await syncedClient();
    const queued = await outbox.enqueue({
      connectionId,
      action: 'attachDocument',
      changes: { name: 'Nameplate.png', entityKey: workOrder.key },
      display: { contentType: 'image/png', size: 10 },
      file: { name: 'Nameplate.png', contentType: 'image/png', bytes: randomBytes(10) },
    });
    await db.documentFiles.delete([connectionId, queued.key]);
    expect(await pusherFor(outbox).push()).toMatchObject({ done: 0, rejected: 1 });
    expect((await db.outbox.where('id').equals(queued.id).first())?.error?.message).toBe(
      'The file to upload is no longer on this computer, so it cannot be sent. Discard this attachment and attach the file again.',
    );
    expect((await plantDocuments()).data.some((document) => document.name === 'Nameplate.png')).toBe(false);
  });

  it('fetches a seeded photo from the plant through the connector, as the drawer shows it', async () => {
    const { db, connector } = await syncedClient();
    const photo = (await db.documents.toArray()).find((document) => document.contentType === 'image/png' && document.url)!;
    expect(photo).toBeTruthy();
    const file = await connector.fetchFile(photo.url!);
    expect(file.contentType).toBe('image/png');
    const bytes = base64ToBytes(file.base64);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(sha(bytes)).toBe(sha(await plantFile(photo.key)));
  });
});
