import { isCreateAction, isLocalKey, type FieldValue, type OutboxOperation, type WriteAction } from '../../shared/domain/outbox-operation';

/** One edit a supervisor made, as the simulation saw it made, and what became of it. */
export interface LedgerEdit {
  id: string;
  client: string;
  action: WriteAction;
  entity: OutboxOperation['entity'];
  /** Made on a record this desktop created offline and the plant had not answered yet. */
  onLocalRecord: boolean;
  /** The fields and values the supervisor chose (after settling a conflict, what is still to send). */
  changes: Record<string, FieldValue>;
  /** What the supervisor's screen showed for those fields when the edit was made. */
  base: Record<string, FieldValue>;
  /** The Idempotency-Keys its writes carried, oldest first: its id, then one more each time a settled conflict sent it again. */
  keys: string[];
  /** The outbox state last seen (done operations are pruned in time, so it is kept here). */
  state: OutboxOperation['state'] | 'discarded';
  conflictsSurfaced: number;
  /** The conflict choices made, in order. */
  resolutions: ('mine' | 'theirs' | 'edit')[];
  /** Every field of the edit's conflicts was settled "theirs": nothing was left to send. */
  settledTheirs: boolean;
  /** Sent (or about to be) when its desktop crashed: the plant may have applied it before the crash. */
  inFlightAtCrash: boolean;
  /** The refusal's message, for an edit the plant refused. */
  refusal: string | null;
  /** Upstream had changed the record since the edit was made, but none of the edit's fields: merged. */
  merged: boolean;
}

/** A value as it means, not as it is spelled: times as instants, numbers as numbers, blanks as null. */
export function meaning(field: string, value: unknown): string | number | null {
  if (value === undefined || value === null || value === '') return null;
  if ((field.endsWith('At') || field.endsWith('Date')) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && field.toLowerCase().includes('quantity')) return Number(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const same = (field: string, a: unknown, b: unknown) => meaning(field, a) === meaning(field, b);

/** The week's edits, by operation id; the source of truth the invariants are checked against. */
export class EditLedger {
  readonly edits = new Map<string, LedgerEdit>();

  add(client: string, operation: OutboxOperation, base: Record<string, FieldValue>, changes: Record<string, FieldValue>): LedgerEdit {
    const edit: LedgerEdit = {
      id: operation.id,
      client,
      action: operation.action,
      entity: operation.entity,
      keys: [operation.id],
      onLocalRecord: !isCreateAction(operation.action) && isLocalKey(operation.key),
      changes: { ...changes },
      base,
      state: operation.state,
      conflictsSurfaced: 0,
      resolutions: [],
      settledTheirs: false,
      inFlightAtCrash: false,
      refusal: null,
      merged: false,
    };
    this.edits.set(edit.id, edit);
    return edit;
  }

  /** The edit whose write carries `idempotencyKey`, if any. */
  byKey(idempotencyKey: string): LedgerEdit | undefined {
    for (const edit of this.edits.values()) if (edit.keys.includes(idempotencyKey)) return edit;
    return undefined;
  }

  get(id: string): LedgerEdit {
    const edit = this.edits.get(id);
    if (!edit) throw new Error(`The outbox holds operation ${id}, which no supervisor made`);
    return edit;
  }

  of(client: string): LedgerEdit[] {
    return [...this.edits.values()].filter((edit) => edit.client === client);
  }
}
