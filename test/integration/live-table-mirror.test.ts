import { afterEach, describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../shared/domain/work-order';
import { summarizeWorkOrder, type WorkOrderSummary } from '../../shared/domain/work-order-summary';
import type { ApplyPageBatch } from '../../shared/local-store';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { LiveTableMirror } from '../../renderer/db/live-table-mirror';
import { priorityRead } from '../../renderer/db/read-priority';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import type { RecordChanges } from '../../renderer/db/record-change-feed';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { createTestDb } from '../support/test-db';

const at = (second: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, second)).toISOString();

function wo(key: string, fields: Partial<WorkOrder> = {}): WorkOrder {
  return {
    connectionId: 'plant-a', key, code: `WO-${key}`, title: `Work ${key}`, statusKey: 's1', status: null, siteKey: null, locationKey: null, assetKey: null,
    teamKey: null, laborAssignedKey: null, pmKey: null, serviceRequestKey: null, estimatedTime: null, actualTime: null, completionRemarks: null, severity: null, notes: null, scheduledAt: null, dueAt: null, completedAt: null,
    createdAt: null, tasks: [], updatedAt: at(0), deletedAt: null, ...fields,
  };
}

const page = (records: WorkOrder[], runId = 'run'): ApplyPageBatch =>
  ({ connectionId: 'plant-a', entity: 'workOrders', runId, records, quarantined: [], cursor: null }) as unknown as ApplyPageBatch;

type Mirror = LiveTableMirror<'workOrders', WorkOrderSummary>;

/** The mirror as the app makes it for work orders: each held as its summary. */
function workOrderMirror(db: MillwrightDb, connectionIds: string[], options?: ConstructorParameters<typeof LiveTableMirror>[4]): Mirror {
  const pool = new Map<string, string>();
  return new LiveTableMirror(db, 'workOrders', connectionIds, (record) => summarizeWorkOrder(record, pool), options);
}

/** Resolves with the mirror's next answer. */
function nextAnswer<M extends Mirror>(mirror: M): Promise<ReturnType<M['getSnapshot']>> {
  return new Promise((resolve) => {
    const stop = mirror.subscribe(() => {
      stop();
      resolve(mirror.getSnapshot() as ReturnType<M['getSnapshot']>);
    });
  });
}

