import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../electron/core/connections/connection-manager';
import type { ConnectionEvents } from '../../electron/core/connections/connection-manager-options';
import { ConnectionSettingsStore } from '../../electron/core/connections/connection-settings-store';
import { DemoPlantHost } from '../../electron/core/connections/demo-plant-host';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { KeyFileCipher } from '../../electron/core/connections/secret-cipher';
import { SecretStore } from '../../electron/core/connections/secret-store';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { FileLogger } from '../../electron/core/logging/logger';
import { connectWithTokenSchema } from '../../shared/connection-requests';
import type { AppNotification, ConnectionView } from '../../shared/connection-view';
import type { AppError } from '../../shared/errors';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { answerConsentPage } from '../support/makini-link-browser';
import { createTestDb } from '../support/test-db';
import { managerOver } from '../support/connection-parts';

const hour = 3_600_000;
let plant: RunningDemoPlant;
let logFile: string;
const issuedSecrets = new Set<string>();

interface Harness {
  manager: ConnectionManager;
  db: MillwrightDb;
  keyValues: MemoryKeyValueStore;
  notifications: AppNotification[];
  views: ConnectionView[];
  /** Moves the manager's clock. */
  advance(ms: number): void;
  /** What the "system browser" does with the next authorize URL. */
  browser: { next: (url: string) => Promise<unknown> };
}

const harnesses: Harness[] = [];

async function harness(): Promise<Harness> {
  const db = createTestDb();
  const keyValues = new MemoryKeyValueStore();
  const logger = new FileLogger(logFile, () => undefined);
  const notifications: AppNotification[] = [];
  const views: ConnectionView[] = [];
  let offset = 0;
  const browser = { next: (url: string) => answerConsentPage(url) };
  const events: ConnectionEvents = {
    changed: (view) => views.push(view),
    removed: () => undefined,
    notify: (notification) => notifications.push(notification),
    progress: () => undefined,
  };
  const store = new DexieLocalStore(db);
  const outbox = new DexieOutbox(db);
  const manager = new ConnectionManager({
    settings: new ConnectionSettingsStore(keyValues, logger),
    secrets: new SecretStore(keyValues, new KeyFileCipher(null), logger),
    demoPlants: new DemoPlantHost({ stateDir: null, changesPerMinute: 0 }),
    events,
    logger,
    openExternal: async (url) => {
      void browser.next(url);
      return true;
    },
    store: () => store,
    outbox: () => outbox,
    now: () => Date.now() + offset,
    schedule: false,
  });
  await manager.start();
  const created = { manager, db, keyValues, notifications, views, advance: (ms: number) => (offset += ms), browser };
  harnesses.push(created);
  return created;
}

const oauthRequest = () => ({ baseUrl: plant.url, linkUrl: plant.url, clientId: plant.oauthClient.clientId, clientSecret: plant.oauthClient.clientSecret });

/** Connects through Makini Link and (before its first sync starts) asks for the whole history, so counts compare with the plant's. */
async function connectThroughLink(h: Harness): Promise<ConnectionView> {
  const started = await h.manager.beginOAuth(oauthRequest());
  expect(started.browserOpened).toBe(true);
  const view = await h.manager.completeOAuth(started.flowId);
  expect(view.historyDays).toBe(90);
  return h.manager.updateSettings(view.id, { historyDays: null });
}

/** The token main holds for a connection, read the way main reads it (tests only). */
function heldToken(h: Harness, connectionId: string): string {
  const secrets = new SecretStore(h.keyValues, new KeyFileCipher(null), new FileLogger(null));
  expect(secrets.get(connectionId)).toBeNull(); // another key cannot read it…
  const token = (h.manager as unknown as { runtimes: Map<string, { secrets: { accessToken: string } | null }> }).runtimes.get(connectionId)?.secrets?.accessToken;
  if (!token) throw new Error('no token held');
  issuedSecrets.add(token);
  return token;
}

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 21, sizes: { workOrders: 300 }, stateFile: null, accessTokenTtlSeconds: 2 * 3600 });
  logFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'millwright-log-')), 'main.log');
  issuedSecrets.add(plant.oauthClient.clientSecret);
});
afterEach(() => plant.setCredentialsChanged(false));
afterAll(async () => {
  for (const h of harnesses) {
    await h.manager.dispose();
    h.db.close();
  }
  await plant.close();
  // Every token and secret the runs handled: none may appear in the log, which did record the runs.
  const log = await readFile(logFile, 'utf8');
  expect(log).toContain('connected through Makini Link');
  for (const secret of issuedSecrets) expect(log).not.toContain(secret);
  expect(log).not.toMatch(/bearer\s+(?!\[redacted\])/i);
});

