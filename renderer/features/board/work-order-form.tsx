import { useMemo, useState, type FormEvent } from 'react';
import { statusTransitionRefusal } from '../../../shared/board/status-transition';
import type { FieldValue } from '../../../shared/domain/outbox-operation';
import type { WorkOrder } from '../../../shared/domain/work-order';
import { editableWorkOrderFields, readOnlyWriteCapabilities, unverifiedNote, type EditableWorkOrderField } from '../../../shared/write-capabilities';
import { estimatedHours } from '../../../shared/schedule/work-order-booking';
import { useAppStore } from '../../stores/app-store';
import { assigneeSending } from '../../ui/assignee-sent-as';
import { DialogActions } from '../../ui/dialog-actions';
import { FormFailure } from '../../ui/form-failure';
import type { OutboxMark } from '../../ui/use-outbox';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useSubmit } from '../../ui/use-submit';
import type { ConnectionReference } from '../../ui/use-connection-reference';
import { WorkOrderFieldInput } from '../../ui/work-order-field-input';
import { fromFormValue, toFormValue } from '../../ui/work-order-fields';

/** The state of a record's unsent edits that most needs the user, worst first. */
export function worstMark(states: readonly string[]): OutboxMark | null {
  for (const mark of ['conflict', 'rejected', 'sending', 'pending'] as const) if (states.includes(mark)) return mark;
  return null;
}

export const markNotes: Record<OutboxMark, string> = {
  pending: 'waiting to upload',
  sending: 'uploading now',
  conflict: 'in conflict with a change made in the plant’s own system: decide on the Pending changes page',
  rejected: 'refused by the plant’s system: fix or discard it on the Pending changes page',
};

export interface WorkOrderFormProps {
  workOrder: WorkOrder;
  reference: ConnectionReference;
  onClose: () => void;
  /** The editable fields the form offers (all the system takes by default). */
  fields?: readonly EditableWorkOrderField[];
  /** Called after a save instead of onClose, e.g. to keep a drawer open, with the ids of the operations queued. */
  onSaved?: (operationIds: string[]) => void;
}

type FormValues = Record<EditableWorkOrderField | 'statusKey', string>;

function initialValues(workOrder: WorkOrder): FormValues {
  const values = { statusKey: workOrder.statusKey ?? '' } as FormValues;
  for (const field of editableWorkOrderFields) values[field] = toFormValue(field, workOrder[field]);
  return values;
}

