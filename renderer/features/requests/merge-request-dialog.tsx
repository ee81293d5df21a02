import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { isLocalKey } from '../../../shared/domain/outbox-operation';
import type { ServiceRequest } from '../../../shared/domain/service-request';
import { unverifiedNote, type WriteCapabilities } from '../../../shared/write-capabilities';
import { appDb } from '../../db/app-db';
import { DialogActions } from '../../ui/dialog-actions';
import { FormFailure } from '../../ui/form-failure';
import { formatDate } from '../../ui/format';
import { ModalDialog } from '../../ui/modal-dialog';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useSubmit } from '../../ui/use-submit';

interface MergeRequestDialogProps {
  request: ServiceRequest;
  assetName: string;
  plantName: string;
  capabilities: WriteCapabilities;
  onClose: () => void;
  onMerged: () => void;
}

/**
 * Merges a request into work already open on its asset: the work order is told it answers this
 * request too (`serviceRequestKey`), and the plant links the request to it.
 */
export function MergeRequestDialog({ request, assetName, plantName, capabilities, onClose, onMerged }: MergeRequestDialogProps) {
  const queueEdit = useQueueEdit();
  const { busy, failure, submit: send } = useSubmit();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | undefined>();
  const open = useLiveQuery(async () => {
    if (!request.assetKey) return [];
    const onAsset = await appDb.workOrders.where('[connectionId+assetKey]').equals([request.connectionId, request.assetKey]).toArray();
    return onAsset
      .filter((workOrder) => !workOrder.completedAt && !isLocalKey(workOrder.key))
      .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  }, [request.connectionId, request.assetKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setError('Choose the work order this request joins.');
      return;
    }
    await send(async () => {
      await queueEdit({ connectionId: request.connectionId, action: 'mergeServiceRequest', key: chosen, changes: { serviceRequestKey: request.key } });
      onMerged();
    });
  };

  return (
    <ModalDialog title="Merge into an open work order" onClose={onClose}>
      <form className="merge-form" onSubmit={(event) => void submit(event)} noValidate>
        {!request.assetKey ? (
          <p>This request names no asset, so there is no work on its asset to merge it into. Approve it as a new work order instead.</p>
        ) : !open ? (
          <p className="muted">Looking for open work on {assetName}…</p>
        ) : open.length === 0 ? (
          <p>No open work order on {assetName} can take it. Approve it as a new work order instead.</p>
        ) : (
          <fieldset className="merge-choices" aria-invalid={error ? true : undefined} aria-describedby={error ? 'merge-error' : undefined}>
            <legend>Open work on {assetName}</legend>
            {open.map((workOrder) => (
              <label key={workOrder.key} className="merge-choice">
                <input type="radio" name="merge-target" value={workOrder.key} checked={chosen === workOrder.key} disabled={busy} onChange={() => { setChosen(workOrder.key); setError(undefined); }} />
                <span className="merge-choice-code">{workOrder.code}</span>
                <span className="merge-choice-title">{workOrder.title}</span>
                <span className="muted">
                  {workOrder.status ?? 'No status'}
                  {workOrder.dueAt ? ` · due ${formatDate(workOrder.dueAt)}` : ''}
                </span>
              </label>
            ))}
            {error && (
              <p id="merge-error" className="field-error" role="alert">
                {error}
              </p>
            )}
          </fieldset>
        )}
        <FormFailure message={failure} />
        <DialogActions onCancel={onClose} note={[`Sent to ${plantName} when it can be reached.`, unverifiedNote(capabilities, 'mergeServiceRequest')].filter(Boolean).join(' ')}>
          <button type="submit" className="button primary" disabled={busy || !open || open.length === 0}>
            Merge
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
