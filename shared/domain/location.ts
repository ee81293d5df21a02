import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const locationSchema = syncedRecordSchema.extend({
  name: z.string(),
  code: z.string().nullable(),
  siteKey: z.string().nullable(),
  parentKey: z.string().nullable(),
});
export type Location = z.infer<typeof locationSchema>;
