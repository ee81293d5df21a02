import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileImportConnectorKind } from '../../electron/core/connectors/file-import/file-import-connector-kind';
import { makiniConnectorKind } from '../../electron/core/connectors/makini/makini-connector-kind';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { connectionRecord, runtimeOf, tokenSecrets } from '../support/connection-runtime-fixtures';
import { createTestDb } from '../support/test-db';

let north: RunningDemoPlant;
let south: RunningDemoPlant;

beforeAll(async () => {
  [north, south] = await Promise.all([
    startDemoPlant({ seed: 31, sizes: { workOrders: 40 }, stateFile: null }),
    startDemoPlant({ seed: 32, sizes: { workOrders: 25 }, stateFile: null }),
  ]);
});
afterAll(async () => {
  await Promise.all([north.close(), south.close()]);
});

describe('a connection runtime built from its kind', () => {
  it('reads a Makini connection through its kind, at the address and with the token it holds at each request', async () => {
    const answered: string[] = [];
    const northToken = north.issueToken().accessToken;
    const runtime = runtimeOf(makiniConnectorKind, connectionRecord({ baseUrl: north.url, historyDays: null }), tokenSecrets(northToken), {
      answered: (held) => answered.push(held.record.id),
    });
    const db = createTestDb();
    const summary = await runtime.engine.run(new DexieLocalStore(db));
    expect(summary.outcome).toBe('synced');
    expect(await db.workOrders.count()).toBe(40);
    // Every answer of the connection's requests went through the watched fetch.
    expect(answered.length).toBe(north.apiRequestsByToken(northToken));
    expect(new Set(answered)).toEqual(new Set(['conn-test']));

    // A demo plant restarted elsewhere, a new token: the next request follows both.
    const southToken = south.issueToken().accessToken;
    runtime.record.baseUrl = south.url;
    runtime.secrets = tokenSecrets(southToken);
    await runtime.connector.describe();
    expect(south.apiRequestsByToken(southToken)).toBe(1);
    db.close();
  });

  it('gives a kind with a writer a pusher, and keeps answers of a runtime no longer held to itself', async () => {
    const answered: string[] = [];
    const runtime = runtimeOf(makiniConnectorKind, connectionRecord({ baseUrl: north.url }), tokenSecrets(north.issueToken().accessToken), {
      answered: (held) => answered.push(held.record.id),
      isCurrent: () => false,
    });
    expect(runtime.pusher).not.toBeNull();
    await runtime.connector.describe();
    expect(answered).toEqual([]);
  });

  it('syncs a read-only kind like any other, with nothing to push', async () => {
    const file = join(import.meta.dirname, '../fixtures/file-import/work-orders.csv');
    const runtime = runtimeOf(fileImportConnectorKind, connectionRecord({ kind: 'file-import', authMethod: 'file', baseUrl: file, historyDays: null, settings: {} }), null);
    expect(runtime.pusher).toBeNull();
    const db = createTestDb();
    const summary = await runtime.engine.run(new DexieLocalStore(db));
    expect(summary.outcome).toBe('synced');
    expect(await db.workOrders.where('connectionId').equals('conn-test').count()).toBe(22);
    db.close();
  });
});
