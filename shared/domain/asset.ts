import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const assetSchema = syncedRecordSchema.extend({
  name: z.string(),
  siteKey: z.string().nullable(),
  locationKey: z.string().nullable(),
  parentKey: z.string().nullable(),
  categoryName: z.string().nullable(),
  criticality: z.string().nullable(),
  isActive: z.boolean(),
});
export type Asset = z.infer<typeof assetSchema>;
