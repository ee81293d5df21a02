import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkOrderStatus } from '../../shared/domain/work-order-status';
import { buildBoardColumns } from '../../renderer/features/board/board-columns';
import { readBoardFirstLook } from '../../renderer/features/board/board-first-look';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { createTestDb } from '../support/test-db';
import { workOrderRecord } from '../support/work-order-record';

const connections = ['north', 'south'] as const;
const stamp = '2026-12-01T00:00:00Z';
const status = (connectionId: string, key: string, name: string, isActive = true): WorkOrderStatus => ({ connectionId, key, name, code: null, isActive, updatedAt: stamp, deletedAt: null });
/** Two plants whose tables share names (one in other case), an inactive status, and keys no table names. */
const statuses: WorkOrderStatus[] = [
  status('north', 'n-open', 'Open'),
  status('north', 'n-wip', 'In progress'),
  status('north', 'n-done', 'Completed'),
  status('north', 'n-old', 'Deferred', false),
  status('south', 's-open', 'OPEN'),
  status('south', 's-wip', 'In progress'),
  status('south', 's-hold', 'On hold', false),
];
const statusKeys = [...statuses.map((s) => s.key), 'unknown', null];
/** Few distinct instants, so many work orders are due at the same moment as the last card of a window. */
const dues = [null, '2026-12-01T08:00:00Z', '2026-12-02T08:00:00Z', '2026-12-02T08:00:00.500Z', '2026-12-03T08:00:00Z'];

let db: MillwrightDb;
afterEach(() => db?.close());

describe('the board’s first look, read through indexes', () => {
  it('gives every column of the full board, its count, and its first cards in the board’s order', async () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.log(`board first look property: seed ${seed} (FC_SEED=${seed} repeats it)`);
    const workOrder = fc.record({
      connection: fc.constantFrom(...connections),
      statusKey: fc.constantFrom(...statusKeys),
      dueAt: fc.constantFrom(...dues),
      code: fc.integer({ min: 0, max: 999 }).map((n) => `WO-${String(n).padStart(3, '0')}`),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(workOrder, { minLength: 20, maxLength: 150, size: 'max' }), fc.integer({ min: 1, max: 8 }), fc.subarray([...connections], { minLength: 1 }), async (drawn, perColumn, shown) => {
        db = createTestDb();
        const records = drawn.map((w, index) => workOrderRecord(`k${index}`, { statusKey: w.statusKey, dueAt: w.dueAt, code: `${w.code}-${index}` }, w.connection));
        await db.workOrderStatuses.bulkPut(statuses);
        await db.workOrders.bulkPut(records);
        const look = await readBoardFirstLook(db, shown, perColumn);
        db.close();
        if (!look) throw new Error('no first look without a minimum');

        const shownStatuses = statuses.filter((s) => shown.includes(s.connectionId as (typeof connections)[number]));
        const full = buildBoardColumns(shownStatuses, records.filter((r) => shown.includes(r.connectionId as (typeof connections)[number])));
        const id = (w: { connectionId: string; key: string }) => `${w.connectionId}/${w.key}`;
        expect(look.columns.map((c) => ({ id: c.id, name: c.name, count: c.count, cards: c.workOrders.map(id) }))).toEqual(
          full.map((c) => ({ id: c.id, name: c.name, count: c.workOrders.length, cards: c.id === '(other)' ? [] : c.workOrders.slice(0, perColumn).map(id) })),
        );
        expect(look.total).toBe(full.reduce((sum, c) => sum + c.workOrders.length, 0));
      }),
      { seed, numRuns: 60 },
    );
  });

  it('answers nothing, after counting, below the size asked for, and the whole look from it', async () => {
    db = createTestDb();
    await db.workOrderStatuses.bulkPut(statuses);
    await db.workOrders.bulkPut([
      workOrderRecord('a', { statusKey: 'n-open', dueAt: dues[1]!, code: 'WO-1' }, 'north'),
      workOrderRecord('b', { statusKey: 'n-wip', dueAt: null, code: 'WO-2' }, 'north'),
      workOrderRecord('c', { statusKey: 's-open', dueAt: dues[2]!, code: 'WO-3' }, 'south'),
    ]);
    expect(await readBoardFirstLook(db, ['north', 'south'], 4, 4)).toBeNull();
    expect(await readBoardFirstLook(db, ['north'], 4, 3)).toBeNull();
    const look = await readBoardFirstLook(db, ['north', 'south'], 4, 3);
    expect(look?.total).toBe(3);
    expect(look?.columns.map((column) => [column.name, column.count])).toEqual([['Open', 2], ['In progress', 1], ['Completed', 0]]);
  });
});
