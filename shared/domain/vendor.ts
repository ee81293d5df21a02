import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const vendorSchema = syncedRecordSchema.extend({ name: z.string(), code: z.string().nullable() });
export type Vendor = z.infer<typeof vendorSchema>;
