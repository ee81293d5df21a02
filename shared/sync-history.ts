import { z } from 'zod';
import { appErrorShapeSchema } from './errors';
import { entitySyncSummarySchema, syncModes, syncTriggers } from './sync-progress';

/** One row of the Sync history: one entity of one run. */
export const syncHistoryEntrySchema = entitySyncSummarySchema.extend({
  runId: z.string(),
  connectionId: z.string(),
  mode: z.enum(syncModes),
  trigger: z.enum(syncTriggers),
  startedAt: z.string(),
  finishedAt: z.string(),
  error: appErrorShapeSchema.nullable(),
});
export type SyncHistoryEntry = z.infer<typeof syncHistoryEntrySchema>;
