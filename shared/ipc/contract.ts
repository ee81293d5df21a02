import { z } from 'zod';
import {
  addDemoPlantSchema,
  addFileImportSchema,
  beginOAuthSchema,
  connectionIdSchema,
  connectWithTokenSchema,
  reauthorizeSchema,
  updateSettingsSchema,
  relayTargetSchema,
} from '../connection-requests';
import { connectionViewSchema, notificationSchema } from '../connection-view';
import { syncCursorSchema } from '../domain/sync-cursor';
import { attachmentTransferSchema, fetchedFileSchema, openFileTransferSchema } from '../documents/file-transfer';
import { syncEntitySchema } from '../domain/sync-entity';
import { applyPageResultSchema, cursorRequestSchema, sweepRequestSchema } from '../local-store';
import { operationResultSchema, operationUpdateSchema, pendingOperationsSchema, pushSummarySchema } from '../outbox-store';
import { activityEntrySchema, syncHistoryEntrySchema } from '../sync-history';
import { syncModes, syncProgressSchema, syncRunSummarySchema } from '../sync-progress';
import type { EventChannel, MainChannel, RendererChannel } from './channel-names';
import { menuCommands } from './menu-commands';
import { applyPageEnvelopeSchema, fetchedRecordsEnvelopeSchema } from './store-page-envelope';

export * from './channel-names';

type ChannelSchemas = { request: z.ZodType; response: z.ZodType };

/**
 * The typed IPC contract: the only things main and renderer say to each other, whatever carries
 * them (Electron IPC or the web-mode WebSocket). Every payload is checked against these schemas
 * on arrival.
 */

/** Requests the renderer makes and main answers. */
export const mainChannels = {
  'app.info': {
    request: z.undefined(),
    response: z.object({ version: z.string(), shell: z.enum(['electron', 'web']) }),
  },
  'connections.list': { request: z.undefined(), response: z.array(connectionViewSchema) },
  'connections.addDemo': { request: addDemoPlantSchema, response: connectionViewSchema },
  'connections.connectWithToken': { request: connectWithTokenSchema, response: connectionViewSchema },
  /** A read-only connection to an export file of work orders and assets on this computer (or a share it reaches). */
  'connections.addFileImport': { request: addFileImportSchema, response: connectionViewSchema },
  /** Starts Makini Link's authorization-code flow; main opens the system browser where it can. */
  'connections.beginOAuth': {
    request: beginOAuthSchema,
    response: z.object({ flowId: z.string(), authorizeUrl: z.string(), browserOpened: z.boolean() }),
  },
  /** Waits for the flow's loopback callback, exchanges the code and saves the connection. */
  'connections.completeOAuth': { request: z.object({ flowId: z.string().min(1) }), response: connectionViewSchema },
  'connections.cancelOAuth': { request: z.object({ flowId: z.string().min(1) }), response: z.void() },
  /** A new token for a connection: pasted, or (demo plant) issued again. OAuth connections use beginOAuth. */
  'connections.reauthorize': { request: reauthorizeSchema, response: connectionViewSchema },
  'connections.disconnect': { request: connectionIdSchema, response: connectionViewSchema },
  /** Removes a disconnected connection and every record of it from the cache. */
  'connections.deleteData': { request: connectionIdSchema, response: z.object({ deleted: z.number().int().nonnegative() }) },
  'connections.updateSettings': { request: updateSettingsSchema, response: connectionViewSchema },
  /** Tests a webhook relay's address and desktop token (before they are saved). */
  'connections.testRelay': {
    request: relayTargetSchema,
    response: z.object({ connection: z.string(), desktop: z.string(), pending: z.number().int().nonnegative() }),
  },
  /** Demo plants only: flips the plant's "system credentials changed" switch. */
  'demoPlant.setCredentialsChanged': {
    request: z.object({ connectionId: z.string().min(1), changed: z.boolean() }),
    response: z.void(),
  },
  /** A manual sync: incremental or full, of every entity or of some. */
  'sync.run': {
    request: z.object({
      connectionId: z.string().min(1),
      mode: z.enum(syncModes).default('incremental'),
      entities: z.array(syncEntitySchema).min(1).optional(),
    }),
    response: syncRunSummarySchema,
  },
  /** Sends the connection's queued edits now (the renderer asks after queueing one). */
  'outbox.push': { request: connectionIdSchema, response: pushSummarySchema },
  /** The renderer's local store is open and answers the rendererChannels; main may start syncing. */
  'store.attach': { request: z.undefined(), response: z.void() },
  /**
   * What the renderer's operating system says of the network (`navigator.onLine`, then each
   * online/offline event): main shows "this computer is offline", and tries the plants again at
   * once when it comes back.
   */
  'network.report': { request: z.object({ online: z.boolean() }), response: z.void() },
  /** A photo's or file's bytes from the plant, at the `url` its document names (the plant's token goes only to the plant's own address). */
  'documents.fetch': { request: z.object({ connectionId: z.string().min(1), url: z.string().min(1).max(4096) }), response: fetchedFileSchema },
  /** Opens a file in the computer's own viewer; false where the shell cannot (web mode: the page opens it itself). */
  'documents.open': { request: openFileTransferSchema, response: z.object({ opened: z.boolean() }) },
} as const satisfies Record<MainChannel, ChannelSchemas>;

