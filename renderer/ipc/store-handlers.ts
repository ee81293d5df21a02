import type { rendererChannels } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/validated-dispatch';
import type { DexieLocalStore } from '../db/dexie-local-store';

/** The renderer's answers to main's store requests: the Dexie store behind the IPC contract. */
export function storeHandlers(store: DexieLocalStore): Handlers<typeof rendererChannels> {
  return {
    'store.getCursor': (request) => store.getCursor(request),
    'store.applyPage': (batch) => store.applyPage(batch),
    'store.deleteConnection': async ({ connectionId }) => ({ deleted: await store.deleteConnection(connectionId) }),
    'store.sweepUnseen': async (request) => ({ deleted: await store.sweepUnseen(request) }),
    'store.recordSyncHistory': (entries) => store.recordSyncHistory(entries),
  };
}
