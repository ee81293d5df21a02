import { createHmac, randomBytes } from 'node:crypto';
import type { EventEmitter as EventEmitterClass } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appEntryUrl } from '../../electron/app-protocol';
import { KeyFileCipher } from '../../electron/core/connections/secret-cipher';
import { defaultOAuthClient } from '../../electron/demo-plant/oauth-routes';
import type { ConnectionView } from '../../shared/connection-view';
import type { MainChannel, MainRequestInput, MainResponse } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/ipc-result';
import { malformedHttpExchanges } from '../support/attack/malformed-http-requests';
import { playExchange, rawRequestStatus, type RawExchange } from '../support/attack/raw-exchange';
import { runAttack, type AttackReport } from '../support/attack/run-attack';
import { answerConsentPage } from '../support/makini-link-browser';

// electron/main.ts run in this process against a fake `electron` module (the binary cannot run
// here) but with the real core services: its embedded demo plant, its webhook receiver and the
// loopback listener of a Makini Link sign-in listen here, in "main". Malformed requests, resets and
// generated attacks go to each. No uncaught exception or unhandled rejection may reach the process
// (Vitest fails the run on either), every listener must still answer, the sign-in must still
// complete and be saved, and main must then quit through its graceful path leaving no server,
// socket or file open.
const fake = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as { EventEmitter: typeof EventEmitterClass };
  const preventable = () => ({
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  });
  const hooks: { failed: (why: string) => void; opened: () => void } = { failed: () => undefined, opened: () => undefined };

  class FakeWebContents extends Emitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    destroyed = false;
    /** What main sent the page, counted by channel; no page answers its calls (`millwright:call`). */
    sent = new Map<string, number>();
    setWindowOpenHandler() {}
    isDestroyed() {
      return this.destroyed;
    }
    send(channel: string) {
      if (this.destroyed) throw new Error('Object has been destroyed'); // as Electron's
      this.sent.set(channel, (this.sent.get(channel) ?? 0) + 1);
    }
  }
  class FakeBrowserWindow extends Emitter {
    static all: FakeBrowserWindow[] = [];
    static getAllWindows() {
      return FakeBrowserWindow.all;
    }
    webContents = new FakeWebContents();
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.all.push(this);
      hooks.opened();
    }
    loadURL() {
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    isVisible() {
      return true;
    }
    show() {}
    hide() {}
    focus() {}
    isDestroyed() {
      return this.destroyed;
    }
    isMaximized() {
      return false;
    }
    maximize() {}
    getNormalBounds() {
      return { x: 10, y: 20, width: 1200, height: 800 };
    }
    /** As Electron's: 'close' may be prevented; if not, the window and its page are destroyed. */
    close() {
      if (this.destroyed) return;
      const event = preventable();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroyed = true;
      FakeBrowserWindow.all = FakeBrowserWindow.all.filter((window) => window !== this);
      this.webContents.destroyed = true;
      this.webContents.emit('destroyed');
      this.emit('closed');
    }
  }
  class FakeTray extends Emitter {
    static all: FakeTray[] = [];
    destroyed = false;
    constructor() {
      super();
      FakeTray.all.push(this);
    }
    setImage() {}
    setToolTip() {}
    setTitle() {}
    setContextMenu() {}
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    userData: '',
    quitCalls: 0,
    exitCodes: [] as number[],
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`the fake app has no path "${name}"`);
      return app.userData;
    },
    getVersion: () => '0.1.0',
    setAsDefaultProtocolClient: () => true,
    setAppUserModelId: () => undefined,
    /** Electron's order: before-quit (may be prevented), every window closed (each may refuse), will-quit, quit. */
    quit: () => {
      app.quitCalls += 1;
      const beforeQuit = preventable();
      app.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      for (const window of [...FakeBrowserWindow.all]) window.close();
      if (FakeBrowserWindow.all.length > 0) return;
      const willQuit = preventable();
      app.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) return;
      app.emit('quit', {}, 0);
    },
    exit: (code: number) => {
      app.exitCodes.push(code);
      hooks.failed(`main called app.exit(${code})`);
    },
  });
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const ipcMain = Object.assign(new Emitter(), {
    handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`); // as Electron's
      ipcHandlers.set(channel, handler);
    },
  });
  const openedExternally: string[] = [];
  const dialogs: unknown[] = [];
  const electron = {
    app,
    ipcMain,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => undefined },
    nativeImage: { createFromPath: (file: string) => ({ file }) },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    dialog: {
      showMessageBox: async (options: unknown) => {
        dialogs.push(options);
        return { response: 1 };
      },
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    // No OS keychain: main must fall back to the key-file cipher.
    safeStorage: { isEncryptionAvailable: () => false },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} } },
    shell: {
      openExternal: async (url: string) => void openedExternally.push(url),
      openPath: async () => '',
    },
  };
  /** electron-store in memory (the real one needs Electron): one set of values per store name, copied as JSON would be. */
  const stores = new Map<string, Map<string, unknown>>();
  class FakeElectronStore {
    private readonly values: Map<string, unknown>;
    constructor(options: { name?: string } = {}) {
      const name = options.name ?? 'config';
      this.values = stores.get(name) ?? new Map<string, unknown>();
      stores.set(name, this.values);
    }
    get(key: string) {
      return structuredClone(this.values.get(key));
    }
    set(key: string, value: unknown) {
      this.values.set(key, structuredClone(value));
    }
    delete(key: string) {
      this.values.delete(key);
    }
  }
  const autoUpdater = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    logger: null as unknown,
    setFeedURL: () => undefined,
    checkForUpdates: async () => null,
    downloadUpdate: async () => [],
    quitAndInstall: () => undefined,
  };
  return { electron, app, hooks, ipcHandlers, FakeBrowserWindow, FakeTray, stores, FakeElectronStore, autoUpdater, openedExternally, dialogs };
});

vi.mock('electron', () => fake.electron);
vi.mock('electron-store', () => ({ default: fake.FakeElectronStore }));
vi.mock('electron-updater', () => ({ autoUpdater: fake.autoUpdater }));

/**
 * Exceptions that reached the process uncaught, seen through 'uncaughtExceptionMonitor' (which
 * leaves Vitest's own check alone), so each step can say it caused none. Vitest fails the run on
 * any uncaught exception or unhandled rejection, but only while its listener is the only one:
 * with another 'unhandledRejection' listener it assumes user code handles them and stays silent.
 * So rejections are left to Vitest, except while main starts (one then means main did not start).
 */
const uncaught: string[] = [];
const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
let onProblem: (problem: string) => void = () => undefined;
const onUncaught = (error: Error, origin: string) => {
  uncaught.push(`${origin}: ${describeError(error)}`);
  onProblem(origin);
};

function expectMainAlive(): void {
  expect(uncaught, 'uncaught exceptions in main').toEqual([]);
  expect(fake.app.exitCodes, 'app.exit calls').toEqual([]);
}

/** The IPC event of a call from our own page: its top frame shows app://millwright/, as the transport requires. */
function fromOurPage() {
  const window = fake.FakeBrowserWindow.all[0];
  if (!window) throw new Error('main has no window');
  return { sender: window.webContents, senderFrame: { url: appEntryUrl, parent: null }, processId: 1, frameId: 1 };
}

/** A call the renderer makes (ipcRenderer.invoke through the preload): payload and answer cross as structured clones. */
async function invoke<C extends MainChannel>(channel: C, request: MainRequestInput<C>): Promise<MainResponse<C>> {
  const handler = fake.ipcHandlers.get(`millwright:${channel}`);
  if (!handler) throw new Error(`main registered no handler for ${channel}`);
  const answer = structuredClone((await handler(fromOurPage(), structuredClone(request))) as IpcResult<MainResponse<C>>);
  if (!answer.ok) throw new Error(`${channel} failed: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

/** What keeps this process alive, by kind (servers, sockets, files…), timers aside: Vitest's own test and hook timers are among them. */
function openHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (kind !== 'Timeout') counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

const portOf = (url: string) => Number(new URL(url).port);
const webhookSecret = 'electron-main-webhook-secret-7d1e';
const sign = (body: Uint8Array) => createHmac('sha256', webhookSecret).update(body).digest('base64');

let userData: string;
let baselineHandles: Record<string, number>;
let quitted = false;
let plantUrl: string;
let plantPort: number;
let webhookPort: number;
let loopbackPort: number;
/** A pasted-token connection whose webhook secret the test knows, so signed deliveries reach the receiver's parser. */
let signedEndpointPath: string;
/** The demo connection's own endpoint (its secret is the plant's; deliveries from here are unsigned). */
let demoEndpointPath: string;
/** Sent by the demo plant attack (which may revoke it: DELETE /api/integrations/current). */
let attackToken: string;
/** Used only to check the plant still answers. */
let checkToken: string;
let workOrderKey: string;
let signIn: { flowId: string; authorizeUrl: string; browserOpened: boolean };
let signedIn: Promise<ConnectionView>;
const attackReports: AttackReport[] = [];

async function plantToken(): Promise<string> {
  const answer = await fetch(`${plantUrl}/link/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: defaultOAuthClient.clientId, client_secret: defaultOAuthClient.clientSecret }),
  });
  expect(answer.status, 'POST /link/token').toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

const plantApi = (route: string, init: RequestInit = {}) =>
  fetch(`${plantUrl}${route}`, { ...init, headers: { authorization: `Bearer ${checkToken}`, 'content-type': 'application/json', ...init.headers } });

const deliver = (endpointPath: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${webhookPort}${endpointPath}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function plantServes(): Promise<void> {
  expectMainAlive();
  const sites = await plantApi('/api/eam/sites?per_page=1');
  expect(sites.status, 'demo plant: GET /api/eam/sites with a fresh token').toBe(200);
  expect(((await sites.json()) as { data: unknown[] }).data).toHaveLength(1);
}

async function loopbackWaits(): Promise<void> {
  expectMainAlive();
  const forged = await fetch(`http://127.0.0.1:${loopbackPort}/callback?state=forged&code=stolen`);
  expect(forged.status, 'OAuth loopback: a forged callback').toBe(400);
  expect(await forged.text()).toContain('did not come from the request Millwright made');
}

async function receiverServes(): Promise<void> {
  expectMainAlive();
  expect((await deliver('/webhooks/nobody', '{}')).status, 'webhook receiver: a delivery to an unknown connection').toBe(404);
  // Signed, empty: verified, then refused 400 without being journaled.
  expect((await deliver(signedEndpointPath, '', { 'x-webhook-signature': sign(Buffer.alloc(0)) })).status, 'webhook receiver: a signed empty delivery').toBe(400);
}

/** Main itself still answers its page. */
async function mainAnswers(): Promise<void> {
  expect(await invoke('app.info', undefined)).toEqual({ version: '0.1.0', shell: 'electron' });
}

interface Listener {
  name: string;
  port: () => number;
  /** A request this listener serves, whose body (if any) its handler reads. */
  method: string;
  path: () => string;
  headers: () => Record<string, string>;
  stillServing: () => Promise<void>;
}

const listeners: Listener[] = [
  {
    name: 'demo plant',
    port: () => plantPort,
    method: 'PUT',
    path: () => `/api/eam/work-orders/${workOrderKey}`,
    headers: () => ({ Authorization: `Bearer ${attackToken}`, 'Content-Type': 'application/json' }),
    stillServing: plantServes,
  },
  {
    name: 'OAuth loopback',
    port: () => loopbackPort,
    method: 'GET',
    path: () => '/callback',
    headers: () => ({}),
    stillServing: loopbackWaits,
  },
  {
    name: 'webhook receiver',
    port: () => webhookPort,
    method: 'POST',
    path: () => signedEndpointPath,
    headers: () => ({ 'Content-Type': 'application/json', 'X-Webhook-Signature': 'v1,AAAA' }),
    stillServing: receiverServes,
  },
];

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const headerLines = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');

/** Clients that go away mid-request: at connect, mid-headers, mid-body, mid-chunk, mid-upgrade, and while the answer is written. */
function resettingClients(listener: Listener): RawExchange[] {
  const host = `127.0.0.1:${listener.port()}`;
  const start = `${listener.method} ${listener.path()} HTTP/1.1\r\nHost: ${host}\r\n${headerLines(listener.headers())}`;
  const upgrade =
    `GET ${listener.path()} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`;
  return [
    { chunks: [], resetAfter: 0, halfClose: false },
    { chunks: [latin1(`${start}Content-Le`)], resetAfter: 1, halfClose: false },
    { chunks: [latin1(`${start}Content-Length: 100000\r\n\r\n`), Buffer.alloc(4096, 0x5b)], resetAfter: 2, halfClose: false },
    { chunks: [latin1(`${start}Transfer-Encoding: chunked\r\n\r\n`), latin1(`1000\r\n${'['.repeat(100)}`)], resetAfter: 2, halfClose: false },
    { chunks: [latin1(`${start}Content-Length: ${5 * 1024 * 1024}\r\n\r\n`), Buffer.alloc(256 * 1024, 0x20)], resetAfter: 2, halfClose: false },
    { chunks: [latin1(upgrade)], resetAfter: 1, halfClose: false },
    { chunks: [latin1(`${start}Content-Length: 2\r\n\r\n{}`)], resetAfter: 1, halfClose: false },
  ];
}

beforeAll(async () => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'millwright-main-listeners-'));
  fake.app.userData = userData;
  baselineHandles = openHandles();
  process.on('uncaughtExceptionMonitor', onUncaught);

  // Main is up once it opens its window (after its services); it has failed if it exits or anything escapes it.
  let startRejected: (reason: unknown) => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => {
    fake.hooks.opened = resolve;
    fake.hooks.failed = onProblem = (why) => reject(new Error(`main did not start: ${why}`));
    startRejected = (reason) => reject(new Error(`main did not start: unhandled rejection: ${describeError(reason)}`));
  });
  process.on('unhandledRejection', startRejected);
  try {
    await import('../../electron/main');
    await started;
  } finally {
    process.off('unhandledRejection', startRejected);
    onProblem = () => undefined;
  }
  expectMainAlive();

  // The listeners' addresses, found as the page finds them.
  const demo = (await invoke('connections.list', undefined)).find((view) => view.kind === 'demo');
  if (!demo?.webhook) throw new Error('main made no demo connection with a webhook endpoint');
  expect(demo.secretProtection).toBe('basic'); // no keychain: the key-file cipher
  plantUrl = demo.baseUrl;
  plantPort = portOf(plantUrl);
  webhookPort = portOf(demo.webhook.endpoint);
  demoEndpointPath = new URL(demo.webhook.endpoint).pathname;
  checkToken = await plantToken();
  attackToken = await plantToken();
  workOrderKey = ((await (await plantApi('/api/eam/work-orders?per_page=1')).json()) as { data: { key: string }[] }).data[0]!.key;

  const pasted = await invoke('connections.connectWithToken', { name: 'Webhook target', baseUrl: plantUrl, token: await plantToken() });
  const withSecret = await invoke('connections.updateSettings', { connectionId: pasted.id, webhookSecret });
  signedEndpointPath = new URL(withSecret.webhook!.endpoint).pathname;

  // A Makini Link sign-in against the demo plant, left waiting on its loopback port until the last test.
  signIn = await invoke('connections.beginOAuth', {
    name: 'Signed in under attack',
    baseUrl: plantUrl,
    linkUrl: plantUrl,
    clientId: defaultOAuthClient.clientId,
    clientSecret: defaultOAuthClient.clientSecret,
  });
  expect(signIn.browserOpened).toBe(true);
  expect(fake.openedExternally).toEqual([signIn.authorizeUrl]);
  const redirect = new URL(new URL(signIn.authorizeUrl).searchParams.get('redirect_uri')!);
  expect(redirect.hostname).toBe('127.0.0.1');
  loopbackPort = Number(redirect.port);
  signedIn = invoke('connections.completeOAuth', { flowId: signIn.flowId });
  signedIn.catch(() => undefined); // awaited in the sign-in test; a failure meanwhile must not count as unhandled

  for (const listener of listeners) await listener.stillServing();
});

