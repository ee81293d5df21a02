import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/** A technician or other craft resource (Makini `labors`). */
export const laborSchema = syncedRecordSchema.extend({
  name: z.string(),
  code: z.string().nullable(),
  teamKey: z.string().nullable(),
  /** The sites the technician works at; the first one's working calendar is theirs. */
  siteKeys: z.array(z.string()),
  userKey: z.string().nullable(),
  roleName: z.string().nullable(),
  isActive: z.boolean(),
});
export type Labor = z.infer<typeof laborSchema>;
