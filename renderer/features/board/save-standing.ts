import type { OutboxOperation, OutboxState } from '../../../shared/domain/outbox-operation';

export type SaveState = 'waiting' | 'sending' | 'sent' | 'conflict' | 'rejected';

/**
 * A save made in this drawer: what it was, the operations it queued, and the state each was last
 * seen in. The drawer's live read of the outbox can lag the save by a render or more, so an
 * operation not seen yet was only just queued; one gone after it was done was pruned as old; one
 * gone while still owed to the plant was discarded, and nothing more is said of it.
 */
export interface SavedHere {
  what: 'changes' | 'note' | 'parts' | 'files';
  operationIds: string[];
  seen: Map<string, OutboxState>;
}

/**
 * How the last save here stands, from its operations in the outbox: saved here and waiting, on
 * its way, in the plant's system, or stopped there; null once it was discarded.
 */
export function saveStanding(saved: SavedHere, operations: readonly OutboxOperation[], plant: string): { state: SaveState; tone: 'ok' | 'info' | 'warning'; text: string } | null {
  const states = saved.operationIds.map((id): OutboxState | 'discarded' => {
    const state = operations.find((operation) => operation.id === id)?.state;
    if (state) {
      saved.seen.set(id, state);
      return state;
    }
    const last = saved.seen.get(id);
    return last === undefined ? 'pending' : last === 'done' ? 'done' : 'discarded';
  });
  if (states.includes('discarded')) return null;
  const what = { changes: 'Changes', note: 'Note', parts: 'Parts', files: 'Files' }[saved.what];
  if (states.includes('conflict')) return { state: 'conflict', tone: 'warning', text: `${what} saved here, but ${plant} changed the same fields meanwhile: decide which stands on the Pending changes page.` };
  if (states.includes('rejected')) return { state: 'rejected', tone: 'warning', text: `${plant} refused the ${what.toLowerCase()}: fix or discard them on the Pending changes page.` };
  if (states.every((state) => state === 'done')) return { state: 'sent', tone: 'ok', text: `${what === 'Changes' ? 'Sent' : `${what} sent`} to ${plant}.` };
  if (states.includes('sending')) return { state: 'sending', tone: 'info', text: `${what} saved here; sending to ${plant}…` };
  return { state: 'waiting', tone: 'info', text: `${what} saved here; sent to ${plant} when it can be reached.` };
}