afterAll(async () => {
  try {
    if (!quitted && fake.FakeBrowserWindow.all.length > 0) {
      const quit = new Promise((resolve) => fake.app.once('quit', resolve));
      fake.app.quit();
      await quit;
    }
  } finally {
    process.off('uncaughtExceptionMonitor', onUncaught);
    if (attackReports.length > 0) console.log(`attack seeds: ${attackReports.map((report) => report.seed).join(', ')} (replay one with ATTACK_SEED=<seed>)`);
    if (userData) rmSync(userData, { recursive: true, force: true });
  }
});

describe('Electron main\'s network listeners (electron faked, core services real)', () => {
  it.each(listeners.map((listener) => [listener.name, listener] as const))(
    '%s: answers a request target and a Host no URL can be made of with 400, refuses upgrades, and outlives clients that reset mid-request',
    async (_name, listener) => {
      const port = listener.port();
      const host = `127.0.0.1:${port}`;
      expect(await rawRequestStatus(port, `GET http://[ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toBe(400);
      expect(await rawRequestStatus(port, `GET ${listener.path()} HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n`)).toBe(400);
      expect(await rawRequestStatus(port, `POST http://[ HTTP/1.1\r\nHost: [\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)).toBe(400);
      const upgrade = (hostHeader: string) =>
        `GET ${listener.path()} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`;
      expect(await rawRequestStatus(port, upgrade(host))).toBe(400);
      expect(await rawRequestStatus(port, upgrade('['))).toBe(400);

      // Each way of going away, ten at a time, so resets land at every stage of the server's work.
      const outcomes = await Promise.all(resettingClients(listener).flatMap((exchange) => Array.from({ length: 10 }, () => playExchange(port, exchange))));
      expect(outcomes.filter((outcome) => outcome.refused)).toHaveLength(0);
      await listener.stillServing();
      await mainAnswers();
    },
  );

  it('demo plant: refuses a 5 MB write with 413 (declared or streamed) and a body nesting 50,000 deep with 400', async () => {
    const body = JSON.stringify({ description: 'x'.repeat(5 * 1024 * 1024) });
    const declared = await plantApi(`/api/eam/work-orders/${workOrderKey}`, { method: 'PUT', body });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    const streamed = await plantApi(`/api/eam/work-orders/${workOrderKey}`, { method: 'PUT', body: new Blob([body]).stream(), duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    const deep = await plantApi(`/api/eam/work-orders/${workOrderKey}`, { method: 'PUT', body: '{"description":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}' });
    expect(deep.status).toBe(400);
    await plantServes();
    await mainAnswers();
  });

  it('webhook receiver: refuses a body nesting 50,000 deep (signed: 400 tooDeep before journaling; unsigned: 401/404) and a 5 MB body with 413', async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const objectDeep = '{"event":"work-orders.updated","body":' + deep + '}';
    const signedAnswer = await deliver(signedEndpointPath, deep, { 'x-webhook-signature': sign(Buffer.from(deep)) });
    expect(signedAnswer.status).toBe(400);
    expect(await signedAnswer.json()).toMatchObject({ error: { code: 'tooDeep' } });
    expect((await deliver(signedEndpointPath, objectDeep, { 'x-webhook-signature': sign(Buffer.from(objectDeep)) })).status).toBe(400);
    expect((await deliver(demoEndpointPath, objectDeep)).status).toBe(401);
    expect((await deliver('/webhooks/nobody', objectDeep)).status).toBe(404);
    const big = new Uint8Array(5 * 1024 * 1024).fill(0x20);
    expect((await deliver(signedEndpointPath, big, { 'x-webhook-signature': sign(big) })).status).toBe(413);
    const signed = (await invoke('connections.list', undefined)).find((view) => view.webhook?.endpoint.endsWith(signedEndpointPath));
    expect(signed?.webhook).toMatchObject({ pending: 0 });
    await receiverServes();
    await mainAnswers();
  });

  it('demo plant: stays up through 2,000 generated malformed requests', async () => {
    const report = await runAttack({
      name: 'demo plant (Electron main)',
      port: () => plantPort,
      exchanges: malformedHttpExchanges({
        host: `127.0.0.1:${plantPort}`,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        paths: [
          '/api/eam/work-orders', '/api/eam/work-orders?per_page=1000&page=2', '/api/eam/work-orders?filter[updatedAt:gt]=2026-01-01T00:00:00Z&sort[updatedAt]=1',
          `/api/eam/work-orders/${workOrderKey}`, '/api/eam/purchase-orders', '/api/eam/assets?filter[name:contains]=pump', '/api/integrations/current',
          '/oauth/token', '/link/token', '/oauth/authorize?response_type=code&client_id=millwright-desktop&redirect_uri=http://127.0.0.1:9/cb&state=s',
          '/__control/stats',
        ],
        headersFor: () => ({ Authorization: `Bearer ${attackToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'attack' }),
      }),
      total: 2000,
      concurrency: 100,
      waitMs: 1000,
      stillServing: plantServes,
    });
    attackReports.push(report);
    expect(report.exchanges).toBeGreaterThanOrEqual(2000);
    await plantServes();
    await mainAnswers();
  });

  it('OAuth loopback: stays up through 2,000 generated malformed requests and keeps waiting for the real callback', async () => {
    const report = await runAttack({
      name: 'OAuth loopback (Electron main)',
      port: () => loopbackPort,
      exchanges: malformedHttpExchanges({
        host: `127.0.0.1:${loopbackPort}`,
        methods: ['GET', 'POST'],
        paths: ['/callback', '/callback?state=forged&code=stolen', '/callback?code=stolen', '/callback?state=&error=access_denied', '/callback?state=%00', '/', '/favicon.ico'],
      }),
      total: 2000,
      concurrency: 100,
      waitMs: 1000,
      stillServing: loopbackWaits,
    });
    attackReports.push(report);
    expect(report.exchanges).toBeGreaterThanOrEqual(2000);
    await loopbackWaits();
    await mainAnswers();
  });

  it('webhook receiver: stays up through 2,000 generated malformed deliveries, signed and forged', async () => {
    const report = await runAttack({
      name: 'webhook receiver (Electron main)',
      port: () => webhookPort,
      exchanges: malformedHttpExchanges({
        host: `127.0.0.1:${webhookPort}`,
        methods: ['POST'],
        paths: [signedEndpointPath, `${signedEndpointPath}/`, `${signedEndpointPath}?x=1`, demoEndpointPath, '/webhooks/nobody', '/webhooks/', `/webhooks/${encodeURIComponent('%00')}`],
        headersFor: (body) => ({ 'Content-Type': 'application/json', 'X-Webhook-Signature': sign(body) }),
      }),
      total: 2000,
      concurrency: 100,
      waitMs: 1000,
      stillServing: receiverServes,
    });
    attackReports.push(report);
    expect(report.exchanges).toBeGreaterThanOrEqual(2000);
    await receiverServes();
    await mainAnswers();
  });

  it('the sign-in that waited through all of it completes, and main saves the connection with its secrets sealed by the key file', async () => {
    const landed = await answerConsentPage(signIn.authorizeUrl);
    expect(landed.status).toBe(200);
    expect(await landed.text()).toContain('Connected');
    const view = await signedIn;
    expect(view).toMatchObject({ name: 'Signed in under attack', kind: 'makini', authMethod: 'oauth', baseUrl: plantUrl, secretProtection: 'basic', tokenPreview: expect.stringMatching(/^••••/) });
    expect((await invoke('connections.list', undefined)).map((listed) => listed.id)).toContain(view.id);

    // Saved as main saves it: the record in the settings store, the secrets sealed with userData/secret.key.
    const settings = fake.stores.get('settings')!;
    expect(settings.get('connections')).toContainEqual(
      expect.objectContaining({ id: view.id, kind: 'makini', authMethod: 'oauth', baseUrl: plantUrl, settings: { linkUrl: plantUrl, oauthClientId: defaultOAuthClient.clientId, demo: null }, status: 'active' }),
    );
    const sealed = settings.get(`secrets.${view.id}`);
    expect(typeof sealed).toBe('string');
    expect(sealed).not.toContain(defaultOAuthClient.clientSecret);
    const secrets = JSON.parse(new KeyFileCipher(path.join(userData, 'secret.key')).decrypt(sealed as string)) as { accessToken: string; refreshToken: string | null; clientSecret: string | null };
    expect(secrets).toMatchObject({ clientSecret: defaultOAuthClient.clientSecret, refreshToken: expect.any(String) });
    const current = await fetch(`${plantUrl}/api/integrations/current`, { headers: { authorization: `Bearer ${secrets.accessToken}` } });
    expect(current.status).toBe(200);

    // The sign-in is over: its loopback port is closed.
    expect((await playExchange(loopbackPort, { chunks: [], resetAfter: null, halfClose: true })).refused).toBe(true);
    expectMainAlive();
  });

  it('keeps running when the window is closed, and quits from the tray through the graceful path: every listener stops, no server, socket or file is left open', async () => {
    const [window] = fake.FakeBrowserWindow.all;
    const quit = new Promise((resolve) => fake.app.once('quit', resolve));
    // The user closes the window: it goes to the tray (the default), and every listener still answers.
    window!.close();
    expect(window!.destroyed).toBe(false);
    expect(fake.app.quitCalls).toBe(0);
    expect((await playExchange(webhookPort, { chunks: [], resetAfter: null, halfClose: true })).refused).toBe(false);
    // Quit from the tray or the menu: main holds the quit back and shuts down first.
    fake.app.quit();
    expect(window!.destroyed).toBe(false);
    await quit;
    quitted = true;
    expect(window!.destroyed).toBe(true);
    expect(fake.app.quitCalls).toBe(2); // the tray's quit, held back for the shutdown, then main's own
    expect(fake.FakeTray.all.every((tray) => tray.destroyed)).toBe(true);
    expect(fake.dialogs).toEqual([]);
    for (const port of [plantPort, webhookPort, loopbackPort]) {
      expect((await playExchange(port, { chunks: [], resetAfter: null, halfClose: true })).refused, `port ${port} after quitting`).toBe(true);
    }
    await vi.waitFor(() => expect(openHandles()).toEqual(baselineHandles), { timeout: 15_000, interval: 100 });
    expectMainAlive();
  });
});
