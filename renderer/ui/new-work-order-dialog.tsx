import { useRef, useState, type FormEvent } from 'react';
import type { FieldValue } from '../../shared/domain/outbox-operation';
import { missingFields, readOnlyWriteCapabilities, unverifiedNote } from '../../shared/write-capabilities';
import { appOutbox } from '../db/app-outbox';
import { useAppStore } from '../stores/app-store';
import { assigneeSending } from './assignee-sent-as';
import { DialogActions } from './dialog-actions';
import { FormFailure } from './form-failure';
import { ModalDialog } from './modal-dialog';
import { useQueueEdit } from './use-queue-edit';
import { useSubmit } from './use-submit';
import { useConnectionReference } from './use-connection-reference';
import { WorkOrderFieldInput } from './work-order-field-input';
import { fieldLabel, fromFormValue } from './work-order-fields';

/** The fields the create form offers, in its order. */
const createFields = ['title', 'siteKey', 'assetKey', 'severity', 'scheduledAt', 'dueAt', 'statusKey', 'laborAssignedKey', 'teamKey', 'notes'] as const;
type CreateField = (typeof createFields)[number];
type Values = Record<CreateField, string>;

const emptyValues: Values = { title: '', siteKey: '', assetKey: '', severity: '', scheduledAt: '', dueAt: '', statusKey: '', laborAssignedKey: '', teamKey: '', notes: '' };

const missingMessages: Record<CreateField, string> = {
  title: 'Enter a title.',
  siteKey: 'Choose the site.',
  assetKey: 'Choose the asset.',
  severity: 'Choose a severity.',
  scheduledAt: 'Choose when it is scheduled.',
  dueAt: 'Choose when it is due.',
  statusKey: 'Choose a status.',
  laborAssignedKey: 'Choose a technician.',
  teamKey: 'Choose a team.',
  notes: 'Describe the work.',
};

/** What the dialog starts with when opened from something: a day on an asset's row, an asset's details. */
export type NewWorkOrderStart = Partial<Pick<Values, 'siteKey' | 'assetKey' | 'scheduledAt' | 'dueAt'>>;

interface NewWorkOrderDialogProps {
  /** The plant to start with (the plant filter's, when it shows one). */
  defaultConnectionId: string | null;
  /** Fields filled in to start with, for `defaultConnectionId`. */
  start?: NewWorkOrderStart;
  onClose: () => void;
  onCreated: () => void;
}

