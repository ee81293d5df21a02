import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MillwrightDb } from '../../renderer/db/millwright-db';

/** The stores of version 7 that the v8 upgrade touches, as a cache made before it has them. */
const version7Stores = {
  workOrders: '[connectionId+key], connectionId, [connectionId+statusKey], [connectionId+assetKey]',
  materials: '[connectionId+key], connectionId',
  stocks: '[connectionId+key], connectionId, [connectionId+materialKey]',
  syncCursors: '[connectionId+entity]',
};

describe('opening a cache made before parts named their inventories (v7 → v8)', () => {
  it('gives old parts and bins the new fields empty and forgets only the part and stock cursors, so the next sync reads them again', async () => {
    const name = `upgrade-v8-${Date.now()}`;
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(7).stores(version7Stores);
    await old.open();
    const stamp = '2026-11-30T10:00:00Z';
    await old.table('materials').put({ connectionId: 'c1', key: 'm1', updatedAt: stamp, deletedAt: null, name: 'Bearing', code: null, partNumber: null, manufacturerName: null, criticality: null });
    await old.table('stocks').put({ connectionId: 'c1', key: 's1', updatedAt: stamp, deletedAt: null, materialKey: 'm1', locationKey: 'L1', storeroomKey: null, quantity: 4, reorderPoint: 2 });
    for (const entity of ['materials', 'stocks', 'workOrders', 'inventories']) {
      await old.table('syncCursors').put({ connectionId: 'c1', entity, cursor: { updatedAt: stamp, key: 'x' } });
    }
    old.close();

    const db = new MillwrightDb(name, { indexedDB, IDBKeyRange });
    try {
      expect(await db.materials.get(['c1', 'm1'])).toMatchObject({ name: 'Bearing', inventoryKeys: [] });
      expect(await db.stocks.get(['c1', 's1'])).toMatchObject({ quantity: 4, position: null, reorderQuantity: null });
      expect((await db.syncCursors.toArray()).map((stored) => stored.entity).sort()).toEqual(['inventories', 'workOrders']);
    } finally {
      await db.delete();
    }
  });
});

describe('opening a cache made before technicians named their sites (v10 → v11)', () => {
  it('gives old technicians no sites and forgets only the technician cursors, so the next sync reads their sites', async () => {
    const name = `upgrade-v11-${Date.now()}`;
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(10).stores({ labors: '[connectionId+key], connectionId', syncCursors: '[connectionId+entity]' });
    await old.open();
    const stamp = '2026-12-01T10:00:00Z';
    await old.table('labors').put({ connectionId: 'c1', key: 'l1', updatedAt: stamp, deletedAt: null, name: 'Ann Lee', code: null, teamKey: 't1', userKey: null, roleName: null, isActive: true });
    for (const entity of ['labors', 'teams', 'workOrders']) await old.table('syncCursors').put({ connectionId: 'c1', entity, cursor: { updatedAt: stamp, key: 'x' } });
    old.close();

    const db = new MillwrightDb(name, { indexedDB, IDBKeyRange });
    try {
      expect(await db.labors.get(['c1', 'l1'])).toMatchObject({ name: 'Ann Lee', teamKey: 't1', siteKeys: [] });
      expect((await db.syncCursors.toArray()).map((stored) => stored.entity).sort()).toEqual(['teams', 'workOrders']);
    } finally {
      await db.delete();
    }
  });
});
