import type { EventEmitter as EventEmitterClass } from 'node:events';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MainHandlers } from '../../electron/core/ipc/main-transport';
import { mainChannelNames } from '../../shared/ipc/contract';
import { deriveConnectionStatus } from '../../shared/connection-status';
import type { ConnectionView } from '../../shared/connection-view';
import type { OutboxOperation } from '../../shared/domain/outbox-operation';

// electron/main.ts run against a fake `electron` module (the binary cannot run here) and fake
// core services: what it registers, what window it makes, and how it reacts to the OS.
const fake = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as { EventEmitter: typeof EventEmitterClass };
  class FakeWebContents extends Emitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    sent: { channel: string; message: unknown }[] = [];
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return false;
    }
    send(channel: string, message: unknown) {
      this.sent.push({ channel, message });
    }
  }
  class FakeBrowserWindow extends Emitter {
    static all: FakeBrowserWindow[] = [];
    static getAllWindows() {
      return FakeBrowserWindow.all;
    }
    webContents = new FakeWebContents();
    loaded: string | null = null;
    minimized = false;
    visible = false;
    focused = 0;
    restored = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.all.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
      this.restored += 1;
    }
    isVisible() {
      return this.visible;
    }
    show() {
      this.visible = true;
    }
    hide() {
      this.visible = false;
    }
    focus() {
      this.focused += 1;
    }
    isDestroyed() {
      return false;
    }
    isMaximized() {
      return false;
    }
    maximize() {}
    getNormalBounds() {
      return { x: 10, y: 20, width: 1200, height: 800 };
    }
  }
  class FakeTray extends Emitter {
    static all: FakeTray[] = [];
    constructor() {
      super();
      FakeTray.all.push(this);
    }
    tooltip = '';
    setImage() {}
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setTitle() {}
    /** The latest context menu (Menu.buildFromTemplate below keeps its template). */
    menu: { template: { label?: string; type?: string; checked?: boolean; click?: (item: { checked: boolean }) => void }[] } | null = null;
    setContextMenu(menu: FakeTray['menu']) {
      this.menu = menu;
    }
    isDestroyed() {
      return false;
    }
    destroy() {}
  }
  const app = Object.assign(new Emitter(), {
    gotLock: true,
    isPackaged: false,
    userData: '',
    ready: Promise.resolve(),
    requestSingleInstanceLock: () => app.gotLock,
    whenReady: () => app.ready,
    isReady: () => true,
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: () => app.userData,
    getVersion: () => '0.1.0',
    setAsDefaultProtocolClient: vi.fn(() => true),
  });
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const ipcMain = Object.assign(new Emitter(), {
    handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => ipcHandlers.set(channel, handler),
  });
  const permissionHandlers: { request?: (c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void; check?: (c: unknown, p: string, o: string) => boolean } = {};
  const electron = {
    app,
    ipcMain,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: vi.fn() },
    nativeImage: { createFromPath: (file: string) => ({ file }) },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })), showErrorBox: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => false },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof permissionHandlers.request) => (permissionHandlers.request = handler),
        setPermissionCheckHandler: (handler: typeof permissionHandlers.check) => (permissionHandlers.check = handler),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async () => '') },
  };
  // The status comes from the real model (set below, once the imports are in): read when asked.
  const statusHolder: { of: (id: string, state: ConnectionView['state']) => ConnectionView['status'] } = { of: () => undefined as never };
  const view = (id: string, state: ConnectionView['state']) =>
    ({
      id,
      name: id,
      state,
      get status() {
        return statusHolder.of(id, state);
      },
    }) as ConnectionView;
  const services = {
    views: [view('conn-a', 'active'), view('conn-b', 'needs_reauth')],
    syncingUntilReleased: false,
    release: () => undefined as void,
    dispose: vi.fn(async () => undefined),
    syncNow: vi.fn(async () => ({})),
    pushNow: vi.fn(async () => ({})),
  };
  const seen: { transport?: { broadcast(channel: string, payload: unknown): void } } = {};
  const createAppServices = vi.fn(async (options: { transport: { serve(handlers: MainHandlers): void; broadcast(channel: string, payload: unknown): void } }) => {
    seen.transport = options.transport;
    const answer = async () => ({ version: '0.1.0', shell: 'electron' });
    options.transport.serve(Object.fromEntries(mainChannels.map((channel: string) => [channel, answer])) as unknown as MainHandlers);
    return {
      connections: {
        list: () => (services.syncingUntilReleased ? services.views.map((v) => view(v.id, 'syncing')) : services.views),
        syncNow: services.syncNow,
        pushNow: services.pushNow,
      },
      dispose: services.dispose,
    };
  });
  let mainChannels: string[] = [];
  return { electron, app, ipcHandlers, ipcMain, FakeBrowserWindow, FakeTray, seen, permissionHandlers, services, createAppServices, statusHolder, setChannels: (c: string[]) => (mainChannels = c) };
});

