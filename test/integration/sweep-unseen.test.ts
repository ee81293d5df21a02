// A full re-sync's sweep (DexieLocalStore.sweepUnseen) on a table larger than the slices it reads
// at a time: exactly the records the run did not see are removed, of its connection only, within
// the window, keeping records created offline or with unsent edits.
import { afterAll, describe, expect, it } from 'vitest';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { createTestDb } from '../support/test-db';

const dbs: MillwrightDb[] = [];
afterAll(() => {
  for (const db of dbs) db.close();
});

const day = 86_400_000;
const start = Date.UTC(2026, 0, 1);

describe('sweeping what a full re-sync did not see', () => {
  it('removes exactly the unseen records of its connection across a table of 25,000, keeping offline work', async () => {
    const db = createTestDb();
    dbs.push(db);
    const store = new DexieLocalStore(db);
    // Every even record was not seen by the run "now" (the last of each slice of 10,000 among them); each a day apart in a rolling window.
    const record = (connectionId: string, i: number) => ({
      connectionId,
      key: `wo-${String(i).padStart(6, '0')}`,
      code: `WO-${i}`,
      updatedAt: new Date(start + (i % 300) * day).toISOString(),
      deletedAt: null,
      syncRunId: i % 2 === 0 ? 'earlier' : 'now',
    });
    const count = 25_000;
    await db.table('workOrders').bulkPut(Array.from({ length: count }, (_, i) => record('plant-a', i)));
    // Another connection's records, none seen by this run, and two kept by offline work.
    await db.table('workOrders').bulkPut(Array.from({ length: 100 }, (_, i) => record('plant-b', i)));
    await db.table('workOrders').bulkPut([
      { ...record('plant-a', 0), key: 'local:new-one', syncRunId: 'earlier' },
      { ...record('plant-a', 0), key: 'wo-edited', syncRunId: 'earlier' },
    ]);
    await db.outbox.add({
      id: 'op-edited-1',
      connectionId: 'plant-a',
      action: 'update',
      entity: 'workOrders',
      key: 'wo-edited',
      baseUpdatedAt: null,
      changes: { title: 'Edited offline' },
      base: {},
      display: {},
      createdAt: new Date(start).toISOString(),
      attempts: 0,
      state: 'pending',
      error: null,
      conflicts: [],
    } as never);

    // A window starting at day 50: older unseen records are outside what the run read, and stay.
    const since = new Date(start + 50 * day).toISOString();
    const swept = await store.sweepUnseen({ connectionId: 'plant-a', entity: 'workOrders', runId: 'now', updatedSince: since });

    const expected = Array.from({ length: count }, (_, i) => i).filter((i) => i % 2 === 0 && i % 300 >= 50);
    expect(swept).toBe(expected.length);
    const left = new Set(((await db.table('workOrders').where('connectionId').equals('plant-a').primaryKeys()) as [string, string][]).map(([, key]) => key));
    expect(left.size).toBe(count + 2 - expected.length);
    for (const i of expected) expect(left.has(`wo-${String(i).padStart(6, '0')}`)).toBe(false);
    // Keys sort "local:…" first, so the first slice of 10,000 ends at wo-009998 (day 98): unseen, in the window.
    expect(left.has('wo-009998')).toBe(false);
    expect(left.has('wo-000016')).toBe(true); // day 16: before the window
    expect(left.has('local:new-one')).toBe(true);
    expect(left.has('wo-edited')).toBe(true);
    expect(await db.table('workOrders').where('connectionId').equals('plant-b').count()).toBe(100);
  });
});
