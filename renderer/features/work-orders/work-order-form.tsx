import { useState, type FormEvent } from 'react';
import { statusTransitionRefusal } from '../../../shared/board/status-transition';
import type { FieldValue } from '../../../shared/domain/outbox-operation';
import type { WorkOrder } from '../../../shared/domain/work-order';
import { editableWorkOrderFields, writeCapabilities, type EditableWorkOrderField } from '../../../shared/write-capabilities';
import { useAppStore } from '../../stores/app-store';
import { formError } from '../connections/form-errors';
import type { OutboxMark } from '../outbox/use-outbox';
import { useQueueEdit } from '../outbox/use-queue-edit';
import type { ConnectionReference } from './use-connection-reference';
import { WorkOrderFieldInput } from './work-order-field-input';
import { fromFormValue, toFormValue } from './work-order-fields';

/** The state of a record's unsent edits that most needs the user, worst first. */
export function worstMark(states: readonly string[]): OutboxMark | null {
  for (const mark of ['conflict', 'rejected', 'sending', 'pending'] as const) if (states.includes(mark)) return mark;
  return null;
}

export const markNotes: Record<OutboxMark, string> = {
  pending: 'waiting to upload',
  sending: 'uploading now',
  conflict: 'in conflict with a change made in the source system: decide on the Outbox page',
  rejected: 'refused by the server: fix or discard on the Outbox page',
};

export interface WorkOrderFormProps {
  workOrder: WorkOrder;
  reference: ConnectionReference;
  onClose: () => void;
  /** The editable fields the form offers (all the system takes by default). */
  fields?: readonly EditableWorkOrderField[];
  /** Called after a save instead of onClose, e.g. to keep a drawer open. */
  onSaved?: () => void;
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
  // The values the dialog opened with: only fields the user changes are sent, so a sync landing
  // meanwhile is not overwritten with what the form showed before it.
  const [initial] = useState(() => initialValues(workOrder));
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof FormValues, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const capabilities = writeCapabilities(connection?.provider ?? null);
  const readOnly = !connection || connection.state === 'disconnected';
  const canUpdate = !readOnly && capabilities.actions.includes('updateWorkOrder');
  const canSetStatus = !readOnly && capabilities.actions.includes('setWorkOrderStatus');
  const editable = new Set<string>(canUpdate ? capabilities.updateWorkOrderFields : []);
  const changed = (Object.keys(values) as (keyof FormValues)[]).filter((field) => values[field] !== initial[field]);

  const set = (field: keyof FormValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
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
    setBusy(true);
    setFailure(null);
    try {
      const updates: Record<string, FieldValue> = {};
      for (const field of changed) if (field !== 'statusKey') updates[field] = fromFormValue(field, values[field]);
      const base = { connectionId: workOrder.connectionId, key: workOrder.key };
      if (Object.keys(updates).length > 0) await queueEdit({ ...base, action: 'updateWorkOrder', changes: updates });
      if (changed.includes('statusKey')) {
        const status = reference.statuses.find((s) => s.key === values.statusKey);
        await queueEdit({ ...base, action: 'setWorkOrderStatus', changes: { statusKey: values.statusKey }, display: { status: status?.name ?? null } });
      }
      if (onSaved) onSaved();
      else onClose();
    } catch (error) {
      setFailure(formError(error).form);
      setBusy(false);
    }
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
          hint={!readOnly && !canSetStatus ? `${capabilities.label} does not accept status changes.` : undefined}
        />
        {fields.map((field) => (
          <div key={field} className={field === 'notes' ? 'span-2' : undefined}>
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
      {failure && (
        <p className="error-box" role="alert">
          {failure}
        </p>
      )}
      <div className="dialog-actions">
        <span className="dialog-actions-note muted">{readOnly ? '' : 'Saved here at once; sent to the plant when it can be reached.'}</span>
        <button type="button" className="button" onClick={onClose}>
          {readOnly ? 'Close' : 'Cancel'}
        </button>
        {!readOnly && (
          <button type="submit" className="button primary" disabled={busy || changed.length === 0}>
            Save
          </button>
        )}
      </div>
    </form>
  );
}
