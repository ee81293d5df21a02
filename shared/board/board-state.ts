import type { ConnectionView } from '../connection-view';
import type { AppErrorShape } from '../errors';
import type { SyncProgress } from '../sync-progress';

/** What the board needs to know of a connection it shows. */
export type BoardConnection = Pick<ConnectionView, 'id' | 'name' | 'state' | 'lastSyncAt' | 'lastError' | 'historyDays'>;
/** The latest progress of a connection's work-order list in this session, if any. */
export type WorkOrderProgress = Pick<SyncProgress, 'phase' | 'fetched' | 'total' | 'error'> | undefined;

/**
 * Where the work orders of the plants shown stand, read from the connections' state, their sync
 * progress and the cache. The board says this instead of a board when it has no work order to
 * show, and above the board while a first sync is still bringing them in.
 */
export type BoardSituation =
  /** No connection at all. */
  | { kind: 'no-connections' }
  /** A sync is reading work orders (for the first time when the plant was never synced). */
  | { kind: 'syncing'; plant: string; firstTime: boolean; fetched: number; total: number | null }
  /** The last sync of a plant failed, or it cannot sync (needs signing in again, out of reach). */
  | { kind: 'failed'; plant: string; reason: string; requestId: string | null; needsReauth: boolean }
  /** The plant's system gives Millwright no work-order list (403/404 on it). */
  | { kind: 'no-list'; plant: string; reason: string | null }
  /** A sync finished and found no work orders. */
  | { kind: 'synced-empty'; plants: string[]; historyDays: number | null; lastSyncAt: string | null }
  /** Connected, but no sync has run yet (it starts on its own). */
  | { kind: 'waiting'; plant: string; connecting: boolean }
  /** Every plant shown is disconnected, with nothing cached. */
  | { kind: 'disconnected'; plant: string };

const failedState = (connection: BoardConnection) => connection.state === 'error' || connection.state === 'needs_reauth';

function failure(connection: BoardConnection, progress: WorkOrderProgress): BoardSituation {
  const error: AppErrorShape | null = progress?.phase === 'failed' ? (progress.error ?? connection.lastError) : connection.lastError;
  const needsReauth = connection.state === 'needs_reauth';
  return {
    kind: 'failed',
    plant: connection.name,
    reason: needsReauth ? `${connection.name} needs to be signed in again before it can sync.` : (error?.message ?? `The last sync of ${connection.name} did not finish.`),
    requestId: error?.requestId ?? null,
    needsReauth,
  };
}

/**
 * The situation of the plants shown, worst news last: a running sync first (the board will fill),
 * then a failure, then a list the plant does not offer, then a finished sync that found nothing,
 * then connections still to sync. `cachedWorkOrders` is how many the cache holds for them.
 */
export function boardSituation(connections: readonly BoardConnection[], progress: (connectionId: string) => WorkOrderProgress): BoardSituation {
  if (connections.length === 0) return { kind: 'no-connections' };
  const withProgress = connections.map((connection) => ({ connection, progress: progress(connection.id) }));

  const syncing = withProgress.find(({ connection, progress: p }) => p?.phase === 'running' || (connection.state === 'syncing' && p?.phase !== 'done' && p?.phase !== 'failed' && p?.phase !== 'skipped'));
  if (syncing) {
    const running = syncing.progress?.phase === 'running' ? syncing.progress : undefined;
    return { kind: 'syncing', plant: syncing.connection.name, firstTime: syncing.connection.lastSyncAt === null, fetched: running?.fetched ?? 0, total: running?.total ?? null };
  }

  const failed = withProgress.find(({ connection, progress: p }) => p?.phase === 'failed' || failedState(connection));
  if (failed) return failure(failed.connection, failed.progress);

  const noList = withProgress.find(({ progress: p }) => p?.phase === 'skipped');
  if (noList) return { kind: 'no-list', plant: noList.connection.name, reason: noList.progress?.error?.message ?? null };

  const synced = withProgress.filter(({ connection, progress: p }) => p?.phase === 'done' || connection.lastSyncAt !== null);
  if (synced.length > 0) {
    const lastSyncAt = synced.map(({ connection }) => connection.lastSyncAt).reduce<string | null>((latest, at) => (at !== null && (latest === null || at > latest) ? at : latest), null);
    const windows = new Set(synced.map(({ connection }) => connection.historyDays));
    return { kind: 'synced-empty', plants: synced.map(({ connection }) => connection.name), historyDays: windows.size === 1 ? [...windows][0]! : null, lastSyncAt };
  }

  const live = connections.find((connection) => connection.state !== 'disconnected');
  if (!live) return { kind: 'disconnected', plant: connections[0]!.name };
  return { kind: 'waiting', plant: live.name, connecting: live.state === 'connecting' };
}

/**
 * Whether the figures over the board are still coming in: a plant shown was never synced and its
 * first sync is running (a backlog of 4 while 5,000 work orders are on their way is not the truth).
 */
export function firstSyncRunning(connections: readonly BoardConnection[], progress: (connectionId: string) => WorkOrderProgress): boolean {
  return connections.some((connection) => connection.lastSyncAt === null && (connection.state === 'syncing' || progress(connection.id)?.phase === 'running'));
}
