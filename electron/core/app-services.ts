import type { ConnectionView } from '../../shared/connection-view';
import { AppError, toAppErrorShape } from '../../shared/errors';
import type { ConnectionConfig } from './connections/connection-config';
import { MakiniConnector } from './connectors/makini/makini-connector';
import type { MainTransport, RendererPeer } from './ipc/main-transport';
import { RendererLocalStore } from './sync/renderer-local-store';
import { SyncEngine } from './sync/sync-engine';

export interface AppServicesOptions {
  connections: ConnectionConfig[];
  transport: MainTransport;
  shell: 'electron' | 'web';
  version: string;
  /** How often each connection pulls while a renderer is attached; 0 turns it off. */
  syncIntervalMs?: number;
  perPage?: number;
}

export interface AppServices {
  /** Runs one sync of a connection into the attached renderer's store. */
  syncNow(connectionId: string): ReturnType<SyncEngine['run']>;
  dispose(): void;
}

interface ConnectionRuntime {
  config: ConnectionConfig;
  engine: SyncEngine;
  view: ConnectionView;
}

/**
 * Main's services, wired to whichever transport the shell provides: the same code runs in the
 * Electron main process and in the web-mode Node host.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const { transport } = options;
  let store: RendererLocalStore | null = null;
  const runtimes = new Map<string, ConnectionRuntime>();

  const update = (runtime: ConnectionRuntime, change: Partial<ConnectionView>) => {
    runtime.view = { ...runtime.view, ...change };
    transport.broadcast('connection.changed', runtime.view);
  };

  for (const config of options.connections) {
    const connector = new MakiniConnector({ connectionId: config.id, baseUrl: config.baseUrl, getToken: () => config.token });
    const runtime: ConnectionRuntime = {
      config,
      engine: new SyncEngine({
        connectionId: config.id,
        connector,
        ...(options.perPage ? { perPage: options.perPage } : {}),
        onProgress: (progress) => transport.broadcast('sync.progress', progress),
      }),
      view: {
        id: config.id,
        name: config.name,
        kind: config.kind,
        baseUrl: config.baseUrl,
        provider: null,
        state: 'connecting',
        lastSyncAt: null,
        lastError: null,
      },
    };
    runtimes.set(config.id, runtime);
    connector.describe().then(
      (info) => update(runtime, { provider: info.provider, state: runtime.engine.running ? 'syncing' : 'active' }),
      (error: unknown) => update(runtime, { state: 'error', lastError: toAppErrorShape(error) }),
    );
  }

  const syncNow = async (connectionId: string) => {
    const runtime = runtimes.get(connectionId);
    if (!runtime) throw new AppError('NOT_FOUND', `No connection ${connectionId}.`);
    if (!store || store.peer.closed) throw new AppError('IPC_NO_RENDERER', 'No window has the local cache open.');
    const joining = runtime.engine.running;
    const run = runtime.engine.run(store);
    if (joining) return run;
    update(runtime, { state: 'syncing' });
    try {
      const summary = await run;
      update(runtime, { state: 'active', lastSyncAt: summary.finishedAt, lastError: null });
      return summary;
    } catch (error) {
      update(runtime, { state: 'error', lastError: toAppErrorShape(error) });
      throw error;
    }
  };

  const syncAllInBackground = () => {
    for (const id of runtimes.keys()) syncNow(id).catch(() => undefined /* the failure is on the connection's view */);
  };

  transport.serve({
    'app.info': async () => ({ version: options.version, shell: options.shell }),
    'connections.list': async () => [...runtimes.values()].map((runtime) => runtime.view),
    'sync.run': async ({ connectionId }) => syncNow(connectionId),
    'store.attach': async (_request, peer: RendererPeer) => {
      store = new RendererLocalStore(peer);
      setTimeout(syncAllInBackground, 0);
    },
  });

  const interval = options.syncIntervalMs ?? 60_000;
  const timer = interval > 0 ? setInterval(() => store && !store.peer.closed && syncAllInBackground(), interval) : null;
  timer?.unref();

  return {
    syncNow,
    dispose() {
      if (timer) clearInterval(timer);
    },
  };
}
