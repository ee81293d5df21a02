import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/**
 * A problem someone at the plant reported, waiting for the supervisor to turn it into work
 * (Makini `ServiceRequest`). Approving it makes a work order that names it (`serviceRequestKey`);
 * the system then links the request to that work order (`workOrderKey`).
 */
export const serviceRequestSchema = syncedRecordSchema.extend({
  title: z.string(),
  description: z.string().nullable(),
  statusKey: z.string().nullable(),
  siteKey: z.string().nullable(),
  locationKey: z.string().nullable(),
  assetKey: z.string().nullable(),
  /** The work order made from it, or merged into; null while nobody has acted on it. */
  workOrderKey: z.string().nullable(),
  /** Who reported it (a user). */
  userRequestedKey: z.string().nullable(),
  userApprovedKey: z.string().nullable(),
  teamKey: z.string().nullable(),
  laborAssignedKey: z.string().nullable(),
  severity: z.string().nullable(),
  notes: z.string().nullable(),
  approvedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
