// The Electron shell: window, menu, tray, deep links, updates and lifecycle. Everything else runs
// in electron/core, shared with web mode.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { autoUpdater } from 'electron-updater';
import type { MainHandlers } from './core/ipc/main-transport';
import { createAppServices, type AppServices } from './core/app-services';
import { ConnectionSettingsStore } from './core/connections/connection-settings-store';
import { DemoPlantHost } from './core/connections/demo-plant-host';
import { KeyFileCipher } from './core/connections/secret-cipher';
import { SecretStore } from './core/connections/secret-store';
import { FileLogger } from './core/logging/logger';
import type { AppNotification } from '../shared/connection-view';
import { appSchemePrivileges, appScheme, createAppProtocolHandler } from './app-protocol';
import { buildAppMenuTemplate } from './app-menu';
import { createAppWindow, focusWindow } from './app-window';
import { UpdateChecker } from './auto-update';
import { findDeepLinkArgument, parseDeepLink, registerDeepLinkScheme } from './deep-link';
import { ElectronMainTransport } from './electron-main-transport';
import { installGracefulQuit, waitUntil } from './graceful-quit';
import { showDesktopNotification } from './notifications';
import { OAuthCallbackRelay } from './oauth-callback-relay';
import { SafeStorageCipher } from './safe-storage-cipher';
import { hardenSession, hardenWebContents, isTrustedFrame, openExternalSafely } from './security-policy';
import { claimSingleInstance } from './single-instance';
import { AppTray } from './tray';
import { describeTrayStatus } from './tray-status';
import { closeOutcome, keepsRunningWhenClosed, setKeepsRunningWhenClosed } from './window-close';

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
/** Tray icons: copied next to app.asar by the installer (extraResources), read from build/ in a development run. */
const trayIconDir = app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(__dirname, '..', '..', 'build', 'tray');

// Before `ready`: app:// must be a standard, secure scheme for the renderer to have an origin.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
let tray: AppTray | null = null;
let transport: ElectronMainTransport | null = null;
/** Links that arrive before the services are up (a first launch by link, macOS open-url). */
const pendingLinks: string[] = [];
const oauthRelay = new OAuthCallbackRelay();

const openExternal = (url: string) => openExternalSafely(shell, url);

function showWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
  else if (app.isReady()) mainWindow = openMainWindow();
}

function handleLink(raw: string): void {
  if (!services) {
    pendingLinks.push(raw);
    return;
  }
  const link = parseDeepLink(raw);
  if (!link) return;
  if (link.kind === 'oauth-callback') {
    void oauthRelay.relay(link.params).then((delivered) => {
      if (!delivered) notify({ level: 'warning', title: 'Sign-in link not used', body: 'No Makini sign-in was waiting for this link. Start the sign-in again from Connections.', connectionId: null });
    });
  }
  if (link.kind === 'sync') syncAll('incremental');
  showWindow();
}

function notify(notification: AppNotification): void {
  showDesktopNotification(notification, showWindow);
}

function syncAll(mode: 'incremental' | 'full'): void {
  for (const view of services?.connections.list() ?? []) {
    if (view.state === 'disconnected' || view.state === 'needs_reauth') continue;
    void services?.connections.syncNow(view.id, { mode, trigger: 'manual' }).catch(() => undefined /* shown on the connection */);
  }
}

function pushAll(): void {
  for (const view of services?.connections.list() ?? []) {
    void services?.connections.pushNow(view.id).catch(() => undefined /* shown on the connection */);
  }
}

async function confirmFullResync(): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Re-sync Everything', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Re-read every record of every connection?',
    detail: 'A full re-sync reads everything again and removes what the plant systems no longer have. Queued edits are kept. It can take several minutes.',
  });
  if (response === 0) syncAll('full');
}

/** The queued edits of every connection, from the renderer's outbox; null while no window serves it. */
async function countPendingEdits(): Promise<number | null> {
  const peer = transport?.openPeers()[0];
  const connections = services?.connections.list() ?? [];
  if (!peer) return null;
  try {
    const lists = await Promise.all(connections.map((view) => peer.call('outbox.pending', { connectionId: view.id })));
    return lists.reduce((sum, list) => sum + list.length, 0);
  } catch {
    return null;
  }
}

