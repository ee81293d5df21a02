import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/** A part (Makini `materials`). */
export const materialSchema = syncedRecordSchema.extend({
  name: z.string(),
  code: z.string().nullable(),
  partNumber: z.string().nullable(),
  manufacturerName: z.string().nullable(),
  criticality: z.string().nullable(),
  /** Its inventory records, one per location it is stocked at (Makini's Inventory names no part; the part names them). */
  inventoryKeys: z.array(z.string()),
});
export type Material = z.infer<typeof materialSchema>;
