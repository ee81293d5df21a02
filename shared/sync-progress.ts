import { z } from 'zod';
import { syncEntitySchema } from './domain/sync-entity';
import { appErrorShapeSchema } from './errors';

export const syncProgressSchema = z.object({
  connectionId: z.string(),
  entity: syncEntitySchema,
  phase: z.enum(['running', 'done', 'failed', 'skipped']),
  /** Records received so far in this run. */
  fetched: z.number().int().nonnegative(),
  /** Upstream's `meta.total` for the query, when it reports one. */
  total: z.number().int().nonnegative().nullable(),
  error: appErrorShapeSchema.nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncModes = ['incremental', 'full'] as const;
export const syncTriggers = ['manual', 'schedule', 'startup', 'reconnect'] as const;

export const entitySyncSummarySchema = z.object({
  entity: syncEntitySchema,
  /** `no_permission` (403) and `unsupported` (404: the source system has no such list) skip the entity. */
  outcome: z.enum(['synced', 'no_permission', 'unsupported', 'failed']),
  requests: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
});
export type EntitySyncSummary = z.infer<typeof entitySyncSummarySchema>;

export const syncRunSummarySchema = z.object({
  runId: z.string(),
  connectionId: z.string(),
  mode: z.enum(syncModes),
  startedAt: z.string(),
  finishedAt: z.string(),
  /**
   * `partial` when at least one list failed while the others were read (each entity's outcome is
   * its own); a run that cannot go on at all (sign-in refused, network gone, cancelled) rejects.
   */
  outcome: z.enum(['synced', 'partial']),
  entities: z.array(entitySyncSummarySchema),
});
export type SyncRunSummary = z.infer<typeof syncRunSummarySchema>;

