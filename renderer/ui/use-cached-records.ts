import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SyncEntityRecord } from '../../shared/domain/sync-entity';
import { summarizeWorkOrder, type StringPool, type WorkOrderSummary } from '../../shared/domain/work-order-summary';
import { appDb } from '../db/app-db';
import { LiveTableMirror } from '../db/live-table-mirror';
import { selectShownConnectionIds, useAppStore } from '../stores/app-store';

type CachedTable = 'sites' | 'locations' | 'workOrderStatuses' | 'assets' | 'workOrders' | 'teams' | 'labors' | 'assetDowntimes' | 'pmPlans' | 'meters' | 'meterReadings';
/** What a view holds of each record: work orders as summaries (their tasks and long texts stay in the cache), the rest whole. */
type HeldRecord<K extends CachedTable> = K extends 'workOrders' ? WorkOrderSummary : SyncEntityRecord<K>;
type CachedRecords<T extends CachedTable> = { [K in T]: readonly HeldRecord<K>[] };
type AnyMirror = LiveTableMirror<CachedTable, HeldRecord<CachedTable>>;

/** A view re-renders at most this often while a sync's pages keep coming (a single change shows at once). */
const minGapMs = 250;
/** Writes come in bursts (a sync page, then its history row): the view is drawn once they pause this long. */
const quietMs = 30;
/** Mirrors kept for tables and plant choices no view shows now, so a page opened again shows at once. */
const keptIdle = 12;
const mirrors = new Map<string, AnyMirror>();

function newMirror(table: CachedTable, connectionIds: readonly string[]): AnyMirror {
  if (table !== 'workOrders') return new LiveTableMirror(appDb, table, connectionIds, (record) => record, { minGapMs, quietMs });
  const pool: StringPool = new Map();
  return new LiveTableMirror(appDb, table, connectionIds, (record) => summarizeWorkOrder(record, pool), { minGapMs, quietMs });
}

function mirrorOf(table: CachedTable, connectionIds: readonly string[]): AnyMirror {
  const id = `${table}|${connectionIds.join('\u0000')}`;
  let mirror = mirrors.get(id);
  if (mirror) mirrors.delete(id); // to the end: the most recently used
  else mirror = newMirror(table, connectionIds);
  mirrors.set(id, mirror);
  // The least recently used idle ones go; one a view listens to stays whatever its age.
  const idle = [...mirrors].filter(([, kept]) => !kept.listened && kept !== mirror);
  for (const [oldId, old] of idle.slice(0, Math.max(0, idle.length - keptIdle))) {
    old.dispose();
    mirrors.delete(oldId);
  }
  return mirror;
}

/**
 * The cached records of the given tables for the connections the plant filter shows, live: each
 * table is held in memory by a LiveTableMirror, which reads it in full once and then only the
 * records each write changes. Undefined until every table has been read; a page shown again
 * starts from what its mirrors hold and catches up from there.
 */
export function useCachedRecords<T extends CachedTable>(tables: readonly T[]): CachedRecords<T> | undefined {
  const connectionIds = useAppStore(useShallow(selectShownConnectionIds));
  const queryKey = `${tables.join()}|${connectionIds.join('\u0000')}`;
  const shown = useMemo(() => tables.map((table) => mirrorOf(table, connectionIds)), [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps -- queryKey names them
  const subscribe = useCallback(
    (listener: () => void) => {
      const stops = shown.map((mirror) => mirror.subscribe(listener));
      return () => stops.forEach((stop) => stop());
    },
    [shown],
  );
  // The same answer object for as long as no table's records changed (useSyncExternalStore needs that).
  const last = useRef<{ parts: readonly unknown[]; answer: CachedRecords<T> | undefined } | null>(null);
  const getSnapshot = useCallback(() => {
    const failed = shown.find((mirror) => mirror.error !== null);
    if (failed) throw failed.error; // to the view's error boundary, as a live query's error would go
    const parts = shown.map((mirror) => mirror.getSnapshot());
    if (last.current && last.current.parts.length === parts.length && last.current.parts.every((part, index) => part === parts[index])) return last.current.answer;
    const answer = parts.every((part) => part !== undefined) ? (Object.fromEntries(tables.map((table, index) => [table, parts[index]])) as CachedRecords<T>) : undefined;
    last.current = { parts, answer };
    return answer;
  }, [shown]); // eslint-disable-line react-hooks/exhaustive-deps -- tables follow shown
  return useSyncExternalStore(subscribe, getSnapshot);
}

/**
 * Reads the given tables into their mirrors once the page is idle, so a page that shows them
 * (the schedule) opens at once rather than after reading them in full. The mirrors then follow
 * the writes while no page listens, as any idle mirror does.
 */
export function useWarmCachedRecords(tables: readonly CachedTable[]): void {
  const connectionIds = useAppStore(useShallow(selectShownConnectionIds));
  const queryKey = `${tables.join()}|${connectionIds.join('\u0000')}`;
  useEffect(() => {
    const stops: (() => void)[] = [];
    const warm = () => {
      for (const table of tables) {
        const mirror = mirrorOf(table, connectionIds);
        if (mirror.getSnapshot() !== undefined) continue;
        const stop = mirror.subscribe(() => {
          if (mirror.getSnapshot() !== undefined || mirror.error !== null) stop();
        });
        stops.push(stop);
      }
    };
    const idle = requestIdleCallback(warm, { timeout: 5_000 });
    return () => {
      cancelIdleCallback(idle);
      stops.forEach((stop) => stop());
    };
  }, [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps -- queryKey names them
}
