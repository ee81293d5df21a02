import { useEffect } from 'react';
import { useAppStore, type Toast } from '../../stores/app-store';

const toastLifetimeMs = 10_000;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useAppStore((state) => state.dismissToast);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), toastLifetimeMs);
    return () => clearTimeout(timer);
  }, [dismiss, toast.id]);
  return (
    <div className={`toast toast-${toast.level}`} role={toast.level === 'info' ? 'status' : 'alert'} data-status-kind={toast.statusKind}>
      <strong>{toast.title}</strong>
      {toast.body && <p>{toast.body}</p>}
      {toast.action && (
        <button
          type="button"
          className="button small toast-action"
          onClick={() => {
            toast.action!.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** Web mode's stand-in for desktop notifications (Electron also shows them natively). */
export function Toasts() {
  const toasts = useAppStore((state) => state.toasts);
  return (
    <div className="toasts" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
