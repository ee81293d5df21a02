import type { ReactNode } from 'react';

interface DialogActionsProps {
  onCancel: () => void;
  /** "Close" where leaving loses nothing. */
  cancelLabel?: string;
  /** Focus starts on Cancel, for a question whose action cannot be undone. */
  focusCancel?: boolean;
  /** What happens after the action, said before the buttons. */
  note?: ReactNode;
  /** The dialog's action buttons, after Cancel. */
  children?: ReactNode;
}

/** The row that ends a dialog or form: a note on what happens, Cancel, then the action. */
export function DialogActions({ onCancel, cancelLabel = 'Cancel', focusCancel, note, children }: DialogActionsProps) {
  return (
    <div className="dialog-actions">
      {note !== undefined && <span className="dialog-actions-note muted">{note}</span>}
      <button type="button" className="button" onClick={onCancel} autoFocus={focusCancel}>
        {cancelLabel}
      </button>
      {children}
    </div>
  );
}
