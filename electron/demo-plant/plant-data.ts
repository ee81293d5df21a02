import type { components } from '../core/connectors/makini/makini-eam-api';

type S = components['schemas'];

/** How many of each entity a generated plant has (the rest follow from these). */
export interface PlantSizes {
  sites: number;
  assets: number;
  workOrders: number;
  pmPlans: number;
  technicians: number;
  parts: number;
  purchaseOrders: number;
  /** Service requests (problems reported on the equipment), generated from a random stream of their own: see plant-service-request-generator.ts. */
  serviceRequests: number;
}

export const defaultPlantSizes: PlantSizes = {
  sites: 3,
  assets: 400,
  workOrders: 5000,
  pmPlans: 250,
  technicians: 40,
  parts: 300,
  purchaseOrders: 600,
  serviceRequests: 60,
};

/**
 * The sizes a plant saved before some size existed was made with: the default for each size it
 * does not name (such a plant was generated before that collection was, and gains it now).
 */
export function completeSizes(sizes: Partial<PlantSizes>): PlantSizes {
  return { ...defaultPlantSizes, ...sizes };
}

/** Whether two plants' sizes are the same, whatever order they are written in. */
export function sameSizes(a: PlantSizes, b: PlantSizes): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof PlantSizes)[]);
  return [...names].every((name) => a[name] === b[name]);
}

/** Workflow status table; names exactly these, in this order. */
export const workOrderStatusNames = ['Waiting for approval', 'Approved', 'Scheduled', 'In progress', 'On hold', 'Completed', 'Closed'] as const;
export type WorkOrderStatusName = (typeof workOrderStatusNames)[number];

/** Purchase-order workflow, in order. */
export const purchaseOrderStatusNames = ['Draft', 'Pending approval', 'Approved', 'Ordered', 'Partially received', 'Received', 'Closed'] as const;
export type PurchaseOrderStatusName = (typeof purchaseOrderStatusNames)[number];

/** Service-request statuses: a request is filed New, then approved (a work order is raised or found for it) or declined. */
export const serviceRequestStatusNames = ['New', 'Approved', 'Declined'] as const;
export type ServiceRequestStatusName = (typeof serviceRequestStatusNames)[number];

/** Makini's PurchaseOrder schema has no createdAt; the demo plant sends one, as for every other entity. */
export type PlantPurchaseOrder = S['PurchaseOrder'] & { createdAt?: string };
/** Real Makini line items are listed from `purchase-orders.line-items`; the demo plant links them to their order this way. */
export type PlantPOLineItem = S['POLineItem'] & { purchaseOrderKey?: string };
/** Makini's User schema has no e-mail and types isActive as a string; the demo plant sends both, isActive as a boolean like Labor's. */
export type PlantUser = Omit<S['User'], 'isActive'> & { email?: string; isActive?: boolean };
/** Makini's Counter schema has no name and types assetKeys as a string; the demo plant names its meters and lists asset keys as an array, like PM plans. */
export type PlantMeter = Omit<S['Counter'], 'assetKeys'> & { name?: string; assetKeys?: string[] };
/** Readings never change, so the spec gives them no updatedAt; the demo plant sends one equal to createdAt, like every record it serves. */
export type PlantMeterReading = S['CounterReading'] & { updatedAt?: string; deletedAt?: string };
/** The spec's WorkTrigger has no link to a meter; the demo plant's meter-based triggers name theirs in meterKey. */
export type PlantWorkTrigger = S['WorkTrigger'] & { meterKey?: string };
export type PlantPmPlan = Omit<S['PreventiveMaintenance'], 'triggers'> & { triggers?: PlantWorkTrigger[] };

/** Every record of a plant, by collection. */
export interface PlantData {
  sites: S['Site'][];
  locations: S['Location'][];
  assets: S['Asset'][];
  teams: S['Team'][];
  labors: S['Labor'][];
  users: PlantUser[];
  workOrderStatuses: S['Status'][];
  purchaseOrderStatuses: S['Status'][];
  workOrders: S['WorkOrder'][];
  /** Parts planned for and used on work orders, each linked to its work order by workOrderKey. */
  workOrderMaterials: S['MaterialItem'][];
  pmPlans: PlantPmPlan[];
  meters: PlantMeter[];
  meterReadings: PlantMeterReading[];
  vendors: S['Vendor'][];
  materials: S['Material'][];
  inventories: S['Inventory'][];
  stocks: S['Stock'][];
  purchaseOrders: S['PurchaseOrder'][];
  purchaseOrderLineItems: S['POLineItem'][];
  /** Added after plants were first saved: last, so the collections before keep their JSON (see the pinned digests). */
  serviceRequestStatuses: S['Status'][];
  serviceRequests: S['ServiceRequest'][];
  /**
   * Added after service requests, last for the same reason. The spec types endedAt as a string that
   * is never null; the demo plant leaves it out while the asset is still down.
   */
  assetDowntimes: S['AssetDowntime'][];
}

/**
 * A document (a photo or a file) as the plant keeps it: the spec's Document without its `url`,
 * which the plant adds when it answers (its own current address, see plant-documents.ts), and
 * with `entityKeys` as the keys of the work orders, assets and service requests it belongs to.
 */
export type PlantDocument = Omit<S['Document'], 'url' | 'entityKeys'> & { entityKeys: string[]; deletedAt?: string };

/**
 * Every record the plant serves: the generated PlantData and its documents. Documents are
 * generated apart, from the generated records (plant-document-generator.ts), so that the data a
 * seed gave before documents existed stays what it was (see the pinned digests).
 */
export interface PlantDataWithDocuments extends PlantData {
  documents: PlantDocument[];
}

/** Two-letter entity prefixes: with a 12-digit counter they make keys unique across the whole plant. */
export const keyPrefixes = {
  site: '01',
  location: '02',
  asset: '03',
  team: '04',
  labor: '05',
  status: '06',
  workOrder: '07',
  task: '08',
  pmPlan: '09',
  vendor: '10',
  material: '11',
  inventory: '12',
  purchaseOrder: '13',
  poLineItem: '14',
  user: '15',
  meter: '16',
  meterReading: '17',
  stock: '18',
  materialItem: '19',
  serviceRequest: '20',
  assetDowntime: '21',
  document: '22',
} as const;
export type KeyKind = keyof typeof keyPrefixes;
