import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/**
 * A period an asset stood still (Makini `AssetDowntime`): a breakdown, planned maintenance or a
 * corrective stop. `endedAt` is null while the asset is still down.
 */
export const assetDowntimeSchema = syncedRecordSchema.extend({
  assetKey: z.string().nullable(),
  description: z.string().nullable(),
  startedAt: z.string().min(1),
  endedAt: z.string().nullable(),
  /** The kind of stop as the system names it (e.g. Breakdown, Planned). */
  categoryName: z.string().nullable(),
  severity: z.string().nullable(),
  notes: z.string().nullable(),
});
export type AssetDowntime = z.infer<typeof assetDowntimeSchema>;
