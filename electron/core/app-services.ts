import type { LocalStore } from '../../shared/local-store';
import { ConnectionManager } from './connections/connection-manager';
import type { ConnectionSettingsStore } from './connections/connection-settings-store';
import type { DemoPlantHost } from './connections/demo-plant-host';
import type { SecretStore } from './connections/secret-store';
import type { MainTransport } from './ipc/main-transport';
import type { Logger } from './logging/logger';
import { RendererOutboxStore } from './outbox/renderer-outbox-store';
import { FileViewer } from './documents/file-viewer';
import { RendererHistoryStore } from './connections/renderer-history-store';
import { RendererLocalStore } from './sync/renderer-local-store';
import { pingRelay } from './webhooks/relay-ping';
import { startConnectionWebhooks, type ConnectionWebhooksOptions } from './webhooks/connection-webhooks';
import type { WebhookService } from './webhooks/webhook-service';

export interface AppServicesOptions {
  transport: MainTransport;
  shell: 'electron' | 'web';
  version: string;
  settings: ConnectionSettingsStore;
  secrets: SecretStore;
  demoPlants: DemoPlantHost;
  logger: Logger;
  /** Opens the system browser; resolves false where main cannot (web mode). */
  openExternal: (url: string) => Promise<boolean>;
  /** Opens a file in the computer's own viewer (Electron's shell.openPath); none in web mode, where the page opens files itself. */
  openPath?: (file: string) => Promise<boolean>;
  /** Created on first run, so a new user sees a live board without any account. */
  defaultDemoPlant?: { seed: number; workOrders: number };
  /** Background syncs and health checks (off in tests that drive each step). */
  schedule?: boolean;
  perPage?: number;
  /** How often an upstream out of reach is tried again. */
  reachabilityIntervalMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  /** The webhook receiver: its journal's folder, address (127.0.0.1 and a free port by default) and TLS; none without. */
  webhooks?: Omit<ConnectionWebhooksOptions, 'logger'>;
}

export interface AppServices {
  connections: ConnectionManager;
  webhooks: WebhookService | null;
  dispose(): Promise<void>;
}

/**
 * Main's services, wired to whichever transport the shell provides: the same code runs in the
 * Electron main process and in the web-mode Node host.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { transport } = options;
  let store: RendererLocalStore | null = null;
  let outbox: RendererOutboxStore | null = null;
  let history: RendererHistoryStore | null = null;
  const attachedStore = (): LocalStore | null => (store && !store.peer.closed ? store : null);

  const connections = new ConnectionManager({
    settings: options.settings,
    secrets: options.secrets,
    demoPlants: options.demoPlants,
    logger: options.logger,
    openExternal: options.openExternal,
    store: attachedStore,
    outbox: () => (outbox && !outbox.peer.closed ? outbox : null),
    history: () => (history && !history.peer.closed ? history : null),
    events: {
      changed: (view) => transport.broadcast('connection.changed', view),
      removed: (connectionId) => transport.broadcast('connection.removed', { connectionId }),
      notify: (notification) => transport.broadcast('notification', notification),
      progress: (progress) => transport.broadcast('sync.progress', progress),
    },
    ...(options.schedule !== undefined ? { schedule: options.schedule } : {}),
    ...(options.perPage ? { perPage: options.perPage } : {}),
    ...(options.reachabilityIntervalMs ? { reachabilityIntervalMs: options.reachabilityIntervalMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const viewer = options.openPath ? new FileViewer(options.openPath) : null;
  transport.serve({
    'app.info': async () => ({ version: options.version, shell: options.shell }),
    'connections.list': async () => connections.list(),
    'connections.addDemo': (request) => connections.addDemo(request),
    'connections.connectWithToken': (request) => connections.connectWithToken(request),
    'connections.addFileImport': (request) => connections.addFileImport(request),
    'connections.beginOAuth': (request) => connections.beginOAuth(request),
    'connections.completeOAuth': ({ flowId }) => connections.completeOAuth(flowId),
    'connections.cancelOAuth': async ({ flowId }) => connections.cancelOAuth(flowId),
    'connections.reauthorize': ({ connectionId, token }) => connections.reauthorize(connectionId, token),
    'connections.disconnect': ({ connectionId }) => connections.disconnect(connectionId),
    'connections.deleteData': ({ connectionId }) => connections.deleteData(connectionId),
    'connections.updateSettings': async ({ connectionId, ...change }) => connections.updateSettings(connectionId, change),
    'connections.testRelay': ({ url, token }) => pingRelay(url, token),
    'demoPlant.setCredentialsChanged': ({ connectionId, changed }) => connections.setDemoCredentialsChanged(connectionId, changed),
    'sync.run': ({ connectionId, mode, entities }) => connections.syncNow(connectionId, { mode, ...(entities ? { entities } : {}), trigger: 'manual' }),
    'outbox.push': ({ connectionId }) => connections.pushNow(connectionId),
    'network.report': async ({ online }) => connections.reportNetwork(online),
    'documents.fetch': ({ connectionId, url }) => connections.fetchDocumentFile(connectionId, url),
    'documents.open': async ({ name, base64 }) => ({ opened: viewer ? await viewer.open({ name, bytes: Buffer.from(base64, 'base64') }) : false }),
    'store.attach': async (_request, peer) => {
      store = new RendererLocalStore(peer);
      outbox = new RendererOutboxStore(peer);
      history = new RendererHistoryStore(peer);
      setTimeout(() => connections.syncAll('startup'), 0);
    },
  });

  const webhooks = options.webhooks
    ? await startConnectionWebhooks(connections, { ...options.webhooks, logger: options.logger }, (notification) => transport.broadcast('notification', notification))
    : null;

  await connections.start();
  if (options.defaultDemoPlant && connections.list().length === 0) {
    await connections.addDemo({ name: 'Demo plant', ...options.defaultDemoPlant });
  }
  return {
    connections,
    webhooks,
    dispose: async () => {
      await webhooks?.close();
      await connections.dispose();
    },
  };
}
