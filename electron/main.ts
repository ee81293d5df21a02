// The Electron shell: windows and lifecycle. Everything else runs in electron/core, shared with web mode.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Notification, safeStorage, shell } from 'electron';
import ElectronStore from 'electron-store';
import { createAppServices, type AppServices } from './core/app-services';
import { ConnectionSettingsStore } from './core/connections/connection-settings-store';
import { DemoPlantHost } from './core/connections/demo-plant-host';
import { KeyFileCipher } from './core/connections/secret-cipher';
import { SecretStore } from './core/connections/secret-store';
import { FileLogger } from './core/logging/logger';
import { ElectronMainTransport } from './electron-main-transport';
import { SafeStorageCipher } from './safe-storage-cipher';

const rendererDir = path.join(__dirname, '..', 'renderer');
const rendererIndex = path.join(rendererDir, 'index.html');
const rendererUrlPrefix = pathToFileURL(rendererDir).href + '/';

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Millwright',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(rendererUrlPrefix)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadFile(rendererIndex);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    const logger = new FileLogger(path.join(userData, 'logs', 'main.log'));
    const keyValues = new ElectronStore<Record<string, unknown>>({ name: 'settings' });
    const transport = new ElectronMainTransport({
      ipcMain,
      isTrustedFrame: (frame) => frame !== null && frame.url.startsWith(rendererUrlPrefix),
      webContents: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    });
    services = await createAppServices({
      transport: {
        serve: (handlers) => transport.serve(handlers),
        broadcast: (channel, payload) => {
          transport.broadcast(channel, payload);
          if (channel === 'notification' && Notification.isSupported()) {
            const { title, body } = payload as { title: string; body: string };
            new Notification({ title, body }).show();
          }
        },
      },
      shell: 'electron',
      version: app.getVersion(),
      settings: new ConnectionSettingsStore(keyValues, logger),
      secrets: new SecretStore(
        keyValues,
        safeStorage.isEncryptionAvailable() ? new SafeStorageCipher() : new KeyFileCipher(path.join(userData, 'secret.key')),
        logger,
      ),
      demoPlants: new DemoPlantHost({ stateDir: path.join(userData, 'demo-plants'), changesPerMinute: 6 }),
      logger,
      openExternal: async (url) => {
        await shell.openExternal(url);
        return true;
      },
      defaultDemoPlant: { seed: 1, workOrders: 5000 },
    });
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  }, (error: unknown) => {
    console.error(`Millwright could not start: ${(error as Error).message}`);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    void services?.dispose();
  });
}
