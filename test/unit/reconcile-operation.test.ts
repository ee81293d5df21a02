import { describe, expect, it } from 'vitest';
import type { OutboxOperation } from '../../shared/domain/outbox-operation';
import { reconcileOperation, resolveConflict, sameValue } from '../../shared/reconcile/reconcile-operation';

function edit(changes: OutboxOperation['changes'], base: OutboxOperation['base'], extra: Partial<OutboxOperation> = {}): OutboxOperation {
  return {
    id: 'op-0001',
    connectionId: 'c',
    action: 'updateWorkOrder',
    entity: 'workOrders',
    key: 'wo-1',
    baseUpdatedAt: '2026-11-01T10:00:00Z',
    changes,
    base,
    display: {},
    createdAt: '2026-11-02T10:00:00Z',
    attempts: 0,
    state: 'pending',
    error: null,
    conflicts: [],
    ...extra,
  };
}

const upstream = (fields: Record<string, unknown>) => ({ key: 'wo-1', updatedAt: '2026-11-03T08:00:00Z', deletedAt: null, ...fields });

describe('reconcileOperation', () => {
  it('sends an edit whose fields upstream left alone, whatever else upstream changed', () => {
    const op = edit({ severity: 'High' }, { severity: 'Low' });
    expect(reconcileOperation(op, upstream({ severity: 'Low', title: 'Changed upstream', notes: 'theirs' }))).toEqual({
      outcome: 'send',
      changes: { severity: 'High' },
    });
  });

  it('finds a conflict when upstream moved the same field somewhere else, with both values and upstream time', () => {
    const op = edit({ severity: 'High', notes: 'mine' }, { severity: 'Low', notes: null });
    expect(reconcileOperation(op, upstream({ severity: 'Medium', notes: null }))).toEqual({
      outcome: 'conflict',
      conflicts: [{ field: 'severity', base: 'Low', mine: 'High', theirs: 'Medium', theirsUpdatedAt: '2026-11-03T08:00:00Z' }],
    });
  });

  it('is no conflict when upstream already holds my value (an earlier send whose answer was lost)', () => {
    const op = edit({ scheduledAt: '2026-12-01T08:00:00Z' }, { scheduledAt: null });
    expect(reconcileOperation(op, upstream({ scheduledAt: '2026-12-01T08:00:00.000Z' })).outcome).toBe('send');
  });

  it('is no conflict when upstream holds what a later edit of mine sets (both landed before a crash)', () => {
    const first = edit({ scheduledAt: '2026-11-30T09:00:00Z' }, { scheduledAt: '2026-12-05T02:00:00Z' });
    const second = edit({ scheduledAt: '2026-12-12T13:00:00Z' }, { scheduledAt: '2026-11-30T09:00:00Z' }, { id: 'op-0002' });
    const holding = upstream({ scheduledAt: '2026-12-12T13:00:00Z' });
    expect(reconcileOperation(first, holding, [second]).outcome).toBe('send');
    // Without the later edit it is a clash: upstream moved the field where this desktop never put it.
    expect(reconcileOperation(first, holding).outcome).toBe('conflict');
    expect(reconcileOperation(first, upstream({ scheduledAt: '2026-12-20T08:00:00Z' }), [second]).outcome).toBe('conflict');
  });

  it('says gone when upstream deleted the record, and always sends creates', () => {
    expect(reconcileOperation(edit({ severity: 'High' }, { severity: 'Low' }), null)).toEqual({ outcome: 'gone' });
    expect(reconcileOperation(edit({ severity: 'High' }, { severity: 'Low' }), upstream({ deletedAt: '2026-11-03T08:00:00Z' }))).toEqual({ outcome: 'gone' });
    const create = edit({ title: 'Pump leak', siteKey: 's1' }, {}, { action: 'createWorkOrder', key: 'local:1' });
    expect(reconcileOperation(create, null)).toEqual({ outcome: 'send', changes: { title: 'Pump leak', siteKey: 's1' } });
  });
});

