import { useLiveQuery } from 'dexie-react-hooks';
import { unsettledStates } from '../../shared/domain/outbox-operation';
import { stockLevels, type StockLevel } from '../../shared/stores/stock-levels';
import { appDb } from '../db/app-db';
import { markKey, outboxMarks, type OutboxMark } from './use-outbox';

/** A part's stock at one place, with where that is and the stock change still on its way to the plant. */
export interface ShownStockLevel extends StockLevel {
  /** "Stores – North Plant · North Plant" */
  where: string;
  /** The site of that place, where a reorder's parts go. */
  siteKey: string | null;
  /** How its unsent stock changes stand, if it has any. */
  mark: OutboxMark | null;
}

/**
 * Every part's stock per place (shared/stores/stock-levels), short first, live: the Stores page
 * lists them and Purchasing reorders from them.
 */
export function useStockLevels(): ShownStockLevel[] | undefined {
  return useLiveQuery(async () => {
    const [materials, stocks, inventories, locations, sites, unsettled] = await Promise.all([
      appDb.materials.toArray(),
      appDb.stocks.toArray(),
      appDb.inventories.toArray(),
      appDb.locations.toArray(),
      appDb.sites.toArray(),
      appDb.outbox.where('state').anyOf([...unsettledStates]).toArray(),
    ]);
    const ref = (connectionId: string, key: string | null) => `${connectionId}\u0000${key ?? ''}`;
    const locationOf = new Map(locations.map((location) => [ref(location.connectionId, location.key), location]));
    const siteOf = new Map(sites.map((site) => [ref(site.connectionId, site.key), site]));
    const marks = outboxMarks(unsettled, 'inventories');
    return stockLevels({ materials, stocks, inventories }).map((level): ShownStockLevel => {
      const location = level.locationKey ? locationOf.get(ref(level.connectionId, level.locationKey)) : undefined;
      const site = location?.siteKey ? siteOf.get(ref(level.connectionId, location.siteKey)) : undefined;
      const where = [location?.name ?? (level.locationKey ? 'Unknown location' : 'No location named'), site && !location?.name.includes(site.name) ? site.name : null].filter(Boolean).join(' · ');
      return { ...level, where, siteKey: location?.siteKey ?? null, mark: level.inventory ? (marks.get(markKey(level.connectionId, level.inventory.key)) ?? null) : null };
    });
  }, []);
}
