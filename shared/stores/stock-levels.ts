import type { Inventory } from '../domain/inventory';
import type { Material } from '../domain/material';
import type { Stock } from '../domain/stock';

/** How a part stands at one place: none left, at or under its reorder point, fine, or not known. */
export type StockState = 'out' | 'low' | 'ok' | 'unknown';

/** One bin or shelf holding the part. */
export interface StockBin {
  key: string;
  position: string | null;
  quantity: number | null;
  reorderPoint: number | null;
  reorderQuantity: number | null;
}

/** A part at one storeroom or location of one plant: what the Stores page lists, and what an adjustment changes. */
export interface StockLevel {
  connectionId: string;
  material: Material;
  /** The location (a site's stores) it is kept at; null when the records name none. */
  locationKey: string | null;
  storeroomKey: string | null;
  bins: StockBin[];
  /** The part's inventory record here: what Makini lets a quantity be set on. Null when the part names none for this place. */
  inventory: Inventory | null;
  /** The inventory's quantity when there is one (it is what is adjusted), else the bins' total. */
  onHand: number | null;
  /** The bins' reorder points added up; null when no bin has one. */
  reorderPoint: number | null;
  /** How many to order when it runs low: the bins' reorder quantities added up. */
  reorderQuantity: number | null;
  state: StockState;
}

export interface StockLevelInput {
  materials: readonly Material[];
  stocks: readonly Stock[];
  inventories: readonly Inventory[];
}

const sumOf = (values: (number | null)[]): number | null => (values.some((value) => value !== null) ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null);

function stateOf(onHand: number | null, reorderPoint: number | null): StockState {
  if (onHand === null) return 'unknown';
  if (onHand <= 0) return 'out';
  if (reorderPoint !== null && onHand <= reorderPoint) return 'low';
  return 'ok';
}

const stateRank: Record<StockState, number> = { out: 0, low: 1, unknown: 2, ok: 3 };

/** Short first: out of stock, then low (furthest under the reorder point first), then by part name. */
export function compareStockLevels(a: StockLevel, b: StockLevel): number {
  const byState = stateRank[a.state] - stateRank[b.state];
  if (byState !== 0) return byState;
  if (a.state === 'low') {
    const shortfall = (level: StockLevel) => (level.onHand ?? 0) - (level.reorderPoint ?? 0);
    const byShortfall = shortfall(a) - shortfall(b);
    if (byShortfall !== 0) return byShortfall;
  }
  return a.material.name.localeCompare(b.material.name) || (a.locationKey ?? '').localeCompare(b.locationKey ?? '');
}

/**
 * Every part's stock per place, from the bins (`stocks`, which name their part) and the part's
 * inventory records (which Makini links only from the part, `Material.inventories`). A part stocked
 * at two sites gives two levels; one whose inventory has no bins still gives one. Sorted short
 * first (`compareStockLevels`).
 */
export function stockLevels({ materials, stocks, inventories }: StockLevelInput): StockLevel[] {
  const ref = (connectionId: string, key: string) => `${connectionId}\u0000${key}`;
  const materialOf = new Map(materials.map((material) => [ref(material.connectionId, material.key), material]));
  const inventoryOf = new Map(inventories.map((inventory) => [ref(inventory.connectionId, inventory.key), inventory]));
  type Gathered = { material: Material; locationKey: string | null; storeroomKey: string | null; bins: StockBin[]; inventory: Inventory | null };
  const levels = new Map<string, Gathered>();
  /** The first level of each part at each location, which its inventory there joins. */
  const firstAtLocation = new Map<string, Gathered>();
  const atLocation = (material: Material, locationKey: string | null) => [material.connectionId, material.key, locationKey ?? ''].join('\u0000');
  const place = (material: Material, locationKey: string | null, storeroomKey: string | null) => {
    const id = `${atLocation(material, locationKey)}\u0000${storeroomKey ?? ''}`;
    let level = levels.get(id);
    if (!level) {
      level = { material, locationKey, storeroomKey, bins: [], inventory: null };
      levels.set(id, level);
      if (!firstAtLocation.has(atLocation(material, locationKey))) firstAtLocation.set(atLocation(material, locationKey), level);
    }
    return level;
  };

  for (const stock of stocks) {
    const material = stock.materialKey ? materialOf.get(ref(stock.connectionId, stock.materialKey)) : undefined;
    if (!material) continue;
    place(material, stock.locationKey, stock.storeroomKey).bins.push({
      key: stock.key,
      position: stock.position,
      quantity: stock.quantity,
      reorderPoint: stock.reorderPoint,
      reorderQuantity: stock.reorderQuantity,
    });
  }
  for (const material of materials) {
    for (const inventoryKey of material.inventoryKeys) {
      const inventory = inventoryOf.get(ref(material.connectionId, inventoryKey));
      if (!inventory) continue;
      // Bins name a location and maybe a storeroom; the inventory names only the location.
      const level = firstAtLocation.get(atLocation(material, inventory.locationKey)) ?? place(material, inventory.locationKey, null);
      level.inventory = inventory;
    }
  }

  return [...levels.values()]
    .map((level): StockLevel => {
      const bins = [...level.bins].sort((a, b) => (a.position ?? '').localeCompare(b.position ?? ''));
      const onHand = level.inventory ? level.inventory.quantity : sumOf(bins.map((bin) => bin.quantity));
      const reorderPoint = sumOf(bins.map((bin) => bin.reorderPoint));
      return {
        connectionId: level.material.connectionId,
        material: level.material,
        locationKey: level.locationKey,
        storeroomKey: level.storeroomKey,
        bins,
        inventory: level.inventory,
        onHand,
        reorderPoint,
        reorderQuantity: sumOf(bins.map((bin) => bin.reorderQuantity)),
        state: stateOf(onHand, reorderPoint),
      };
    })
    .sort(compareStockLevels);
}
