import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const purchaseOrderSchema = syncedRecordSchema.extend({
  orderNo: z.string().nullable(),
  title: z.string(),
  statusKey: z.string().nullable(),
  siteKey: z.string().nullable(),
  vendorKey: z.string().nullable(),
  orderDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  totalNetValue: z.number().nullable(),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;
