import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/** A part planned for a work order (Makini `MaterialItem` from the work-order materials list). */
export const workOrderMaterialSchema = syncedRecordSchema.extend({
  workOrderKey: z.string().nullable(),
  /** The part in the catalogue (`materials`). */
  materialKey: z.string().nullable(),
  name: z.string(),
  partNumber: z.string().nullable(),
  /** How many the work needs (Makini `requiredQuantity`). */
  requiredQuantity: z.number().nullable(),
  /** How many have been issued to the work so far: Makini's `quantity`, which its write API calls `usedQuantity`. */
  usedQuantity: z.number().nullable(),
});
export type WorkOrderMaterial = z.infer<typeof workOrderMaterialSchema>;
