import { toAppErrorShape } from '../../../shared/errors';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRuntime } from './connection-runtime';

/** `save` keeps a refused token's "needs reauthorization" over a restart. */
export interface ConnectionFailuresOptions extends Pick<ConnectionCore, 'logger' | 'save'> {
  /** Stops the connection's scheduled syncs and probes. */
  quiet(runtime: ConnectionRuntime): void;
  /** The upstream did not answer: wait for it (see Reachability). */
  waitForNetwork(runtime: ConnectionRuntime): void;
}

/** What a failed request of a connection does to it, whichever request it was (sync, push, health check, probe, webhook fetch). */
export class ConnectionFailures {
  constructor(private readonly options: ConnectionFailuresOptions) {}

  /**
   * The error becomes the connection's last error. A refused token turns it to needs
   * reauthorization (its schedule and probe stop); a cache that has no room left stops its
   * schedule until a sync the user asks for stores again; no answer at all starts waiting for the
   * upstream.
   */
  fail(runtime: ConnectionRuntime, error: unknown): void {
    const shape = toAppErrorShape(error);
    runtime.lastError = shape;
    if (shape.code === 'UPSTREAM_AUTH') {
      runtime.record.status = 'needs_reauth';
      this.options.quiet(runtime);
      this.options.save();
    } else if (shape.code === 'STORAGE_FULL') {
      this.options.quiet(runtime);
    } else if (shape.code === 'NETWORK') {
      this.options.waitForNetwork(runtime);
    }
    this.options.logger.warn('connection problem', { connectionId: runtime.record.id, code: shape.code, requestId: shape.requestId });
  }
}
