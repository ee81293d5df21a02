import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { MakiniRecordWriter } from '../../electron/core/connectors/makini/makini-record-writer';
import { isCreateAction, writeActionEntity, writeActions, type FieldValue, type OutboxOperation, type WriteAction } from '../../shared/domain/outbox-operation';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { syncEntities, syncEntityRecordSchemas } from '../../shared/domain/sync-entity';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { startPrism, writeMergedSpec, type RunningPrism } from '../support/prism-mock';
import { createTestDb } from '../support/test-db';

/**
 * The connector against Makini's own spec: Stoplight Prism serves every list of
 * `oas3_eam.json` with the spec's examples, and everything the app syncs must read them cleanly.
 */

const root = path.resolve(import.meta.dirname, '..', '..');
const specPath = path.resolve(root, '..', 'shared', 'makini-api', 'oas3_eam.json');
const connectionId = 'prism';

interface PrismViolation {
  location: string[];
  message: string;
}

let prism: RunningPrism | null = null;
let baseUrl = '';
/** Violations Prism found in the test's requests (it reports them in a header, with those of its own answers). */
const requestViolations: string[] = [];

/** The real fetch, noting request violations Prism reports in `sl-violations`. */
const observingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const header = response.headers.get('sl-violations');
  if (header) {
    const violations = JSON.parse(header) as PrismViolation[];
    for (const violation of violations) {
      if (violation.location[0] === 'request') requestViolations.push(`${String(input)}: ${violation.message}`);
    }
  }
  return response;
};

function connector(): MakiniConnector {
  return new MakiniConnector({ connectionId, baseUrl, getToken: () => 'prism-accepts-any-bearer-token', timeoutMs: 5000, fetch: observingFetch });
}

beforeAll(async () => {
  prism = await startPrism(specPath);
  baseUrl = prism.url;
}, 40_000);

