import { z } from 'zod';
import { syncEntitySchema } from './domain/sync-entity';
import { appErrorShapeSchema } from './errors';
import { entitySyncSummarySchema, syncModes, syncTriggers } from './sync-progress';

/**
 * What a history row is about: `sync` (one list of one sync run; the default for rows without
 * it), `probe` (asking an unreachable plant whether it answers again), `push` (sending pending
 * changes) or `webhook` (fetching what a webhook named).
 */
export const historyActivities = ['sync', 'probe', 'push', 'webhook'] as const;
export type HistoryActivity = (typeof historyActivities)[number];

/** One row of the Sync history: one list of one run, or one attempt of another kind (see `activity`). */
export const syncHistoryEntrySchema = entitySyncSummarySchema.extend({
  /** The list; null for attempts that are not about one list (a probe, a push of changes). */
  entity: syncEntitySchema.nullable(),
  /** Rows of one sync run share it; a coalesced attempt row has its own. */
  runId: z.string(),
  connectionId: z.string(),
  mode: z.enum(syncModes),
  trigger: z.enum(syncTriggers),
  /** When it started (for a coalesced row: the first attempt). */
  startedAt: z.string(),
  /** When it ended (for a coalesced row: the latest attempt). */
  finishedAt: z.string(),
  error: appErrorShapeSchema.nullable(),
  activity: z.enum(historyActivities).optional(),
  /** Attempts this row stands for: the same failure repeated during one outage is one row. */
  attempts: z.number().int().positive().optional(),
  /** Rows recorded with the same key are one row: its attempts add up and its last time moves on. */
  coalesceKey: z.string().min(1).max(300).optional(),
  /** A plain sentence for rows that are not list counts ("3 pending changes sent"). */
  summary: z.string().max(500).optional(),
});
export type SyncHistoryEntry = z.infer<typeof syncHistoryEntrySchema>;

/** An attempt other than a sync run's list, recorded by main as it happens. */
export const activityEntrySchema = syncHistoryEntrySchema.extend({
  activity: z.enum(historyActivities),
  coalesceKey: z.string().min(1).max(300),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

/** Whether a row shows a problem (the "Problems only" filter). */
export const isProblemRow = (row: Pick<SyncHistoryEntry, 'outcome' | 'error'>) => row.outcome !== 'synced' || row.error !== null;
