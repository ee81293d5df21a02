// Webhooks end to end, as the app wires them: a demo plant (its own signed, batched, retried
// webhooks, with duplicate / reorder / forge faults) → the receiver (verify, journal, 200) → the
// processor (targeted fetches by key) → the real Dexie cache on fake-indexeddb. Also: processing
// failures retried and alerted, a 401 while processing, and a receiver SIGKILLed right after a 200.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../electron/core/connections/connection-manager';
import { ConnectionSettingsStore } from '../../electron/core/connections/connection-settings-store';
import { DemoPlantHost } from '../../electron/core/connections/demo-plant-host';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { KeyFileCipher } from '../../electron/core/connections/secret-cipher';
import { SecretStore } from '../../electron/core/connections/secret-store';
import type { RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import type { PlantRecord } from '../../electron/demo-plant/record-collection';
import { FileLogger } from '../../electron/core/logging/logger';
import { startConnectionWebhooks } from '../../electron/core/webhooks/connection-webhooks';
import type { WebhookService } from '../../electron/core/webhooks/webhook-service';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import type { AppNotification, ConnectionView } from '../../shared/connection-view';
import { changeWorkOrderNote, compareWorkOrders } from '../support/plant-changes';
import { createTestDb } from '../support/test-db';

const root = path.resolve(import.meta.dirname, '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Harness {
  manager: ConnectionManager;
  webhooks: WebhookService;
  db: MillwrightDb;
  plants: DemoPlantHost;
  notifications: AppNotification[];
  /** Whether a window has the cache open (the processor waits while none has). */
  attached: { value: boolean };
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'millwright-webhook-sync-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What outlives a restart of main: its settings, the key its secrets are sealed with, demo plants' state files, and the renderer's cache. */
interface Profile {
  keyValues: MemoryKeyValueStore;
  cipher: KeyFileCipher;
  plantsDir: string;
  db: MillwrightDb;
}

async function harness(options: { dir?: string; profile?: Profile; attached?: boolean } = {}): Promise<Harness> {
  const db = options.profile?.db ?? createTestDb();
  const keyValues = options.profile?.keyValues ?? new MemoryKeyValueStore();
  const cipher = options.profile?.cipher ?? new KeyFileCipher(null);
  const logger = new FileLogger(null, () => undefined);
  const notifications: AppNotification[] = [];
  const store = new DexieLocalStore(db);
  const outbox = new DexieOutbox(db);
  const attached = { value: options.attached ?? true };
  // Each change is its own delivery; retries come quickly.
  const plants = new DemoPlantHost({ stateDir: options.profile?.plantsDir ?? null, changesPerMinute: 0, webhooks: { batchWindowMs: 0, retryBaseDelayMs: 20, reorderHoldMs: 200 } });
  const manager = new ConnectionManager({
    settings: new ConnectionSettingsStore(keyValues, logger),
    secrets: new SecretStore(keyValues, cipher, logger),
    demoPlants: plants,
    events: { changed: () => undefined, removed: () => undefined, notify: (n) => notifications.push(n), progress: () => undefined },
    logger,
    openExternal: async () => false,
    store: () => (attached.value ? store : null),
    outbox: () => (attached.value ? outbox : null),
    schedule: false,
  });
  const webhooks = await startConnectionWebhooks(
    manager,
    { dir: options.dir ?? tempDir(), logger, retryBaseDelayMs: 20, maxRetryDelayMs: 100, alertAfterFailures: 3 },
    (n) => notifications.push(n),
  );
  await manager.start();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await webhooks.close();
    await manager.dispose();
  };
  cleanups.push(async () => {
    await close();
    if (!options.profile) db.close();
  });
  return { manager, webhooks, db, plants, notifications, attached, close };
}

async function demo(h: Harness, workOrders: number, seed = 7): Promise<{ view: ConnectionView; plant: RunningDemoPlant }> {
  const view = await h.manager.addDemo({ name: 'Webhook plant', seed, workOrders });
  await h.manager.syncNow(view.id);
  return { view, plant: (await h.plants.get(view.id))! };
}

const compare = (h: Harness, connectionId: string, plant: RunningDemoPlant) => compareWorkOrders(h.db, connectionId, plant);

async function settle(h: Harness, plant: RunningDemoPlant): Promise<void> {
  await plant.webhooks.idle();
  await h.webhooks.idle();
}

describe('webhooks into the cache', () => {
  it('10,000 deliveries with 10% duplicated, 10% reordered and 1% forged leave the cache equal to the server', async () => {
    const h = await harness();
    const { view, plant } = await demo(h, 400);
    expect(view.webhook).toMatchObject({ secretSet: true, endpoint: h.webhooks.endpointFor(view.id) });
    expect(plant.webhooks.list()).toHaveLength(1);
    plant.webhooks.setFaults({ duplicateRate: 0.1, reorderRate: 0.1, forgeRate: 0.01 });

    const keys = [...plant.state.collections.workOrders.keys()];
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) {
      changeWorkOrderNote(plant, keys[(i * 7919) % keys.length]!, `change #${i}`);
      plant.webhooks.flush(); // one delivery per change
      if (i % 500 === 499) await sleep(0);
    }
    await settle(h, plant);
    const seconds = (performance.now() - started) / 1000;

    const sent = plant.webhooks.list()[0]!.stats;
    const received = h.webhooks.receiver.stats(view.id);
    const processed = h.webhooks.status(view.id);
    console.log(
      `webhooks: ${sent.deliveries} deliveries (${sent.duplicated} duplicated, ${sent.reordered} reordered, ${sent.forged} forged) ` +
        `in ${seconds.toFixed(1)} s; ${processed.processed} processed, ${received.rejected} refused`,
    );
    expect(sent.deliveries).toBe(10_000);
    expect(sent.failed).toBe(0);
    expect(sent.duplicated).toBeGreaterThan(800);
    expect(sent.reordered).toBeGreaterThan(800);
    expect(sent.forged).toBeGreaterThan(50);
    // Every forgery refused with 401, and only forgeries.
    expect(sent.forgedAccepted).toBe(0);
    expect(received.rejected).toBe(sent.forged);
    // Every duplicate answered 200 and processed once: each delivery queued once, each processed once.
    expect(received.duplicate).toBe(sent.duplicated);
    expect(received.queued).toBe(sent.deliveries);
    expect(processed.processed).toBe(sent.deliveries);
    expect(processed).toMatchObject({ pending: 0, failures: 0, alerting: false });

    const result = await compare(h, view.id, plant);
    expect(result.cached).toBe(result.upstream);
    expect(result.differing).toEqual([]);
    // The view says what happened.
    expect(h.manager.list()[0]!.webhook).toMatchObject({ processed: 10_000, rejected: sent.forged });
  }, 240_000);

  it('never puts an older version back when answers arrive out of order', async () => {
    const h = await harness();
    const { view, plant } = await demo(h, 50);
    const key = [...plant.state.collections.workOrders.keys()][0]!;
    const older = { ...(await h.db.workOrders.get([view.id, key]))! };
    changeWorkOrderNote(plant, key, 'newer');
    await settle(h, plant);
    expect((await h.db.workOrders.get([view.id, key]))!.notes).toBe('newer');
    // A late answer holding the version from before.
    const store = new DexieLocalStore(h.db);
    const result = await store.applyIfNewer({ connectionId: view.id, entity: 'workOrders', records: [{ ...older, updatedAt: '2020-01-01T00:00:00Z', notes: 'older' }] });
    expect(result).toEqual({ upserted: 0, deleted: 0 });
    expect((await h.db.workOrders.get([view.id, key]))!.notes).toBe('newer');
  });

  it('retries processing that fails (503s, a page that is not JSON), counts it and alerts; the 200s are unaffected', async () => {
    const h = await harness();
    const { view, plant } = await demo(h, 50);
    const keys = [...plant.state.collections.workOrders.keys()];
    plant.faults.add({ status: 503, pathPrefix: '/api/eam/work-orders', method: 'GET', skip: 0, times: 3 });
    plant.faults.add({ malformed: 'json', pathPrefix: '/api/eam/work-orders', method: 'GET', skip: 0, times: 1 });
    for (let i = 0; i < 5; i += 1) {
      changeWorkOrderNote(plant, keys[i]!, `through faults ${i}`);
      plant.webhooks.flush();
    }
    await settle(h, plant);
    const status = h.webhooks.status(view.id);
    expect(status.failures).toBe(4);
    expect(status).toMatchObject({ pending: 0, lastError: null, alerting: false });
    expect(h.notifications.some((n) => n.title.includes('webhooks are not being processed'))).toBe(true);
    expect(plant.webhooks.list()[0]!.stats).toMatchObject({ sent: 5, retried: 0, failed: 0 });
    expect((await compare(h, view.id, plant)).differing).toEqual([]);
  });

  it('keeps deliveries while no window has the cache open or the token is refused, and processes them after reauthorizing', async () => {
    const h = await harness();
    const { view, plant } = await demo(h, 50);
    const keys = [...plant.state.collections.workOrders.keys()];
    h.attached.value = false;
    changeWorkOrderNote(plant, keys[0]!, 'while detached');
    plant.webhooks.flush();
    await plant.webhooks.idle();
    await sleep(100);
    expect(h.webhooks.status(view.id)).toMatchObject({ pending: 1, failures: 0 });
    h.attached.value = true;
    await h.webhooks.idle();
    expect((await h.db.workOrders.get([view.id, keys[0]!]))!.notes).toBe('while detached');

    plant.setCredentialsChanged(true);
    changeWorkOrderNote(plant, keys[1]!, 'after the credentials changed');
    plant.webhooks.flush();
    await plant.webhooks.idle();
    await expect.poll(() => h.manager.list()[0]!.state).toBe('needs_reauth');
    await sleep(100);
    expect(h.webhooks.status(view.id).pending).toBe(1);
    plant.setCredentialsChanged(false);
    await h.manager.reauthorize(view.id, undefined);
    await h.webhooks.idle();
    expect((await h.db.workOrders.get([view.id, keys[1]!]))!.notes).toBe('after the credentials changed');
  });

  it('checks the connection when upstream announces an integration change', async () => {
    const h = await harness();
    const { view, plant } = await demo(h, 20);
    plant.setCredentialsChanged(true);
    const body = JSON.stringify({ event: 'integration.updated', body: { sync_status: 'fail' } });
    const secret = h.manager.webhookSecret(view.id)!;
    const response = await fetch(h.webhooks.endpointFor(view.id), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-signature': createHmac('sha256', secret).update(body).digest('base64') },
      body,
    });
    expect(response.status).toBe(200);
    await h.webhooks.idle();
    expect(h.manager.list()[0]!.state).toBe('needs_reauth');
  });

  it('processes a delivery after a restart when the receiver was SIGKILLed right after answering it 200', async () => {
    const dir = tempDir();
    const profile: Profile = { keyValues: new MemoryKeyValueStore(), cipher: new KeyFileCipher(null), plantsDir: tempDir(), db: createTestDb() };
    const { db } = profile;
    cleanups.push(() => db.close());
    const first = await harness({ dir: tempDir(), profile });
    const { view, plant } = await demo(first, 30);
    const secret = first.manager.webhookSecret(view.id)!;
    const key = [...plant.state.collections.workOrders.keys()][3]!;
    await first.close();

    // The change happens upstream while a receiver in a process of its own takes its webhook.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'support', 'webhook-receiver-child.ts'), dir, view.id], {
      cwd: root,
      env: { ...process.env, WEBHOOK_CHILD_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const origin = await new Promise<string>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', () => reject(new Error(`the child exited:\n${output}`)));
    });
    const body = JSON.stringify({ event: 'work-orders.updated', body: [key] });
    const upstream = plant.state.collections.workOrders.get(key)!;
    const response = await fetch(`${origin}/webhooks/${view.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_crash', 'x-webhook-signature': createHmac('sha256', secret).update(body).digest('base64') },
      body,
    });
    expect(response.status).toBe(200);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // Restart on the journal the child left: the same settings and cache; the demo plant comes back
    // from its state file and is given the change silently (no new webhook), so only the journaled delivery can bring it.
    const second = await harness({ dir, profile, attached: false });
    const revived = (await second.plants.get(view.id))!;
    revived.state.put('workOrders', { ...upstream, notes: 'changed before the crash', updatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') } as PlantRecord, { silent: true });
    expect(second.webhooks.status(view.id).pending).toBe(1);
    second.attached.value = true;
    await expect.poll(async () => (await db.workOrders.get([view.id, key]))?.notes, { timeout: 10_000 }).toBe('changed before the crash');
    await second.webhooks.idle();
    expect(second.webhooks.status(view.id)).toMatchObject({ processed: 1, pending: 0 });
  });
});
