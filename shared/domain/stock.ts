import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/** A stock level of a part in a location or storeroom. */
export const stockSchema = syncedRecordSchema.extend({
  materialKey: z.string().nullable(),
  locationKey: z.string().nullable(),
  storeroomKey: z.string().nullable(),
  quantity: z.number().nullable(),
  reorderPoint: z.number().nullable(),
  /** How many to order when it falls to the reorder point. */
  reorderQuantity: z.number().nullable(),
  /** Where in the storeroom: a bin or shelf. */
  position: z.string().nullable(),
});
export type Stock = z.infer<typeof stockSchema>;