describe('connections against the demo plant over HTTP', () => {
  it('connects through Makini Link (authorization code on a loopback port), stores the token encrypted, and syncs', async () => {
    const h = await harness();
    const view = await connectThroughLink(h);
    expect(view).toMatchObject({ authMethod: 'oauth', provider: 'demo-plant' });
    expect(view.tokenPreview).toMatch(/^••••/);
    const token = heldToken(h, view.id);
    expect(JSON.stringify(h.keyValues.get(`secrets.${view.id}`))).not.toContain(token);
    expect(JSON.stringify(h.keyValues.get('connections'))).not.toContain(token);

    await h.manager.syncNow(view.id);
    expect(await h.db.workOrders.where('connectionId').equals(view.id).count()).toBe(300);
    expect(h.manager.list()[0]).toMatchObject({ state: 'active', lastError: null });
  });

  it('refuses a callback with the wrong state and keeps waiting for the real one', async () => {
    const h = await harness();
    let wrongStateStatus = 0;
    h.browser.next = async (url) => {
      const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
      redirect.search = 'code=forged&state=not-the-state';
      wrongStateStatus = (await fetch(redirect)).status;
      return answerConsentPage(url);
    };
    const view = await connectThroughLink(h);
    expect(wrongStateStatus).toBe(400);
    expect(view.authMethod).toBe('oauth');
  });

  it('reports a callback without a code, and a denied consent, clearly and without touching other connections', async () => {
    const h = await harness();
    const existing = await h.manager.addDemo({ seed: 4, workOrders: 50 });
    h.browser.next = async (url) => {
      const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
      redirect.search = new URLSearchParams({ state: new URL(url).searchParams.get('state')! }).toString();
      return fetch(redirect);
    };
    let started = await h.manager.beginOAuth(oauthRequest());
    await expect(h.manager.completeOAuth(started.flowId)).rejects.toThrow('came back without a code');
    h.browser.next = (url) => answerConsentPage(url, 'deny');
    started = await h.manager.beginOAuth(oauthRequest());
    await expect(h.manager.completeOAuth(started.flowId)).rejects.toThrow('Access was denied');
    expect(h.manager.list().map((c) => c.id)).toEqual([existing.id]);
  });

  it('refreshes the token before it expires, rotating it atomically', async () => {
    const h = await harness();
    const view = await connectThroughLink(h);
    const first = heldToken(h, view.id);
    await h.manager.syncNow(view.id);
    expect(heldToken(h, view.id)).toBe(first);
    const sealedBefore = h.keyValues.get(`secrets.${view.id}`);

    h.advance(1.7 * hour); // 2-hour tokens: past 80% of their life
    const summary = await h.manager.syncNow(view.id);
    const second = heldToken(h, view.id);
    expect(second).not.toBe(first);
    expect(summary.entities.length).toBeGreaterThan(0);
    // The new pair was written (one encrypted value) before being used.
    expect(h.keyValues.get(`secrets.${view.id}`)).not.toEqual(sealedBefore);
    const sites = await fetch(`${plant.url}/api/eam/sites?per_page=1`, { headers: { authorization: `Bearer ${second}` } });
    expect(sites.status).toBe(200);
  });

  it('turns to needs_reauth within one sync when the plant\'s credentials change, and resumes after reauthorizing with the cache kept', async () => {
    const h = await harness();
    const view = await connectThroughLink(h);
    await h.manager.syncNow(view.id);
    const cached = await h.db.workOrders.where('connectionId').equals(view.id).count();

    plant.setCredentialsChanged(true);
    const error = (await h.manager.syncNow(view.id).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('UPSTREAM_AUTH');
    expect(h.manager.list()[0]).toMatchObject({ state: 'needs_reauth' });
    expect(h.notifications.at(-1)).toMatchObject({ level: 'warning', connectionId: view.id, statusKind: 'needs_reauth' });
    expect(h.notifications.at(-1)!.body).toBe(h.manager.list()[0]!.status.sentence);
    await expect(h.manager.syncNow(view.id)).rejects.toThrow('needs to be reauthorized');

    const started = await h.manager.beginOAuth({ reauthorizeConnectionId: view.id });
    const after = await h.manager.completeOAuth(started.flowId);
    expect(after).toMatchObject({ id: view.id, state: 'active' });
    expect(await h.db.workOrders.where('connectionId').equals(view.id).count()).toBe(cached);
    plant.state.advanceWorkOrders(3, new SeededRandom(9), Date.now());
    const summary = await h.manager.syncNow(view.id);
    expect(summary.entities.find((e) => e.entity === 'workOrders')?.applied).toBe(3);
  });

  it('notices a credential change from the health check (sync_status fail) too', async () => {
    const h = await harness();
    const view = await connectThroughLink(h);
    plant.setCredentialsChanged(true);
    expect((await h.manager.checkHealth(view.id)).state).toBe('needs_reauth');
  });

  it('disconnects: the old token is refused upstream and no further request is sent; then deletes every record', async () => {
    const h = await harness();
    const issued = plant.issueToken();
    issuedSecrets.add(issued.accessToken);
    const view = h.manager.updateSettings((await h.manager.connectWithToken({ baseUrl: plant.url, token: issued.accessToken })).id, { historyDays: null });
    await h.manager.syncNow(view.id);
    expect(await h.db.workOrders.where('connectionId').equals(view.id).count()).toBe(300);

    const disconnected = await h.manager.disconnect(view.id);
    expect(disconnected).toMatchObject({ state: 'disconnected', tokenPreview: null });
    const sent = plant.apiRequestsByToken(issued.accessToken);
    await expect(h.manager.syncNow(view.id)).rejects.toThrow('disconnected');
    await h.manager.checkHealth(view.id);
    expect(plant.apiRequestsByToken(issued.accessToken)).toBe(sent);
    const direct = await fetch(`${plant.url}/api/eam/sites`, { headers: { authorization: `Bearer ${issued.accessToken}` } });
    expect(direct.status).toBe(401);
    expect(await h.db.workOrders.where('connectionId').equals(view.id).count()).toBe(300);

    const { deleted } = await h.manager.deleteData(view.id);
    expect(deleted).toBeGreaterThan(300);
    for (const table of [h.db.workOrders, h.db.assets, h.db.sites, h.db.workOrderStatuses]) {
      expect(await table.where('connectionId').equals(view.id).count()).toBe(0);
    }
    expect(await h.db.syncCursors.count()).toBe(0);
    expect(h.manager.list()).toEqual([]);
  });

  it('keeps the first sync\'s history window chosen when connecting (90 days by default for a real plant, everything for a demo)', async () => {
    const h = await harness();
    expect((await h.manager.addDemo({ seed: 9, workOrders: 20 })).historyDays).toBeNull();
    expect((await h.manager.addDemo({ seed: 9, workOrders: 20, historyDays: 30 })).historyDays).toBe(30);
    const first = plant.issueToken();
    const second = plant.issueToken();
    issuedSecrets.add(first.accessToken);
    issuedSecrets.add(second.accessToken);
    expect((await h.manager.connectWithToken({ baseUrl: plant.url, token: first.accessToken })).historyDays).toBe(90);
    expect((await h.manager.connectWithToken({ baseUrl: plant.url, token: second.accessToken, historyDays: 60 })).historyDays).toBe(60);
  });

  it('refuses to delete the data of a connection that is still connected', async () => {
    const h = await harness();
    const view = await h.manager.addDemo({ seed: 5, workOrders: 40 });
    await expect(h.manager.deleteData(view.id)).rejects.toThrow('Disconnect the connection before');
  });

  it('answers bad input with clear messages and leaves existing connections untouched', async () => {
    const h = await harness();
    const existing = await h.manager.addDemo({ seed: 6, workOrders: 40 });
    await h.manager.syncNow(existing.id);
    const before = h.manager.list();
    expect(before).toMatchObject([{ id: existing.id, state: 'active' }]);
    const token = plant.issueToken().accessToken;
    issuedSecrets.add(token);
    await expect(h.manager.connectWithToken({ baseUrl: `${plant.url}/not-makini`, token })).rejects.toThrow('does not answer like a Makini API');
    await expect(h.manager.connectWithToken({ baseUrl: 'http://127.0.0.1:1', token })).rejects.toThrow('Could not reach 127.0.0.1:1');
    const refused = (await h.manager.connectWithToken({ baseUrl: plant.url, token: 'x'.repeat(40) }).catch((e: unknown) => e)) as AppError;
    expect(refused.message).toContain('refused this token');
    expect(refused.requestId).toMatch(/[0-9a-f-]{36}/);
    const badShape = connectWithTokenSchema.safeParse({ baseUrl: plant.url, token: 'has spaces in it, twenty chars' });
    expect(badShape.success).toBe(false);
    expect(badShape.error?.issues[0]?.message).toMatch(/no spaces/);
    expect(connectWithTokenSchema.safeParse({ baseUrl: 'ftp://plant', token }).error?.issues[0]?.message).toMatch(/http/);
    expect(h.manager.list()).toEqual(before);
  });

  it('on dispose, stops a running sync and resolves only once it has settled', async () => {
    const h = await harness();
    const view = await h.manager.addDemo({ name: 'Quitting plant', seed: 8, workOrders: 3000 });
    let settled = false;
    const running = h.manager.syncNow(view.id, { mode: 'full' }).then(
      () => (settled = true),
      () => (settled = true),
    );
    await expect.poll(() => h.manager.list()[0]!.state).toBe('syncing');
    await h.manager.dispose();
    expect(settled).toBe(true);
    await running;
    harnesses.splice(harnesses.indexOf(h), 1);
    h.db.close();
  });

  it('keeps several connections side by side, each with its own records', async () => {
    const h = await harness();
    const one = await h.manager.addDemo({ seed: 7, workOrders: 120 });
    const two = await h.manager.addDemo({ seed: 8, workOrders: 80 });
    await Promise.all([h.manager.syncNow(one.id), h.manager.syncNow(two.id)]);
    expect(await h.db.workOrders.where('connectionId').equals(one.id).count()).toBe(120);
    expect(await h.db.workOrders.where('connectionId').equals(two.id).count()).toBe(80);
    expect(one.baseUrl).not.toBe(two.baseUrl);
  });

  it('comes back after a restart with its connections, tokens decrypted and demo plants running again', async () => {
    const h = await harness();
    const view = await h.manager.addDemo({ seed: 9, workOrders: 30 });
    await h.manager.dispose();
    const again = managerOver(h.keyValues, h.db, { logger: new FileLogger(logFile, () => undefined), schedule: false });
    await again.start();
    // A different cipher key cannot read the saved token: the connection asks to be reauthorized instead of failing silently.
    expect(again.list()).toMatchObject([{ id: view.id, state: 'needs_reauth' }]);
    await again.reauthorize(view.id, undefined);
    await again.syncNow(view.id);
    expect(await h.db.workOrders.where('connectionId').equals(view.id).count()).toBe(30);
    await again.dispose();
  });
});

describe('an upstream that goes out of reach', () => {
  it('pauses scheduled syncs, probes, and catches up as soon as the upstream answers again', async () => {
    const stateFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'millwright-plant-')), 'plant.json');
    const upstream = await startDemoPlant({ seed: 41, sizes: { workOrders: 60 }, stateFile });
    const port = Number(new URL(upstream.url).port);
    const db = createTestDb();
    const keyValues = new MemoryKeyValueStore();
    const manager = managerOver(keyValues, db, { reachabilityIntervalMs: 50, healthCheckIntervalMs: 3_600_000 });
    await manager.start();
    const token = upstream.issueToken().accessToken;
    issuedSecrets.add(token);
    const view = manager.updateSettings((await manager.connectWithToken({ baseUrl: upstream.url, token })).id, { historyDays: null });
    await manager.syncNow(view.id);
    await upstream.close();

    const offline = (await manager.syncNow(view.id).catch((e: unknown) => e)) as AppError;
    expect(offline.code).toBe('NETWORK');
    expect(manager.list()[0]).toMatchObject({ state: 'error', nextSyncAt: null });

    // Back on the same address with its saved state (the issued token too), and one more change.
    const back = await startDemoPlant({ seed: 41, sizes: { workOrders: 60 }, stateFile, port });
    const [changed] = back.state.advanceWorkOrders(1, new SeededRandom(2), Date.now() + 5000);
    await expect
      .poll(async () => (await db.syncHistory.where('connectionId').equals(view.id).toArray()).some((row) => row.trigger === 'reconnect' && row.outcome === 'synced'), { timeout: 10_000 })
      .toBe(true);
    expect((await db.workOrders.get([view.id, changed!]))?.statusKey).toBe(back.state.collections.workOrders.get(changed!)!.statusKey);
    expect(manager.list()[0]).toMatchObject({ state: 'active' });
    await manager.dispose();
    await back.close();
    db.close();
  });
});
