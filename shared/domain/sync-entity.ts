import { z } from 'zod';
import { assetSchema } from './asset';
import { assetDowntimeSchema } from './asset-downtime';
import { documentSchema } from './document';
import { inventorySchema } from './inventory';
import { laborSchema } from './labor';
import { locationSchema } from './location';
import { materialSchema } from './material';
import { meterSchema } from './meter';
import { meterReadingSchema } from './meter-reading';
import { pmPlanSchema } from './pm-plan';
import { purchaseOrderSchema } from './purchase-order';
import { purchaseOrderLineItemSchema } from './purchase-order-line-item';
import { serviceRequestSchema } from './service-request';
import { siteSchema } from './site';
import { stockSchema } from './stock';
import { teamSchema } from './team';
import { userSchema } from './user';
import { vendorSchema } from './vendor';
import { workOrderSchema } from './work-order';
import { workOrderMaterialSchema } from './work-order-material';
import { workOrderStatusSchema } from './work-order-status';

/** The entities the sync engine pulls, in the order it pulls them: reference data first, then work, then purchasing. */
export const syncEntities = [
  'sites',
  'locations',
  'teams',
  'users',
  'labors',
  'workOrderStatuses',
  'serviceRequestStatuses',
  'assets',
  'meters',
  'meterReadings',
  'pmPlans',
  'workOrders',
  'workOrderMaterials',
  'assetDowntimes',
  'serviceRequests',
  'documents',
  'vendors',
  'materials',
  'inventories',
  'stocks',
  'purchaseOrderStatuses',
  'purchaseOrders',
  'purchaseOrderLineItems',
] as const;
export type SyncEntity = (typeof syncEntities)[number];
export const syncEntitySchema = z.enum(syncEntities);

/** The domain schema of each entity's records. */
export const syncEntityRecordSchemas = {
  sites: siteSchema,
  locations: locationSchema,
  teams: teamSchema,
  users: userSchema,
  labors: laborSchema,
  workOrderStatuses: workOrderStatusSchema,
  serviceRequestStatuses: workOrderStatusSchema,
  assets: assetSchema,
  meters: meterSchema,
  meterReadings: meterReadingSchema,
  pmPlans: pmPlanSchema,
  workOrders: workOrderSchema,
  workOrderMaterials: workOrderMaterialSchema,
  assetDowntimes: assetDowntimeSchema,
  serviceRequests: serviceRequestSchema,
  documents: documentSchema,
  vendors: vendorSchema,
  materials: materialSchema,
  inventories: inventorySchema,
  stocks: stockSchema,
  purchaseOrderStatuses: workOrderStatusSchema,
  purchaseOrders: purchaseOrderSchema,
  purchaseOrderLineItems: purchaseOrderLineItemSchema,
} as const satisfies Record<SyncEntity, z.ZodType>;

export type SyncEntityRecord<E extends SyncEntity> = z.infer<(typeof syncEntityRecordSchemas)[E]>;

export const syncEntityLabels: Record<SyncEntity, string> = {
  sites: 'Sites',
  locations: 'Locations',
  teams: 'Teams',
  users: 'Users',
  labors: 'Technicians',
  workOrderStatuses: 'Work-order statuses',
  serviceRequestStatuses: 'Request statuses',
  assets: 'Assets',
  meters: 'Meters',
  meterReadings: 'Meter readings',
  pmPlans: 'PM plans',
  workOrders: 'Work orders',
  workOrderMaterials: 'Work-order parts',
  assetDowntimes: 'Downtime',
  serviceRequests: 'Service requests',
  documents: 'Photos and files',
  vendors: 'Vendors',
  materials: 'Parts',
  inventories: 'Inventories',
  stocks: 'Stock levels',
  purchaseOrderStatuses: 'Purchase-order statuses',
  purchaseOrders: 'Purchase orders',
  purchaseOrderLineItems: 'Purchase-order lines',
};
