import { endStopOnCompletion, endStopsOfCompletedWork } from './plant-asset-downtimes';
import { keyPrefixes, workOrderStatusNames, type PlantData, type PlantDataWithDocuments, type PlantSizes } from './plant-data';
import { generatePlant } from './plant-data-generator';
import { generateDocuments } from './plant-document-generator';
import { isoSeconds } from './plant-time';
import { RecordCollection, type PlantRecord } from './record-collection';
import type { SeededRandom } from './seeded-random';
import type { WriteRecord } from './write-records';

/** The demo plant's EAM list routes (under /api/eam/) and the collection each one serves. */
export const plantRoutes = {
  sites: 'sites',
  locations: 'locations',
  assets: 'assets',
  labors: 'labors',
  users: 'users',
  teams: 'teams',
  'statuses/work-orders': 'workOrderStatuses',
  'statuses/purchase-orders': 'purchaseOrderStatuses',
  'statuses/service-requests': 'serviceRequestStatuses',
  'work-orders': 'workOrders',
  'work-orders/materials': 'workOrderMaterials',
  pm: 'pmPlans',
  meters: 'meters',
  'meter-readings': 'meterReadings',
  vendors: 'vendors',
  materials: 'materials',
  inventories: 'inventories',
  stocks: 'stocks',
  'purchase-orders': 'purchaseOrders',
  'purchase-orders.line-items': 'purchaseOrderLineItems',
  'service-requests': 'serviceRequests',
  'assets-downtime': 'assetDowntimes',
  documents: 'documents',
} as const satisfies Record<string, keyof PlantDataWithDocuments>;
export type PlantRoute = keyof typeof plantRoutes;
export type CollectionName = keyof PlantDataWithDocuments;

type Collections = { [K in CollectionName]: RecordCollection<PlantDataWithDocuments[K][number] & PlantRecord> };

/** Records changed since generation, per collection: with the seed and the tombstones, they are the whole state. */
export type PlantOverrides = Partial<Record<CollectionName, PlantRecord[]>>;
/** Keys of generated records purged since (hard deletes), per collection. */
export type PlantTombstones = Partial<Record<CollectionName, string[]>>;

/** The key prefix of each collection records can be created in (see keyPrefixes in plant-data.ts). */
const creatableKeyPrefixes = {
  workOrders: keyPrefixes.workOrder,
  purchaseOrders: keyPrefixes.purchaseOrder,
  purchaseOrderLineItems: keyPrefixes.poLineItem,
  serviceRequests: keyPrefixes.serviceRequest,
  workOrderMaterials: keyPrefixes.materialItem,
  documents: keyPrefixes.document,
} as const satisfies Partial<Record<CollectionName, string>>;
export type CreatableCollection = keyof typeof creatableKeyPrefixes;

/**
 * What a change did to a record: created it, changed it (soft deletes, which stamp `deletedAt`,
 * included) or purged it (a hard delete).
 */
export type PlantChangeKind = 'inserted' | 'updated' | 'deleted';
/** Told of every change to the plant's records (not of the silent ones replaying saved state). */
export type PlantChangeListener = (collection: CollectionName, key: string, kind: PlantChangeKind) => void;

export interface PlantIdentity {
  seed: number;
  sizes: PlantSizes;
  /** "Now" at the plant's creation; generation is deterministic from seed, sizes and this. */
  epochMs: number;
}

export class PlantState {
  readonly collections: Collections;
  /** The keys of the documents generated with the plant, whose files are drawn when asked (seeded-document-files.ts); uploaded ones keep theirs. */
  readonly generatedDocumentKeys: ReadonlySet<string>;
  private readonly overrides = new Map<CollectionName, Map<string, PlantRecord>>();
  private readonly tombstones = new Map<CollectionName, Set<string>>();
  private readonly changeListeners = new Set<PlantChangeListener>();
  /** The next key's counter per collection, once a record has been created in it. */
  private readonly keyCounters = new Map<CreatableCollection, number>();
  /** The next code's number and digits per collection and field, once one has been handed out. */
  private readonly codeCounters = new Map<string, { next: number; width: number }>();
  /** The part each inventory record stocks, and the inventories of each part (see `linkInventories`). */
  private readonly inventoryMaterial = new Map<string, string>();
  private readonly materialInventories = new Map<string, string[]>();

