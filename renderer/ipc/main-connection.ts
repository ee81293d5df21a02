import type { RawTransport } from '../../shared/ipc/raw-transport';
import { DexieLocalStore } from '../db/dexie-local-store';
import type { DexieOutbox } from '../db/dexie-outbox';
import type { MillwrightDb } from '../db/millwright-db';
import type { MenuCommand } from '../../shared/ipc/menu-commands';
import { useAppStore, type View } from '../stores/app-store';
import { IpcClient } from './ipc-client';
import { storeHandlers } from './store-handlers';
import { connectWebSocketTransport } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    millwright?: RawTransport;
  }
}

const viewOfCommand: Record<MenuCommand, View> = {
  'view.board': 'board',
  'view.schedule': 'schedule',
  'view.requests': 'requests',
  'view.stores': 'stores',
  'view.purchasing': 'purchasing',
  'view.connections': 'connections',
  'view.history': 'history',
  'view.outbox': 'outbox',
};

/** Connects to main: the preload bridge in Electron, the token-guarded WebSocket in web mode. */
export async function connectToMain(): Promise<IpcClient> {
  if (window.millwright) return new IpcClient(window.millwright);
  // Each launch prints an address with a new token in its #fragment. Pasting it over an old one
  // that differs only there does not load the page again, so a tab left open would stay cut off:
  // start the whole session again on the new token instead.
  window.addEventListener('hashchange', () => window.location.reload());
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (!token) throw new Error('Open Millwright with the address it printed when it started: that address carries its access token.');
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}/ipc?token=${encodeURIComponent(token)}`;
  return new IpcClient(await connectWebSocketTransport(url, () => useAppStore.getState().setHostLost()));
}

/** Serves the local store to main, follows main's events, then tells main the cache is ready. */
export async function startSession(client: IpcClient, db: MillwrightDb, outbox: DexieOutbox): Promise<void> {
  client.serve(storeHandlers(new DexieLocalStore(db), outbox));
  const app = useAppStore.getState();
  client.on('connection.changed', app.upsertConnection);
  client.on('sync.progress', app.recordProgress);
  client.on('connection.removed', ({ connectionId }) => app.removeConnection(connectionId));
  client.on('notification', app.pushToast);
  client.on('menu.command', ({ command }) => app.setView(viewOfCommand[command]));
  app.setConnections(await client.invoke('connections.list'));
  await client.invoke('store.attach');
}

/**
 * Tells main what this computer's network is, now and at each change (the operating system's
 * online/offline events): main's status says "offline" at once, and tries the plants again the
 * moment the network is back.
 */
export function reportNetwork(client: IpcClient, page: Window): void {
  const report = () => void client.invoke('network.report', { online: page.navigator.onLine }).catch(() => undefined /* host gone: its banner says so */);
  page.addEventListener('online', report);
  page.addEventListener('offline', report);
  report();
}
