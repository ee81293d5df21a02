import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Asset } from '../../shared/domain/asset';
import type { Site } from '../../shared/domain/site';
import type { SyncCursor } from '../../shared/domain/sync-cursor';
import type { SyncEntity } from '../../shared/domain/sync-entity';
import type { WorkOrder } from '../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../shared/domain/work-order-status';

export interface StoredCursor {
  connectionId: string;
  entity: SyncEntity;
  cursor: SyncCursor;
}

type RecordKey = [connectionId: string, key: string];

/** The local cache. Records of every connection live side by side, keyed by [connectionId+key]. */
export class MillwrightDb extends Dexie {
  sites!: Table<Site, RecordKey>;
  workOrderStatuses!: Table<WorkOrderStatus, RecordKey>;
  assets!: Table<Asset, RecordKey>;
  workOrders!: Table<WorkOrder, RecordKey>;
  syncCursors!: Table<StoredCursor, [connectionId: string, entity: SyncEntity]>;

  /** `options` lets Node tests pass fake-indexeddb's indexedDB and IDBKeyRange. */
  constructor(name = 'millwright', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      sites: '[connectionId+key], connectionId',
      workOrderStatuses: '[connectionId+key], connectionId',
      assets: '[connectionId+key], connectionId, [connectionId+siteKey]',
      workOrders: '[connectionId+key], connectionId, [connectionId+statusKey], [connectionId+assetKey]',
      syncCursors: '[connectionId+entity]',
    });
  }
}
