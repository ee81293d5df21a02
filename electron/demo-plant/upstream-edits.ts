import { isoSeconds } from './plant-time';
import type { CollectionName, PlantState } from './plant-state';
import type { PlantRecord } from './record-collection';
import type { SeededRandom } from './seeded-random';

/** The free-text field a touch rewrites, for entities whose schema has one; the others only get a new updatedAt. */
const touchedText: Partial<Record<CollectionName, 'notes' | 'description'>> = {
  sites: 'notes',
  locations: 'description',
  assets: 'notes',
  teams: 'description',
  labors: 'notes',
  users: 'notes',
  workOrders: 'notes',
  pmPlans: 'notes',
  materials: 'notes',
  purchaseOrders: 'notes',
  purchaseOrderLineItems: 'notes',
  serviceRequests: 'notes',
  assetDowntimes: 'notes',
  documents: 'notes',
};

/** Up to `count` distinct live records, chosen at random. */
function pickLive(state: PlantState, name: CollectionName, count: number, random: SeededRandom): PlantRecord[] {
  const live: PlantRecord[] = state.collections[name].live();
  const picks = Math.min(count, live.length);
  // The first `picks` steps of a Fisher–Yates shuffle.
  for (let i = 0; i < picks; i++) {
    const j = random.int(i, live.length - 1);
    [live[i], live[j]] = [live[j]!, live[i]!];
  }
  return live.slice(0, picks);
}

/** Edits `count` random live records as someone upstream might in passing: a new updatedAt and a note. Returns their keys. */
export function touchRecords(state: PlantState, name: CollectionName, count: number, random: SeededRandom, nowMs: number): string[] {
  const stamp = isoSeconds(nowMs);
  const field = touchedText[name];
  return pickLive(state, name, count, random).map((record) => {
    state.put(name, { ...record, ...(field ? { [field]: `Reviewed ${stamp}.` } : {}), updatedAt: stamp });
    return record.key!;
  });
}

/**
 * Deletes `count` random live records. A soft delete stamps deletedAt and updatedAt, so the records
 * stay listed and incremental syncs see them go; a hard delete purges them, which only a full
 * re-sync can notice. Returns their keys.
 */
export function deleteRecords(state: PlantState, name: CollectionName, count: number, hard: boolean, random: SeededRandom, nowMs: number): string[] {
  const stamp = isoSeconds(nowMs);
  return pickLive(state, name, count, random).map((record) => {
    if (hard) state.remove(name, record.key!);
    else state.put(name, { ...record, deletedAt: stamp, updatedAt: stamp });
    return record.key!;
  });
}
