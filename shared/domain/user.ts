import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const userSchema = syncedRecordSchema.extend({
  name: z.string(),
  roleName: z.string().nullable(),
  isActive: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
