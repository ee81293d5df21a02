import type { SyncCursor } from '../../../shared/domain/sync-cursor';
import type { ApplyPageBatch, ApplyPageResult, CursorRequest, FetchedRecords, LocalStore, SweepRequest } from '../../../shared/local-store';
import type { SyncHistoryEntry } from '../../../shared/sync-history';
import type { RendererPeer } from '../ipc/main-transport';

/** The renderer's Dexie store, reached over the IPC contract: what the sync engine writes to in the app. */
export class RendererLocalStore implements LocalStore {
  constructor(readonly peer: RendererPeer) {}

  getCursor(request: CursorRequest): Promise<SyncCursor | null> {
    return this.peer.call('store.getCursor', request);
  }

  applyPage(batch: ApplyPageBatch): Promise<ApplyPageResult> {
    return this.peer.call('store.applyPage', batch);
  }

  applyIfNewer(batch: FetchedRecords): Promise<ApplyPageResult> {
    return this.peer.call('store.applyIfNewer', batch);
  }

  async deleteConnection(connectionId: string): Promise<number> {
    return (await this.peer.call('store.deleteConnection', { connectionId })).deleted;
  }

  async sweepUnseen(request: SweepRequest): Promise<number> {
    return (await this.peer.call('store.sweepUnseen', request)).deleted;
  }

  recordSyncHistory(entries: SyncHistoryEntry[]): Promise<void> {
    return this.peer.call('store.recordSyncHistory', entries);
  }
}
