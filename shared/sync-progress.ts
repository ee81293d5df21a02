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

/**
 * One list's part of one run. Every count is of distinct records in this run: a record the
 * upstream sends twice (the open-orders read and the main read both bring it, or paging re-reads
 * an instant) counts once. So `applied + quarantined <= received` always holds; `deleted` also
 * counts records a full re-sync removed because upstream no longer has them, which were never
 * received. The plain words the Sync history page shows for each count are `syncCountExplanations`.
 */
export const entitySyncSummarySchema = z.object({
  entity: syncEntitySchema,
  /**
   * `synced`: read to the end. `no_permission` (403) and `unsupported` (404: the source system has
   * no such list) skip the list. `failed`: the list stopped with `error` (the run went on with the
   * other lists and is `partial`).
   */
  outcome: z.enum(['synced', 'no_permission', 'unsupported', 'failed']),
  /** HTTP requests made for this list, retries included. */
  requests: z.number().int().nonnegative(),
  /** Distinct records the upstream sent, readable or not. */
  received: z.number().int().nonnegative(),
  /** Distinct records saved on this computer (new or changed since they were last saved). */
  applied: z.number().int().nonnegative(),
  /** Records removed from this computer: marked deleted upstream, or gone from it (full re-sync). */
  deleted: z.number().int().nonnegative(),
  /** Distinct records set aside because a field could not be read (the Skipped records list, with the reason). */
  quarantined: z.number().int().nonnegative(),
  /** Requests sent again after the upstream was busy, down or did not answer. */
  retries: z.number().int().nonnegative(),
  /**
   * Something the user should know although the list was read, in plain words, e.g. that open work
   * orders older than the history window were left out because the status list could not be read.
   */
  note: z.string().optional(),
  /** Why the list failed or was skipped (outcome other than `synced`): plain words naming the list, with Makini's code, type and request id. */
  error: appErrorShapeSchema.optional(),
});
export type EntitySyncSummary = z.infer<typeof entitySyncSummarySchema>;

/**
 * One line each, in a supervisor's words, for the counts of a Sync history row (the page shows
 * them beside the columns). They say what `entitySyncSummarySchema`'s counts mean.
 */
export const syncCountExplanations = {
  received: 'Records the plant sent for this list in this sync, each counted once.',
  applied: 'Records saved on this computer because they were new or had changed.',
  deleted: 'Records removed from this computer because the plant deleted them or no longer has them.',
  quarantined: 'Records set aside because a field could not be read; they are listed under Skipped records with the reason.',
  retries: 'Requests sent again because the plant was busy, down or did not answer in time.',
  requests: 'Requests made to the plant for this list.',
} as const satisfies Partial<Record<keyof EntitySyncSummary, string>>;

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

