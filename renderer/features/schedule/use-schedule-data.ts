import { useLiveQuery } from 'dexie-react-hooks';
import { useShallow } from 'zustand/react/shallow';
import type { Asset } from '../../../shared/domain/asset';
import type { AssetDowntime } from '../../../shared/domain/asset-downtime';
import type { Labor } from '../../../shared/domain/labor';
import type { Location } from '../../../shared/domain/location';
import type { Meter } from '../../../shared/domain/meter';
import type { MeterReading } from '../../../shared/domain/meter-reading';
import type { PmPlan } from '../../../shared/domain/pm-plan';
import type { Site } from '../../../shared/domain/site';
import type { Team } from '../../../shared/domain/team';
import type { WorkOrder } from '../../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';
import { appDb } from '../../db/app-db';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';

export interface ScheduleData {
  sites: Site[];
  locations: Location[];
  assets: Asset[];
  teams: Team[];
  labors: Labor[];
  pmPlans: PmPlan[];
  meters: Meter[];
  meterReadings: MeterReading[];
  workOrders: WorkOrder[];
  workOrderStatuses: WorkOrderStatus[];
  assetDowntimes: AssetDowntime[];
}

const tables = ['sites', 'locations', 'assets', 'teams', 'labors', 'pmPlans', 'meters', 'meterReadings', 'workOrders', 'workOrderStatuses', 'assetDowntimes'] as const satisfies readonly (keyof ScheduleData)[];

/**
 * Everything the schedule draws, for the connections the plant filter shows, read live from the
 * cache. Undefined while the cache opens; a failed read is thrown to the caller's error state.
 */
export function useScheduleData(): { data: ScheduleData | undefined; error: Error | null; connectionIds: string[] } {
  const connectionIds = useAppStore(useShallow(selectShownConnectionIds));
  const result = useLiveQuery(async () => {
    try {
      const entries = await Promise.all(tables.map(async (table) => [table, await appDb[table].where('connectionId').anyOf(connectionIds).toArray()] as const));
      return { data: Object.fromEntries(entries) as unknown as ScheduleData, error: null };
    } catch (error) {
      return { data: undefined, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [connectionIds.join('\u0000')]);
  return { data: result?.data, error: result?.error ?? null, connectionIds };
}
