import { deriveConnectionStatus, statusNotification } from '../../../shared/connection-status';
import { isRelayDown, type ConnectionView } from '../../../shared/connection-view';
import { writeCapabilitiesOf } from '../connectors/connector-registry';
import type { WebhookEndpoints } from '../webhooks/webhook-endpoints';
import type { ConnectionCore } from './connection-core';
import type { ConnectionEvents } from './connection-manager-options';
import type { ConnectionRuntime } from './connection-runtime';
import { redactToken } from './token-preview';

export interface ConnectionViewsOptions extends Pick<ConnectionCore, 'now'> {
  events: Pick<ConnectionEvents, 'changed' | 'notify'>;
  /** Whether the OS keychain protects the saved secrets. */
  secretProtection(): 'os' | 'basic';
  /** The webhook receiver, once it listens. */
  webhooks(): WebhookEndpoints | null;
  /** What the renderer's operating system says of the network; null until it reports. */
  computerOnline(): boolean | null;
}

/** What the renderer may see of each connection, and the notifications its status changes raise. */
export class ConnectionViews {
  constructor(private readonly options: ConnectionViewsOptions) {}

  view(runtime: ConnectionRuntime): ConnectionView {
    const { record, secrets } = runtime;
    const state: ConnectionView['state'] =
      record.status !== 'active' ? record.status : runtime.engine.running ? 'syncing' : runtime.lastError ? 'error' : runtime.described ? 'active' : 'connecting';
    const webhooks = this.options.webhooks();
    const webhook =
      webhooks && record.status !== 'disconnected' && !runtime.kind.secretless ? { endpoint: webhooks.endpointFor(record.id), secretSet: Boolean(secrets?.webhookSecret), ...webhooks.status(record.id) } : null;
    const status = deriveConnectionStatus({
      name: record.name,
      provider: record.provider,
      record: record.status,
      described: runtime.described,
      computerOnline: this.options.computerOnline(),
      reachable: runtime.reach.reachable,
      syncing: runtime.engine.running,
      lastRun: runtime.lastRun,
      lastError: runtime.lastError ?? runtime.plantSystemError,
      lastSyncAt: record.lastSyncAt,
      lastWebhookAt: runtime.lastWebhookAt,
      webhooksFailing: webhook?.alerting ?? false,
      webhookRelayDown: isRelayDown(webhook?.relay),
      syncScheduled: runtime.schedule.nextSyncAt !== null,
      now: this.options.now(),
    });
    return {
      id: record.id,
      name: record.name,
      // The Connections page tells a demo plant (its own tokens, its credentials switch) from the connector it speaks.
      kind: record.authMethod === 'demo' ? 'demo' : record.kind,
      authMethod: record.authMethod,
      baseUrl: record.baseUrl,
      deployment: record.deployment,
      provider: record.provider,
      companyName: record.companyName,
      state,
      status,
      lastSyncAt: record.lastSyncAt,
      nextSyncAt: runtime.schedule.nextSyncAt === null ? null : new Date(runtime.schedule.nextSyncAt).toISOString(),
      syncIntervalMinutes: record.syncIntervalMinutes,
      historyDays: record.historyDays,
      authorUserKey: record.authorUserKey,
      lastError: runtime.lastError,
      tokenPreview: secrets ? redactToken(secrets.accessToken) : null,
      tokenExpiresAt: secrets?.expiresAt ?? null,
      secretProtection: this.options.secretProtection(),
      writes: writeCapabilitiesOf(runtime.kind, record.provider),
      webhook,
    };
  }

  /**
   * Sends the connection's view, and a notification when a state worth one begins: its words are
   * the status's own label and sentence, so the notification says what the screen says.
   */
  emit(runtime: ConnectionRuntime): ConnectionView {
    const view = this.view(runtime);
    if (view.status.kind !== runtime.lastStatusKind) {
      const notification = statusNotification(view.name, view.status);
      if (notification) this.options.events.notify({ ...notification, connectionId: view.id, statusKind: view.status.kind });
    }
    runtime.lastStatusKind = view.status.kind;
    this.options.events.changed(view);
    return view;
  }
}
