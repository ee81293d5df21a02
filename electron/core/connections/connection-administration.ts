import type { ConnectionView } from '../../../shared/connection-view';
import { AppError, toAppErrorShape } from '../../../shared/errors';
import type { LocalStore } from '../../../shared/local-store';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRecord } from './connection-record';
import type { ConnectionRuntime } from './connection-runtime';
import type { ConnectionRuntimes } from './connection-runtimes';
import type { SecretStore } from './secret-store';

export interface ConnectionAdministrationOptions extends Pick<ConnectionCore, 'logger' | 'save' | 'view' | 'emit'> {
  runtimes: Pick<ConnectionRuntimes, 'delete'>;
  secrets: SecretStore;
  /** The attached renderer's cache; throws while no window has it open. */
  store(): LocalStore;
  /** The connection runs a demo plant: it keeps the webhook secret it was given, and its plant stops with it. */
  isDemoPlant(runtime: ConnectionRuntime): boolean;
  stopDemoPlant(runtime: ConnectionRuntime): Promise<void>;
  /** Stops the connection's scheduled syncs and probes. */
  quiet(runtime: ConnectionRuntime): void;
  scheduleNext(runtime: ConnectionRuntime): void;
  /** Where the connection's webhooks come from changed (a relay set or cleared, or it disconnected). */
  rerouteWebhooks(runtime: ConnectionRuntime): void;
  removed(connectionId: string): void;
}

export interface SettingsChange {
  name?: string | undefined;
  syncIntervalMinutes?: ConnectionRecord['syncIntervalMinutes'] | undefined;
  historyDays?: ConnectionRecord['historyDays'] | undefined;
  authorUserKey?: string | null | undefined;
  webhookSecret?: string | null | undefined;
  /** Collect webhooks from this relay with this desktop token; null: only this computer receives them. */
  webhookRelay?: { url: string; token: string } | null | undefined;
}

/** A connection's settings, its disconnect (the token revoked upstream; the cache stays, read-only) and the deletion of its data. */
export class ConnectionAdministration {
  constructor(private readonly options: ConnectionAdministrationOptions) {}

  updateSettings(runtime: ConnectionRuntime, change: SettingsChange): ConnectionView {
    const { record } = runtime;
    if (change.webhookSecret !== undefined) {
      if (!runtime.secrets) throw new AppError('NOT_ALLOWED', `${record.name} is disconnected: it takes no webhooks.`);
      if (this.options.isDemoPlant(runtime)) throw new AppError('NOT_ALLOWED', 'A demo plant keeps the webhook secret it was given.');
      runtime.secrets = { ...runtime.secrets, webhookSecret: change.webhookSecret };
      this.options.secrets.set(record.id, runtime.secrets);
    }
    if (change.webhookRelay !== undefined) {
      if (!runtime.secrets || runtime.kind.secretless) throw new AppError('NOT_ALLOWED', `${record.name} takes no webhooks.`);
      if (this.options.isDemoPlant(runtime)) throw new AppError('NOT_ALLOWED', 'A demo plant sends its webhooks to this computer; a relay is for a plant Millwright reaches through Makini.');
      record.webhookRelay = change.webhookRelay ? { url: change.webhookRelay.url } : null;
      runtime.secrets = { ...runtime.secrets, relayToken: change.webhookRelay?.token ?? null };
      this.options.secrets.set(record.id, runtime.secrets);
    }
    if (change.name !== undefined) record.name = change.name;
    if (change.historyDays !== undefined) record.historyDays = change.historyDays;
    if (change.authorUserKey !== undefined) record.authorUserKey = change.authorUserKey;
    if (change.syncIntervalMinutes !== undefined) {
      record.syncIntervalMinutes = change.syncIntervalMinutes;
      this.options.scheduleNext(runtime);
    }
    this.options.save();
    if (change.webhookRelay !== undefined) this.options.rerouteWebhooks(runtime);
    return this.options.emit(runtime);
  }

  async disconnect(runtime: ConnectionRuntime): Promise<ConnectionView> {
    const connectionId = runtime.record.id;
    if (runtime.record.status === 'disconnected') return this.options.view(runtime);
    this.options.quiet(runtime);
    // A sync going now stops; a later reconnect gets a fresh signal.
    runtime.stop.abort();
    runtime.stop = new AbortController();
    if (runtime.secrets) {
      await runtime.connector.revoke().catch((error: unknown) => {
        const shape = toAppErrorShape(error);
        // A token the upstream already refuses is as good as revoked; anything else is worth saying.
        if (shape.code !== 'UPSTREAM_AUTH') {
          runtime.lastError = { ...shape, message: `Disconnected here, but the token could not be revoked upstream: ${shape.message}` };
        }
      });
    }
    this.options.secrets.delete(connectionId);
    runtime.secrets = null;
    runtime.record.status = 'disconnected';
    await this.options.stopDemoPlant(runtime);
    this.options.rerouteWebhooks(runtime);
    this.options.save();
    this.options.logger.info('disconnected', { connectionId });
    return this.options.emit(runtime);
  }

  async deleteData(runtime: ConnectionRuntime): Promise<{ deleted: number }> {
    const connectionId = runtime.record.id;
    if (runtime.record.status !== 'disconnected') throw new AppError('NOT_ALLOWED', 'Disconnect the connection before deleting its data.');
    const deleted = await this.options.store().deleteConnection(connectionId);
    this.options.runtimes.delete(connectionId);
    this.options.save();
    this.options.removed(connectionId);
    this.options.logger.info('deleted connection data', { connectionId, deleted });
    return { deleted };
  }
}
