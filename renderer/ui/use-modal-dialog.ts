import { useEffect, useRef } from 'react';

/**
 * Opens a native <dialog> as modal while the component is shown (focus stays inside, Escape
 * closes it, the page behind is inert) and closes it when the component goes.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