/** Edits the work-order fields its system accepts and its status, queued through the outbox. */
export function WorkOrderForm({ workOrder, reference, onClose, fields = editableWorkOrderFields, onSaved }: WorkOrderFormProps) {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === workOrder.connectionId));
  const queueEdit = useQueueEdit();
  // What the form shows is the record as the cache has it now, with the user's unsaved changes
  // over it: after a save, or a sync landing meanwhile, it shows the record's new values. Only
  // fields the user changed are sent, so a sync is never overwritten with what the form showed.
  const current = useMemo(() => initialValues(workOrder), [workOrder]);
  const [edits, setEdits] = useState<Partial<FormValues>>({});
  // Values just saved, shown until the record the form is given has them (the cache answers a
  // moment after the save), so the form never flicks back to the old ones.
  const [justSaved, setJustSaved] = useState<Partial<FormValues>>({});
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    // A new version of the record: what it now holds of the saved values no longer needs holding.
    setSeen(current);
    setJustSaved((saved) => Object.fromEntries(Object.entries(saved).filter(([field, value]) => current[field as keyof FormValues] !== value)));
  }
  const initial = useMemo(() => ({ ...current, ...justSaved }), [current, justSaved]);
  const values = useMemo(() => ({ ...initial, ...edits }), [initial, edits]);
  const [errors, setErrors] = useState<Partial<Record<keyof FormValues, string>>>({});
  const { busy, failure, submit: send } = useSubmit();

  const capabilities = connection?.writes ?? readOnlyWriteCapabilities('Unknown system');
  // A connection that only reads (an export file) offers no edits at all: its fields are shown, not offered.
  const readOnly = !connection || connection.state === 'disconnected' || capabilities.actions.length === 0;
  const canUpdate = !readOnly && capabilities.actions.includes('updateWorkOrder');
  const canSetStatus = !readOnly && capabilities.actions.includes('setWorkOrderStatus');
  const editable = new Set<string>(canUpdate ? capabilities.updateWorkOrderFields : []);
  const changed = (Object.keys(values) as (keyof FormValues)[]).filter((field) => values[field] !== initial[field]);

  const set = (field: keyof FormValues) => (value: string) => {
    setEdits((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const validate = (): Partial<Record<keyof FormValues, string>> => {
    const found: Partial<Record<keyof FormValues, string>> = {};
    if ((changed.includes('dueAt') || changed.includes('scheduledAt')) && values.dueAt && values.scheduledAt && values.dueAt < values.scheduledAt) {
      found.dueAt = 'Due must not be before the scheduled time.';
    }
    if (changed.includes('statusKey')) {
      const from = reference.statuses.find((s) => s.key === workOrder.statusKey) ?? null;
      const to = reference.statuses.find((s) => s.key === values.statusKey);
      const refusal = to ? statusTransitionRefusal(from, to) : 'Choose a status.';
      if (refusal) found.statusKey = refusal;
    }
    if (changed.includes('actualTime') && values.actualTime.trim() !== '' && estimatedHours(values.actualTime) === null) {
      found.actualTime = 'Enter the hours worked, e.g. 1.5 (or “90 min”).';
    }
    if (changed.includes('laborAssignedKey')) {
      const sending = assigneeSending(capabilities, reference.labors, fromFormValue('laborAssignedKey', values.laborAssignedKey));
      if (!sending.ok) found.laborAssignedKey = sending.refusal;
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (changed.length === 0) {
      onClose();
      return;
    }
    await send(async () => {
      const updates: Record<string, FieldValue> = {};
      for (const field of changed) if (field !== 'statusKey') updates[field] = fromFormValue(field, values[field]);
      const base = { connectionId: workOrder.connectionId, key: workOrder.key };
      const queued: string[] = [];
      const assignee = 'laborAssignedKey' in updates ? assigneeSending(capabilities, reference.labors, updates.laborAssignedKey ?? null) : null;
      const sendAs = assignee?.ok ? assignee.sendAs : undefined;
      if (Object.keys(updates).length > 0) queued.push((await queueEdit({ ...base, action: 'updateWorkOrder', changes: updates, ...(sendAs ? { sendAs } : {}) })).id);
      if (changed.includes('statusKey')) {
        const status = reference.statuses.find((s) => s.key === values.statusKey);
        queued.push((await queueEdit({ ...base, action: 'setWorkOrderStatus', changes: { statusKey: values.statusKey }, display: { status: status?.name ?? null } })).id);
      }
      // As the record will hold them (a title trimmed, a time to the minute), so they are seen there.
      const saved = Object.fromEntries(changed.map((field) => [field, field === 'statusKey' ? values[field] : toFormValue(field, fromFormValue(field, values[field]))]));
      setJustSaved((previous) => ({ ...previous, ...saved }));
      setEdits({});
      if (onSaved) onSaved(queued);
      else onClose();
    });
  };

  const notEditableHint = readOnly ? undefined : canUpdate ? `${capabilities.label} does not accept changes to this field.` : `${capabilities.label} does not accept work-order edits.`;

  return (
    <form className="work-order-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-grid">
        <WorkOrderFieldInput
          field="statusKey"
          label="Status"
          value={values.statusKey}
          onChange={set('statusKey')}
          reference={reference}
          disabled={!canSetStatus || busy}
          error={errors.statusKey}
          hint={readOnly ? undefined : canSetStatus ? (unverifiedNote(capabilities, 'setWorkOrderStatus') ?? undefined) : `${capabilities.label} does not accept status changes.`}
        />
        {fields.map((field) => (
          <div key={field} className={field === 'notes' || field === 'completionRemarks' ? 'span-2' : undefined}>
            <WorkOrderFieldInput
              field={field}
              value={values[field]}
              onChange={set(field)}
              reference={reference}
              disabled={!editable.has(field) || busy}
              error={errors[field]}
              hint={editable.has(field) ? undefined : notEditableHint}
            />
          </div>
        ))}
      </div>
      <FormFailure message={failure} />
      <DialogActions onCancel={onClose} cancelLabel={readOnly ? 'Close' : 'Cancel'} note={readOnly ? '' : ['Saved here at once; sent to the plant when it can be reached.', canUpdate ? unverifiedNote(capabilities, 'updateWorkOrder') : null].filter(Boolean).join(' ')}>
        {!readOnly && (
          <button type="submit" className="button primary" disabled={busy || changed.length === 0}>
            Save
          </button>
        )}
      </DialogActions>
    </form>
  );
}
