// `npm run bench`: performance figures as ratios against a baseline measured in the same run,
// so they mean the same on a slow or a fast machine. The demo plant runs in its own process, as
// an upstream does, so its work does not share the engine's thread.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { MillwrightDb } from '../../renderer/db/millwright-db';
import type { WorkOrder } from '../../shared/domain/work-order';
import { demoPlantControl } from '../support/demo-plant-control';
import { spawnCli } from '../support/spawn-cli';

const workOrders = Number(process.env.BENCH_WORK_ORDERS ?? 5000);
const rounds = 5;
let dbCounter = 0;
const freshDb = () => new MillwrightDb(`bench-${dbCounter++}`, { indexedDB, IDBKeyRange });

async function median(run: () => Promise<number | void>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    const measured = await run();
    times.push(typeof measured === 'number' ? measured : performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const plantCli = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', '1', '--work-orders', String(workOrders), '--ephemeral', '--changes-per-minute', '0']);
try {
  const url = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  const token = (await plantCli.waitFor(/access token: (\S+)/))[1]!;
  const control = demoPlantControl(url, token);
  const connector = new MakiniConnector({ connectionId: 'bench', baseUrl: url, getToken: () => token });
  const engine = () => new SyncEngine({ connectionId: 'bench', connector, historyDays: null });

  // The baseline's input: the same records, already fetched and mapped.
  const records: WorkOrder[] = [];
  for (let page = 1; records.length < workOrders; page += 1) {
    records.push(...(await connector.listPage('workOrders', { updatedSince: null, page, perPage: 1000 })).records);
  }

  const baseline = await median(async () => {
    const db = freshDb();
    await db.workOrders.bulkPut(records);
    db.close();
  });

  const initialSync = await median(async () => {
    const db = freshDb();
    await engine().run(new DexieLocalStore(db), { entities: ['workOrders'] });
    db.close();
  });

  const incremental = await median(async () => {
    const db = freshDb();
    const store = new DexieLocalStore(db);
    await engine().run(store, { entities: ['workOrders'] });
    // A new second, so no change lands in the instant the last round's changes hold.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    await control.advanceWorkOrders(100);
    const started = performance.now();
    const summary = await engine().run(store, { entities: ['workOrders'] });
    const elapsed = performance.now() - started;
    if (summary.entities[0]!.applied !== 100) throw new Error(`expected 100 changes, applied ${summary.entities[0]!.applied}`);
    db.close();
    return elapsed;
  });

  const ratio = initialSync / baseline;
  console.log(`work orders: ${records.length}; medians of ${rounds} rounds; demo plant in its own process`);
  console.log(`baseline  raw Dexie bulkPut of the same mapped records (fake-indexeddb), one transaction: ${baseline.toFixed(0)} ms`);
  console.log(`measured  initial work-order sync over HTTP (fetch, validate, map, page commits): ${initialSync.toFixed(0)} ms`);
  console.log(`ratio     initial sync / baseline = ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? 'OK' : 'OVER'}`);
  console.log(`measured  incremental sync of 100 changed work orders: ${incremental.toFixed(0)} ms (target <= 150 ms) ${incremental <= 150 ? 'OK' : 'OVER'}`);
} finally {
  await plantCli.stop();
}
