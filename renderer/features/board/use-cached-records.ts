import { useLiveQuery } from 'dexie-react-hooks';
import { useShallow } from 'zustand/react/shallow';
import type { Asset } from '../../../shared/domain/asset';
import type { Labor } from '../../../shared/domain/labor';
import type { Site } from '../../../shared/domain/site';
import type { Team } from '../../../shared/domain/team';
import type { WorkOrder } from '../../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';
import { appDb } from '../../db/app-db';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';

interface CachedRecords {
  sites: Site[];
  workOrderStatuses: WorkOrderStatus[];
  assets: Asset[];
  workOrders: WorkOrder[];
  teams: Team[];
  labors: Labor[];
}
type CachedTable = keyof CachedRecords;

/** The cached records of the given tables for the connections the plant filter shows, live. */
export function useCachedRecords<T extends CachedTable>(tables: readonly T[]) {
  const connectionIds = useAppStore(useShallow(selectShownConnectionIds));
  return useLiveQuery(async () => {
    const entries = await Promise.all(
      tables.map(async (table) => [table, await appDb[table].where('connectionId').anyOf(connectionIds).toArray()] as const),
    );
    return Object.fromEntries(entries) as Pick<CachedRecords, T>;
  }, [connectionIds.join('\u0000'), tables.join()]);
}