/** Waits until the mirror holds what the table holds for its connection (or fails the test after a while). */
async function settled(mirror: Mirror, db: MillwrightDb) {
  const expected = async () =>
    (await db.workOrders.where('connectionId').equals('plant-a').toArray()).sort((a, b) => a.key.localeCompare(b.key)).map((record) => summarizeWorkOrder(record, new Map()));
  const deadline = Date.now() + 5000;
  for (;;) {
    const held = [...(mirror.getSnapshot() ?? [])].sort((a, b) => a.key.localeCompare(b.key));
    const want = await expected();
    if (JSON.stringify(held) === JSON.stringify(want)) return held;
    if (Date.now() > deadline) expect(held).toEqual(want);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let db: MillwrightDb;
afterEach(async () => {
  db?.close();
});

describe('RecordChangeFeed', () => {
  it('names every key a committed transaction wrote or deleted, past Dexie’s own 49, and nothing of an aborted one', async () => {
    db = createTestDb();
    const heard: RecordChanges[] = [];
    db.changes.subscribe((changes) => heard.push(changes));
    await db.workOrders.bulkPut(Array.from({ length: 1000 }, (_, i) => wo(`k${i}`)));
    expect(heard).toHaveLength(1);
    expect(heard[0]!.get('workOrders')!.all).toBe(false);
    expect(new Set(heard[0]!.get('workOrders')!.keys.map((key) => (key as string[])[1])).size).toBe(1000);

    await db.transaction('rw', db.workOrders, db.syncCursors, async () => {
      await db.workOrders.bulkDelete([['plant-a', 'k1'], ['plant-a', 'k2']]);
      await db.syncCursors.put({ connectionId: 'plant-a', entity: 'workOrders', cursor: { updatedAt: at(1), keysAtUpdatedAt: ['k1'] } });
    });
    expect(heard).toHaveLength(2);
    expect(heard[1]!.get('workOrders')!.keys).toEqual([['plant-a', 'k1'], ['plant-a', 'k2']]);
    expect(heard[1]!.has('syncCursors')).toBe(true);

    await expect(
      db.transaction('rw', db.workOrders, async () => {
        await db.workOrders.put(wo('doomed'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.workOrders.clear();
    expect(heard).toHaveLength(3);
    expect(heard[2]!.get('workOrders')!.all).toBe(true);
  });
});

describe('LiveTableMirror', () => {
  it('reads the table once, then only what each page changes: untouched records keep their objects', async () => {
    db = createTestDb();
    const store = new DexieLocalStore(db);
    await store.applyPage(page(Array.from({ length: 3000 }, (_, i) => wo(`k${i}`))));
    await db.workOrders.put(wo('other', { connectionId: 'plant-b' }));
    const mirror = workOrderMirror(db, ['plant-a']);
    const first = await nextAnswer(mirror);
    expect(first).toHaveLength(3000);
    const untouched = first!.find((record) => record.key === 'k2999');

    const changed = nextAnswer(mirror);
    await store.applyPage(page([wo('k5', { title: 'Changed', updatedAt: at(2) }), wo('k6', { deletedAt: at(2) }), wo('new', { updatedAt: at(2) })], 'run-2'));
    const second = await changed;
    expect(second).toHaveLength(3000); // one gone, one new
    expect(second!.find((record) => record.key === 'k5')!.title).toBe('Changed');
    expect(second!.some((record) => record.key === 'k6')).toBe(false);
    expect(second!.some((record) => record.key === 'new')).toBe(true);
    expect(second!.find((record) => record.key === 'k2999')).toBe(untouched);
    expect(second!.some((record) => record.connectionId === 'plant-b')).toBe(false);
    mirror.dispose();
  });

  it('reads every connection in slices and holds summaries: without tasks or long texts', async () => {
    db = createTestDb();
    // Keys that sort apart from their numbers, so slices must follow IndexedDB's key order.
    const keys = Array.from({ length: 23 }, (_, i) => `k${i}`);
    const full = (connectionId: string, key: string) =>
      wo(key, { connectionId, statusKey: 'in-progress', assetKey: 'pump-7', notes: 'A long note', completionRemarks: 'Done', tasks: [{ key: 't', code: '10', title: 'Check', description: null, priority: null }] });
    await db.workOrders.bulkPut([...keys.map((key) => full('plant-a', key)), ...keys.slice(0, 9).map((key) => full('plant-b', key)), full('plant-c', 'k0')]);
    const mirror = workOrderMirror(db, ['plant-a', 'plant-b'], { readSlice: 5 });
    const held = (await nextAnswer(mirror))!;
    expect(held.map((record) => `${record.connectionId}/${record.key}`).sort()).toEqual([...keys.map((key) => `plant-a/${key}`), ...keys.slice(0, 9).map((key) => `plant-b/${key}`)].sort());
    for (const record of held) expect(Object.keys(record).filter((field) => ['tasks', 'notes', 'completionRemarks', 'actualTime', 'serviceRequestKey', 'deletedAt'].includes(field))).toEqual([]);
    expect(held[0]).toEqual(summarizeWorkOrder(await db.workOrders.get([held[0]!.connectionId, held[0]!.key]) as WorkOrder, new Map()));
    mirror.dispose();
  });

  it('ends up holding exactly what the table holds through writes racing its reads, a range delete, and a time without listeners', async () => {
    db = createTestDb();
    const store = new DexieLocalStore(db);
    const seeded = new SeededRandom(11);
    await store.applyPage(page(Array.from({ length: 500 }, (_, i) => wo(`k${i}`))));
    const mirror = workOrderMirror(db, ['plant-a'], { minGapMs: 5 });
    let stop = mirror.subscribe(() => undefined);
    // Pages land while the first read is still going, and while earlier pages are being read.
    const writes: Promise<unknown>[] = [];
    for (let round = 0; round < 40; round += 1) {
      const records = Array.from({ length: seeded.int(1, 80) }, () => {
        const key = `k${seeded.int(0, 700)}`;
        return wo(key, { title: `v${round}`, updatedAt: at(round), deletedAt: seeded.next() < 0.2 ? at(round) : null });
      });
      writes.push(store.applyPage(page(records, `run-${round}`)));
      if (round % 7 === 0) await writes.at(-1);
    }
    await Promise.all(writes);
    await settled(mirror, db);

    // No one listening: changes are noted, and read when someone listens again.
    stop();
    await store.applyPage(page([wo('k1', { title: 'while away', updatedAt: at(50) })]));
    await db.workOrders.where('connectionId').equals('plant-a').and((record) => record.key.endsWith('3')).delete();
    expect(mirror.getSnapshot()!.find((record) => record.key === 'k1')?.title).not.toBe('while away');
    stop = mirror.subscribe(() => undefined);
    const held = await settled(mirror, db);
    expect(held.find((record) => record.key === 'k1')!.title).toBe('while away');
    expect(held.some((record) => record.key.endsWith('3'))).toBe(false);

    await db.workOrders.clear();
    expect(await settled(mirror, db)).toEqual([]);
    stop();
    mirror.dispose();
  });

  it('holds no answer while unheard once too much changed to pick up, and reads everything when heard again', async () => {
    db = createTestDb();
    const store = new DexieLocalStore(db);
    const mirror = workOrderMirror(db, ['plant-a']);
    expect(await nextAnswer(mirror)).toEqual([]); // heard until it answers, then unheard
    // A few changes while unheard are noted, and the last answer stays (a view opened again shows it at once).
    await store.applyPage(page([wo('a')]));
    expect(mirror.getSnapshot()).toEqual([]);
    // A first sync's worth is not: an empty board must not stand for 3,000 work orders.
    await store.applyPage(page(Array.from({ length: 3000 }, (_, i) => wo(`k${i}`))));
    expect(mirror.getSnapshot()).toBeUndefined();
    const stop = mirror.subscribe(() => undefined);
    expect(await settled(mirror, db)).toHaveLength(3001);
    stop();
    mirror.dispose();
  });

  it('gives no partial answer when it is dropped while a read of a few changes is under way', async () => {
    db = createTestDb();
    const store = new DexieLocalStore(db);
    await db.workOrders.bulkPut([wo('a'), wo('b')]);
    const mirror = workOrderMirror(db, ['plant-a']);
    const stop = mirror.subscribe(() => undefined);
    await settled(mirror, db);
    // The read of the next change waits until the test lets it go.
    const table = db.table('workOrders');
    const bulkGet = table.bulkGet.bind(table);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reading!: () => void;
    const started = new Promise<void>((resolve) => (reading = resolve));
    table.bulkGet = ((keys: Parameters<typeof bulkGet>[0]) => (reading(), held.then(() => bulkGet(keys)))) as typeof table.bulkGet;
    await db.workOrders.put(wo('c'));
    await started;
    stop();
    await store.applyPage(page(Array.from({ length: 3000 }, (_, i) => wo(`k${i}`))));
    expect(mirror.getSnapshot()).toBeUndefined();
    table.bulkGet = bulkGet;
    release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mirror.getSnapshot()).toBeUndefined(); // not the one record it was reading
    mirror.dispose();
  });

  it('starts a full read only once the priority reads under way (the board’s first look) are done', async () => {
    db = createTestDb();
    await db.workOrders.bulkPut([wo('a'), wo('b')]);
    let finish!: () => void;
    const order: string[] = [];
    const firstLook = priorityRead(() => new Promise<void>((resolve) => (finish = resolve)).then(() => void order.push('first look')));
    const mirror = workOrderMirror(db, ['plant-a']);
    const answered = nextAnswer(mirror).then((held) => order.push(`mirror ${held!.length}`));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual([]);
    finish();
    await Promise.all([firstLook, answered]);
    expect(order).toEqual(['first look', 'mirror 2']);
    mirror.dispose();
  });

  it('answers a burst of writes once it pauses, and a steady stream of them at least every few quiet periods', async () => {
    db = createTestDb();
    await db.workOrders.bulkPut([wo('a')]);
    const mirror = workOrderMirror(db, ['plant-a'], { quietMs: 100 });
    await nextAnswer(mirror);
    const answers: number[] = [];
    const stop = mirror.subscribe(() => answers.push(performance.now()));
    for (let i = 0; i < 5; i += 1) await db.workOrders.put(wo(`burst${i}`)); // back to back
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(answers).toHaveLength(1);
    expect(mirror.getSnapshot()).toHaveLength(6);

    answers.length = 0;
    const streamStarted = performance.now();
    for (let i = 0; i < 60; i += 1) {
      await db.workOrders.put(wo(`stream${i}`));
      await new Promise((resolve) => setTimeout(resolve, 10)); // never quiet for 100 ms
    }
    // Not starved: answered while the writes went on (at most 4 quiet periods after they began), not after each one.
    expect(performance.now() - streamStarted).toBeGreaterThan(400);
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect(answers.length).toBeLessThan(30);
    await settled(mirror, db);
    stop();
    mirror.dispose();
  });

  it('keeps its last answer and reports the error when a read fails, and reads afresh once changes or listeners come', async () => {
    db = createTestDb();
    await db.workOrders.bulkPut([wo('a'), wo('b')]);
    const mirror = workOrderMirror(db, ['plant-a']);
    const first = await nextAnswer(mirror);
    expect(first).toHaveLength(2);
    const broken = db.table('workOrders');
    const bulkGet = broken.bulkGet.bind(broken);
    broken.bulkGet = (() => Promise.reject(new Error('disk full'))) as unknown as typeof broken.bulkGet;
    const failed = nextAnswer(mirror);
    await db.workOrders.put(wo('c'));
    await failed;
    expect(mirror.error).toEqual(new Error('disk full'));
    expect(mirror.getSnapshot()).toBe(first);
    broken.bulkGet = bulkGet;
    const stop = mirror.subscribe(() => undefined);
    await db.workOrders.put(wo('d'));
    expect((await settled(mirror, db)).map((record) => record.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(mirror.error).toBeNull();
    stop();
    mirror.dispose();
  });
});
