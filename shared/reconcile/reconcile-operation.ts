import { isCreateAction, type FieldConflict, type FieldValue, type OutboxOperation, type SentAs } from '../domain/outbox-operation';

/** What to do with an operation given the record as upstream has it now. */
export type Reconciliation =
  | { outcome: 'send'; changes: Record<string, FieldValue> }
  | { outcome: 'conflict'; conflicts: FieldConflict[] }
  /** Upstream no longer has the record. */
  | { outcome: 'gone' };

/** Display fields that follow a changed field (a status name and the completion date it implies follow its key). */
const displayOf: Readonly<Record<string, readonly string[]>> = { statusKey: ['status', 'completedAt'] };

/** Upstream's values of the display fields that follow `field`; undefined when none do. */
function shownWith(field: string, upstream: Record<string, unknown>): Record<string, FieldValue> | undefined {
  const followers = displayOf[field];
  return followers ? Object.fromEntries(followers.map((shown) => [shown, asFieldValue(upstream[shown])])) : undefined;
}

const isInstantField = (field: string) => field.endsWith('At') || field.endsWith('Date');

/**
 * Upstream answers may spell one value differently from how it was sent ("5" for 5,
 * "…:00.000Z" for "…:00Z"); compare meanings, not spellings.
 */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
  const left = a === undefined || a === '' ? null : a;
  const right = b === undefined || b === '' ? null : b;
  if (left === null || right === null) return left === right;
  if (isInstantField(field) && typeof left === 'string' && typeof right === 'string') {
    const l = Date.parse(left);
    const r = Date.parse(right);
    if (!Number.isNaN(l) && !Number.isNaN(r)) return l === r;
  }
  if (typeof left === 'number' || typeof right === 'number') return Number(left) === Number(right);
  return left === right;
}

const asFieldValue = (value: unknown): FieldValue =>
  typeof value === 'string' || typeof value === 'number' ? value : value === null || value === undefined ? null : JSON.stringify(value);

/**
 * Field-by-field three-way merge of one edit against the current upstream record. A field
 * upstream still holds at its base value (or already at ours) is ours to send; a field upstream
 * moved elsewhere is a conflict. Fields the edit did not touch are upstream's: the write only
 * carries the edit's own fields, so upstream changes to others are kept as they are.
 *
 * `later` are the record's edits queued after this one. A field upstream already holds at the
 * value one of them sets is no conflict either: that later edit reached upstream before a crash
 * (or someone chose the same value), and it is sent after this one, so the record ends as the
 * supervisor left it.
 */
export function reconcileOperation(operation: OutboxOperation, upstream: Record<string, unknown> | null, later: readonly OutboxOperation[] = []): Reconciliation {
  if (isCreateAction(operation.action)) {
    return { outcome: 'send', changes: operation.changes };
  }
  if (!upstream || upstream.deletedAt) return { outcome: 'gone' };
  const conflicts: FieldConflict[] = [];
  for (const [field, mine] of Object.entries(operation.changes)) {
    const theirs = upstream[field];
    const base = operation.base[field] ?? null;
    if (sameValue(field, theirs, base) || sameValue(field, theirs, mine)) continue;
    if (later.some((next) => Object.hasOwn(next.changes, field) && sameValue(field, theirs, next.changes[field]))) continue;
    const theirsShown = shownWith(field, upstream);
    conflicts.push({ field, base, mine, theirs: asFieldValue(theirs), theirsUpdatedAt: String(upstream.updatedAt ?? ''), ...(theirsShown ? { theirsShown } : {}) });
  }
  return conflicts.length > 0 ? { outcome: 'conflict', conflicts } : { outcome: 'send', changes: operation.changes };
}

/**
 * An operation's conflicts against a newer upstream version read while they wait for the user:
 * "theirs" is what upstream holds now, so keeping theirs keeps its latest value and keeping mine
 * is sent over it. Null when none of their values moved.
 */
export function conflictsAgainst(operation: OutboxOperation, upstream: Record<string, unknown>): FieldConflict[] | null {
  let moved = false;
  const conflicts = operation.conflicts.map((conflict) => {
    const theirs = asFieldValue(upstream[conflict.field]);
    const theirsShown = shownWith(conflict.field, upstream);
    if (theirs === conflict.theirs && JSON.stringify(theirsShown) === JSON.stringify(conflict.theirsShown)) return conflict;
    moved = true;
    return { ...conflict, theirs, theirsUpdatedAt: String(upstream.updatedAt ?? ''), ...(theirsShown ? { theirsShown } : {}) };
  });
  return moved ? conflicts : null;
}

/** How the user settles an operation's conflicts: keep mine, take theirs, or enter new values. */
export type ConflictChoice =
  | { keep: 'mine' }
  | { keep: 'theirs' }
  /** New values for the conflicting fields, with the display fields that follow them and how the system takes them. */
  | { edit: Record<string, FieldValue>; display?: Record<string, FieldValue>; sendAs?: Record<string, SentAs> };

/**
 * The operation after the user's choice: back to `pending` with upstream's values as its new
 * base (so it is sent over them) and a new Idempotency-Key, or `done` when taking theirs leaves
 * nothing to send.
 */
export function resolveConflict(operation: OutboxOperation, choice: ConflictChoice, idempotencyKey: string): OutboxOperation {
  const changes = { ...operation.changes };
  const base = { ...operation.base };
  const display = { ...operation.display };
  const sendAs = { ...operation.sendAs };
  for (const conflict of operation.conflicts) {
    if ('keep' in choice && choice.keep === 'theirs') {
      delete changes[conflict.field];
      delete base[conflict.field];
      delete sendAs[conflict.field];
      for (const shown of displayOf[conflict.field] ?? []) delete display[shown];
      continue;
    }
    base[conflict.field] = conflict.theirs;
    if ('edit' in choice && Object.hasOwn(choice.edit, conflict.field)) {
      changes[conflict.field] = choice.edit[conflict.field]!;
      // A new value is taken as the system takes it, or as it is when the edit says nothing.
      const sent = choice.sendAs?.[conflict.field];
      if (sent) sendAs[conflict.field] = sent;
      else delete sendAs[conflict.field];
    }
  }
  if ('edit' in choice) Object.assign(display, choice.display);
  const nothingLeft = Object.keys(changes).length === 0;
  const resolved: OutboxOperation = { ...operation, sendAs, changes, base, display, conflicts: [], error: null, state: nothingLeft ? 'done' : 'pending', ...(nothingLeft ? {} : { idempotencyKey }) };
  if (Object.keys(sendAs).length === 0) delete resolved.sendAs;
  return resolved;
}
