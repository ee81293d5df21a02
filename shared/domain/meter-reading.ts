import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/** One reading of a meter. Readings do not change, so their creation time is their change time. */
export const meterReadingSchema = syncedRecordSchema.extend({
  meterKey: z.string().nullable(),
  assetKey: z.string().nullable(),
  reading: z.number().nullable(),
});
export type MeterReading = z.infer<typeof meterReadingSchema>;
