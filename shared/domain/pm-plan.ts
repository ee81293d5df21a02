import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/** One trigger of a PM plan: time-based (interval + unit) or meter-based (every N units of a meter). */
export const pmTriggerSchema = z.object({
  type: z.string().nullable(),
  interval: z.string().nullable(),
  /** The interval's unit as the source system says it (days, weeks, months, hours…). */
  recurring: z.string().nullable(),
  condition: z.string().nullable(),
  meterKey: z.string().nullable(),
});
export type PmTrigger = z.infer<typeof pmTriggerSchema>;

/** A preventive-maintenance plan (Makini `pm`). */
export const pmPlanSchema = syncedRecordSchema.extend({
  title: z.string(),
  siteKey: z.string().nullable(),
  teamKey: z.string().nullable(),
  assetKeys: z.array(z.string()),
  status: z.string().nullable(),
  severity: z.string().nullable(),
  estimatedTime: z.string().nullable(),
  dueAt: z.string().nullable(),
  triggers: z.array(pmTriggerSchema),
});
export type PmPlan = z.infer<typeof pmPlanSchema>;
