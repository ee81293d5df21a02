import { useRef, useState, type FormEvent } from 'react';
import type { FieldValue } from '../../../shared/domain/outbox-operation';
import { missingFields, readOnlyWriteCapabilities, unverifiedNote } from '../../../shared/write-capabilities';
import { useAppStore } from '../../stores/app-store';
import { DialogActions } from '../../ui/dialog-actions';
import { FormFailure } from '../../ui/form-failure';
import { ModalDialog } from '../../ui/modal-dialog';
import { useConnectionReference } from '../../ui/use-connection-reference';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useSubmit } from '../../ui/use-submit';
import { WorkOrderFieldInput } from '../../ui/work-order-field-input';
import { fieldLabel, fromFormValue } from '../../ui/work-order-fields';

/** The spec's fields of a new service request (POST service-requests). */
const requestFields = ['title', 'assetKey', 'userRequestedKey', 'description'] as const;
type RequestField = (typeof requestFields)[number];
type Values = Record<RequestField, string>;

interface FileRequestDialogProps {
  defaultConnectionId: string | null;
  onClose: () => void;
  onFiled: () => void;
}

/** The supervisor reports a problem themselves, as an operator would; queued like every write. */
export function FileRequestDialog({ defaultConnectionId, onClose, onFiled }: FileRequestDialogProps) {
  const connections = useAppStore((state) => state.connections);
  const writable = connections.filter((c) => c.state !== 'disconnected' && c.writes.actions.includes('createServiceRequest'));
  const [connectionId, setConnectionId] = useState(() => (writable.some((c) => c.id === defaultConnectionId) ? defaultConnectionId! : (writable[0]?.id ?? '')));
  const connection = writable.find((c) => c.id === connectionId) ?? null;
  const capabilities = connection?.writes ?? readOnlyWriteCapabilities('No plant');
  const reference = useConnectionReference(connectionId || null);
  const queueEdit = useQueueEdit();
  const [values, setValues] = useState<Values>({ title: '', assetKey: '', userRequestedKey: '', description: '' });
  const [errors, setErrors] = useState<Partial<Record<RequestField, string>>>({});
  const { busy, failure, submit: send } = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const required = new Set(capabilities.createServiceRequestRequired);

  const set = (field: RequestField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const draft: Record<string, FieldValue> = {};
    for (const field of requestFields) draft[field] = fromFormValue(field, values[field]);
    const found: Partial<Record<RequestField, string>> = {};
    for (const field of missingFields(capabilities.createServiceRequestRequired, draft)) {
      if ((requestFields as readonly string[]).includes(field)) found[field as RequestField] = `${fieldLabel(field)} is required by ${capabilities.label}.`;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !connection) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const changes: Record<string, FieldValue> = {};
    for (const [field, value] of Object.entries(draft)) if (value !== null) changes[field] = value;
    // Shown in the list until the plant answers with its own record.
    const asset = reference?.assets.find((candidate) => candidate.key === changes.assetKey);
    const display: Record<string, FieldValue> = asset ? { siteKey: asset.siteKey, locationKey: asset.locationKey } : {};
    await send(async () => {
      await queueEdit({ connectionId: connection.id, action: 'createServiceRequest', changes, display });
      onFiled();
    });
  };

  return (
    <ModalDialog title="File a service request" onClose={onClose}>
      {writable.length === 0 ? (
        <>
          <p>None of the connected plants takes service requests from Millwright.</p>
          <DialogActions onCancel={onClose} cancelLabel="Close" />
        </>
      ) : (
        <form ref={formRef} className="work-order-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="form-grid">
            <div className="field span-2">
              <label htmlFor="new-request-plant">Plant</label>
              <select id="new-request-plant" value={connectionId} disabled={busy || writable.length < 2} onChange={(event) => { setConnectionId(event.target.value); setValues((current) => ({ ...current, assetKey: '', userRequestedKey: '' })); }}>
                {writable.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            {requestFields.map((field) => (
              <div key={field} className={field === 'title' || field === 'description' ? 'span-2' : undefined}>
                <WorkOrderFieldInput
                  field={field}
                  label={field === 'title' ? 'What is wrong' : undefined}
                  value={values[field]}
                  onChange={set(field)}
                  reference={reference}
                  required={required.has(field)}
                  error={errors[field]}
                  disabled={busy}
                  autoFocus={field === 'title'}
                />
              </div>
            ))}
          </div>
          <FormFailure message={failure} />
          <DialogActions onCancel={onClose} note={[`Listed here at once; sent to ${connection?.name ?? 'the plant'} when it can be reached.`, unverifiedNote(capabilities, 'createServiceRequest')].filter(Boolean).join(' ')}>
            <button type="submit" className="button primary" disabled={busy}>
              File request
            </button>
          </DialogActions>
        </form>
      )}
    </ModalDialog>
  );
}
