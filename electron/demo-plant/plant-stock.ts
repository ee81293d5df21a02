/**
 * A part's stock at one location (a storeroom), as the plant keeps it twice: in the part's stock
 * bins there (Stock records, quantities as strings) and in its Inventory record there (a number).
 * The generator makes the bins hold the inventory's quantity between them, and every write keeps
 * the two in step: an inventory adjustment moves the bins to its quantity (`rebalanceStocks`),
 * parts issued to or returned from a work order move both (`moveStock`).
 */
import type { PlantState } from './plant-state';
import { live, type WriteRecord } from './write-records';

type Rec = WriteRecord;

const held = (record: Rec) => Math.max(0, Number(record.quantity) || 0);
const byKey = (a: Rec, b: Rec) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0);

/**
 * Keeps a part's stock bins at a location in step with its inventory quantity: more goes into the
 * first bin, less comes out of the last ones first. Each bin changed gets updatedAt = `stamp`.
 */
export function rebalanceStocks(state: PlantState, materialKey: string, locationKey: string, quantity: number, stamp: string): void {
  const bins = binsOf(state, materialKey, locationKey);
  if (bins.length === 0) return;
  const amounts = bins.map(held);
  let change = quantity - amounts.reduce((sum, amount) => sum + amount, 0);
  if (change > 0) amounts[0]! += change;
  for (let i = amounts.length - 1; i >= 0 && change < 0; i--) {
    const taken = Math.min(amounts[i]!, -change);
    amounts[i]! -= taken;
    change += taken;
  }
  bins.forEach((bin, i) => {
    const stock: Rec = { ...bin, quantity: String(amounts[i]), updatedAt: stamp };
    if (stock.quantity !== String(bin.quantity)) state.put('stocks', stock);
  });
}

/** A part's live stock bins at a location, in key order. */
function binsOf(state: PlantState, materialKey: string, locationKey: string): Rec[] {
  return (state.collections.stocks.live() as Rec[]).filter((stock) => stock.materialKey === materialKey && stock.locationKey === locationKey).sort(byKey);
}

export interface StoreroomStock {
  locationKey: string;
  bins: Rec[];
  /** The part's inventory record at this location, if it has one. */
  inventory: Rec | undefined;
  /** What is on hand: the bins' total, or the inventory's quantity where the part has no bins. */
  onHand: number;
  /** Whether the plant keeps any record of the part here (a bin or an inventory): only then can parts be returned to it. */
  kept: boolean;
}

/** A part's stock at one location. */
export function stockAt(state: PlantState, materialKey: string, locationKey: string): StoreroomStock {
  const bins = binsOf(state, materialKey, locationKey);
  const inventory = state
    .inventoriesOfMaterial(materialKey)
    .map((inventoryKey) => live(state, 'inventories', inventoryKey))
    .find((candidate) => candidate?.locationKey === locationKey);
  const onHand = bins.length > 0 ? bins.reduce((sum, bin) => sum + held(bin), 0) : inventory ? held(inventory) : 0;
  return { locationKey, bins, inventory, onHand, kept: bins.length > 0 || inventory !== undefined };
}

/** Every location that keeps a part (a bin or an inventory), the most on hand first, then by location key. */
export function storeroomsKeeping(state: PlantState, materialKey: string): StoreroomStock[] {
  const locations = new Set<string>();
  for (const stock of state.collections.stocks.live() as Rec[]) {
    if (stock.materialKey === materialKey && typeof stock.locationKey === 'string') locations.add(stock.locationKey);
  }
  for (const inventoryKey of state.inventoriesOfMaterial(materialKey)) {
    const locationKey = live(state, 'inventories', inventoryKey)?.locationKey;
    if (typeof locationKey === 'string') locations.add(locationKey);
  }
  return [...locations]
    .map((locationKey) => stockAt(state, materialKey, locationKey))
    .sort((a, b) => b.onHand - a.onHand || (a.locationKey < b.locationKey ? -1 : a.locationKey > b.locationKey ? 1 : 0));
}

/**
 * Moves `change` of a part into (positive) or out of (negative) its stock at a location: its bins
 * (as `rebalanceStocks` moves them) and its inventory there, each stamped `stamp`. The caller has
 * checked that enough is on hand and that a return has somewhere to go (`stockAt`).
 */
export function moveStock(state: PlantState, materialKey: string, locationKey: string, change: number, stamp: string): void {
  if (change === 0) return;
  const stock = stockAt(state, materialKey, locationKey);
  if (stock.bins.length > 0) rebalanceStocks(state, materialKey, locationKey, Math.max(0, stock.onHand + change), stamp);
  if (stock.inventory) {
    const inventory: Rec = { ...stock.inventory, quantity: Math.max(0, held(stock.inventory) + change), updatedAt: stamp };
    state.put('inventories', inventory);
  }
}
