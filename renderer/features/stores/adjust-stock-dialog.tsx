import { useState, type FormEvent } from 'react';
import { unverifiedNote, type WriteCapabilities } from '../../../shared/write-capabilities';
import { DialogActions } from '../../ui/dialog-actions';
import { FormFailure } from '../../ui/form-failure';
import { formatCount, formatMoment } from '../../ui/format';
import { ModalDialog } from '../../ui/modal-dialog';
import { TextField } from '../../ui/text-field';
import { useQueueEdit } from '../../ui/use-queue-edit';
import type { ShownStockLevel } from '../../ui/use-stock-levels';
import { useSubmit } from '../../ui/use-submit';

interface AdjustStockDialogProps {
  level: ShownStockLevel & { inventory: NonNullable<ShownStockLevel['inventory']> };
  plantName: string;
  capabilities: WriteCapabilities;
  onClose: () => void;
  onAdjusted: (quantity: number) => void;
}

/** Reasons a storeman gives most; any other can be typed. */
const commonReasons = ['Cycle count', 'Damaged or scrapped', 'Found in stores', 'Used without a work order', 'Returned to vendor'];
/** The longest reason kept with the change. */
const reasonMaxLength = 500;

/** Sets how many of a part are on hand at one place, with why: counted, damaged, found… */
export function AdjustStockDialog({ level, plantName, capabilities, onClose, onAdjusted }: AdjustStockDialogProps) {
  const queueEdit = useQueueEdit();
  const { busy, failure, submit: send } = useSubmit();
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ quantity?: string; reason?: string }>({});
  const current = level.inventory.quantity;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = quantity.trim();
    const value = Number(typed);
    const found: typeof errors = {};
    if (typed === '') found.quantity = 'Enter how many are on hand now.';
    else if (!Number.isInteger(value) || value < 0) found.quantity = 'Enter a whole number, 0 or more: the plant counts this part in whole units.';
    else if (value === current) found.quantity = `${formatCount(value)} is already what the plant has on record; nothing to change.`;
    if (!reason.trim()) found.reason = 'Say why the quantity changes, so whoever looks later knows.';
    else if (reason.trim().length > reasonMaxLength) found.reason = `Keep the reason under ${reasonMaxLength} characters.`;
    setErrors(found);
    if (found.quantity || found.reason) return;
    await send(async () => {
      await queueEdit({ connectionId: level.connectionId, action: 'adjustInventory', key: level.inventory.key, changes: { quantity: value }, reason: reason.trim() });
      onAdjusted(value);
    });
  };

  const note = [
    `Sent to ${plantName} when it can be reached.`,
    `Makini’s API takes no reason with a stock change: the reason stays with the change in Millwright (Pending changes).`,
    unverifiedNote(capabilities, 'adjustInventory'),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <ModalDialog title={`Adjust stock of ${level.material.name}`} onClose={onClose}>
      <form className="adjust-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="dialog-lead">
          At <strong>{level.where}</strong>: {current === null ? 'the plant has no quantity on record' : <>{formatCount(current)} on hand</>}
          {level.inventory.updatedAt && <span className="muted"> (as of {formatMoment(level.inventory.updatedAt)})</span>}.
        </p>
        <TextField
          label="On hand now"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          autoFocus
          value={quantity}
          disabled={busy}
          error={errors.quantity}
          hint="The count after the change, not the difference."
          onChange={(event) => {
            setQuantity(event.target.value);
            setErrors(({ reason: kept }) => (kept ? { reason: kept } : {}));
          }}
        />
        <TextField label="Reason" list="adjust-reasons" value={reason} disabled={busy} error={errors.reason} maxLength={reasonMaxLength} onChange={(event) => {
          setReason(event.target.value);
          setErrors(({ quantity: kept }) => (kept ? { quantity: kept } : {}));
        }} />
        <datalist id="adjust-reasons">
          {commonReasons.map((common) => (
            <option key={common} value={common} />
          ))}
        </datalist>
        <FormFailure message={failure} />
        <DialogActions onCancel={onClose} note={note}>
          <button type="submit" className="button primary" disabled={busy}>
            Save count
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
