import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectFileImport } from '../../electron/core/connections/file-import-connections';
import { TokenConnections } from '../../electron/core/connections/token-connections';
import { readConnectionRecord } from '../../electron/core/connections/connection-record';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { connectionParts, managerOver } from '../support/connection-parts';
import { createTestDb } from '../support/test-db';

let folder: string;
let exportFile: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'millwright-file-connections-'));
  exportFile = join(folder, 'north export.csv');
  await copyFile(join(import.meta.dirname, '../fixtures/file-import/work-orders.csv'), exportFile);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('connecting an export file', () => {
  it('saves a read-only, token-less connection named after the file, reading all of it, and asks for its first sync', async () => {
    const { activation, runtimes, settings, secrets, syncsAsked } = connectionParts();
    const view = await connectFileImport(activation, { filePath: ` ${exportFile} ` });
    expect(view).toMatchObject({
      name: 'north export.csv',
      kind: 'file-import',
      authMethod: 'file',
      baseUrl: exportFile,
      provider: 'file-import',
      companyName: 'north export.csv',
      historyDays: null,
      syncIntervalMinutes: 15,
      tokenPreview: null,
      webhook: null,
      writes: { label: 'An export file', actions: [] },
    });
    expect(secrets.get(view.id)).toBeNull();
    expect(syncsAsked).toEqual([view.id]);
    // Saved as a record this version reads back (the kind's settings checked).
    const saved = settings.read();
    expect(saved).toHaveLength(1);
    expect(readConnectionRecord(saved[0])).toMatchObject({ kind: 'file-import', authMethod: 'file', settings: {} });

    // Its runtime syncs the file into the cache, with nothing to push.
    const runtime = runtimes.require(view.id);
    expect(runtime.pusher).toBeNull();
    const db = createTestDb();
    expect((await runtime.engine.run(new DexieLocalStore(db))).outcome).toBe('synced');
    expect(await db.workOrders.where('connectionId').equals(view.id).count()).toBe(22);
    db.close();
  });

  it('takes the name and sync interval given, and saves nothing for a path it cannot read', async () => {
    const { activation, runtimes, settings } = connectionParts();
    await expect(connectFileImport(activation, { filePath: join(folder, 'missing.csv') })).rejects.toMatchObject({ code: 'UPSTREAM_MALFORMED', message: expect.stringContaining('cannot be found') });
    await expect(connectFileImport(activation, { filePath: folder })).rejects.toThrow('is a folder, not a file.');
    expect(runtimes.size).toBe(0);
    expect(settings.read()).toEqual([]);
    expect(await connectFileImport(activation, { name: 'Line 2', filePath: exportFile, syncIntervalMinutes: 60 })).toMatchObject({ name: 'Line 2', syncIntervalMinutes: 60 });
  });

  it('has no sign-in to renew: reauthorizing says Sync now reads the file again', async () => {
    const parts = connectionParts();
    const view = await connectFileImport(parts.activation, { filePath: exportFile });
    const tokens = new TokenConnections(parts.activation, parts.credentials);
    await expect(tokens.reauthorize(parts.runtimes.require(view.id), 'x'.repeat(40))).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: 'north export.csv is read from a file and needs no sign-in: Sync now reads the file again.' });
  });

  it('is held again after a restart, usable although it has no secrets, and syncs through the manager', async () => {
    const keyValues = new MemoryKeyValueStore();
    const db = createTestDb();
    const manager = () => managerOver(keyValues, db, { schedule: false });
    const first = manager();
    await first.start();
    const view = await first.addFileImport({ name: 'Line 2', filePath: exportFile });
    await first.dispose();

    const again = manager();
    await again.start();
    expect(again.list()).toMatchObject([{ id: view.id, name: 'Line 2', authMethod: 'file', tokenPreview: null }]);
    expect(again.list()[0]!.state).not.toBe('needs_reauth');
    expect(await again.syncNow(view.id)).toMatchObject({ outcome: 'synced' });
    expect(await db.workOrders.where('connectionId').equals(view.id).count()).toBe(22);
    await again.dispose();
    db.close();
  });
});
