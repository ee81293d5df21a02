// The native menu bar: File, Edit, View, Sync, Help (plus the app menu on macOS), with accelerators.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/menu-commands';

export interface AppMenuActions {
  /** An incremental sync of every connection. */
  syncAll(): void;
  /** A full re-sync of every connection (asks first: it re-reads everything). */
  fullResyncAll(): void;
  /** Sends every connection's queued edits now. */
  pushAll(): void;
  checkForUpdates(): void;
  openLogFolder(): void;
  /** Prints the page shown (the Board, its Table or the Schedule: every row, see renderer/print.css). */
  print(): void;
  /** Shows a page of the window. */
  show(command: MenuCommand): void;
}

const pages: { command: MenuCommand; label: string; accelerator: string }[] = [
  { command: 'view.board', label: 'Board', accelerator: 'CmdOrCtrl+1' },
  { command: 'view.schedule', label: 'Schedule', accelerator: 'CmdOrCtrl+2' },
  { command: 'view.requests', label: 'Service Requests', accelerator: 'CmdOrCtrl+3' },
  { command: 'view.stores', label: 'Stores', accelerator: 'CmdOrCtrl+4' },
  { command: 'view.purchasing', label: 'Purchasing', accelerator: 'CmdOrCtrl+5' },
  { command: 'view.connections', label: 'Connections', accelerator: 'CmdOrCtrl+6' },
  { command: 'view.history', label: 'Sync History', accelerator: 'CmdOrCtrl+7' },
  { command: 'view.outbox', label: 'Pending Changes', accelerator: 'CmdOrCtrl+8' },
];

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Development runs (not packaged) get Reload and the developer tools. */
  development: boolean;
  actions: AppMenuActions;
}

export function buildAppMenuTemplate({ platform, development, actions }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const checkForUpdates: MenuItemConstructorOptions = { id: 'check-for-updates', label: 'Check for Updates…', click: () => actions.checkForUpdates() };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Millwright',
      submenu: [
        { role: 'about' },
        checkForUpdates,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { id: 'print', label: '&Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: 'E&xit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...pages.map(({ command, label, accelerator }): MenuItemConstructorOptions => ({ id: command, label, accelerator, click: () => actions.show(command) })),
        { type: 'separator' },
        ...(development ? ([{ role: 'reload', accelerator: 'F5' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Sync',
      submenu: [
        { id: 'sync-all', label: 'Sync All Now', accelerator: 'CmdOrCtrl+R', click: () => actions.syncAll() },
        { id: 'full-resync-all', label: 'Full Re-sync of All Connections…', accelerator: 'CmdOrCtrl+Shift+R', click: () => actions.fullResyncAll() },
        { type: 'separator' },
        { id: 'push-all', label: 'Send Queued Edits Now', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.pushAll() },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { id: 'open-log-folder', label: 'Open Log Folder', click: () => actions.openLogFolder() },
        ...(mac ? [] : ([{ type: 'separator' }, checkForUpdates, { role: 'about' }] as MenuItemConstructorOptions[])),
      ],
    },
  );
  return template;
}
