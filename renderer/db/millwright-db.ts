import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { OutboxOperation } from '../../shared/domain/outbox-operation';
import type { QuarantinedRecord } from '../../shared/domain/quarantined-record';
import type { DocumentFile } from './document-file';
import type { SyncCursor } from '../../shared/domain/sync-cursor';
import type { SyncEntity, SyncEntityRecord } from '../../shared/domain/sync-entity';
import type { SyncHistoryEntry } from '../../shared/sync-history';
import { RecordChangeFeed } from './record-change-feed';

export interface StoredCursor {
  connectionId: string;
  entity: SyncEntity;
  cursor: SyncCursor;
}

export interface StoredQuarantinedRecord extends QuarantinedRecord {
  connectionId: string;
  entity: SyncEntity;
  quarantinedAt: string;
}

export interface StoredSyncHistoryEntry extends SyncHistoryEntry {
  id?: number;
}

type RecordKey = [connectionId: string, key: string];
type EntityTable<E extends SyncEntity> = Table<SyncEntityRecord<E>, RecordKey>;

/** The local cache. Records of every connection live side by side, keyed by [connectionId+key]. */
export class MillwrightDb extends Dexie {
  sites!: EntityTable<'sites'>;
  locations!: EntityTable<'locations'>;
  teams!: EntityTable<'teams'>;
  users!: EntityTable<'users'>;
  labors!: EntityTable<'labors'>;
  workOrderStatuses!: EntityTable<'workOrderStatuses'>;
  serviceRequestStatuses!: EntityTable<'serviceRequestStatuses'>;
  assets!: EntityTable<'assets'>;
  meters!: EntityTable<'meters'>;
  meterReadings!: EntityTable<'meterReadings'>;
  pmPlans!: EntityTable<'pmPlans'>;
  workOrders!: EntityTable<'workOrders'>;
  workOrderMaterials!: EntityTable<'workOrderMaterials'>;
  assetDowntimes!: EntityTable<'assetDowntimes'>;
  serviceRequests!: EntityTable<'serviceRequests'>;
  documents!: EntityTable<'documents'>;
  vendors!: EntityTable<'vendors'>;
  materials!: EntityTable<'materials'>;
  inventories!: EntityTable<'inventories'>;
  stocks!: EntityTable<'stocks'>;
  purchaseOrderStatuses!: EntityTable<'purchaseOrderStatuses'>;
  purchaseOrders!: EntityTable<'purchaseOrders'>;
  purchaseOrderLineItems!: EntityTable<'purchaseOrderLineItems'>;
  syncCursors!: Table<StoredCursor, [connectionId: string, entity: SyncEntity]>;
  quarantine!: Table<StoredQuarantinedRecord, [connectionId: string, entity: SyncEntity, recordRef: string]>;
  syncHistory!: Table<StoredSyncHistoryEntry, number>;
  outbox!: Table<OutboxOperation, number>;
  /** The bytes of photos and files: attached here (kept until uploaded and after) or fetched to be shown. */
  documentFiles!: Table<DocumentFile, RecordKey>;
  /** Which records each committed write changed, for readers that keep records in memory (LiveTableMirror). */
  readonly changes = new RecordChangeFeed();

