import { useCallback, useState } from 'react';
import { formError } from './form-errors';

export interface Submission {
  /** An action is running: its buttons wait. */
  busy: boolean;
  /** Why the last action failed, as the form says it (with the plant's request id), or a check's own message. */
  failure: string | null;
  setFailure: (message: string | null) => void;
  /** Runs the action (which closes or moves on itself when it succeeds); a failure is kept for the form to say, and the form stays. */
  submit: (action: () => Promise<unknown>) => Promise<void>;
}

/** What every dialog and form does with what it sends: wait while it runs, say why it failed, and stay open to try again. */
export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(formError(error));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failure, setFailure, submit };
}
