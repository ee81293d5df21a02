import { AppError } from '../../../shared/errors';
import { throwIfCancelled, unlessCancelled } from './cancellation';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of one exponential-backoff wait. */
  maxDelayMs: number;
  /** Cap of one wait the upstream asked for with Retry-After. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

export interface RetryHooks {
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  random: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: AppError }) => void;
  /** Cancels: the attempt in flight is abandoned, a wait ends, and CANCELLED is thrown. */
  signal?: AbortSignal;
}

/** Failures worth another try: the upstream was busy, down, slow or the connection broke. */
const transient = new Set(['UPSTREAM_RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'NETWORK']);

/**
 * Calls `call`, retrying transient failures: a 429 or a 5xx with Retry-After waits as long as it
 * says (capped by `maxRetryAfterMs`); 5xx without it, timeouts and resets back off exponentially
 * with full jitter, capped. Anything else, or the
 * last failure, is thrown as it came. A cancelled signal throws CANCELLED at once.
 */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    throwIfCancelled(hooks.signal);
    try {
      return await unlessCancelled(call(), hooks.signal);
    } catch (error) {
      if (!(error instanceof AppError) || !transient.has(error.code) || attempt >= policy.maxAttempts) throw error;
      const delayMs =
        error.retryAfterSeconds !== undefined && (error.code === 'UPSTREAM_RATE_LIMITED' || error.code === 'UPSTREAM_UNAVAILABLE')
          ? Math.min(error.retryAfterSeconds * 1000, policy.maxRetryAfterMs)
          : Math.floor(hooks.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
      hooks.onRetry?.({ attempt, delayMs, error });
      await unlessCancelled(hooks.sleep(delayMs), hooks.signal);
    }
  }
}
