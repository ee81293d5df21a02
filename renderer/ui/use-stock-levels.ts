import { useLiveQuery } from 'dexie-react-hooks';
import { unsettledStates, type OutboxOperation } from '../../shared/domain/outbox-operation';
import { stockLevels, type StockLevel } from '../../shared/stores/stock-levels';
import { appDb } from '../db/app-db';

/** A part's stock at one place, with where that is and the stock change still on its way to the plant. */
export interface ShownStockLevel extends StockLevel {
  /** "Stores – North Plant · North Plant" */
  where: string;
  /** The site of that place, where a reorder's parts go. */
  siteKey: string | null;
  /** The newest adjustment not yet settled with the plant, if any. */
  pending: OutboxOperation | null;
}

/**
 * Every part's stock per place (shared/stores/stock-levels), short first, live: the Stores page
 * lists them and Purchasing reorders from them.
 */
export function useStockLevels(): ShownStockLevel[] | undefined {
  return useLiveQuery(async () => {
    const [materials, stocks, inventories, locations, sites, adjustments] = await Promise.all([
      appDb.materials.toArray(),
      appDb.stocks.toArray(),
      appDb.inventories.toArray(),
      appDb.locations.toArray(),
      appDb.sites.toArray(),
      appDb.outbox.where('state').anyOf([...unsettledStates]).filter((operation) => operation.action === 'adjustInventory').toArray(),
    ]);
    const ref = (connectionId: string, key: string | null) => `${connectionId}\u0000${key ?? ''}`;
    const locationOf = new Map(locations.map((location) => [ref(location.connectionId, location.key), location]));
    const siteOf = new Map(sites.map((site) => [ref(site.connectionId, site.key), site]));
    const pendingOf = new Map<string, OutboxOperation>();
    for (const operation of adjustments.sort((a, b) => a.seq! - b.seq!)) pendingOf.set(ref(operation.connectionId, operation.key), operation);
    return stockLevels({ materials, stocks, inventories }).map((level): ShownStockLevel => {
      const location = level.locationKey ? locationOf.get(ref(level.connectionId, level.locationKey)) : undefined;
      const site = location?.siteKey ? siteOf.get(ref(level.connectionId, location.siteKey)) : undefined;
      const where = [location?.name ?? (level.locationKey ? 'Unknown location' : 'No location named'), site && !location?.name.includes(site.name) ? site.name : null].filter(Boolean).join(' · ');
      return { ...level, where, siteKey: location?.siteKey ?? null, pending: level.inventory ? (pendingOf.get(ref(level.connectionId, level.inventory.key)) ?? null) : null };
    });
  }, []);
}
