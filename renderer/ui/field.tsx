import { useId, type ReactNode } from 'react';

/** What a field's control carries so its label, hint and error belong to it. */
/** The id of the label of the control with this id, for controls named by aria-labelledby (pickers). */
export const fieldLabelId = (controlId: string) => `${controlId}-label`;

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: string | undefined;
  /** Renders the control (input, select, textarea) with the props that tie it to the label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with its hint and error; the error is announced and both are tied to the control (aria-describedby). */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} id={fieldLabelId(id)}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