fake.statusHolder.of = (id, state) =>
  deriveConnectionStatus({
    name: id,
    provider: null,
    record: state === 'needs_reauth' || state === 'disconnected' ? state : 'active',
    described: true,
    computerOnline: true,
    reachable: true,
    syncing: state === 'syncing',
    lastRun: null,
    lastError: null,
    lastSyncAt: null,
    lastWebhookAt: null,
    webhooksFailing: false,
    now: 0,
  });

vi.mock('electron', () => fake.electron);
vi.mock('electron-store', () => ({
  default: class {
    private readonly values = new Map<string, unknown>();
    get(key: string) {
      return this.values.get(key);
    }
    set(key: string, value: unknown) {
      this.values.set(key, value);
    }
    delete(key: string) {
      this.values.delete(key);
    }
  },
}));
vi.mock('electron-updater', () => ({ autoUpdater: { setFeedURL: vi.fn(), checkForUpdates: vi.fn() } }));
vi.mock('../../electron/core/app-services', () => ({ createAppServices: fake.createAppServices }));

const closeEvent = () => ({ prevented: false, preventDefault() { this.prevented = true; } });

/** An item of the tray's context menu, by its label. */
function trayItem(label: string) {
  const item = fake.FakeTray.all[0]?.menu?.template.find((entry) => entry.label === label);
  if (!item) throw new Error(`the tray menu has no "${label}"`);
  return item;
}

async function launch(options: { lock?: boolean; argv?: string[] } = {}) {
  fake.app.gotLock = options.lock ?? true;
  const argv = process.argv;
  if (options.argv) process.argv = options.argv;
  try {
    await import('../../electron/main');
  } finally {
    process.argv = argv;
  }
  await vi.waitFor(() => expect(fake.FakeBrowserWindow.all.length + (fake.app.gotLock ? 0 : 1)).toBeGreaterThan(0));
}

beforeEach(() => {
  vi.resetModules();
  fake.setChannels([...mainChannelNames]);
  fake.app.removeAllListeners();
  fake.app.quit.mockClear();
  fake.app.exit.mockClear();
  fake.electron.dialog.showErrorBox.mockClear();
  fake.app.userData = mkdtempSync(path.join(os.tmpdir(), 'millwright-main-'));
  fake.ipcHandlers.clear();
  fake.ipcMain.removeAllListeners();
  fake.FakeBrowserWindow.all = [];
  fake.FakeTray.all = [];
  fake.services.syncingUntilReleased = false;
  fake.services.dispose.mockClear();
  fake.services.syncNow.mockClear();
  fake.createAppServices.mockClear();
  fake.electron.protocol.registerSchemesAsPrivileged.mockClear();
  fake.electron.protocol.handle.mockClear();
  fake.electron.shell.openExternal.mockClear();
});
afterEach(() => vi.useRealTimers());

