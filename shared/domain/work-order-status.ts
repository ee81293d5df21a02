import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/** An entry of the connection's work-order status table (Makini `statuses/work-orders`). */
export const workOrderStatusSchema = syncedRecordSchema.extend({
  name: z.string(),
  code: z.string().nullable(),
  isActive: z.boolean(),
});
export type WorkOrderStatus = z.infer<typeof workOrderStatusSchema>;
