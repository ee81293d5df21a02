/**
 * The names of the IPC contract's channels, free of schemas so the sandboxed preload can check
 * them without bundling zod. `contract.ts` gives each name its schemas and must cover exactly these.
 */
export const mainChannelNames = [
  'app.info',
  'connections.list',
  'connections.addDemo',
  'connections.connectWithToken',
  'connections.addFileImport',
  'connections.beginOAuth',
  'connections.completeOAuth',
  'connections.cancelOAuth',
  'connections.reauthorize',
  'connections.disconnect',
  'connections.deleteData',
  'connections.updateSettings',
  'connections.testRelay',
  'demoPlant.setCredentialsChanged',
  'sync.run',
  'outbox.push',
  'store.attach',
  'network.report',
  'documents.fetch',
  'documents.open',
] as const;
export const rendererChannelNames = [
  'store.getCursor',
  'store.applyPage',
  'store.applyIfNewer',
  'store.deleteConnection',
  'store.sweepUnseen',
  'store.recordSyncHistory',
  'store.recordActivity',
  'outbox.pending',
  'outbox.beginSending',
  'outbox.update',
  'outbox.complete',
  'outbox.attachment',
] as const;
export const eventChannelNames = ['sync.progress', 'connection.changed', 'connection.removed', 'notification', 'menu.command'] as const;

export type MainChannel = (typeof mainChannelNames)[number];
export type RendererChannel = (typeof rendererChannelNames)[number];
export type EventChannel = (typeof eventChannelNames)[number];

const isOneOf =
  <T extends string>(names: readonly T[]) =>
  (name: unknown): name is T =>
    typeof name === 'string' && (names as readonly string[]).includes(name);

export const isMainChannel = isOneOf(mainChannelNames);
export const isRendererChannel = isOneOf(rendererChannelNames);
export const isEventChannel = isOneOf(eventChannelNames);
