import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../shared/connection-view';
import { readOnlyWriteCapabilities, writeCapabilities } from '../../shared/write-capabilities';
import type { WorkOrder } from '../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../shared/domain/work-order-status';
import { buildBoardColumns, columnId } from '../../renderer/features/board/board-columns';
import { boardCsv } from '../../renderer/features/board/board-csv';
import { decideMove } from '../../renderer/features/board/board-moves';

const status = (connectionId: string, key: string, name: string, isActive = true): WorkOrderStatus => ({
  connectionId, key, name, code: null, isActive, updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null,
});
const statuses = [
  status('a', 's1', 'Approved'), status('a', 's2', 'In progress'), status('a', 's3', 'Closed'), status('a', 's4', 'Completed'),
  status('b', 't1', 'Approved'),
];
const wo = (fields: Partial<WorkOrder>): WorkOrder => ({
  connectionId: 'a', key: 'k1', code: 'WO-1', title: 'Fix pump', statusKey: 's1', status: 'Approved', siteKey: null, locationKey: null, assetKey: null,
  teamKey: null, laborAssignedKey: null, pmKey: null, serviceRequestKey: null, estimatedTime: null, actualTime: null, completionRemarks: null, severity: null, notes: null, scheduledAt: null, dueAt: null, completedAt: null,
  createdAt: null, tasks: [], updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null, ...fields,
});
const plant = (fields: Partial<ConnectionView>) => ({ id: 'a', name: 'North', state: 'active', provider: 'demo-plant', writes: writeCapabilities('demo-plant'), ...fields }) as ConnectionView;
const col = (name: string) => ({ id: columnId(name), name });

describe('decideMove', () => {
  it('takes the status of that name in the card\'s own plant', () => {
    expect(decideMove(wo({}), col('In progress'), statuses, plant({}))).toEqual({ ok: true, status: statuses[1] });
  });

  it('does nothing for a drop on its own column', () => {
    expect(decideMove(wo({}), col('Approved'), statuses, plant({}))).toEqual({ ok: 'same' });
  });

  it('refuses, with the reason, what the plant, its system or the workflow does not allow', () => {
    expect(decideMove(wo({ connectionId: 'b', statusKey: 't1' }), col('In progress'), statuses, plant({ id: 'b', name: 'South' }))).toEqual({
      ok: false, reason: 'South has no status called “In progress”.',
    });
    expect(decideMove(wo({}), col('In progress'), statuses, plant({ state: 'disconnected' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/disconnected/) });
    expect(decideMove(wo({ statusKey: 's3' }), col('In progress'), statuses, plant({}))).toMatchObject({ ok: false, reason: expect.stringMatching(/^Closed work orders are final/) });
    expect(decideMove(wo({}), col('Closed'), statuses, plant({}))).toMatchObject({ ok: false, reason: expect.stringMatching(/Only completed work/) });
    expect(decideMove(wo({}), { id: '(other)', name: 'Other status' }, statuses, plant({}))).toMatchObject({ ok: false });
    // A connection that only reads (an export file) takes no move, whatever its workflow allows.
    expect(decideMove(wo({}), col('In progress'), statuses, plant({ writes: readOnlyWriteCapabilities('An export file') }))).toEqual({ ok: false, reason: 'An export file does not accept status changes from Millwright.' });
  });
});

describe('boardCsv', () => {
  it('writes the filtered board column by column with names for keys, as RFC 4180 CSV', () => {
    const columns = buildBoardColumns(statuses, [
      wo({ key: 'k1', code: 'WO-2', title: 'Seal, "north" pump', siteKey: 'n', laborAssignedKey: 'ann', dueAt: '2000-01-01T00:00:00.000Z' }),
      wo({ key: 'k2', code: 'WO-3', statusKey: 's2', title: '=cmd' }),
    ]);
    const names = {
      plants: new Map([['a', 'North']]),
      sites: new Map([['a\u0000n', 'North site']]),
      assets: new Map<string, string>(),
      teams: new Map<string, string>(),
      labors: new Map([['a\u0000ann', 'Ann Lee']]),
    };
    const lines = boardCsv(columns, names, (_c, key) => key === 'k2', () => true, Date.parse('2026-01-01T00:00:00.000Z')).split('\r\n');
    expect(lines[0]).toBe('Code,Title,Status,Plant,Site,Asset,Team,Assignee,Severity,Scheduled,Due,Completed,Created,Overdue,Unsent edits');
    expect(lines[1]).toMatch(/^WO-2,"Seal, ""north"" pump",Approved,North,North site,,,Ann Lee,,,\d{4}-\d{2}-\d{2} \d{2}:\d{2},,,yes,no$/);
    expect(lines[2]).toBe("WO-3,'=cmd,In progress,North,,,,,,,,,,no,yes");
    expect(lines).toHaveLength(4); // and the last CRLF
  });
});
