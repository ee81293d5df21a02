import { randomUUID } from 'node:crypto';
import { syncEntities, syncEntityLabels, type SyncEntity } from '../../../shared/domain/sync-entity';
import type { SyncCursor } from '../../../shared/domain/sync-cursor';
import { AppError, toAppErrorShape } from '../../../shared/errors';
import type { LocalStore } from '../../../shared/local-store';
import type { SyncHistoryEntry } from '../../../shared/sync-history';
import type { EntitySyncSummary, SyncProgress, SyncRunSummary, syncTriggers } from '../../../shared/sync-progress';
import type { Connector, ListPageQuery, RecordPage } from '../connectors/connector';
import { abortableSleep, throwIfCancelled, unlessCancelled } from './cancellation';
import { pullIncrementally, type PullPosition } from './incremental-pull';
import { ListCounts } from './list-counts';
import { describeCause, listFailure } from './list-failure';
import { isClosedPurchaseOrderStatus, isClosedWorkOrderStatus, pullOpenBacklog, readOpenStatusKeys, type OpenBacklogSource } from './open-backlog';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retry-policy';

export interface SyncEngineOptions {
  connectionId: string;
  connector: Connector;
  perPage?: number;
  onProgress?: (progress: SyncProgress) => void;
  now?: () => Date;
  retryPolicy?: RetryPolicy;
  /** Waits between retries; tests pass one that does not really wait. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Days of work-order history the first sync reads (open work orders come whatever their age); null reads all. Read at each run. */
  historyDays?: number | null | (() => number | null);
}

export interface SyncRunRequest {
  /** `full` ignores cursors, re-reads everything and removes what upstream no longer has. */
  mode?: 'incremental' | 'full';
  entities?: readonly SyncEntity[];
  trigger?: (typeof syncTriggers)[number];
  /**
   * Cancels the run ("Cancel sync", app quit): requests in flight are dropped, retry waits end,
   * and nothing is committed after it fires. A page commit already under way finishes (it is one
   * transaction), so once the run has rejected with CANCELLED it writes nothing more; every page
   * committed before stays, with its cursor, and the next run continues from there. A run still
   * queued behind another is cancelled when its turn comes. Only a request with the same signal
   * (or none, like this one) joins a run already asked for.
   */
  signal?: AbortSignal;
}

export const defaultPerPage = 1000;
/** Entities whose first sync is limited to the history window, with the status table that says which are still open. */
const windowedEntities: ReadonlyMap<SyncEntity, OpenBacklogSource> = new Map([
  ['workOrders', { statusEntity: 'workOrderStatuses', isClosed: isClosedWorkOrderStatus }],
  ['purchaseOrders', { statusEntity: 'purchaseOrderStatuses', isClosed: isClosedPurchaseOrderStatus }],
]);
const day = 86_400_000;

/**
 * Failures that are one list's own: the upstream refused that list, sent it malformed, or stayed
 * unavailable through its retries. The run records the list as failed and goes on with the others.
 *
 * Anything else ends the whole run. A refused sign-in and a cancel are the same for every list. A
 * network failure (after the retries) is judged the same: when nothing answers, every following
 * list would only fail too, each after its own full round of retries (minutes of waiting to learn
 * nothing), and the connection manager takes a run rejected with NETWORK as "the plant cannot be
 * reached", pausing the schedule and catching up the moment a probe is answered. A failure of this
 * computer's own cache (a write refused, the window gone) would fail every list as well.
 */
