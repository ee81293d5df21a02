import { z } from 'zod';
import { assetSchema } from './asset';
import { siteSchema } from './site';
import { workOrderSchema } from './work-order';
import { workOrderStatusSchema } from './work-order-status';

/** The entities the sync engine pulls, in the order it pulls them (reference data first). */
export const syncEntities = ['sites', 'workOrderStatuses', 'assets', 'workOrders'] as const;
export type SyncEntity = (typeof syncEntities)[number];
export const syncEntitySchema = z.enum(syncEntities);

/** The domain schema of each entity's records. */
export const syncEntityRecordSchemas = {
  sites: siteSchema,
  workOrderStatuses: workOrderStatusSchema,
  assets: assetSchema,
  workOrders: workOrderSchema,
} as const satisfies Record<SyncEntity, z.ZodType>;

export type SyncEntityRecord<E extends SyncEntity> = z.infer<(typeof syncEntityRecordSchemas)[E]>;

export const syncEntityLabels: Record<SyncEntity, string> = {
  sites: 'Sites',
  workOrderStatuses: 'Work-order statuses',
  assets: 'Assets',
  workOrders: 'Work orders',
};
