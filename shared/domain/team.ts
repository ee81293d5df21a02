import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const teamSchema = syncedRecordSchema.extend({ name: z.string(), code: z.string().nullable() });
export type Team = z.infer<typeof teamSchema>;