/** Creates a work order offline-first: checked against the plant system's required fields, then queued. */
export function NewWorkOrderDialog({ defaultConnectionId, start, onClose, onCreated }: NewWorkOrderDialogProps) {
  const connections = useAppStore((state) => state.connections);
  const queueEdit = useQueueEdit();
  const pushToast = useAppStore((state) => state.pushToast);
  const writable = connections.filter((c) => c.state !== 'disconnected' && c.writes.actions.includes('createWorkOrder'));
  const [connectionId, setConnectionId] = useState<string>(() =>
    writable.some((c) => c.id === defaultConnectionId) ? defaultConnectionId! : (writable[0]?.id ?? ''),
  );
  const connection = writable.find((c) => c.id === connectionId) ?? null;
  const capabilities = connection?.writes ?? readOnlyWriteCapabilities('No plant');
  const reference = useConnectionReference(connectionId || null);
  const [values, setValues] = useState<Values>(() => ({ ...emptyValues, ...(connectionId === defaultConnectionId ? start : {}) }));
  const openWorkOrder = useAppStore((state) => state.openWorkOrder);
  const [statusChosen, setStatusChosen] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<CreateField, string>>>({});
  const [attempted, setAttempted] = useState(false);
  const { busy, failure, submit: send } = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);

  const required = new Set(capabilities.createWorkOrderRequired);
  // Fields the system requires that this form has no way to fill.
  const unfillable = capabilities.createWorkOrderRequired.filter((field) => !(createFields as readonly string[]).includes(field));
  // Until the user picks one, a new work order starts in the plant's first open status.
  const defaultStatusKey = reference?.statuses.find((status) => status.isActive)?.key ?? '';
  const effective: Values = { ...values, statusKey: statusChosen ? values.statusKey : defaultStatusKey };

  const draftOf = (current: Values) => {
    const draft: Record<string, FieldValue> = {};
    for (const field of createFields) draft[field] = fromFormValue(field, current[field]);
    return draft;
  };
  const check = (current: Values) => {
    const found: Partial<Record<CreateField, string>> = {};
    for (const field of missingFields(capabilities.createWorkOrderRequired, draftOf(current))) {
      if ((createFields as readonly string[]).includes(field)) {
        found[field as CreateField] = `${missingMessages[field as CreateField]} ${capabilities.label} requires it.`;
      }
    }
    if (current.dueAt && current.scheduledAt && current.dueAt < current.scheduledAt) found.dueAt = 'Due must not be before the scheduled time.';
    const assignee = assigneeSending(capabilities, reference?.labors ?? [], fromFormValue('laborAssignedKey', current.laborAssignedKey));
    if (!assignee.ok) found.laborAssignedKey = assignee.refusal;
    return found;
  };

  const set = (field: CreateField) => (value: string) => {
    const next = { ...effective, [field]: value };
    if (field === 'siteKey') next.assetKey = ''; // the asset list follows the site
    if (field === 'statusKey') setStatusChosen(true);
    setValues(next);
    if (attempted) setErrors(check(next));
  };

  const changePlant = (id: string) => {
    setConnectionId(id);
    // Sites, assets and statuses are the plant's own: start those over.
    setValues((current) => ({ ...current, siteKey: '', assetKey: '', statusKey: '' }));
    setStatusChosen(false);
    setErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const found = check(effective);
    setErrors(found);
    if (Object.keys(found).length > 0 || !connection || unfillable.length > 0) {
      // Take the user to the first field to fix once the messages are on screen.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const draft = draftOf(effective);
    const changes: Record<string, FieldValue> = {};
    for (const [field, value] of Object.entries(draft)) if (value !== null || required.has(field)) changes[field] = value;
    const status = reference?.statuses.find((s) => s.key === effective.statusKey);
    const assignee = assigneeSending(capabilities, reference?.labors ?? [], changes.laborAssignedKey ?? null);
    const sendAs = assignee.ok ? assignee.sendAs : undefined;
    await send(async () => {
      const created = await queueEdit({ connectionId: connection.id, action: 'createWorkOrder', changes, display: { status: status?.name ?? null }, ...(sendAs ? { sendAs } : {}) });
      pushToast({
        level: 'info',
        title: `Work order “${effective.title.trim()}” created`,
        body: `It is on the board now, marked New, and goes to ${connection.name} as soon as it can be reached; the plant gives it its code.`,
        connectionId: connection.id,
        action: {
          label: 'Open it',
          // Once the plant has it, it goes by the plant's key: the operation carries it from then on.
          run: () => void appOutbox.operation(created.id).then((now) => openWorkOrder({ connectionId: created.connectionId, key: now?.key ?? created.key })),
        },
      });
      onCreated();
    });
  };

  const input = (field: CreateField, extra: { siteKey?: string; autoFocus?: boolean } = {}) => (
    <WorkOrderFieldInput
      field={field}
      value={effective[field]}
      onChange={set(field)}
      reference={reference}
      required={required.has(field)}
      error={errors[field]}
      disabled={busy || !connection}
      {...extra}
    />
  );

  return (
    <ModalDialog title="New work order" onClose={onClose}>
      {writable.length === 0 ? (
        <>
          <p>None of the connected plants accepts new work orders from Millwright.</p>
          <DialogActions onCancel={onClose} cancelLabel="Close" />
        </>
      ) : (
        <form ref={formRef} className="work-order-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="form-grid">
            <div className="field span-2">
              <label htmlFor="new-wo-plant">Plant</label>
              <select id="new-wo-plant" value={connectionId} disabled={busy || writable.length < 2} onChange={(event) => changePlant(event.target.value)}>
                {writable.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <span className="field-hint">
                {capabilities.label}
                {capabilities.createWorkOrderRequired.length > 0
                  ? ` requires ${capabilities.createWorkOrderRequired.map((field) => fieldLabel(field).toLowerCase()).join(', ')}.`
                  : '.'}
              </span>
            </div>
            <div className="span-2">{input('title', { autoFocus: true })}</div>
            {input('siteKey')}
            {input('assetKey', effective.siteKey ? { siteKey: effective.siteKey } : {})}
            {input('severity')}
            {input('statusKey')}
            {input('scheduledAt')}
            {input('dueAt')}
            {input('laborAssignedKey')}
            {input('teamKey')}
            <div className="span-2">{input('notes', {})}</div>
          </div>
          {unfillable.length > 0 && (
            <p className="error-box" role="alert">
              {capabilities.label} requires {unfillable.map((field) => fieldLabel(field).toLowerCase()).join(', ')} on a new work order, which
              Millwright cannot set yet. Create it in {capabilities.label} itself.
            </p>
          )}
          {attempted && Object.keys(errors).length > 0 && (
            <p className="field-error form-summary" role="alert">
              {Object.keys(errors).length === 1 ? 'One field needs attention.' : `${Object.keys(errors).length} fields need attention.`}
            </p>
          )}
          <FormFailure message={failure} />
          <DialogActions onCancel={onClose} note={[`Shown on the board at once; sent to ${connection?.name ?? 'the plant'} when it can be reached.`, unverifiedNote(capabilities, 'createWorkOrder')].filter(Boolean).join(' ')}>
            <button type="submit" className="button primary" disabled={busy || unfillable.length > 0}>
              Create
            </button>
          </DialogActions>
        </form>
      )}
    </ModalDialog>
  );
}