  /** `options` lets Node tests pass fake-indexeddb's indexedDB and IDBKeyRange. */
  constructor(name = 'millwright', options?: DexieOptions) {
    super(name, options);
    this.use(this.changes.middleware());
    this.version(1).stores({
      sites: '[connectionId+key], connectionId',
      workOrderStatuses: '[connectionId+key], connectionId',
      assets: '[connectionId+key], connectionId, [connectionId+siteKey]',
      workOrders: '[connectionId+key], connectionId, [connectionId+statusKey], [connectionId+assetKey]',
      syncCursors: '[connectionId+entity]',
    });
    // v2: records failing validation are kept aside, and every sync run leaves history rows.
    this.version(2).stores({
      quarantine: '[connectionId+entity+recordRef], connectionId',
      syncHistory: '++id, connectionId, startedAt',
    });
    // v3: every entity of the Makini EAM spec the product shows.
    this.version(3).stores({
      locations: '[connectionId+key], connectionId, [connectionId+siteKey]',
      teams: '[connectionId+key], connectionId',
      users: '[connectionId+key], connectionId',
      labors: '[connectionId+key], connectionId, [connectionId+teamKey]',
      meters: '[connectionId+key], connectionId',
      meterReadings: '[connectionId+key], connectionId, [connectionId+meterKey]',
      pmPlans: '[connectionId+key], connectionId',
      vendors: '[connectionId+key], connectionId',
      materials: '[connectionId+key], connectionId',
      inventories: '[connectionId+key], connectionId',
      stocks: '[connectionId+key], connectionId, [connectionId+materialKey]',
      purchaseOrderStatuses: '[connectionId+key], connectionId',
      purchaseOrders: '[connectionId+key], connectionId, [connectionId+statusKey]',
      purchaseOrderLineItems: '[connectionId+key], connectionId, [connectionId+purchaseOrderKey]',
    });
    // v4: work orders carry their tasks, and the parts planned for them have a table of their own.
    this.version(4)
      .stores({ workOrderMaterials: '[connectionId+key], connectionId, [connectionId+workOrderKey]' })
      .upgrade(async (tx) => {
        // Cached work orders were stored without tasks. Forgetting the work-order cursors makes the
        // next sync read them again (as a first sync), tasks and all; those it does not reach
        // (closed and older than the history window) keep an empty list rather than none.
        await tx.table('syncCursors').filter((stored: StoredCursor) => stored.entity === 'workOrders').delete();
        await tx.table('workOrders').toCollection().modify((workOrder: Partial<SyncEntityRecord<'workOrders'>>) => {
          workOrder.tasks ??= [];
        });
      });
    // v5: offline edits waiting for (or done with) the server; notes on work orders.
    this.version(5)
      .stores({ outbox: '++seq, &id, state, [connectionId+state], [connectionId+entity+key]' })
      .upgrade(async (tx) => {
        await tx.table('workOrders').toCollection().modify((workOrder: Partial<SyncEntityRecord<'workOrders'>>) => {
          workOrder.notes ??= null;
        });
      });
    // v6: the Sync history also keeps failed probes, pushes and webhook fetches, the same failure
    // of one outage folded into one row (found by coalesceKey); "Problems only" reads by outcome.
    // Only indexes are added: every existing row stays as it was (a row without `activity` is a
    // sync run's row).
    this.version(6).stores({ syncHistory: '++id, connectionId, startedAt, coalesceKey, outcome' });
    // v7: service requests and their statuses; work orders name the request they came from and
    // carry their estimated and actual time and completion remarks. Forgetting the work-order
    // cursors makes the next sync read them again with those fields.
    this.version(7)
      .stores({
        serviceRequestStatuses: '[connectionId+key], connectionId',
        serviceRequests: '[connectionId+key], connectionId, [connectionId+statusKey], [connectionId+assetKey]',
      })
      .upgrade(async (tx) => {
        await tx.table('syncCursors').filter((stored: StoredCursor) => stored.entity === 'workOrders').delete();
        await tx.table('workOrders').toCollection().modify((workOrder: Partial<SyncEntityRecord<'workOrders'>>) => {
          workOrder.serviceRequestKey ??= null;
          workOrder.estimatedTime ??= null;
          workOrder.actualTime ??= null;
          workOrder.completionRemarks ??= null;
        });
      });
    // v8: parts name their inventory records (the link the Stores page adjusts through), and stock
    // bins carry their position and reorder quantity. Forgetting those cursors reads them again.
    this.version(8)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('syncCursors').filter((stored: StoredCursor) => stored.entity === 'materials' || stored.entity === 'stocks').delete();
        await tx.table('materials').toCollection().modify((material: Partial<SyncEntityRecord<'materials'>>) => {
          material.inventoryKeys ??= [];
        });
        await tx.table('stocks').toCollection().modify((stock: Partial<SyncEntityRecord<'stocks'>>) => {
          stock.reorderQuantity ??= null;
          stock.position ??= null;
        });
      });
    // v9: the periods assets stood still, read by asset on the schedule and in KPIs.
    this.version(9).stores({ assetDowntimes: '[connectionId+key], connectionId, [connectionId+assetKey]' });
    // v10: photos and files, found by what they belong to, and their bytes kept here.
    this.version(10).stores({ documents: '[connectionId+key], connectionId, *entityKeys', documentFiles: '[connectionId+key], connectionId' });
    // v11: technicians name the sites they work at (whose working calendar is theirs on the
    // schedule). Forgetting the labor cursors reads them again with it.
    this.version(11)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('syncCursors').filter((stored: StoredCursor) => stored.entity === 'labors').delete();
        await tx.table('labors').toCollection().modify((labor: Partial<SyncEntityRecord<'labors'>>) => {
          labor.siteKeys ??= [];
        });
      });
    // v12: each status's work orders in due order, so the board shows a column's first cards
    // without reading the whole table (records without a due date are not in it).
    this.version(12).stores({ workOrders: '[connectionId+key], connectionId, [connectionId+statusKey], [connectionId+assetKey], [connectionId+statusKey+dueAt]' });
  }
}
