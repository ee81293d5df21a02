import type { ActivityEntry } from '../../../shared/sync-history';
import type { RendererPeer } from '../ipc/main-transport';

/** Where main records attempts (probes, pushes, webhook fetches) for the Sync history. */
export interface ActivityHistory {
  recordActivity(entry: ActivityEntry): Promise<void>;
}

/** The renderer's Sync history table, reached over the IPC contract. */
export class RendererHistoryStore implements ActivityHistory {
  constructor(readonly peer: RendererPeer) {}

  recordActivity(entry: ActivityEntry): Promise<void> {
    return this.peer.call('store.recordActivity', entry);
  }
}
