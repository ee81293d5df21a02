import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionView } from '../../shared/connection-view';
import { buildAppMenuTemplate, type AppMenuActions } from '../../electron/app-menu';
import { describeTrayStatus } from '../../electron/tray-status';

import { deriveConnectionStatus, type ConnectionStatusInput } from '../../shared/connection-status';

const base: ConnectionStatusInput = {
  name: '',
  provider: null,
  record: 'active',
  described: true,
  computerOnline: true,
  reachable: true,
  syncing: false,
  lastRun: null,
  lastError: null,
  lastSyncAt: null,
  lastWebhookAt: null,
  webhooksFailing: false,
  now: 0,
};
/** A view with its status from the real model, as main sends it. */
const view = (name: string, state: ConnectionView['state']) =>
  ({
    id: name,
    name,
    state,
    status: deriveConnectionStatus({
      ...base,
      name,
      record: state === 'needs_reauth' || state === 'disconnected' ? state : 'active',
      syncing: state === 'syncing',
      lastError: state === 'error' ? { code: 'UPSTREAM_UNAVAILABLE', message: 'The plant answered 503.' } : null,
    }),
  }) as ConnectionView;

describe('tray status', () => {
  it('shows syncing, and the queued-edit count', () => {
    const status = describeTrayStatus([view('Plant A', 'syncing'), view('Plant B', 'active')], 3);
    expect(status).toEqual({ state: 'syncing', tooltip: 'Millwright — Syncing Plant A now. · 3 changes waiting', pendingLabel: '3 changes waiting to be sent', title: '3' });
  });

  it('puts a connection that needs the user before everything else', () => {
    const status = describeTrayStatus([view('Plant A', 'syncing'), view('Plant B', 'needs_reauth')], 0);
    expect(status.state).toBe('attention');
    expect(status.tooltip).toBe('Millwright — Plant B needs to be reauthorized before it can sync again; your changes are kept until then.');
    expect(status.title).toBe('');
    expect(describeTrayStatus([view('A', 'error'), view('B', 'needs_reauth')], 1).tooltip).toBe('Millwright — 2 connections need attention · 1 change waiting');
  });

  it('says when all is quiet, or when the count is not known yet (no window)', () => {
    expect(describeTrayStatus([view('A', 'active')], null)).toMatchObject({ state: 'idle', tooltip: 'Millwright — Up to date', pendingLabel: 'Pending changes: not known yet' });
    expect(describeTrayStatus([], 0).tooltip).toBe('Millwright — No connections');
  });
});

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('application menu', () => {
  const actions = (): AppMenuActions & Record<string, ReturnType<typeof vi.fn>> => ({
    syncAll: vi.fn(),
    fullResyncAll: vi.fn(),
    pushAll: vi.fn(),
    checkForUpdates: vi.fn(),
    openLogFolder: vi.fn(),
    print: vi.fn(),
    show: vi.fn(),
  });

  it('has File, Edit, View, Sync and Help (and the app menu on macOS)', () => {
    expect(buildAppMenuTemplate({ platform: 'win32', development: false, actions: actions() }).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Sync', '&Help']);
    expect(buildAppMenuTemplate({ platform: 'darwin', development: false, actions: actions() }).map((m) => m.label)).toEqual(['Millwright', '&File', '&Edit', '&View', '&Sync', '&Help']);
  });

  it('each command item calls its action, with its accelerator', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const spies = actions();
      const all = items(buildAppMenuTemplate({ platform, development: false, actions: spies }));
      const byId = (id: string) => all.find((item) => item.id === id)!;
      expect(byId('sync-all').accelerator).toBe('CmdOrCtrl+R');
      expect(byId('full-resync-all').accelerator).toBe('CmdOrCtrl+Shift+R');
      expect(byId('push-all').accelerator).toBe('CmdOrCtrl+Shift+E');
      expect(byId('print').accelerator).toBe('CmdOrCtrl+P');
      for (const [id, action] of [['sync-all', 'syncAll'], ['full-resync-all', 'fullResyncAll'], ['push-all', 'pushAll'], ['check-for-updates', 'checkForUpdates'], ['open-log-folder', 'openLogFolder'], ['print', 'print']] as const) {
        (byId(id).click as () => void)();
        expect(spies[action], `${platform} ${id}`).toHaveBeenCalledTimes(1);
      }
      expect(all.filter((item) => item.id === 'check-for-updates')).toHaveLength(1);
      // View: each page, with Ctrl/Cmd+1..8.
      for (const [index, command] of (['view.board', 'view.schedule', 'view.requests', 'view.stores', 'view.purchasing', 'view.connections', 'view.history', 'view.outbox'] as const).entries()) {
        expect(byId(command).accelerator).toBe(`CmdOrCtrl+${index + 1}`);
        (byId(command).click as () => void)();
        expect(spies.show).toHaveBeenLastCalledWith(command);
      }
    }
  });

  it('offers reload and developer tools only in a development run, without taking Sync’s accelerator', () => {
    const roles = (development: boolean) => items(buildAppMenuTemplate({ platform: 'linux', development, actions: actions() })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    const dev = items(buildAppMenuTemplate({ platform: 'linux', development: true, actions: actions() }));
    expect(dev.find((item) => item.role === 'reload')?.accelerator).toBe('F5');
    expect(dev.map((item) => item.role)).toContain('toggleDevTools');
  });
});
