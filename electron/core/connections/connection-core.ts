import type { ConnectionView } from '../../../shared/connection-view';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../logging/logger';
import type { ActivityRecorder } from './activity-recorder';
import type { ConnectionRuntime } from './connection-runtime';

/**
 * What the parts of a connection's lifecycle need of one another, whichever part they are; the
 * ConnectionManager wires each to the part that does it. A part takes only the members it uses.
 */
export interface ConnectionCore {
  now(): number;
  logger: Logger;
  /** The connection's view as it is now. */
  view(runtime: ConnectionRuntime): ConnectionView;
  /** Sends the connection's view to the renderer, with a notification when a state worth one begins. */
  emit(runtime: ConnectionRuntime): ConnectionView;
  /** What a failed request does to the connection (see ConnectionFailures). */
  fail(runtime: ConnectionRuntime, error: unknown): void;
  /** Saves every connection's record. */
  save(): void;
  /** Refreshes the connection's token if most of its life is spent (see ConnectionCredentials). */
  ensureFreshToken(runtime: ConnectionRuntime): Promise<void>;
  /** Main's own attempts in the Sync history. */
  history: ActivityRecorder;
}

/** What the attached renderer holds (its cache, outbox): IPC_NO_RENDERER while no window has it open. */
export function attached<T>(get: () => T | null): T {
  const value = get();
  if (!value) throw new AppError('IPC_NO_RENDERER', 'No window has the local cache open.');
  return value;
}
