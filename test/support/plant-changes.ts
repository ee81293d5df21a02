import type { RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import type { PlantRecord } from '../../electron/demo-plant/record-collection';
import type { MillwrightDb } from '../../renderer/db/millwright-db';

/** A change upstream that only a webhook tells about: a new note and updatedAt (to the second, as Makini stamps). */
export function changeWorkOrderNote(plant: RunningDemoPlant, key: string, note: string): void {
  const record = plant.state.collections.workOrders.get(key)!;
  plant.state.put('workOrders', { ...record, notes: note, updatedAt: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z') } as PlantRecord);
}

/** Every live work order of the plant and of a cache, as key → updatedAt|notes, and the keys that differ. */
export async function compareWorkOrders(db: MillwrightDb, connectionId: string, plant: RunningDemoPlant) {
  const upstream = new Map(
    plant.state.collections.workOrders
      .all()
      .filter((record) => !record.deletedAt)
      .map((record) => [record.key!, `${Date.parse(String(record.updatedAt))}|${String(record.notes ?? '')}`]),
  );
  const cached = new Map((await db.workOrders.where('connectionId').equals(connectionId).toArray()).map((record) => [record.key, `${Date.parse(record.updatedAt)}|${record.notes ?? ''}`]));
  const differing = [...upstream.keys()].filter((key) => upstream.get(key) !== cached.get(key));
  return { upstream: upstream.size, cached: cached.size, differing };
}