describe('sameValue', () => {
  it('compares meanings, not spellings', () => {
    expect(sameValue('quantity', 5, '5')).toBe(true);
    expect(sameValue('quantity', 5, '6')).toBe(false);
    expect(sameValue('dueAt', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(sameValue('notes', '', null)).toBe(true);
    expect(sameValue('notes', 'a', null)).toBe(false);
  });
});

describe('resolveConflict', () => {
  const conflicted = edit({ statusKey: 'st-2', severity: 'High' }, { statusKey: 'st-1', severity: 'Low' }, {
    state: 'conflict',
    display: { status: 'In progress' },
    conflicts: [{ field: 'statusKey', base: 'st-1', mine: 'st-2', theirs: 'st-3', theirsUpdatedAt: '2026-11-03T08:00:00Z' }],
  });

  it('keeping mine sends mine over theirs: theirs becomes the base', () => {
    const resolved = resolveConflict(conflicted, { keep: 'mine' }, 'key-2');
    expect(resolved).toMatchObject({ state: 'pending', changes: { statusKey: 'st-2', severity: 'High' }, base: { statusKey: 'st-3' }, conflicts: [] });
    // Sent again as a new request: its first may have been applied before a crash, and would be answered instead.
    expect(resolved.idempotencyKey).toBe('key-2');
    expect(reconcileOperation(resolved, upstream({ statusKey: 'st-3', severity: 'Low' })).outcome).toBe('send');
  });

  it('taking theirs drops the field and what is shown with it, and sends the rest', () => {
    const resolved = resolveConflict(conflicted, { keep: 'theirs' }, 'key-2');
    expect(resolved).toMatchObject({ state: 'pending', changes: { severity: 'High' }, display: {} });
    const onlyField = edit({ statusKey: 'st-2' }, { statusKey: 'st-1' }, { state: 'conflict', conflicts: conflicted.conflicts });
    const settled = resolveConflict(onlyField, { keep: 'theirs' }, 'key-2');
    expect(settled.state).toBe('done');
    // Nothing more is sent, so it needs no new Idempotency-Key.
    expect(settled).not.toHaveProperty('idempotencyKey');
  });

  it('an edit sends the new value over theirs', () => {
    const resolved = resolveConflict(conflicted, { edit: { statusKey: 'st-4' }, display: { status: 'On hold' } }, 'key-2');
    expect(resolved).toMatchObject({ state: 'pending', changes: { statusKey: 'st-4' }, base: { statusKey: 'st-3' }, display: { status: 'On hold' } });
  });

  describe('an assignee the system takes as a user account (MaintainX)', () => {
    const assigned = edit({ laborAssignedKey: 'lab-2' }, { laborAssignedKey: 'lab-1' }, {
      state: 'conflict',
      sendAs: { laborAssignedKey: { field: 'userAssignedKey', value: 'usr-2' } },
      conflicts: [{ field: 'laborAssignedKey', base: 'lab-1', mine: 'lab-2', theirs: 'lab-3', theirsUpdatedAt: '2026-11-03T08:00:00Z' }],
    });

    it('keeping mine keeps how it is sent; taking theirs drops it with the field', () => {
      expect(resolveConflict(assigned, { keep: 'mine' }, 'key-2').sendAs).toEqual({ laborAssignedKey: { field: 'userAssignedKey', value: 'usr-2' } });
      expect(resolveConflict(assigned, { keep: 'theirs' }, 'key-2')).not.toHaveProperty('sendAs');
    });

    it('an edit is sent as the edit says, never with the old value\'s user account', () => {
      const withUser = resolveConflict(assigned, { edit: { laborAssignedKey: 'lab-4' }, sendAs: { laborAssignedKey: { field: 'userAssignedKey', value: 'usr-4' } } }, 'key-2');
      expect(withUser).toMatchObject({ changes: { laborAssignedKey: 'lab-4' }, sendAs: { laborAssignedKey: { value: 'usr-4' } } });
      expect(resolveConflict(assigned, { edit: { laborAssignedKey: 'lab-4' } }, 'key-2')).not.toHaveProperty('sendAs');
    });
  });
});
