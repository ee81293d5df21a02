import type { ConnectionView } from '../../../shared/connection-view';
import { AppError } from '../../../shared/errors';
import type { IntegrationInfo } from '../connectors/connector';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRuntime } from './connection-runtime';

export interface ConnectionHealthOptions extends Pick<ConnectionCore, 'ensureFreshToken' | 'fail' | 'save' | 'view' | 'emit'> {
  /** Checks on a timer; tests that drive each step by hand turn it off. */
  schedule: boolean;
  intervalMs?: number;
  runtimes(): readonly ConnectionRuntime[];
}

/**
 * Each connection's health: its integration is described every few minutes (Makini's
 * `GET /api/integrations/current`), which says whether the system behind it still syncs.
 */
export class ConnectionHealth {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ConnectionHealthOptions) {}

  /** Checks every connection now, and then every `intervalMs` (5 minutes by default) if scheduled. */
  start(): void {
    if (this.options.schedule) {
      this.timer = setInterval(() => this.checkAll(), this.options.intervalMs ?? 5 * 60_000);
      this.timer.unref();
    }
    this.checkAll();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Describes the integration: what it says of the system behind it, or the failure, reaches the connection's view. */
  async check(runtime: ConnectionRuntime): Promise<ConnectionView> {
    if (runtime.record.status !== 'active') return this.options.view(runtime);
    try {
      await this.options.ensureFreshToken(runtime);
      const info = await runtime.connector.describe();
      runtime.described = true;
      runtime.record.provider = info.provider ?? runtime.record.provider;
      runtime.record.companyName = info.companyName ?? runtime.record.companyName;
      this.takeIntegrationStatus(runtime, info);
      this.options.save();
    } catch (error) {
      this.options.fail(runtime, error);
    }
    return this.options.emit(runtime);
  }

  /**
   * What the integration says of the plant's system behind it: Makini's `sync_status: fail` means
   * the system's credentials no longer work (reauthorize), `error` that its last sync failed.
   */
  takeIntegrationStatus(runtime: ConnectionRuntime, info: Pick<IntegrationInfo, 'provider' | 'syncStatus'>): void {
    const system = info.provider ?? runtime.record.provider ?? "the plant's system";
    if (info.syncStatus === 'fail') {
      this.options.fail(
        runtime,
        new AppError('UPSTREAM_AUTH', `Makini can no longer sign in to ${system}: its credentials changed. Reauthorize the connection.`, { failedAt: 'plant_system', upstreamCode: 'sync_status: fail' }),
      );
    } else if (info.syncStatus === 'error') {
      runtime.plantSystemError = {
        code: 'UPSTREAM_UNAVAILABLE',
        message: `Makini answers, but its last sync with ${system} failed.`,
        failedAt: 'plant_system',
        upstreamCode: 'sync_status: error',
      };
    } else {
      runtime.plantSystemError = null;
    }
  }

  private checkAll(): void {
    for (const runtime of this.options.runtimes()) void this.check(runtime);
  }
}