const failsOnlyItsList: ReadonlySet<string> = new Set(['UPSTREAM_BAD_REQUEST', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_RATE_LIMITED', 'UPSTREAM_MALFORMED']);

/** Where a run left a list that has a cursor. */
type LeftPosition = PullPosition & { cursor: SyncCursor };

/**
 * Pulls a connection's entities into a LocalStore, reference data first, and records each run in
 * the store's Sync history. One run at a time per connection: a run asked for while the same one
 * is going joins it; a different one waits for it.
 */
export class SyncEngine {
  /** The latest run asked for (queued or going), so an identical request can join it. */
  private latest: { key: string; signal: AbortSignal | undefined; run: Promise<SyncRunSummary> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Runs asked for and not yet settled; updated before a run's promise settles, so callers see it right. */
  private unsettled = 0;
  /**
   * Where each list's last run left each store. The next incremental run asks for its first page
   * from that cursor's instant while it reads the store's own cursor, and uses that page only if
   * the two agree (else it asks again): the cursor's read no longer comes before the request. When
   * they are the same cursor, the versions committed at its instant spare re-sending re-reads.
   */
  private readonly positions = new WeakMap<LocalStore, Map<SyncEntity, LeftPosition>>();

  constructor(private readonly options: SyncEngineOptions) {}

  /** A run is going or asked for. */
  get running(): boolean {
    return this.unsettled > 0;
  }

  /** Resolves once every run asked for so far has settled (a stopped one settles at its next step). */
  async idle(): Promise<void> {
    await this.queue;
  }

  run(store: LocalStore, request: SyncRunRequest = {}): Promise<SyncRunSummary> {
    const entities = request.entities ?? syncEntities;
    const mode = request.mode ?? 'incremental';
    const key = `${mode}:${entities.join()}`;
    const { signal } = request;
    if (this.latest?.key === key && this.latest.signal === signal) return this.latest.run;
    this.unsettled += 1;
    const entry: { key: string; signal: AbortSignal | undefined; run: Promise<SyncRunSummary> } = {
      key,
      signal,
      run: this.queue.then(async () => {
        try {
          return await this.runOnce(store, mode, entities, request.trigger ?? 'manual', signal);
        } finally {
          this.unsettled -= 1;
          if (this.latest === entry) this.latest = null;
        }
      }),
    };
    this.latest = entry;
    this.queue = entry.run.catch(() => undefined);
    return entry.run;
  }

  private async runOnce(
    store: LocalStore,
    mode: 'incremental' | 'full',
    entities: readonly SyncEntity[],
    trigger: SyncHistoryEntry['trigger'],
    signal: AbortSignal | undefined,
  ): Promise<SyncRunSummary> {
    const { connectionId } = this.options;
    const now = this.options.now ?? (() => new Date());
    const emit = this.options.onProgress ?? (() => undefined);
    const runId = randomUUID();
    const startedAt = now().toISOString();
    const summaries: EntitySyncSummary[] = [];
    const history: SyncHistoryEntry[] = [];
    const setting = this.options.historyDays;
    const historyDays = setting === undefined ? 90 : typeof setting === 'function' ? setting() : setting;
    const sleep = this.options.sleep ?? ((ms: number) => abortableSleep(ms, signal));

    throwIfCancelled(signal);
    let partial = false;
    try {
      for (const entity of entities) {
        const entityStartedAt = now().toISOString();
        let last = { fetched: 0, total: null as number | null };
        let retries = 0;
        const counts = new ListCounts();
        emit({ connectionId, entity, phase: 'running', ...last, error: null });
        const record = (summary: EntitySyncSummary, error: AppError | null) => {
          summaries.push(error ? { ...summary, error: error.toShape() } : summary);
          history.push({ ...summary, runId, connectionId, mode, trigger, startedAt: entityStartedAt, finishedAt: now().toISOString(), error: error ? error.toShape() : null });
        };
        const fetchPage = (target: SyncEntity, query: ListPageQuery) =>
          withRetries(() => this.options.connector.listPage(target, query), this.options.retryPolicy ?? defaultRetryPolicy, {
            sleep,
            random: this.options.random ?? Math.random,
            onRetry: () => {
              retries += 1;
              counts.requests += 1;
            },
            ...(signal ? { signal } : {}),
          });
        const windowStart = windowedEntities.has(entity) && historyDays !== null ? new Date(now().getTime() - historyDays * day).toISOString() : null;
        const perPage = this.options.perPage ?? defaultPerPage;
        try {
          throwIfCancelled(signal);
          // The window applies to a first (or full) read; a connection with a cursor just continues from it.
          const positions = this.positions.get(store) ?? new Map<SyncEntity, LeftPosition>();
          this.positions.set(store, positions);
          const left = mode === 'incremental' ? positions.get(entity) : undefined;
          const early = left === undefined ? null : { updatedSince: left.cursor.updatedAt, page: fetchPage(entity, { updatedSince: left.cursor.updatedAt, page: 1, perPage }) };
          early?.page.catch(() => undefined); // not awaited if the store's cursor says otherwise
          const storedCursor = await unlessCancelled(store.getCursor({ connectionId, entity }), signal);
          const sameCursor = left !== undefined && storedCursor !== null && JSON.stringify(storedCursor) === JSON.stringify(left.cursor);
          const firstRead = mode === 'full' || storedCursor === null;
          let note: string | undefined;
          // The open backlog of a windowed first read goes before the pull. It moves no cursor, so
          // until the pull commits its first page the next run is still a first read and reads the
          // backlog again; read last, it would be lost for good to a run stopped during the pull,
          // whose cursor makes the next run an incremental one.
          if (firstRead && windowStart !== null && historyDays !== null) {
            const source = windowedEntities.get(entity)!;
            const open = await this.openStatusKeys(entity, source, historyDays, perPage, fetchPage);
            counts.requests += open.requests;
            note = open.note;
            await pullOpenBacklog({ store, connectionId, runId, entity, source, perPage, windowStart, fetchPage, counts, openStatusKeys: open.keys, ...(signal ? { signal } : {}) });
          }
          const position = await pullIncrementally({
            connector: this.options.connector,
            store,
            connectionId,
            entity,
            runId,
            perPage,
            storedCursor,
            early,
            committedAtCursor: sameCursor ? left.committedAtCursor : null,
            ignoreCursor: mode === 'full',
            windowStart: firstRead ? windowStart : null,
            fetchPage: (query) => fetchPage(entity, query),
            counts,
            ...(signal ? { signal } : {}),
            onPage: (progress) => {
              last = progress;
              emit({ connectionId, entity, phase: 'running', ...progress, error: null });
            },
          });
          if (position.cursor === null) positions.delete(entity);
          else positions.set(entity, { cursor: position.cursor, committedAtCursor: position.committedAtCursor });
          if (mode === 'full') {
            throwIfCancelled(signal);
            counts.swept += await store.sweepUnseen({ connectionId, entity, runId, updatedSince: windowStart });
          }
          record({ ...counts.summary(entity), outcome: 'synced', retries, ...(note ? { note } : {}) }, null);
          emit({ connectionId, entity, phase: 'done', ...last, error: null });
        } catch (error) {
          const failure = listFailure(entity, error);
          const counted = { ...counts.summary(entity), retries };
          if (failure.code === 'UPSTREAM_FORBIDDEN' || failure.code === 'UPSTREAM_NOT_FOUND') {
            // No permission for this entity, or the source system has no such list: say so and carry on.
            record({ ...counted, outcome: failure.code === 'UPSTREAM_FORBIDDEN' ? 'no_permission' : 'unsupported' }, failure);
            emit({ connectionId, entity, phase: 'skipped', ...last, error: failure.toShape() });
            continue;
          }
          record({ ...counted, outcome: 'failed' }, failure);
          emit({ connectionId, entity, phase: 'failed', ...last, error: toAppErrorShape(failure) });
          if (!failsOnlyItsList.has(failure.code)) throw failure.code === 'CANCELLED' && error instanceof AppError ? error : failure;
          // This list's failure is its own: the others are still read, and the run ends partial.
          partial = true;
        }
      }
    } finally {
      // The history is written whatever happened; a store that is gone cannot hold it anyway. The
      // run answers without waiting for it (the Sync history page reads its rows live, and they
      // land a moment later), so the answer is not held up behind a row of bookkeeping.
      void store.recordSyncHistory(history).catch(() => undefined);
    }
    return { runId, connectionId, mode, startedAt, finishedAt: now().toISOString(), outcome: partial ? 'partial' : 'synced', entities: summaries };
  }

  /**
   * The open statuses of a windowed list (work or purchase orders), read from its status table. A
   * status table the plant system does not offer (404) or the token may not read (403) leaves
   * only the history window to read, which is said in the row's note; any other failure fails the
   * list, saying plainly that its status table is why (nothing is committed, so the next run is
   * still a first read and tries again).
   */
  private async openStatusKeys(
    entity: SyncEntity,
    source: OpenBacklogSource,
    historyDays: number,
    perPage: number,
    fetchPage: (entity: SyncEntity, query: ListPageQuery) => Promise<RecordPage<SyncEntity>>,
  ): Promise<{ keys: string[]; requests: number; note?: string }> {
    const list = syncEntityLabels[entity];
    const statusList = syncEntityLabels[source.statusEntity].toLowerCase();
    try {
      return await readOpenStatusKeys({ source, perPage, fetchPage });
    } catch (error) {
      if (!(error instanceof AppError) || !(failsOnlyItsList.has(error.code) || error.code === 'UPSTREAM_NOT_FOUND' || error.code === 'UPSTREAM_FORBIDDEN')) throw error;
      if (error.code === 'UPSTREAM_NOT_FOUND' || error.code === 'UPSTREAM_FORBIDDEN') {
        const why = error.code === 'UPSTREAM_NOT_FOUND' ? 'the plant system does not offer' : 'this connection may not read';
        return {
          keys: [],
          requests: 1,
          note: `Only ${list.toLowerCase()} changed in the last ${historyDays} days were read: older ones still open could not be picked out, because ${why} the ${statusList}. A full re-sync reads them once it can.`,
        };
      }
      throw AppError.fromShape({
        ...error.toShape(),
        message: `Which ${list.toLowerCase()} are still open cannot be told without the ${statusList}, and those could not be read. ${describeCause(error)}`,
        list,
      });
    }
  }
}
