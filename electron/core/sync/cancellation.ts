import { AppError } from '../../../shared/errors';

/** The CANCELLED error a cancelled run rejects with (the abort reason itself when it already is one). */
export function cancelledError(signal: AbortSignal): AppError {
  const reason: unknown = signal.reason;
  if (reason instanceof AppError && reason.code === 'CANCELLED') return reason;
  const said = reason instanceof Error && reason.name !== 'AbortError' ? `: ${reason.message}` : '';
  return new AppError('CANCELLED', `The sync was cancelled${said}.`);
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError(signal);
}

/**
 * Settles as `promise` does, or rejects with CANCELLED the moment `signal` aborts. The promise
 * itself runs on unheeded (its failure is swallowed), so use this only for work whose result
 * can be dropped: a request, a wait. Never for a commit, which must finish or not start.
 */
export function unlessCancelled<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(cancelledError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/** A timer wait that ends early (and frees its timer) when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
