import { z } from 'zod';

/** An upstream record that failed validation: kept aside with the reason, so nothing is dropped silently. */
export const quarantinedRecordSchema = z.object({
  /** The record's key when it had a readable one, else its place in the page. */
  recordRef: z.string().min(1),
  reason: z.string(),
  /** The record as received, cut to a few kilobytes. */
  raw: z.string(),
});
export type QuarantinedRecord = z.infer<typeof quarantinedRecordSchema>;