describe('Electron main process (electron mocked)', () => {
  it('says why it could not start, in a dialog, and exits, when the start-up fails (e.g. the webhook port is taken)', async () => {
    fake.createAppServices.mockRejectedValueOnce(new Error('listen EADDRINUSE: address already in use 127.0.0.1:7000'));
    await import('../../electron/main');
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('Millwright could not start', 'listen EADDRINUSE: address already in use 127.0.0.1:7000');
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
  });

  it('refuses a MILLWRIGHT_WEBHOOK_PORT that is not a port, saying so, instead of picking another', async () => {
    process.env.MILLWRIGHT_WEBHOOK_PORT = '80a';
    try {
      await import('../../electron/main');
      await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    } finally {
      delete process.env.MILLWRIGHT_WEBHOOK_PORT;
    }
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('Millwright could not start', expect.stringContaining('MILLWRIGHT_WEBHOOK_PORT must be a port number'));
  });

  it('creates the window with contextIsolation, sandbox and no Node, loading the renderer from app://', async () => {
    await launch();
    const [window] = fake.FakeBrowserWindow.all;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Closed to the tray, the hidden page still does the page side of syncs, pushes and webhook updates.
      backgroundThrottling: false,
    });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window!.loaded).toBe('app://millwright/index.html');
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('registers exactly the IPC contract’s main channels, each refusing a foreign frame', async () => {
    await launch();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(mainChannelNames.map((channel) => `millwright:${channel}`).sort());
    const contents = fake.FakeBrowserWindow.all[0]!.webContents;
    const appInfo = fake.ipcHandlers.get('millwright:app.info')!;
    const ours = { url: 'app://millwright/index.html', parent: null };
    expect(await appInfo({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: contents }, undefined)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(await appInfo({ senderFrame: { url: 'app://millwright/frame.html', parent: ours }, sender: contents }, undefined)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(await appInfo({ senderFrame: ours, sender: contents }, undefined)).toEqual({ ok: true, value: { version: '0.1.0', shell: 'electron' } });
  });

  it('denies every permission request and check but persistent storage for its own pages', async () => {
    await launch();
    const answers: boolean[] = [];
    const page = { requestingUrl: 'app://millwright/index.html' };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) fake.permissionHandlers.request!(null, permission, (ok) => answers.push(ok), page);
    fake.permissionHandlers.request!(null, 'persistent-storage', (ok) => answers.push(ok), page);
    fake.permissionHandlers.request!(null, 'persistent-storage', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([false, false, false, false, true, false]);
    expect(fake.permissionHandlers.check!(null, 'media', 'app://millwright')).toBe(false);
    expect(fake.permissionHandlers.check!(null, 'persistent-storage', 'app://millwright')).toBe(true);
  });

  it('opens only http(s) URLs externally from window.open, and denies the window', async () => {
    await launch();
    const { webContents } = fake.FakeBrowserWindow.all[0]!;
    for (const url of ['https://makini.io/docs', 'http://127.0.0.1:4010/oauth/authorize', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'millwright://sync'])
      expect(webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(2));
    expect(fake.electron.shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://makini.io/docs', 'http://127.0.0.1:4010/oauth/authorize']);
  });

  it('blocks navigation away from app:// (and <webview>)', async () => {
    await launch();
    const { webContents } = fake.FakeBrowserWindow.all[0]!;
    const navigate = (url: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      webContents.emit('will-navigate', event, url);
      return event.prevented;
    };
    expect(navigate('app://millwright/index.html#board')).toBe(false);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://other-host/index.html')).toBe(true);
    const webview = { prevented: false, preventDefault() { this.prevented = true; } };
    webContents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('a second launch focuses the existing window instead of opening another', async () => {
    await launch();
    const [window] = fake.FakeBrowserWindow.all;
    window!.minimized = true;
    window!.visible = false;
    fake.app.emit('second-instance', {}, ['/opt/Millwright/millwright'], '/');
    expect(window!.restored).toBe(1);
    expect(window!.visible).toBe(true);
    expect(window!.focused).toBe(1);
    expect(fake.FakeBrowserWindow.all).toHaveLength(1);
  });

  it('a second launch with millwright://sync syncs the connections that can sync', async () => {
    await launch();
    fake.app.emit('second-instance', {}, ['/opt/Millwright/millwright', 'millwright://sync'], '/');
    expect(fake.services.syncNow.mock.calls).toEqual([['conn-a', { mode: 'incremental', trigger: 'manual' }]]);
    expect(fake.FakeBrowserWindow.all[0]!.focused).toBe(1);
  });

  it('quits at once, with no window, when another instance holds the lock', async () => {
    fake.app.gotLock = false;
    await import('../../electron/main');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
    expect(fake.createAppServices).not.toHaveBeenCalled();
  });

  it('quit waits for the services to stop and the committing sync to settle', async () => {
    await launch();
    fake.services.syncingUntilReleased = true;
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    fake.app.emit('before-quit', event);
    expect(event.prevented).toBe(true);
    await vi.waitFor(() => expect(fake.services.dispose).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.app.quit).not.toHaveBeenCalled(); // still "syncing": the page commit has not finished
    fake.services.syncingUntilReleased = false;
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    const again = { prevented: false, preventDefault() { this.prevented = true; } };
    fake.app.emit('before-quit', again);
    expect(again.prevented).toBe(false); // the real quit goes through
    expect(fake.services.dispose).toHaveBeenCalledTimes(1);
  });

  it('closing the window on Windows/Linux hides it to the tray and keeps the app running; the tray opens it again', async () => {
    await launch();
    const [window] = fake.FakeBrowserWindow.all;
    window!.visible = true;
    const close = closeEvent();
    window!.emit('close', close);
    expect(close.prevented).toBe(true);
    expect(window!.visible).toBe(false);
    expect(fake.app.quit).not.toHaveBeenCalled();
    expect(fake.services.dispose).not.toHaveBeenCalled();
    trayItem('Open Millwright').click!({ checked: false });
    expect(window!.visible).toBe(true);
    expect(fake.FakeBrowserWindow.all).toHaveLength(1);
  });

  it('with keep-running turned off in the tray, closing the window on Windows/Linux quits through the graceful path', async () => {
    await launch();
    const [window] = fake.FakeBrowserWindow.all;
    expect(trayItem('Keep Running When the Window Is Closed')).toMatchObject({ type: 'checkbox', checked: true });
    trayItem('Keep Running When the Window Is Closed').click!({ checked: false }); // the OS unticks the box, then calls this
    window!.visible = true;
    const close = closeEvent();
    window!.emit('close', close);
    expect(close.prevented).toBe(true);
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('Quit in the tray quits for real: the graceful shutdown runs, then the window closes', async () => {
    await launch();
    const [window] = fake.FakeBrowserWindow.all;
    trayItem('Quit Millwright').click!({ checked: false });
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    // What Electron does on app.quit(): before-quit, held back until the services stop, then quit again.
    const beforeQuit = closeEvent();
    fake.app.emit('before-quit', beforeQuit);
    expect(beforeQuit.prevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(2));
    expect(fake.services.dispose).toHaveBeenCalledTimes(1);
    const close = closeEvent();
    window!.emit('close', close);
    expect(close.prevented).toBe(false);
  });

  it('the tray shows the sync state and the renderer outbox’s queued-edit count', async () => {
    await launch();
    const [tray] = fake.FakeTray.all;
    expect(tray!.tooltip).toBe('Millwright — conn-b needs to be reauthorized before it can sync again; your changes are kept until then.');
    const contents = fake.FakeBrowserWindow.all[0]!.webContents;
    const ours = { url: 'app://millwright/index.html', parent: null };
    await fake.ipcHandlers.get('millwright:connections.list')!({ senderFrame: ours, sender: contents }, undefined); // the window is now a peer
    fake.seen.transport!.broadcast('connection.removed', { connectionId: 'conn-c' });
    // Main asks the renderer for each connection's pending operations, and counts them.
    await vi.waitFor(() => expect(contents.sent.filter((s) => s.channel === 'millwright:call')).toHaveLength(2), { timeout: 3_000 });
    const calls = contents.sent.filter((s) => s.channel === 'millwright:call').map((s) => s.message as { id: number; channel: string; payload: unknown });
    expect(calls.map((c) => [c.channel, c.payload])).toEqual([
      ['outbox.pending', { connectionId: 'conn-a' }],
      ['outbox.pending', { connectionId: 'conn-b' }],
    ]);
    const operation = (id: string): OutboxOperation => ({
      id,
      connectionId: 'conn-a',
      action: 'setWorkOrderStatus',
      entity: 'workOrders',
      key: 'wo-1',
      baseUpdatedAt: '2026-01-01T00:00:00.000Z',
      changes: { statusKey: 's2' },
      base: { statusKey: 's1' },
      display: { status: 'In progress' },
      createdAt: '2026-01-01T00:00:00.000Z',
      attempts: 0,
      state: 'pending',
      error: null,
      conflicts: [],
    });
    fake.ipcMain.emit('millwright:reply', { senderFrame: ours, sender: contents }, { id: calls[0]!.id, result: { ok: true, value: [operation('operation-1'), operation('operation-2')] } });
    fake.ipcMain.emit('millwright:reply', { senderFrame: ours, sender: contents }, { id: calls[1]!.id, result: { ok: true, value: [] } });
    await vi.waitFor(() => expect(tray!.tooltip).toBe('Millwright — conn-b needs to be reauthorized before it can sync again; your changes are kept until then. · 2 changes waiting'));
  });
});
