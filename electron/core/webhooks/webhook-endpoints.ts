import type { WebhookStatus } from '../../../shared/connection-view';

/** What connections need of the webhook service: each one's endpoint and counters. */
export interface WebhookEndpoints {
  /** The URL to give Makini for the connection. */
  endpointFor(connectionId: string): string;
  status(connectionId: string): Omit<WebhookStatus, 'endpoint' | 'secretSet'>;
}
