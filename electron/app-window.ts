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
    // The checklist's flags, stated in full here (not built elsewhere) so the scanner and a reader see them.
    webPreferences: {
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK: sandboxed, exposes only the IPC contract's channel names (preload.ts)
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
      safeDialogs: true,
      // No middle-click "open in new window" at all (window.open is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      // Closed to the tray the window is hidden, and its renderer still does the page side of every
      // scheduled sync, push and webhook update: a hidden page's timers must not be slowed.
      backgroundThrottling: false,
    },
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
