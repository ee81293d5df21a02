import type { rendererChannels } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/validated-dispatch';
import type { DexieLocalStore } from '../db/dexie-local-store';
import type { DexieOutbox } from '../db/dexie-outbox';

/** The renderer's answers to main's store requests: the Dexie store and outbox behind the IPC contract. */
export function storeHandlers(store: DexieLocalStore, outbox: DexieOutbox): Handlers<typeof rendererChannels> {
  return {
    'store.getCursor': (request) => store.getCursor(request),
    'store.applyPage': (batch) => store.applyPage(batch),
    'store.applyIfNewer': (batch) => store.applyIfNewer(batch),
    'store.deleteConnection': async ({ connectionId }) => ({ deleted: await store.deleteConnection(connectionId) }),
    'store.sweepUnseen': async (request) => ({ deleted: await store.sweepUnseen(request) }),
    'store.recordSyncHistory': (entries) => store.recordSyncHistory(entries),
    'store.recordActivity': (entry) => store.recordActivity(entry),
    'outbox.pending': ({ connectionId }) => outbox.pendingOperations(connectionId),
    'outbox.beginSending': ({ ids }) => outbox.beginSending(ids),
    'outbox.update': (update) => outbox.updateOperation(update),
    'outbox.complete': (results) => outbox.completeOperations(results),
    'outbox.attachment': ({ connectionId, key }) => outbox.attachmentOf(connectionId, key),
  };
}
