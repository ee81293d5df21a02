import { useRef, useState, type FormEvent } from 'react';
import type { FieldValue } from '../../../shared/domain/outbox-operation';
import type { ServiceRequest } from '../../../shared/domain/service-request';
import { missingFields, unverifiedNote, type WriteCapabilities } from '../../../shared/write-capabilities';
import { assigneeSending } from '../../ui/assignee-sent-as';
import { DialogActions } from '../../ui/dialog-actions';
import { FormFailure } from '../../ui/form-failure';
import { ModalDialog } from '../../ui/modal-dialog';
import { useConnectionReference } from '../../ui/use-connection-reference';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useSubmit } from '../../ui/use-submit';
import { WorkOrderFieldInput } from '../../ui/work-order-field-input';
import { fieldLabel, fromFormValue, toFormValue } from '../../ui/work-order-fields';

/** What the supervisor settles while approving: the request's title, asset and severity carry over. */
const approveFields = ['title', 'siteKey', 'assetKey', 'severity', 'teamKey', 'laborAssignedKey', 'scheduledAt', 'dueAt'] as const;
type ApproveField = (typeof approveFields)[number];
type Values = Record<ApproveField, string>;

interface ApproveRequestDialogProps {
  request: ServiceRequest;
  plantName: string;
  capabilities: WriteCapabilities;
  onClose: () => void;
  /** After the work order is queued, with its local key. */
  onApproved: (workOrderKey: string) => void;
}

/**
 * Approves a service request into a new work order that names it (`serviceRequestKey`), with its
 * team, assignee and due date chosen in the same step. Queued: it works offline and reaches the
 * plant once.
 */
export function ApproveRequestDialog({ request, plantName, capabilities, onClose, onApproved }: ApproveRequestDialogProps) {
  const reference = useConnectionReference(request.connectionId);
  const queueEdit = useQueueEdit();
  const [values, setValues] = useState<Values>(() => ({
    title: request.title,
    siteKey: request.siteKey ?? '',
    assetKey: request.assetKey ?? '',
    severity: request.severity ?? '',
    teamKey: request.teamKey ?? '',
    laborAssignedKey: request.laborAssignedKey ?? '',
    scheduledAt: '',
    dueAt: toFormValue('dueAt', request.dueAt),
  }));
  const [errors, setErrors] = useState<Partial<Record<ApproveField, string>>>({});
  const { busy, failure, submit: send } = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const required = new Set(capabilities.createWorkOrderRequired);
  // Fields the system requires that this form has no way to fill (none for the systems it is offered on).
  const unfillable = capabilities.createWorkOrderRequired.filter((field) => !(approveFields as readonly string[]).includes(field));
  // The asset's site when the request has none: the work order belongs where the asset is.
  const assetSite = reference?.assets.find((asset) => asset.key === values.assetKey)?.siteKey ?? '';
  const effective: Values = { ...values, siteKey: values.siteKey || assetSite };

  const set = (field: ApproveField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value, ...(field === 'siteKey' ? { assetKey: '' } : {}) }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const draft: Record<string, FieldValue> = {};
    for (const field of approveFields) draft[field] = fromFormValue(field, effective[field]);
    const found: Partial<Record<ApproveField, string>> = {};
    for (const field of missingFields(capabilities.createWorkOrderRequired, draft)) {
      if ((approveFields as readonly string[]).includes(field)) found[field as ApproveField] = `${fieldLabel(field)} is required by ${capabilities.label}.`;
    }
    if (effective.dueAt && effective.scheduledAt && effective.dueAt < effective.scheduledAt) found.dueAt = 'Due must not be before the scheduled time.';
    const assignee = assigneeSending(capabilities, reference?.labors ?? [], draft.laborAssignedKey ?? null);
    if (!assignee.ok) found.laborAssignedKey = assignee.refusal;
    setErrors(found);
    if (Object.keys(found).length > 0 || unfillable.length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const changes: Record<string, FieldValue> = { serviceRequestKey: request.key };
    for (const [field, value] of Object.entries(draft)) if (value !== null || required.has(field)) changes[field] = value;
    if (request.locationKey && changes.assetKey === request.assetKey) changes.locationKey = request.locationKey;
    // A new work order starts in the plant's first open status, as one made on the board does.
    const status = reference?.statuses.find((candidate) => candidate.isActive);
    if (status) changes.statusKey = status.key;
    await send(async () => {
      const operation = await queueEdit({
        connectionId: request.connectionId,
        action: 'approveServiceRequest',
        changes,
        display: { status: status?.name ?? null },
        ...(assignee.ok && assignee.sendAs ? { sendAs: assignee.sendAs } : {}),
      });
      onApproved(operation.key);
    });
  };

  const input = (field: ApproveField, extra: { siteKey?: string; autoFocus?: boolean } = {}) => (
    <WorkOrderFieldInput
      field={field}
      value={effective[field]}
      onChange={set(field)}
      reference={reference}
      required={required.has(field)}
      error={errors[field]}
      disabled={busy}
      {...extra}
    />
  );

  return (
    <ModalDialog title="Approve into a work order" onClose={onClose}>
      <form ref={formRef} className="work-order-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted dialog-lead">
          A new work order in {plantName} made from this request; the request is marked approved there and linked to it.
        </p>
        <div className="form-grid">
          <div className="span-2">{input('title', { autoFocus: true })}</div>
          {input('siteKey')}
          {input('assetKey', effective.siteKey ? { siteKey: effective.siteKey } : {})}
          {input('severity')}
          {input('teamKey')}
          {input('laborAssignedKey')}
          {input('scheduledAt')}
          {input('dueAt')}
        </div>
        {unfillable.length > 0 && (
          <p className="error-box" role="alert">
            {capabilities.label} requires {unfillable.map((field) => fieldLabel(field).toLowerCase()).join(', ')} on a new work order, which Millwright
            cannot set yet. Approve it in {capabilities.label} itself.
          </p>
        )}
        <FormFailure message={failure} />
        <DialogActions
          onCancel={onClose}
          note={[`Shown on the board at once; sent to ${plantName} when it can be reached.`, unverifiedNote(capabilities, 'approveServiceRequest')].filter(Boolean).join(' ')}
        >
          <button type="submit" className="button primary" disabled={busy || unfillable.length > 0}>
            Approve
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
