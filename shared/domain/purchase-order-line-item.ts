import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const purchaseOrderLineItemSchema = syncedRecordSchema.extend({
  purchaseOrderKey: z.string().nullable(),
  lineNo: z.string().nullable(),
  materialKey: z.string().nullable(),
  name: z.string(),
  quantity: z.number().nullable(),
  receivedQuantity: z.number().nullable(),
  price: z.number().nullable(),
  statusKey: z.string().nullable(),
  dueAt: z.string().nullable(),
});
export type PurchaseOrderLineItem = z.infer<typeof purchaseOrderLineItemSchema>;
