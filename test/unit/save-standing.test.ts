import { describe, expect, it } from 'vitest';
import type { OutboxOperation, OutboxState } from '../../shared/domain/outbox-operation';
import { saveStanding, type SavedHere } from '../../renderer/features/board/save-standing';

const plant = 'North Plant';

function operation(id: string, state: OutboxState): OutboxOperation {
  return {
    id,
    connectionId: 'c',
    action: 'updateWorkOrder',
    entity: 'workOrders',
    key: 'wo-1',
    baseUpdatedAt: '2026-11-01T10:00:00Z',
    changes: { severity: 'Critical' },
    base: { severity: 'Low' },
    display: {},
    createdAt: '2026-11-02T10:00:00Z',
    attempts: 0,
    state,
    error: null,
    conflicts: [],
  };
}
const savedHere = (...operationIds: string[]): SavedHere => ({ what: 'changes', operationIds, seen: new Map() });

describe('how a save made in the drawer stands', () => {
  it('says "saved here", not "sent", while the live read of the outbox has not caught up with the save', () => {
    // The failure of a loaded run: the drawer rendered the save before its read of the outbox held
    // the new operation, and took the missing operation for one done and pruned.
    const saved = savedHere('op-1');
    expect(saveStanding(saved, [], plant)).toMatchObject({ state: 'waiting', text: `Changes saved here; sent to ${plant} when it can be reached.` });
    expect(saveStanding(saved, [operation('op-1', 'sending')], plant)).toMatchObject({ state: 'sending' });
    expect(saveStanding(saved, [operation('op-1', 'done')], plant)).toMatchObject({ state: 'sent', text: `Sent to ${plant}.` });
  });

  it('keeps "sent" for an operation pruned after it was done', () => {
    const saved = savedHere('op-1');
    saveStanding(saved, [operation('op-1', 'done')], plant);
    expect(saveStanding(saved, [], plant)).toMatchObject({ state: 'sent' });
  });

  it('says nothing of a save whose operation was discarded while still owed to the plant', () => {
    const saved = savedHere('op-1', 'op-2');
    saveStanding(saved, [operation('op-1', 'pending'), operation('op-2', 'pending')], plant);
    expect(saveStanding(saved, [operation('op-2', 'pending')], plant)).toBeNull();
  });

  it('is sent only when every operation of the save is done', () => {
    const saved = savedHere('op-1', 'op-2');
    expect(saveStanding(saved, [operation('op-1', 'done')], plant)).toMatchObject({ state: 'waiting' });
    expect(saveStanding(saved, [operation('op-1', 'done'), operation('op-2', 'sending')], plant)).toMatchObject({ state: 'sending' });
    expect(saveStanding(saved, [operation('op-1', 'done'), operation('op-2', 'conflict')], plant)).toMatchObject({ state: 'conflict', tone: 'warning' });
    expect(saveStanding(saved, [operation('op-1', 'done'), operation('op-2', 'done')], plant)).toMatchObject({ state: 'sent' });
  });
});
