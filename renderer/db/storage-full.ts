import { AppError } from '../../shared/errors';
import { formatFileSize } from '../ui/format';

/**
 * Whether a failed write was refused for lack of room: IndexedDB's QuotaExceededError as the
 * browser raises it, or as Dexie wraps it (an aborted transaction's `inner`, a bulk write's
 * `failures`).
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { name, inner, failures } = error as { name?: unknown; inner?: unknown; failures?: unknown };
  if (name === 'QuotaExceededError') return true;
  if (isQuotaExceeded(inner, depth + 1)) return true;
  return Array.isArray(failures) && failures.some((failure) => isQuotaExceeded(failure, depth + 1));
}

/**
 * The STORAGE_FULL error for a refused write, saying how much is used of what this computer
 * allows (when the browser says), then `consequence` (what it means for the user) if given.
 */
export async function storageFullError(storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage, consequence?: string): Promise<AppError> {
  const estimate = await storage?.estimate().catch(() => null);
  const usage = estimate?.usage !== undefined && estimate.quota !== undefined ? ` (${formatFileSize(estimate.usage)} used of the ${formatFileSize(estimate.quota)} this computer allows it)` : '';
  return new AppError('STORAGE_FULL', `This computer has no room left for Millwright's cache${usage}.${consequence ? ` ${consequence}` : ''}`, { failedAt: 'app' });
}

/** Runs a cache write; a write refused for lack of room becomes STORAGE_FULL (its transaction is rolled back whole), with `consequence` said after it. */
export async function reportingStorageFull<T>(write: () => Promise<T>, consequence?: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaExceeded(error)) throw await storageFullError(undefined, consequence);
    throw error;
  }
}
