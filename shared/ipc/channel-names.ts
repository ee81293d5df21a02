/**
 * The names of the IPC contract's channels, free of schemas so the sandboxed preload can check
 * them without bundling zod. `contract.ts` gives each name its schemas and must cover exactly these.
 */
export const mainChannelNames = ['app.info', 'connections.list', 'sync.run', 'store.attach'] as const;
export const rendererChannelNames = ['store.getCursor', 'store.applyPage'] as const;
export const eventChannelNames = ['sync.progress', 'connection.changed'] as const;

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