  constructor(
    readonly identity: PlantIdentity,
    overrides: PlantOverrides = {},
    tombstones: PlantTombstones = {},
  ) {
    const generated = generatePlant(identity.seed, identity.sizes, identity.epochMs);
    const data: PlantDataWithDocuments = { ...generated, documents: generateDocuments(identity.seed, identity.epochMs, generated) };
    this.generatedDocumentKeys = new Set(data.documents.map((document) => document.key!));
    this.collections = Object.fromEntries(
      Object.entries(data).map(([name, records]) => [name, new RecordCollection(records as PlantRecord[])]),
    ) as unknown as Collections;
    this.linkInventories(data);
    for (const [name, records] of Object.entries(overrides) as [CollectionName, PlantRecord[]][]) {
      for (const record of records) this.put(name, record, { silent: true });
    }
    for (const [name, keys] of Object.entries(tombstones) as [CollectionName, string[]][]) {
      for (const key of keys) this.remove(name, key, { silent: true });
    }
    this.linkGeneratedServiceRequests(data);
    // Work a saved change completed ends the generated stop it was for (a plant saved before it kept downtime).
    endStopsOfCompletedWork(this);
  }

  /**
   * A generated request that was approved names its work order (workOrderKey); the work order
   * names it back (serviceRequestKey) from here, not from the generator, whose pinned work orders
   * stay as they always were. Done once the saved changes are replayed, so a work order saved
   * before service requests existed gains the link too; one linked since keeps its own.
   */
  private linkGeneratedServiceRequests(data: PlantData): void {
    for (const generated of data.serviceRequests) {
      const request = this.collections.serviceRequests.get(generated.key!);
      if (!generated.workOrderKey || request?.workOrderKey !== generated.workOrderKey) continue;
      const workOrder = this.collections.workOrders.get(generated.workOrderKey);
      if (workOrder && workOrder.serviceRequestKey === undefined) workOrder.serviceRequestKey = generated.key;
    }
  }

