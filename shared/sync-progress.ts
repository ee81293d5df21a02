import { z } from 'zod';
import { syncEntitySchema } from './domain/sync-entity';
import { appErrorShapeSchema } from './errors';

export const syncProgressSchema = z.object({
  connectionId: z.string(),
  entity: syncEntitySchema,
  phase: z.enum(['running', 'done', 'failed']),
  /** Records received so far in this run. */
  fetched: z.number().int().nonnegative(),
  /** Upstream's `meta.total` for the query, when it reports one. */
  total: z.number().int().nonnegative().nullable(),
  error: appErrorShapeSchema.nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const entitySyncSummarySchema = z.object({
  entity: syncEntitySchema,
  requests: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
});
export type EntitySyncSummary = z.infer<typeof entitySyncSummarySchema>;

export const syncRunSummarySchema = z.object({
  connectionId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  entities: z.array(entitySyncSummarySchema),
});
export type SyncRunSummary = z.infer<typeof syncRunSummarySchema>;
