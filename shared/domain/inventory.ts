import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const inventorySchema = syncedRecordSchema.extend({
  name: z.string(),
  code: z.string().nullable(),
  quantity: z.number().nullable(),
  unitCost: z.number().nullable(),
  locationKey: z.string().nullable(),
});
export type Inventory = z.infer<typeof inventorySchema>;
