// The Electron shell: windows and lifecycle. Everything else runs in electron/core, shared with web mode.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { createAppServices, type AppServices } from './core/app-services';
import { startDemoPlant, type RunningDemoPlant } from './core/demo-plant/demo-plant-server';
import { ElectronMainTransport } from './electron-main-transport';

const rendererDir = path.join(__dirname, '..', 'renderer');
const rendererIndex = path.join(rendererDir, 'index.html');
const rendererUrlPrefix = pathToFileURL(rendererDir).href + '/';

let mainWindow: BrowserWindow | null = null;
let plant: RunningDemoPlant | null = null;
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
    plant = await startDemoPlant({ stateFile: path.join(app.getPath('userData'), 'demo-plant.json'), changesPerMinute: 6 });
    const transport = new ElectronMainTransport({
      ipcMain,
      isTrustedFrame: (frame) => frame !== null && frame.url.startsWith(rendererUrlPrefix),
      webContents: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    });
    services = createAppServices({
      connections: [{ id: 'demo-plant', name: 'Demo plant', kind: 'demo', baseUrl: plant.url, token: plant.token }],
      transport,
      shell: 'electron',
      version: app.getVersion(),
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
    services?.dispose();
    void plant?.close();
  });
}
