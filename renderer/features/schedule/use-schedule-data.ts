import { useShallow } from 'zustand/react/shallow';
import { useCachedRecords } from '../../ui/use-cached-records';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';

/** The tables the schedule draws from (the app warms their mirrors at start, see useWarmCachedRecords). */
export const scheduleTables = ['sites', 'locations', 'assets', 'teams', 'labors', 'pmPlans', 'meters', 'meterReadings', 'workOrders', 'workOrderStatuses', 'assetDowntimes'] as const;

/** Everything the schedule draws, for the connections the plant filter shows. */
export type ScheduleData = NonNullable<ReturnType<typeof useCachedRecords<(typeof scheduleTables)[number]>>>;

/**
 * The schedule's records, read live from the cache through the same in-memory mirrors as the
 * board (a page shown again starts from what they hold; a write re-reads only the records it
 * changed). Undefined while the cache opens; a failed read goes to the page's error boundary.
 */
export function useScheduleData(): { data: ScheduleData | undefined; connectionIds: string[] } {
  const connectionIds = useAppStore(useShallow(selectShownConnectionIds));
  return { data: useCachedRecords(scheduleTables), connectionIds };
}