/** Requests main makes and the renderer answers: the renderer owns the Dexie cache. */
export const rendererChannels = {
  'store.getCursor': { request: cursorRequestSchema, response: syncCursorSchema.nullable() },
  /** Records main already read through the connector's full schema: checked here for the shape the store reads (see store-page-envelope). */
  'store.applyPage': { request: applyPageEnvelopeSchema, response: applyPageResultSchema },
  'store.applyIfNewer': { request: fetchedRecordsEnvelopeSchema, response: applyPageResultSchema },
  'store.deleteConnection': { request: connectionIdSchema, response: z.object({ deleted: z.number().int().nonnegative() }) },
  'store.sweepUnseen': { request: sweepRequestSchema, response: z.object({ deleted: z.number().int().nonnegative() }) },
  'store.recordSyncHistory': { request: z.array(syncHistoryEntrySchema), response: z.void() },
  /** An attempt main made (probe, push, webhook): added, or folded into the row of the same `coalesceKey`. */
  'store.recordActivity': { request: activityEntrySchema, response: z.void() },
  'outbox.pending': { request: connectionIdSchema, response: pendingOperationsSchema },
  'outbox.beginSending': { request: z.object({ ids: z.array(z.string().min(1)).max(100_000) }), response: z.void() },
  'outbox.update': { request: operationUpdateSchema, response: z.void() },
  'outbox.complete': { request: z.array(operationResultSchema).max(10_000), response: z.void() },
  /** The file an attachment's queued upload sends, kept here under its document's key; null when it is gone. */
  'outbox.attachment': { request: z.object({ connectionId: z.string().min(1), key: z.string().min(1) }), response: attachmentTransferSchema.nullable() },
} as const satisfies Record<RendererChannel, ChannelSchemas>;

/** Events main broadcasts to every renderer. */
export const eventChannels = {
  'sync.progress': syncProgressSchema,
  'connection.changed': connectionViewSchema,
  'connection.removed': connectionIdSchema,
  /** A desktop notification in Electron, a toast in web mode. */
  notification: notificationSchema,
  /** A menu item of the desktop shell the page carries out (View → a page). */
  'menu.command': z.object({ command: z.enum(menuCommands) }),
} as const satisfies Record<EventChannel, z.ZodType>;

type ChannelMap = Record<string, ChannelSchemas>;
export type RequestOf<M extends ChannelMap, C extends keyof M> = z.infer<M[C]['request']>;
export type ResponseOf<M extends ChannelMap, C extends keyof M> = z.infer<M[C]['response']>;
export type EventOf<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

export type MainRequest<C extends MainChannel> = RequestOf<typeof mainChannels, C>;
/** What a caller may send (before the schema fills in defaults). */
export type MainRequestInput<C extends MainChannel> = z.input<(typeof mainChannels)[C]['request']>;
export type MainResponse<C extends MainChannel> = ResponseOf<typeof mainChannels, C>;
export type RendererRequest<C extends RendererChannel> = RequestOf<typeof rendererChannels, C>;
export type RendererResponse<C extends RendererChannel> = ResponseOf<typeof rendererChannels, C>;
