import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

export const workOrderSchema = syncedRecordSchema.extend({
  code: z.string(),
  title: z.string(),
  statusKey: z.string().nullable(),
  /** Status name as the source system reports it, kept for records whose statusKey is unknown. */
  status: z.string().nullable(),
  siteKey: z.string().nullable(),
  locationKey: z.string().nullable(),
  assetKey: z.string().nullable(),
  teamKey: z.string().nullable(),
  laborAssignedKey: z.string().nullable(),
  pmKey: z.string().nullable(),
  severity: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;
