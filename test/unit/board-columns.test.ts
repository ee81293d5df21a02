import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../shared/domain/work-order-status';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { buildBoardColumns, updateBoardColumns } from '../../renderer/features/board/board-columns';

const status = (key: string, name: string, isActive = true): WorkOrderStatus => ({ connectionId: 'a', key, name, code: null, isActive, updatedAt: '2026-11-01T00:00:00Z', deletedAt: null });
const statuses = [status('s1', 'Requested'), status('s2', 'Scheduled'), status('s3', 'In Progress'), status('s4', 'Completed'), status('s5', 'On hold', false)];

let serial = 0;
function wo(key: string, random: SeededRandom): WorkOrder {
  serial += 1;
  return {
    connectionId: 'a', key, code: `WO-${String(serial).padStart(6, '0')}`, title: key,
    // Now and then a status the table does not know (the "other" column) or the inactive one.
    statusKey: random.pick(['s1', 's2', 's3', 's4', 's1', 's2', 's3', 's4', 's5', 'zz']),
    status: null, siteKey: null, locationKey: null, assetKey: null, teamKey: null, laborAssignedKey: null, pmKey: null, serviceRequestKey: null, estimatedTime: null, actualTime: null, completionRemarks: null, severity: null, notes: null,
    scheduledAt: null, dueAt: random.next() < 0.1 ? null : `2026-12-${String(random.int(1, 9)).padStart(2, '0')}T00:00:00Z`,
    completedAt: null, createdAt: null, tasks: [], updatedAt: '2026-11-01T00:00:00Z', deletedAt: null,
  };
}

const shape = (columns: ReturnType<typeof buildBoardColumns>) => columns.map((column) => ({ id: column.id, name: column.name, keys: column.workOrders.map((w) => w.key) }));

describe('updateBoardColumns', () => {
  it('gives the columns a fresh build gives, through changes, removals, additions, columns coming and going, and lists out of order', () => {
    const random = new SeededRandom(3);
    const records = new Map<string, WorkOrder>();
    for (let i = 0; i < 300; i += 1) records.set(`k${i}`, wo(`k${i}`, random));
    let built: ReturnType<typeof updateBoardColumns> | null = null;
    let updatedInPlace = 0;
    for (let round = 0; round < 200; round += 1) {
      const changes = random.int(0, round % 10 === 0 ? 120 : 6);
      for (let i = 0; i < changes; i += 1) {
        const key = `k${random.int(0, 340)}`;
        if (random.next() < 0.2) records.delete(key);
        else records.set(key, wo(key, random));
      }
      // In the cache's order (changed records in place, new ones last), and now and then shuffled.
      const workOrders = [...records.values()];
      if (round % 5 === 4) workOrders.sort(() => random.next() - 0.5);
      const next = updateBoardColumns(built, statuses, workOrders);
      expect(shape(next.columns), `round ${round}`).toEqual(shape(buildBoardColumns(statuses, workOrders)));
      if (built && next.columns.some((column, index) => column === built!.columns[index])) updatedInPlace += 1;
      built = next;
    }
    // Most rounds changed a few records: those kept the columns nothing happened in.
    expect(updatedInPlace).toBeGreaterThan(100);
  });

  it('keeps every column object when nothing changed, and builds anew for a new status table', () => {
    const random = new SeededRandom(5);
    const workOrders = Array.from({ length: 50 }, (_, i) => wo(`k${i}`, random));
    const first = updateBoardColumns(null, statuses, workOrders);
    const same = updateBoardColumns(first, statuses, [...workOrders]);
    expect(same.columns.every((column, index) => column === first.columns[index])).toBe(true);
    const renamed = statuses.map((s) => (s.key === 's2' ? { ...s, name: 'Planned' } : s));
    expect(shape(updateBoardColumns(first, renamed, workOrders).columns)).toEqual(shape(buildBoardColumns(renamed, workOrders)));
  });
});
