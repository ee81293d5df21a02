import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createAppServices, type AppServices } from '../../electron/core/app-services';
import { ConnectionSettingsStore } from '../../electron/core/connections/connection-settings-store';
import { DemoPlantHost } from '../../electron/core/connections/demo-plant-host';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { KeyFileCipher } from '../../electron/core/connections/secret-cipher';
import { SecretStore } from '../../electron/core/connections/secret-store';
import { FileLogger } from '../../electron/core/logging/logger';
import { startWebHost, type RunningWebHost } from '../../electron/core/web-host/web-host';
import type { ConnectionView } from '../../shared/connection-view';
import { rendererChannels } from '../../shared/ipc/contract';
import type { RawTransport } from '../../shared/ipc/raw-transport';
import { dispatchValidated } from '../../shared/ipc/validated-dispatch';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { IpcClient } from '../../renderer/ipc/ipc-client';
import { storeHandlers } from '../../renderer/ipc/store-handlers';
import { startSession } from '../../renderer/ipc/main-connection';
import { connectWebSocketTransport } from '../../renderer/ipc/ws-transport';
import { useAppStore } from '../../renderer/stores/app-store';
import { createTestDb } from '../support/test-db';

let host: RunningWebHost;
let services: AppServices;

const token = () => new URL(host.url).hash.replace('#token=', '');
const ipcUrl = (t: string) => `${host.origin.replace('http', 'ws')}/ipc?token=${encodeURIComponent(t)}`;
const openAs = (origin: string) => (url: string) => new NodeWebSocket(url, { origin }) as unknown as WebSocket;

function handshakeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new NodeWebSocket(url, { origin });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', () => undefined);
  });
}

beforeAll(async () => {
  const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'millwright-renderer-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
  host = await startWebHost({ rendererDir });
  const keyValues = new MemoryKeyValueStore();
  const logger = new FileLogger(null, () => undefined);
  services = await createAppServices({
    transport: host.transport,
    shell: 'web',
    version: 'test',
    settings: new ConnectionSettingsStore(keyValues, logger),
    secrets: new SecretStore(keyValues, new KeyFileCipher(null), logger),
    demoPlants: new DemoPlantHost({ stateDir: null, changesPerMinute: 0 }),
    logger,
    openExternal: async () => false,
    schedule: false,
    defaultDemoPlant: { seed: 3, workOrders: 600 },
  });
});
afterAll(async () => {
  await services.dispose();
  await host.close();
});

describe('web mode: the IPC contract over the token-guarded WebSocket', () => {
  it('admits only the host\'s own origin holding the per-launch token', async () => {
    expect(await handshakeStatus(ipcUrl(token()), host.origin)).toBe(101);
    expect(await handshakeStatus(ipcUrl('guess'), host.origin)).toBe(403);
    expect(await handshakeStatus(ipcUrl(token()), 'http://evil.localhost:8080')).toBe(403);
    expect(await handshakeStatus(`${host.origin.replace('http', 'ws')}/ipc`, host.origin)).toBe(403);
  });

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const index = await fetch(host.origin + '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const probe of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      expect((await fetch(host.origin + probe)).status, probe).toBe(404);
    }
  });

  it('answers wrong-shaped payloads, unknown channels and garbage frames with typed errors, and keeps serving', async () => {
    const raw: RawTransport = await connectWebSocketTransport(ipcUrl(token()), () => undefined, openAs(host.origin));
    expect(await raw.invoke('sync.run', { connectionId: 42 })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD' } });
    expect(await raw.invoke('sync.run', undefined)).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD' } });
    expect(await raw.invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });

    const socket = new NodeWebSocket(ipcUrl(token()), { origin: host.origin });
    await new Promise((resolve) => socket.once('open', resolve));
    const reply = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.send('{"type":"request","id":"x"');
    expect(JSON.parse(await reply)).toMatchObject({ type: 'protocol-error', error: { code: 'IPC_INVALID_PAYLOAD' } });
    socket.close();

    expect(await raw.invoke('app.info', undefined)).toEqual({ ok: true, value: { version: 'test', shell: 'web' } });
  });

  it('syncs the demo plant into the renderer\'s Dexie store through the contract once the store attaches', async () => {
    const db = createTestDb();
    const client = new IpcClient(await connectWebSocketTransport(ipcUrl(token()), () => undefined, openAs(host.origin)));
    const synced = new Promise<ConnectionView>((resolve) =>
      client.on('connection.changed', (view) => view.lastSyncAt !== null && view.state === 'active' && resolve(view)),
    );
    await startSession(client, db, new DexieOutbox(db));
    const view = await synced;
    expect(view.state).toBe('active');
    expect(useAppStore.getState().connections[0]?.lastSyncAt).toBe(view.lastSyncAt);
    expect(await db.workOrders.count()).toBe(600);
    expect(useAppStore.getState().progress[view.id]?.workOrders).toMatchObject({ phase: 'done', fetched: 600 });
    expect(view.tokenPreview).toMatch(/^••••.{4}$/);
    db.close();
  });

  it('the renderer refuses a wrong-shaped page from main and leaves its cache unchanged', async () => {
    const db = createTestDb();
    const store = new DexieLocalStore(db);
    const handlers = storeHandlers(store, new DexieOutbox(db));
    const bad = { connectionId: 'x', entity: 'workOrders', runId: 'r', records: [{ key: 1 }], quarantined: [], cursor: { updatedAt: 'now', keysAtUpdatedAt: [] } };
    const result = await dispatchValidated(rendererChannels, handlers, 'store.applyPage', bad, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD' } });
    expect(await db.workOrders.count()).toBe(0);
    expect(await db.syncCursors.count()).toBe(0);
    db.close();
  });

  it('the renderer refuses a page whose envelope is wrong (list, run, cursor, records) and writes nothing', async () => {
    const db = createTestDb();
    const handlers = storeHandlers(new DexieLocalStore(db), new DexieOutbox(db));
    const record = { connectionId: 'x', key: 'k1', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null };
    const good = { connectionId: 'x', entity: 'workOrders', runId: 'r', records: [record], quarantined: [], cursor: null };
    const wrongPages: [string, unknown][] = [
      ['a table that is not a synced list', { ...good, entity: 'outbox' }],
      ['no run', { ...good, runId: undefined }],
      ['records that are not a list', { ...good, records: { 0: record } }],
      ['a record that is not an object', { ...good, records: ['k1'] }],
      ['a record without its deletion time (it would read as deleted)', { ...good, records: [{ ...record, deletedAt: undefined }] }],
      ['a cursor without its keys', { ...good, cursor: { updatedAt: '2026-01-01T00:00:00Z' } }],
    ];
    for (const [what, page] of wrongPages) {
      expect(await dispatchValidated(rendererChannels, handlers, 'store.applyPage', page, undefined), what).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD' } });
    }
    expect(await dispatchValidated(rendererChannels, handlers, 'store.applyIfNewer', { ...good, entity: 'syncCursors' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_PAYLOAD' },
    });
    expect(await db.syncCursors.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await dispatchValidated(rendererChannels, handlers, 'store.applyPage', good, undefined)).toEqual({ ok: true, value: { upserted: 1, deleted: 0 } });
    db.close();
  });
});
