import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../shared/domain/work-order';
import type { WorkOrderStatus } from '../../shared/domain/work-order-status';
import { completedAtOf, completionAfterStatusChange, isOverdue, openTest } from '../../shared/domain/work-order-state';

const now = Date.parse('2026-09-10T12:00:00Z');
const status = (key: string, name: string, connectionId = 'a'): WorkOrderStatus => ({ connectionId, key, name, code: null, isActive: true, updatedAt: '2026-01-01T00:00:00Z', deletedAt: null });
const statuses = [status('s-hold', 'On hold'), status('s-done', 'Completed'), status('s-closed', 'Closed'), status('s-cancel', 'Cancelled'), status('s-new', 'Waiting for approval')];
const wo = (fields: Partial<Pick<WorkOrder, 'connectionId' | 'statusKey' | 'status' | 'completedAt' | 'dueAt'>>) => ({
  connectionId: 'a', statusKey: null, status: null, completedAt: null, dueAt: null, ...fields,
});

describe('open and overdue: one definition', () => {
  const isOpen = openTest(statuses);

  it('goes by the status: a reopened work order is open and overdue when past due, whatever completion date it kept', () => {
    const reopened = wo({ statusKey: 's-hold', completedAt: '2026-09-06T10:00:00Z', dueAt: '2026-09-08T00:00:00Z' });
    expect(isOpen(reopened)).toBe(true);
    expect(isOverdue(reopened, isOpen(reopened), now)).toBe(true);
    expect(completedAtOf(reopened, isOpen(reopened))).toBeNull();
  });

  it('counts completed, closed and cancelled work as done, never overdue', () => {
    for (const key of ['s-done', 's-closed', 's-cancel']) {
      const done = wo({ statusKey: key, dueAt: '2026-09-01T00:00:00Z', completedAt: '2026-09-02T00:00:00Z' });
      expect(isOpen(done)).toBe(false);
      expect(isOverdue(done, isOpen(done), now)).toBe(false);
      expect(completedAtOf(done, false)).toBe('2026-09-02T00:00:00Z');
    }
  });

  it('reads the status name the work order carries when the cached table lacks its status, and the completion date when there is neither', () => {
    expect(isOpen(wo({ statusKey: 'unknown', status: 'Completed' }))).toBe(false);
    expect(isOpen(wo({ statusKey: 'unknown', status: 'In progress' }))).toBe(true);
    expect(openTest([])(wo({ statusKey: 's-hold', status: 'On hold' }))).toBe(true);
    expect(isOpen(wo({ statusKey: null, status: null }))).toBe(true);
    expect(isOpen(wo({ statusKey: null, status: null, completedAt: '2026-09-02T00:00:00Z' }))).toBe(false);
    // Another plant's table does not speak for this one's keys.
    expect(openTest([status('s-done', 'Completed', 'b')])(wo({ statusKey: 's-done', status: null }))).toBe(true);
  });

  it('is not overdue without a due date, with one that cannot be read, or with one still to come', () => {
    expect(isOverdue(wo({}), true, now)).toBe(false);
    expect(isOverdue(wo({ dueAt: 'garbage' }), true, now)).toBe(false);
    expect(isOverdue(wo({ dueAt: '2026-09-10T12:00:01Z' }), true, now)).toBe(false);
    expect(isOverdue(wo({ dueAt: '2026-09-10T11:59:59Z' }), true, now)).toBe(true);
  });
});

describe('what a status change does to completion', () => {
  const nowIso = '2026-09-10T12:00:00.000Z';
  it('clears it when completed work is reopened', () => {
    expect(completionAfterStatusChange({ completedAt: '2026-09-06T10:00:00Z' }, { name: 'On hold' }, nowIso)).toEqual({ completedAt: null });
    expect(completionAfterStatusChange({ completedAt: '2026-09-06T10:00:00Z' }, { name: 'In progress' }, nowIso)).toEqual({ completedAt: null });
  });

  it('stamps it when work is completed or closed without one, and leaves a cancellation or an existing date alone', () => {
    expect(completionAfterStatusChange({ completedAt: null }, { name: 'Completed' }, nowIso)).toEqual({ completedAt: nowIso });
    expect(completionAfterStatusChange({ completedAt: null }, { name: 'Closed' }, nowIso)).toEqual({ completedAt: nowIso });
    expect(completionAfterStatusChange({ completedAt: null }, { name: 'Cancelled' }, nowIso)).toEqual({});
    expect(completionAfterStatusChange({ completedAt: '2026-09-06T10:00:00Z' }, { name: 'Closed' }, nowIso)).toEqual({});
    expect(completionAfterStatusChange({ completedAt: null }, { name: 'Scheduled' }, nowIso)).toEqual({});
  });
});
