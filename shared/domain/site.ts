import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const siteSchema = syncedRecordSchema.extend({
  code: z.string().nullable(),
  name: z.string(),
});
export type Site = z.infer<typeof siteSchema>;
