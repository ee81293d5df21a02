import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
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

/** The last answer per query, so a page opened again shows at once while its live query reads afresh. */
const lastAnswers = new Map<string, unknown>();
const keptAnswers = 4;

function remember(queryKey: string, answer: unknown) {
  lastAnswers.delete(queryKey);
  lastAnswers.set(queryKey, answer);
  while (lastAnswers.size > keptAnswers) lastAnswers.delete(lastAnswers.keys().next().value!);
}

/**
 * The cached records of the given tables for the connections the plant filter shows, live. A page
 * shown again starts from the answer it had (the same records, unless a change is on its way,
 * which the live query brings a moment later) instead of waiting for IndexedDB. On a first open a
 * plain read answers too: a live query restarts whenever a table it reads changes while it runs,
 * so during the sync that starts with the app it could take until the sync is done.
 */
export function useCachedRecords<T extends CachedTable>(tables: readonly T[]): Pick<CachedRecords, T> | undefined {
  const connectionIds = useAppStore(useShallow(selectShownConnectionIds));
  const queryKey = `${tables.join()}|${connectionIds.join('\u0000')}`;
  const read = async () => {
    const entries = await Promise.all(
      // One equals() per connection: Dexie reads it with a single getAll(), where anyOf() walks a cursor record by record.
      tables.map(async (table) => [table, (await Promise.all(connectionIds.map((id) => appDb[table].where('connectionId').equals(id).toArray()))).flat()] as const),
    );
    return Object.fromEntries(entries) as Pick<CachedRecords, T>;
  };
  const live = useLiveQuery(read, [queryKey]);
  const [, setFirstRead] = useState(0);
  useEffect(() => {
    if (lastAnswers.has(queryKey)) return;
    let current = true;
    read().then(
      (answer) => {
        if (!current || lastAnswers.has(queryKey)) return;
        remember(queryKey, answer);
        setFirstRead((reads) => reads + 1);
      },
      () => undefined /* the live query reports it */,
    );
    return () => {
      current = false;
    };
  }, [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps -- read follows queryKey
  // The live answer replaces the first read's, so the heap holds one copy of the records.
  useEffect(() => {
    if (live) remember(queryKey, live);
  }, [queryKey, live]);
  return live ?? (lastAnswers.get(queryKey) as Pick<CachedRecords, T> | undefined);
}
