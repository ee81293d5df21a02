import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/** A meter (Makini `meters`, the spec's Counter): run hours, cycles… on one or more assets. */
export const meterSchema = syncedRecordSchema.extend({
  siteKey: z.string().nullable(),
  assetKeys: z.array(z.string()),
  uomName: z.string().nullable(),
  lastReading: z.number().nullable(),
  lastReadingAt: z.string().nullable(),
});
export type Meter = z.infer<typeof meterSchema>;