afterEach(() => {
  // Every request the connector sends must be one the spec allows.
  expect(requestViolations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await prism?.stop();
});

describe('the Makini connector against a Prism mock of the spec', () => {
  it.each(syncEntities)('reads the spec\'s example %s without a rejected record', async (entity) => {
    const page = await connector().listPage(entity, { updatedSince: null, page: 1, perPage: 50 });
    expect(page.quarantined).toEqual([]);
    expect(page.records.length).toBeGreaterThan(0);
    for (const record of page.records) {
      const parsed = syncEntityRecordSchemas[entity].safeParse(record);
      expect(parsed.success, parsed.error?.message).toBe(true);
    }
  });

  it('maps the tasks of the spec\'s example work order', async () => {
    const page = await connector().listPage('workOrders', { updatedSince: null, page: 1, perPage: 50 });
    expect(page.records[0]!.tasks).toEqual([
      expect.objectContaining({ key: expect.any(String), code: expect.any(String), title: expect.stringMatching(/\S/) }),
    ]);
  });

  it('syncs every entity in one engine run, with nothing quarantined', async () => {
    const db = createTestDb();
    try {
      // The app's defaults (500 a page, 90 days of history plus the open backlog), retries not slept.
      const engine = new SyncEngine({ connectionId, connector: connector(), sleep: async () => undefined });
      const summary = await engine.run(new DexieLocalStore(db));
      expect(summary.entities.map((e) => e.entity)).toEqual([...syncEntities]);
      for (const result of summary.entities) {
        expect(result, result.entity).toMatchObject({ outcome: 'synced', quarantined: 0, retries: 0 });
        expect(result.received, result.entity).toBeGreaterThan(0);
      }
      expect(await db.quarantine.count()).toBe(0);
    } finally {
      db.close();
    }
  });
});

/** One operation of each write, with fields as the app's forms queue them. */
const writeFields: Record<WriteAction, Record<string, FieldValue>> = {
  setWorkOrderStatus: { statusKey: 'st-2' },
  updateWorkOrder: { scheduledAt: '2026-12-07T08:00:00.000Z', severity: 'High', laborAssignedKey: 'lab-1', notes: 'Belt tension checked' },
  createWorkOrder: { title: 'Replace conveyor belt', siteKey: 'site-1', assetKey: 'asset-1', severity: 'High', scheduledAt: '2026-12-07T08:00:00.000Z', statusKey: 'st-1' },
  createPurchaseOrder: { siteKey: 'site-1', vendorKey: 'vendor-1', orderDate: '2026-12-05T00:00:00.000Z' },
  setPurchaseOrderStatus: { statusKey: 'po-st-2' },
  adjustInventory: { quantity: 12 },
  createServiceRequest: { title: 'Oil leak under gearbox', assetKey: 'asset-1', userRequestedKey: 'user-1', description: 'A puddle under GB-2 since the night shift.' },
  approveServiceRequest: { serviceRequestKey: 'sr-1', title: 'Oil leak under gearbox', siteKey: 'site-1', assetKey: 'asset-1', severity: 'High', teamKey: 'team-1', laborAssignedKey: 'lab-1', dueAt: '2026-12-08T16:00:00.000Z', statusKey: 'st-1' },
  mergeServiceRequest: { serviceRequestKey: 'sr-1' },
  addWorkOrderPart: { workOrderKey: 'wo-1', materialKey: 'part-1', storeroomKey: 'store-1', requiredQuantity: 2, usedQuantity: 2 },
  recordPartUse: { usedQuantity: 3 },
  attachDocument: { name: 'Bearing housing crack.png', entityKey: 'wo-1' },
};
/** The file an attachment sends: the first bytes of a PNG. */
const attachment = { name: 'Bearing housing crack.png', contentType: 'image/png', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64') };
/** The parts line a use is recorded on, as the plant holds it: the spec addresses it by work order and part. */
const partLine = { connectionId, key: 'line-1', updatedAt: '2026-12-05T08:00:00Z', deletedAt: null, workOrderKey: 'wo-1', materialKey: 'part-1', name: 'V-belt', partNumber: null, requiredQuantity: 2, usedQuantity: 1 };

describe('every write the app sends, against the spec', () => {
  it.each(writeActions)('%s is a request the spec allows, and its answer reads as a record', async (action) => {
    const writer = new MakiniRecordWriter({ connectionId, baseUrl, getToken: () => 'prism-accepts-any-bearer-token', timeoutMs: 5000, fetch: observingFetch });
    const operation: OutboxOperation = {
      id: `contract-${action}`, connectionId, action, entity: writeActionEntity[action], key: isCreateAction(action) ? 'local:1' : 'key-1',
      baseUpdatedAt: null, changes: writeFields[action], base: {}, display: {}, createdAt: '2026-12-05T08:00:00Z', attempts: 0, state: 'pending', error: null, conflicts: [],
      ...(action === 'createPurchaseOrder' ? { lineItems: [{ materialKey: 'part-1', quantity: 2, price: 14.5 }] } : {}),
    };
    const request = { operation, fields: writeFields[action], upstream: action === 'recordPartUse' ? partLine : null, ...(action === 'attachDocument' ? { attachment } : {}) };
    if (writeActionEntity[action] === 'workOrderMaterials') {
      // The spec answers a parts write with a work order, and Prism's parts list holds its example
      // line of another work order: the writer reads the line back (a request the spec allows too)
      // and, not finding it, refuses to take a work order for a parts line.
      await expect(writer.write(request)).rejects.toMatchObject({ code: 'UPSTREAM_MALFORMED', message: expect.stringContaining('for part part-1 on work order wo-1') });
      return;
    }
    const record = await writer.write(request);
    expect(record.key).toEqual(expect.any(String));
  });
});

describe('the sync against Prism making answers up from the spec (dynamic mode)', () => {
  // A fixed seed (printed; PRISM_SEED=<seed> tries another): with some seeds Prism makes every list empty.
  const seed = process.env.PRISM_SEED ?? '42';
  let dynamic: RunningPrism | null = null;
  let merged: ReturnType<typeof writeMergedSpec> | null = null;

  beforeAll(async () => {
    console.log(`Prism dynamic mode seed ${seed}`);
    merged = writeMergedSpec();
    dynamic = await startPrism(merged.file, { dynamic: true, seed });
  }, 40_000);

  afterAll(async () => {
    await dynamic?.stop();
    merged?.remove();
  });

  it('ends every run with every list read or failed on its own, counts that add up, and every skipped record\'s field named', async () => {
    const db = createTestDb();
    try {
      const dynamicConnector = new MakiniConnector({ connectionId, baseUrl: dynamic!.url, getToken: () => 'any', timeoutMs: 5000, fetch: observingFetch });
      const engine = new SyncEngine({ connectionId, connector: dynamicConnector, sleep: async () => undefined });
      // Float and negative meta.total, placeholder links, lorem-ipsum times: the run still resolves.
      const summary = await engine.run(new DexieLocalStore(db));
      expect(['synced', 'partial']).toContain(summary.outcome);
      expect(summary.entities.map((e) => e.entity)).toEqual([...syncEntities]);
      for (const result of summary.entities) expect(result.applied + result.quarantined, result.entity).toBeLessThanOrEqual(result.received);
      const received = summary.entities.reduce((sum, e) => sum + e.received, 0);
      expect(received).toBeGreaterThan(0);
      const skipped = await db.quarantine.toArray();
      expect(skipped.length).toBeGreaterThan(0);
      for (const record of skipped) expect(record.reason).toMatch(/^"[\w.[\]]+"/);
    } finally {
      db.close();
    }
  });
});