  /** Calls `listener` after each change, with the collection, the record's key and what happened to it. */
  onChange(listener: PlantChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  put(name: CollectionName, record: PlantRecord, options: { silent?: boolean } = {}): void {
    const collection = this.collections[name] as RecordCollection<PlantRecord>;
    const kind = collection.get(record.key!) ? 'updated' : 'inserted';
    collection.upsert(record);
    let changed = this.overrides.get(name);
    if (!changed) this.overrides.set(name, (changed = new Map()));
    changed.set(record.key!, record);
    this.tombstones.get(name)?.delete(record.key!);
    if (!options.silent) this.changed(name, record.key!, kind);
  }

  /** Purges a record, as a hard delete upstream would: it is no longer listed nor found. */
  remove(name: CollectionName, key: string, options: { silent?: boolean } = {}): void {
    if (!(this.collections[name] as RecordCollection<PlantRecord>).remove(key)) return;
    this.overrides.get(name)?.delete(key);
    let purged = this.tombstones.get(name);
    if (!purged) this.tombstones.set(name, (purged = new Set()));
    purged.add(key);
    if (!options.silent) this.changed(name, key, 'deleted');
  }

  /**
   * A new key for a record created in `name`, in the generated keys' format (the collection's
   * prefix and a 12-digit counter): one past the highest key the collection ever held.
   */
  nextKey(name: CreatableCollection): string {
    const prefix = creatableKeyPrefixes[name];
    let next = this.keyCounters.get(name);
    if (next === undefined) {
      let highest = 0;
      const consider = (key: string) => {
        if (key.length !== prefix.length + 12 || !key.startsWith(prefix)) return;
        const counter = Number(key.slice(prefix.length));
        if (Number.isSafeInteger(counter) && counter > highest) highest = counter;
      };
      for (const key of this.collections[name].keys()) consider(key);
      for (const key of this.tombstones.get(name) ?? []) consider(key);
      next = highest + 1;
    }
    this.keyCounters.set(name, next + 1);
    return prefix + String(next).padStart(12, '0');
  }

  /**
   * The next code in a series such as work orders' "WO-012345": one past the highest number after
   * `prefix` in that field, zero-padded to as many digits as the codes have.
   */
  nextCode(name: CreatableCollection, field: string, prefix: string): string {
    const id = `${name}.${field}`;
    let counter = this.codeCounters.get(id);
    if (!counter) {
      counter = { next: 1, width: 1 };
      for (const record of this.collections[name].all()) {
        const value = (record as Record<string, unknown>)[field];
        if (typeof value !== 'string' || !value.startsWith(prefix)) continue;
        const digits = value.slice(prefix.length);
        if (!/^\d{1,15}$/.test(digits)) continue;
        counter.next = Math.max(counter.next, Number(digits) + 1);
        counter.width = Math.max(counter.width, digits.length);
      }
      this.codeCounters.set(id, counter);
    }
    return prefix + String(counter.next++).padStart(counter.width, '0');
  }

  /** The key of the part an inventory record stocks, if known. */
  materialOfInventory(inventoryKey: string): string | undefined {
    return this.inventoryMaterial.get(inventoryKey);
  }

  /** The keys of a part's inventory records, one per location it is stocked at. */
  inventoriesOfMaterial(materialKey: string): readonly string[] {
    return this.materialInventories.get(materialKey) ?? [];
  }

  /** A part as Makini answers it: with its inventories embedded (Material.inventories), the only link from a part to its stock records. */
  withInventories(material: PlantRecord): PlantRecord & { inventories: PlantRecord[] } {
    const inventories = this.inventoriesOfMaterial(material.key ?? '').flatMap((key) => {
      const inventory = this.collections.inventories.get(key);
      return inventory ? [inventory] : [];
    });
    return { ...material, inventories };
  }

  /**
   * Makini's Inventory has no link to its part; the generator names an inventory
   * "<site code>-<part code>". Read from the generated records, before any change, so that
   * inventories and parts can be renamed and recoded without losing the link.
   */
  private linkInventories(data: PlantData): void {
    const siteOfLocation = new Map(data.locations.map((location) => [location.key, location.siteKey]));
    const siteCodes = new Map(data.sites.map((site) => [site.key, site.code]));
    const materialsByCode = new Map(data.materials.map((material) => [material.code, material.key]));
    for (const inventory of data.inventories) {
      const siteCode = siteCodes.get(siteOfLocation.get(inventory.locationKey ?? '') ?? '');
      if (!siteCode || !inventory.code?.startsWith(`${siteCode}-`)) continue;
      const materialKey = materialsByCode.get(inventory.code.slice(siteCode.length + 1));
      if (!materialKey || !inventory.key) continue;
      this.inventoryMaterial.set(inventory.key, materialKey);
      const keys = this.materialInventories.get(materialKey);
      if (keys) keys.push(inventory.key);
      else this.materialInventories.set(materialKey, [inventory.key]);
    }
  }

  overridesSnapshot(): PlantOverrides {
    return Object.fromEntries([...this.overrides].map(([name, records]) => [name, [...records.values()]]));
  }

  tombstonesSnapshot(): PlantTombstones {
    return Object.fromEntries([...this.tombstones].map(([name, keys]) => [name, [...keys]]));
  }

  private changed(name: CollectionName, key: string, kind: PlantChangeKind): void {
    for (const listener of this.changeListeners) listener(name, key, kind);
  }

  /**
   * Moves `count` open work orders one step along the status workflow, as technicians would,
   * stamping them with `nowMs`; work completed so ends the stop it was for (plant-asset-downtimes.ts).
   * Returns the keys of the work orders changed.
   */
  advanceWorkOrders(count: number, random: SeededRandom, nowMs: number): string[] {
    const statuses = this.collections.workOrderStatuses.live();
    const statusByName = new Map(statuses.map((status) => [status.name, status]));
    const closed = statusByName.get('Closed')?.key;
    const candidates = this.collections.workOrders.live().filter((wo) => wo.statusKey !== closed);
    const chosen = new Set<string>();
    while (chosen.size < Math.min(count, candidates.length)) chosen.add(random.pick(candidates).key!);
    const stamp = isoSeconds(nowMs);
    for (const key of chosen) {
      const current = this.collections.workOrders.get(key)!;
      const index = workOrderStatusNames.indexOf(current.status as (typeof workOrderStatusNames)[number]);
      const nextName = workOrderStatusNames[Math.min(index + 1, workOrderStatusNames.length - 1)]!;
      const next = statusByName.get(nextName)!;
      const completing = nextName === 'Completed';
      const moved: WriteRecord = {
        ...current,
        status: next.name,
        statusKey: next.key,
        ...(completing ? { completedAt: stamp } : {}),
        updatedAt: stamp,
      };
      this.put('workOrders', moved);
      if (completing) endStopOnCompletion(this, moved, stamp);
    }
    return [...chosen];
  }

  /** Live record counts per route, and work orders per status name. */
  stats(): { counts: Record<string, number>; workOrdersByStatus: Record<string, number> } {
    const counts = Object.fromEntries(
      Object.entries(plantRoutes).map(([route, name]) => [route, this.collections[name].live().length]),
    );
    const workOrdersByStatus: Record<string, number> = {};
    for (const status of this.collections.workOrderStatuses.live()) workOrdersByStatus[status.name!] = 0;
    for (const wo of this.collections.workOrders.live()) {
      const name = this.collections.workOrderStatuses.get(wo.statusKey ?? '')?.name ?? '(unknown)';
      workOrdersByStatus[name] = (workOrdersByStatus[name] ?? 0) + 1;
    }
    return { counts, workOrdersByStatus };
  }
}
