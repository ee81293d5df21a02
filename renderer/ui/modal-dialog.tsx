import type { ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A native modal <dialog>: focus stays inside, Escape closes it, the page behind is inert. */
export function ModalDialog({ title, onClose, children }: ModalDialogProps) {
  const ref = useModalDialog();
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onClose={onClose} onCancel={onClose}>
      <div className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
