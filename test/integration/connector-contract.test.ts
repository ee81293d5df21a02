import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileImportConnector } from '../../electron/core/connectors/file-import/file-import-connector';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { startDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { toCsv } from '../../shared/csv';
import { connectorContract } from '../support/connector-contract';
import { demoPlantControl } from '../support/demo-plant-control';
import { createTestDb } from '../support/test-db';

/**
 * Makini's connector against the real demo plant over HTTP: a small plant whose system has no
 * meters (Makini answers such a list 404, played here by the plant's fault injector).
 */
connectorContract('Makini connector (demo plant)', async () => {
  const plant = await startDemoPlant({ seed: 11, stateFile: null, sizes: { sites: 2, assets: 40, workOrders: 120, pmPlans: 10, technicians: 6, parts: 20, purchaseOrders: 15 } });
  const control = demoPlantControl(plant.url, plant.token);
  await control.injectFault({ status: 404, pathPrefix: '/api/eam/meters', times: 10_000 });
  return {
    connector: new MakiniConnector({ connectionId: 'makini', baseUrl: plant.url, getToken: () => plant.token, timeoutMs: 5000 }),
    connectionId: 'makini',
    perPage: 25,
    notOffered: 'meters',
    changeWorkOrders: (count) => control.advanceWorkOrders(count),
    spoilWorkOrders: async () => void (await control.injectFault({ malformed: 'shape', pathPrefix: '/api/eam/work-orders', times: 1 })),
    close: () => plant.close(),
  };
});

const columns = ['code', 'title', 'status', 'asset', 'site', 'due', 'priority', 'assignee', 'updatedAt'] as const;
type Row = Record<(typeof columns)[number], string>;
const statuses = ['Open', 'Scheduled', 'In progress', 'On hold', 'Completed'];

/**
 * The file-import connector over a CSV export it is given anew at each change, as a supervisor
 * saves one: 60 work orders changed over a morning, every fourth at the same minute as the one
 * before (several records at one instant, as exports to the minute have).
 */
connectorContract('file-import connector (CSV export)', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'millwright-contract-'));
  const filePath = join(folder, 'work-orders.csv');
  const start = Date.parse('2024-04-29T06:00:00Z');
  let minute = 0;
  const rows: Row[] = Array.from({ length: 60 }, (_, index) => {
    if (index % 4 !== 3) minute += 5;
    return {
      code: `WO-${1000 + index}`,
      title: `Task ${index}`,
      status: statuses[index % statuses.length]!,
      asset: `A-${index % 9}`,
      site: index % 2 ? 'North Mill' : 'South Yard',
      due: '2024-05-10',
      priority: 'Medium',
      assignee: `Technician ${index % 5}`,
      updatedAt: new Date(start + minute * 60_000).toISOString(),
    };
  });
  const save = () => writeFile(filePath, toCsv([columns, ...rows.map((row) => columns.map((column) => row[column]))]));
  await save();
  return {
    connector: new FileImportConnector({ connectionId: 'export', filePath }),
    connectionId: 'export',
    perPage: 7,
    notOffered: 'purchaseOrders',
    async changeWorkOrders(count) {
      const changedAt = new Date().toISOString();
      const changed = rows.slice(0, count);
      for (const row of changed) Object.assign(row, { status: 'Completed', updatedAt: changedAt });
      await save();
      return changed.map((row) => row.code);
    },
    async spoilWorkOrders() {
      rows[5]!.due = 'next Tuesday';
      rows[9]!.updatedAt = '';
      await save();
    },
    close: () => rm(folder, { recursive: true, force: true }),
  };
});

describe('file-import connector beyond the contract', () => {
  it('ends its reads when more than a page of newer records cannot be read: an incremental sync passes them by, a full re-sync reports them', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'millwright-contract-'));
    const filePath = join(folder, 'work-orders.csv');
    const row = (index: number, due: string) => [`WO-${index}`, `Task ${index}`, 'Open', due, new Date(Date.parse('2024-04-29T06:00:00Z') + index * 60_000).toISOString()];
    const header = ['code', 'title', 'status', 'due', 'updatedAt'];
    await writeFile(filePath, toCsv([header, ...Array.from({ length: 5 }, (_, index) => row(index, '2024-05-10'))]));
    const db = createTestDb();
    const store = new DexieLocalStore(db);
    const engine = new SyncEngine({ connectionId: 'export', connector: new FileImportConnector({ connectionId: 'export', filePath }), perPage: 7, historyDays: null, sleep: async () => undefined });
    try {
      await engine.run(store, { entities: ['workOrders'] });
      await writeFile(filePath, toCsv([header, ...Array.from({ length: 25 }, (_, index) => row(index, index < 5 ? '2024-05-10' : '10/05/2024'))]));
      const incremental = await engine.run(store, { entities: ['workOrders'] });
      expect(incremental.entities[0]).toMatchObject({ outcome: 'synced', applied: 0, quarantined: 0 });
      const full = await engine.run(store, { entities: ['workOrders'], mode: 'full' });
      expect(full.entities[0]).toMatchObject({ outcome: 'synced', quarantined: 20 });
      expect(await db.workOrders.count()).toBe(5);
    } finally {
      db.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
