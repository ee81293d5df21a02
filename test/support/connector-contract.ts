import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../electron/core/connectors/connector';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { isAscendingByUpdatedAt, isCommitted, type SyncCursor } from '../../shared/domain/sync-cursor';
import { syncEntities, type SyncEntity } from '../../shared/domain/sync-entity';
import { AppError } from '../../shared/errors';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { createTestDb } from './test-db';

/** A live source behind a connector, with the few things a test does to it as people at the plant would. */
export interface ContractSource {
  connector: Connector;
  connectionId: string;
  /** Small enough that the source's work orders take several pages. */
  perPage: number;
  /** A list the source does not offer. */
  notOffered: SyncEntity;
  /** Changes `count` work orders at the source; resolves to their keys. */
  changeWorkOrders(count: number): Promise<string[]>;
  /** Makes the source's next read of work orders from the start carry records that cannot be read. */
  spoilWorkOrders(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What every Connector owes the sync engine, whatever its source: pages that end, records that
 * carry their keys and change times, a cursor that moves with changes and stays put without them,
 * lists it does not have said to be not offered, and unreadable records skipped with the field
 * named while the rest are read. Each test gets a fresh source and a fresh cache (real Dexie on
 * fake-indexeddb), and runs the real SyncEngine over the connector.
 */
export function connectorContract(name: string, open: () => Promise<ContractSource>): void {
  describe(`${name} keeps the connector contract`, () => {
    let source: ContractSource;
    let db: MillwrightDb;
    let store: DexieLocalStore;
    let engine: SyncEngine;

    beforeEach(async () => {
      source = await open();
      db = createTestDb();
      store = new DexieLocalStore(db);
      engine = new SyncEngine({ connectionId: source.connectionId, connector: source.connector, perPage: source.perPage, historyDays: null, sleep: async () => undefined, random: () => 0.5 });
    });
    afterEach(async () => {
      db.close();
      await source.close();
    });

    const cursorsOf = async (): Promise<Map<SyncEntity, SyncCursor | null>> =>
      new Map(await Promise.all(syncEntities.map(async (entity) => [entity, await store.getCursor({ connectionId: source.connectionId, entity })] as const)));

    it('pages through a list to its end, each record with its key, its change time and the connection, oldest change first', async () => {
      const keys = new Set<string>();
      const changeTimes: { key: string; updatedAt: string }[] = [];
      let total: number | null = null;
      let pages = 0;
      for (let page = 1; ; page += 1) {
        const answer = await source.connector.listPage('workOrders', { updatedSince: null, page, perPage: source.perPage });
        pages += 1;
        total ??= answer.total;
        for (const record of answer.records) {
          expect(record.key).toMatch(/\S/);
          expect(Number.isNaN(Date.parse(record.updatedAt)), record.updatedAt).toBe(false);
          expect(record.connectionId).toBe(source.connectionId);
          keys.add(record.key);
          changeTimes.push(record);
        }
        const more = answer.hasMore ?? answer.records.length + answer.quarantined.length >= source.perPage;
        if (!more) break;
        expect(pages, 'pages read before the list ended').toBeLessThan(1000);
      }
      expect(pages).toBeGreaterThan(2);
      expect(keys.size).toBe(changeTimes.length);
      if (total !== null) expect(keys.size).toBe(total);
      expect(isAscendingByUpdatedAt(changeTimes)).toBe(true);
      const beyond = await source.connector.listPage('workOrders', { updatedSince: null, page: pages + 1, perPage: source.perPage });
      expect(beyond.records).toEqual([]);

      const named = [...keys].slice(0, 3);
      const fetched = await source.connector.fetchByKeys('workOrders', [...named, 'no-such-work-order']);
      expect(fetched.records.map((record) => record.key).sort()).toEqual(named.sort());
    });

    it('stores a cursor at the newest change, moves it with changes at the source, and brings only what changed', async () => {
      await engine.run(store);
      const newest = Math.max(...(await db.workOrders.toArray()).map((record) => Date.parse(record.updatedAt)));
      const first = await store.getCursor({ connectionId: source.connectionId, entity: 'workOrders' });
      expect(Date.parse(first!.updatedAt)).toBe(newest);

      const changed = await source.changeWorkOrders(3);
      const second = await engine.run(store);
      const workOrders = second.entities.find((entity) => entity.entity === 'workOrders')!;
      expect(workOrders).toMatchObject({ outcome: 'synced', applied: 3 });
      const moved = await store.getCursor({ connectionId: source.connectionId, entity: 'workOrders' });
      expect(Date.parse(moved!.updatedAt)).toBeGreaterThan(Date.parse(first!.updatedAt));
      expect(moved!.keysAtUpdatedAt.every((key) => changed.includes(key))).toBe(true);
      const fetched = await source.connector.fetchByKeys('workOrders', changed);
      for (const record of fetched.records) expect(await db.workOrders.get([source.connectionId, record.key])).toEqual(expect.objectContaining({ updatedAt: record.updatedAt }));
    });

    it('brings nothing new from an unchanged source: no record applied, no cursor moved', async () => {
      await engine.run(store);
      const before = await cursorsOf();
      const again = await engine.run(store);
      for (const entity of again.entities) expect({ entity: entity.entity, applied: entity.applied, deleted: entity.deleted, quarantined: entity.quarantined }).toEqual({ entity: entity.entity, applied: 0, deleted: 0, quarantined: 0 });
      expect(await cursorsOf()).toEqual(before);
      const cursor = before.get('workOrders')!;
      const fromCursor = await source.connector.listPage('workOrders', { updatedSince: cursor.updatedAt, page: 1, perPage: source.perPage });
      expect(fromCursor.records.every((record) => isCommitted(cursor, record))).toBe(true);
    });

    it('says a list it does not offer is not offered, and the sync reads the others', async () => {
      const refused = await source.connector.listPage(source.notOffered, { updatedSince: null, page: 1, perPage: source.perPage }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'UPSTREAM_NOT_FOUND' });
      const summary = await engine.run(store);
      expect(summary.outcome).toBe('synced');
      expect(summary.entities.find((entity) => entity.entity === source.notOffered)).toMatchObject({ outcome: 'unsupported', error: { code: 'UPSTREAM_NOT_FOUND' } });
      expect(summary.entities.find((entity) => entity.entity === 'workOrders')).toMatchObject({ outcome: 'synced' });
      expect(await db.workOrders.count()).toBeGreaterThan(0);
    });

    it('skips records it cannot read, naming the field, and reads the rest', async () => {
      await engine.run(store);
      await source.spoilWorkOrders();
      const summary = await engine.run(store, { mode: 'full' });
      const workOrders = summary.entities.find((entity) => entity.entity === 'workOrders')!;
      expect(workOrders.outcome).toBe('synced');
      expect(workOrders.quarantined).toBeGreaterThan(0);
      const skipped = await db.quarantine.where('connectionId').equals(source.connectionId).toArray();
      expect(skipped).toHaveLength(workOrders.quarantined);
      for (const record of skipped) {
        expect(record.entity).toBe('workOrders');
        expect(record.reason).toMatch(/^"[^"]+"/);
      }
      expect(await db.workOrders.count()).toBeGreaterThan(0);
    });
  });
}
