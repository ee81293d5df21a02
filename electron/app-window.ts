// The main window: the renderer from app://, sandboxed, isolated, without Node.
import { BrowserWindow } from 'electron';
import type { KeyValueStore } from './core/connections/key-value-store';
import { appEntryUrl } from './app-protocol';
import { hardenWebContents } from './security-policy';
import { loadWindowState, minimumWindowSize, trackWindowState } from './window-state';

export interface AppWindowOptions {
  preloadPath: string;
  /** Where the window's bounds are remembered. */
  store: KeyValueStore;
  /** The work areas of the displays attached now, to keep a remembered position on screen. */
  workAreas: Electron.Rectangle[];
  /** The guarded system-browser opener (http(s) only). */
  openExternal: (url: string) => Promise<boolean>;
  icon?: string;
}

/** The webPreferences every Millwright window is created with (the checklist's flags, stated explicitly). */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    safeDialogs: true,
  };
}

export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const state = loadWindowState(options.store, options.workAreas);
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: 'Millwright',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  hardenWebContents(window.webContents, options.openExternal);
  trackWindowState(window, options.store);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(appEntryUrl);
  return window;
}

/** Brings a window to the front: restored if minimized, shown if hidden (closed to the tray). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
