import type { OutboxOperation } from '../../../shared/domain/outbox-operation';
import type { FileTransfer } from '../../../shared/documents/file-transfer';
import type { OperationResult, OperationUpdate, OutboxStore } from '../../../shared/outbox-store';
import type { RendererPeer } from '../ipc/main-transport';

/** The renderer's Dexie outbox, reached over the IPC contract: what the pusher reads and settles in the app. */
export class RendererOutboxStore implements OutboxStore {
  constructor(readonly peer: RendererPeer) {}

  pendingOperations(connectionId: string): Promise<OutboxOperation[]> {
    return this.peer.call('outbox.pending', { connectionId });
  }

  beginSending(ids: string[]): Promise<void> {
    return this.peer.call('outbox.beginSending', { ids });
  }

  updateOperation(update: OperationUpdate): Promise<void> {
    return this.peer.call('outbox.update', update);
  }

  completeOperations(results: OperationResult[]): Promise<void> {
    return this.peer.call('outbox.complete', results);
  }

  attachmentOf(connectionId: string, key: string): Promise<FileTransfer | null> {
    return this.peer.call('outbox.attachment', { connectionId, key });
  }
}
