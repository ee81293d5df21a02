import { DialogActions } from './dialog-actions';
import { FormFailure } from './form-failure';
import { ModalDialog } from './modal-dialog';
import { useSubmit } from './use-submit';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** Asks before an action that cannot be undone; shows its failure instead of closing. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { busy, failure, submit } = useSubmit();
  const confirm = () =>
    submit(async () => {
      await onConfirm();
      onClose();
    });
  return (
    <ModalDialog title={title} onClose={onClose}>
      <p>{message}</p>
      <FormFailure message={failure} />
      <DialogActions onCancel={onClose} focusCancel>
        <button type="button" className="button danger" disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </DialogActions>
    </ModalDialog>
  );
}
