// `npm run bench`: performance figures as ratios against a baseline measured in the same run,
// so they mean the same on a slow or a fast machine.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { makiniEntityAdapters } from '../../electron/core/connectors/makini/makini-wire-schemas';
import { startDemoPlant } from '../../electron/core/demo-plant/demo-plant-server';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { MillwrightDb } from '../../renderer/db/millwright-db';
import type { WorkOrder } from '../../shared/domain/work-order';

const workOrders = Number(process.env.BENCH_WORK_ORDERS ?? 5000);
const rounds = 3;
let dbCounter = 0;
const freshDb = () => new MillwrightDb(`bench-${dbCounter++}`, { indexedDB, IDBKeyRange });

async function median(run: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const plant = await startDemoPlant({ seed: 1, sizes: { workOrders }, stateFile: null });
try {
  const records: WorkOrder[] = plant.state.collections.workOrders
    .live()
    .map((raw) => ({ ...makiniEntityAdapters.workOrders.schema.parse(raw), connectionId: 'bench' }));

  const baseline = await median(async () => {
    const db = freshDb();
    await db.workOrders.bulkPut(records);
    db.close();
  });

  const fullSync = await median(async () => {
    const db = freshDb();
    const connector = new MakiniConnector({ connectionId: 'bench', baseUrl: plant.url, getToken: () => plant.token });
    await new SyncEngine({ connectionId: 'bench', connector, historyDays: null }).run(new DexieLocalStore(db), { entities: ['workOrders'] });
    db.close();
  });

  console.log(`work orders: ${records.length}`);
  console.log(`baseline  raw Dexie bulkPut (fake-indexeddb), one transaction: ${baseline.toFixed(0)} ms`);
  console.log(`measured  full work-order sync over HTTP (fetch, validate, map, page commits): ${fullSync.toFixed(0)} ms`);
  console.log(`ratio     sync / baseline = ${(fullSync / baseline).toFixed(2)}x`);
} finally {
  await plant.close();
}
