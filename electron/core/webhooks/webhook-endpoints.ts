import type { WebhookStatus } from '../../../shared/connection-view';
import type { RelayRoute } from './relay-links';

/** What connections need of the webhook service: each one's endpoint and counters. */
export interface WebhookEndpoints {
  /** The URL to give Makini for the connection. */
  endpointFor(connectionId: string): string;
  status(connectionId: string): Omit<WebhookStatus, 'endpoint' | 'secretSet'>;
  /** Has the connection's webhooks collected from a relay, or (null) only received here. */
  route(connectionId: string, relay: RelayRoute | null): void;
}
