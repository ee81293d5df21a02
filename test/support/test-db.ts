import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import { MillwrightDb } from '../../renderer/db/millwright-db';

/** A fresh cache database on fake-indexeddb: the real Dexie schema and store code, in Node. */
export function createTestDb(): MillwrightDb {
  return new MillwrightDb(`millwright-test-${randomUUID()}`, { indexedDB, IDBKeyRange });
}