let trayRefresh: NodeJS.Timeout | null = null;
function refreshTraySoon(): void {
  if (trayRefresh || quit.quitting) return;
  trayRefresh = setTimeout(() => {
    trayRefresh = null;
    void countPendingEdits().then((pending) => tray?.update(describeTrayStatus(services?.connections.list() ?? [], pending)));
  }, 1_000);
  trayRefresh.unref();
}

/** MILLWRIGHT_WEBHOOK_PORT: unset or 0 picks a free port; anything but a port number stops the start-up, saying so. */
function webhookPortFromEnvironment(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) throw new Error(`MILLWRIGHT_WEBHOOK_PORT must be a port number from 0 to 65535; it is "${raw}".`);
  return port;
}

function openMainWindow(): BrowserWindow {
  const keyValues = windowStore();
  const window = createAppWindow({
    preloadPath,
    store: keyValues,
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
    openExternal,
  });
  window.on('close', (event) => {
    const outcome = closeOutcome({ platform: process.platform, quitting: quit.quitting, keepRunning: keepsRunningWhenClosed(settingsStore()) });
    if (outcome === 'close') return;
    event.preventDefault();
    if (outcome === 'hide') window.hide(); // shown again from the tray, the Dock, a link or a second launch
    else app.quit(); // through before-quit: the graceful shutdown runs first
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

let windowStoreInstance: ElectronStore<Record<string, unknown>> | null = null;
function windowStore(): ElectronStore<Record<string, unknown>> {
  windowStoreInstance ??= new ElectronStore<Record<string, unknown>>({ name: 'window' });
  return windowStoreInstance;
}

/** The app's settings: connections, sealed secrets and the shell's own (keep running when closed). */
let settingsStoreInstance: ElectronStore<Record<string, unknown>> | null = null;
function settingsStore(): ElectronStore<Record<string, unknown>> {
  settingsStoreInstance ??= new ElectronStore<Record<string, unknown>>({ name: 'settings' });
  return settingsStoreInstance;
}

const quit = installGracefulQuit(
  app,
  async () => {
    if (trayRefresh) clearTimeout(trayRefresh);
    const running = services;
    if (!running) return;
    // Stop schedules and cancel runs; a page mid-commit in the renderer finishes, and the run then settles.
    await running.dispose();
    await waitUntil(() => !running.connections.list().some((view) => view.state === 'syncing'), { intervalMs: 50, timeoutMs: 15_000 });
  },
  { timeoutMs: 20_000, onProblem: (message) => console.error(`Millwright: ${message}`) },
);

if (!claimSingleInstance(app, (argv) => {
  const link = findDeepLinkArgument(argv);
  if (link) handleLink(link);
  else showWindow();
})) {
  app.quit();
} else {
  registerDeepLinkScheme(app, process);
  // Windows shows toasts only for an app whose model id matches its Start-menu shortcut (build.appId).
  if (process.platform === 'win32') app.setAppUserModelId('io.millwright.desktop');
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handleLink(url);
  });
  const launchLink = findDeepLinkArgument(process.argv);
  if (launchLink) pendingLinks.push(launchLink);

  // Every webContents, whatever creates it, gets the navigation and window-open guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    protocol.handle(appScheme, createAppProtocolHandler(rendererDir));

    const userData = app.getPath('userData');
    const logDir = path.join(userData, 'logs');
    const logger = new FileLogger(path.join(logDir, 'main.log'));
    const keyValues = settingsStore();
    transport = new ElectronMainTransport({
      ipcMain,
      isTrustedFrame,
      webContents: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    });
    const electronTransport = transport;
    services = await createAppServices({
      transport: {
        serve: (handlers: MainHandlers) =>
          electronTransport.serve({
            ...handlers,
            // The renderer asks for a push right after queueing an edit: the tray's count changes then.
            'outbox.push': async (request, peer) => {
              try {
                return await handlers['outbox.push'](request, peer);
              } finally {
                refreshTraySoon();
              }
            },
          }),
        broadcast: (channel, payload) => {
          electronTransport.broadcast(channel, payload);
          if (channel === 'notification') notify(payload as AppNotification);
          else refreshTraySoon();
        },
      },
      shell: 'electron',
      version: app.getVersion(),
      settings: new ConnectionSettingsStore(keyValues, logger),
      secrets: new SecretStore(
        keyValues,
        safeStorage.isEncryptionAvailable() ? new SafeStorageCipher() : new KeyFileCipher(path.join(userData, 'secret.key'), (message) => logger.warn(message)),
        logger,
      ),
      demoPlants: new DemoPlantHost({ stateDir: path.join(userData, 'demo-plants'), changesPerMinute: 6 }),
      logger,
      openExternal: async (url) => {
        oauthRelay.noteOpenedUrl(url);
        return openExternal(url);
      },
      // shell.openPath answers an error message, empty when the file was opened.
      openPath: async (file) => (await shell.openPath(file)) === '',
      defaultDemoPlant: { seed: 1, workOrders: 5000 },
      // Loopback unless MILLWRIGHT_WEBHOOK_HOST names another address (an explicit choice to take
      // webhooks from that network); HTTPS with MILLWRIGHT_WEBHOOK_TLS_CERT and _KEY (PEM files).
      webhooks: {
        dir: path.join(userData, 'webhooks'),
        port: webhookPortFromEnvironment(process.env.MILLWRIGHT_WEBHOOK_PORT),
        ...(process.env.MILLWRIGHT_WEBHOOK_HOST ? { host: process.env.MILLWRIGHT_WEBHOOK_HOST, allowNetwork: true } : {}),
        ...(process.env.MILLWRIGHT_WEBHOOK_TLS_CERT && process.env.MILLWRIGHT_WEBHOOK_TLS_KEY
          ? { tls: { cert: readFileSync(process.env.MILLWRIGHT_WEBHOOK_TLS_CERT), key: readFileSync(process.env.MILLWRIGHT_WEBHOOK_TLS_KEY) } }
          : {}),
      },
    });

    const updates = new UpdateChecker({
      updater: autoUpdater,
      packaged: app.isPackaged,
      currentVersion: app.getVersion(),
      feedUrl: process.env.MILLWRIGHT_UPDATE_URL,
      prompts: {
        info: async (message, detail) => void (await dialog.showMessageBox({ type: 'info', buttons: ['OK'], message, detail })),
        confirm: async (message, detail, confirmLabel) =>
          (await dialog.showMessageBox({ type: 'question', buttons: [confirmLabel, 'Later'], defaultId: 0, cancelId: 1, message, detail })).response === 0,
      },
      beforeInstall: () => quit.shutdown(),
      log: (message) => logger.info(message),
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenuTemplate({
          platform: process.platform,
          development: !app.isPackaged,
          actions: {
            syncAll: () => syncAll('incremental'),
            fullResyncAll: () => void confirmFullResync(),
            pushAll,
            checkForUpdates: () => void updates.checkInteractively(),
            openLogFolder: () => void shell.openPath(logDir),
            print: () => {
              if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.print();
            },
            show: (command) => {
              showWindow();
              electronTransport.broadcast('menu.command', { command });
            },
          },
        }),
      ),
    );
    tray = new AppTray(
      trayIconDir,
      {
        open: showWindow,
        syncAll: () => syncAll('incremental'),
        quit: () => app.quit(),
        ...(process.platform === 'darwin' ? {} : { keepRunning: { isOn: () => keepsRunningWhenClosed(keyValues), set: (on: boolean) => setKeepsRunningWhenClosed(keyValues, on) } }),
      },
      describeTrayStatus(services.connections.list(), null),
    );
    setInterval(refreshTraySoon, 30_000).unref();

    mainWindow = openMainWindow();
    app.on('activate', showWindow);
    for (const link of pendingLinks.splice(0)) handleLink(link);
  }).catch((error: unknown) => {
    // Anything in the start-up above (a webhook port in use, a damaged key file, a locked journal)
    // ends here, said where a desktop user sees it, rather than leaving a process with no window.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Millwright could not start: ${message}`);
    dialog.showErrorBox('Millwright could not start', message);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => tray?.destroy());
}
