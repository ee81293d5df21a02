import { useLiveQuery } from 'dexie-react-hooks';
import type { Asset } from '../../shared/domain/asset';
import type { Labor } from '../../shared/domain/labor';
import type { Location } from '../../shared/domain/location';
import type { Site } from '../../shared/domain/site';
import { orderStatuses } from '../../shared/domain/status-workflow';
import type { Team } from '../../shared/domain/team';
import type { User } from '../../shared/domain/user';
import type { WorkOrderStatus } from '../../shared/domain/work-order-status';
import { appDb } from '../db/app-db';
import { standardSeverities } from './work-order-fields';

/** What the work-order and request forms offer for one connection: its statuses, people, accounts, teams, sites, assets and severities. */
export interface ConnectionReference {
  statuses: WorkOrderStatus[];
  labors: Labor[];
  /** Accounts in the plant's system: who reports a problem. */
  users: User[];
  teams: Team[];
  sites: Site[];
  assets: Asset[];
  /** Where assets stand, to say so beside them. */
  locations: Location[];
  severities: string[];
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** The connection's reference data from the cache, live; undefined while it loads. */
export function useConnectionReference(connectionId: string | null): ConnectionReference | undefined {
  return useLiveQuery(async () => {
    if (!connectionId) return { statuses: [], labors: [], users: [], teams: [], sites: [], assets: [], locations: [], severities: [...standardSeverities] };
    const [statuses, labors, users, teams, sites, assets, locations, severities] = await Promise.all([
      appDb.workOrderStatuses.where('connectionId').equals(connectionId).toArray(),
      appDb.labors.where('connectionId').equals(connectionId).toArray(),
      appDb.users.where('connectionId').equals(connectionId).toArray(),
      appDb.teams.where('connectionId').equals(connectionId).toArray(),
      appDb.sites.where('connectionId').equals(connectionId).toArray(),
      appDb.assets.where('connectionId').equals(connectionId).toArray(),
      appDb.locations.where('connectionId').equals(connectionId).toArray(),
      // Systems name their severities differently: offer the ones the plant's work orders use too.
      collectSeverities(connectionId),
    ]);
    return {
      statuses: orderStatuses(statuses),
      labors: labors.sort(byName),
      users: users.sort(byName),
      teams: teams.sort(byName),
      sites: sites.sort(byName),
      assets: assets.sort(byName),
      locations,
      severities,
    };
  }, [connectionId]);
}

async function collectSeverities(connectionId: string): Promise<string[]> {
  const seen = new Set<string>(standardSeverities);
  await appDb.workOrders
    .where('connectionId')
    .equals(connectionId)
    .each((workOrder) => {
      if (workOrder.severity) seen.add(workOrder.severity);
    });
  const order = (value: string) => {
    const index = (standardSeverities as readonly string[]).indexOf(value);
    return index === -1 ? standardSeverities.length : index;
  };
  return [...seen].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}
