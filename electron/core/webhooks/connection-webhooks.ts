import type { AppNotification } from '../../../shared/connection-view';
import type { ConnectionManager } from '../connections/connection-manager';
import { WebhookService, type WebhookServiceOptions } from './webhook-service';

export type ConnectionWebhooksOptions = Omit<WebhookServiceOptions, 'handler' | 'onAlert' | 'onActivity'>;

/**
 * Starts the webhook service for the app's connections and attaches it to them: each
 * connection's secret verifies its deliveries, which are processed as targeted fetches into the
 * cache; counters reach the connection's view, and a streak of processing failures notifies.
 */
export async function startConnectionWebhooks(
  connections: ConnectionManager,
  options: ConnectionWebhooksOptions,
  notify: (notification: AppNotification) => void,
): Promise<WebhookService> {
  const service = await WebhookService.start({
    ...options,
    handler: {
      secretFor: (connectionId) => connections.webhookSecret(connectionId),
      readiness: (connectionId) => connections.webhookReadiness(connectionId),
      refreshRecords: (connectionId, entity, keys) => connections.refreshFromWebhook(connectionId, entity, keys),
      checkConnection: async (connectionId) => void (await connections.checkHealth(connectionId)),
    },
    onActivity: (connectionId) => connections.webhookActivity(connectionId),
    onAlert: (connectionId, error, failures) => {
      const name = connections.list().find((view) => view.id === connectionId)?.name ?? connectionId;
      notify({
        level: 'error',
        title: `${name}: webhooks are not being processed`,
        body: `${failures} attempts in a row failed (${error.message}). Deliveries stay queued, and scheduled syncs keep the data fresh meanwhile.`,
        connectionId,
      });
    },
  });
  connections.attachWebhooks(service);
  return service;
}
