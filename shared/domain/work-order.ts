import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/**
 * One step of a work order (Makini `Task`). The spec's `checkList` is left out: it does not say
 * what a checklist item is, and the spec's own example sends it as the string "[]".
 */
export const workOrderTaskSchema = z.object({
  /** Null when the source system does not key its tasks. */
  key: z.string().nullable(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  priority: z.string().nullable(),
});
export type WorkOrderTask = z.infer<typeof workOrderTaskSchema>;

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
  /** The service request this work order was made from or merged with. */
  serviceRequestKey: z.string().nullable(),
  severity: z.string().nullable(),
  /** How long the work should take, as the system writes it (hours: "2.5", "90 min"). */
  estimatedTime: z.string().nullable(),
  /** How long it took, as recorded (hours). */
  actualTime: z.string().nullable(),
  /** What was done and found, written when the work is finished. */
  completionRemarks: z.string().nullable(),
  notes: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** In the source system's order. */
  tasks: z.array(workOrderTaskSchema),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;
