import type { Logger } from '../logging/logger';
import { RelayClient, type RelayClientOptions, type RelayLinkState } from './relay-client';

/** Where a connection's webhooks come from when a relay collects them. */
export interface RelayRoute {
  url: string;
  token: string;
}

/** A connection's relay link as the view shows it. */
export interface RelayLinkView {
  url: string;
  link: RelayLinkState;
  /** The relay's webhook address for the connection (to give Makini), once the relay has named it. */
  endpoint: string | null;
  /** When the link last journaled a delivery (Unix ms). */
  lastDeliveryAt: number | null;
}

export interface RelayLinksOptions extends Pick<RelayClientOptions, 'sink' | 'ca' | 'retryBaseMs' | 'retryMaxMs' | 'silenceMs' | 'now'> {
  /** A connection's link changed state. */
  onChange(connectionId: string): void;
  logger?: Logger;
}

/** One relay link per connection whose webhooks come through a relay; none for the others. */
export class RelayLinks {
  private readonly links = new Map<string, { route: RelayRoute; client: RelayClient }>();

  constructor(private readonly options: RelayLinksOptions) {}

  /** Links the connection to `route` (again only when it changed), or unlinks it (null). */
  route(connectionId: string, route: RelayRoute | null): void {
    const current = this.links.get(connectionId);
    if (current && route && current.route.url === route.url && current.route.token === route.token) return;
    current?.client.stop();
    this.links.delete(connectionId);
    if (route) {
      const { onChange, logger, ...clientOptions } = this.options;
      const client = new RelayClient({
        ...clientOptions,
        ...(logger ? { logger } : {}),
        url: route.url,
        token: route.token,
        connectionId,
        onState: () => onChange(connectionId),
      });
      this.links.set(connectionId, { route, client });
      client.start();
    }
    if (current || route) this.options.onChange(connectionId);
  }

  view(connectionId: string): RelayLinkView | null {
    const entry = this.links.get(connectionId);
    if (!entry) return null;
    const relayConnection = entry.client.relayConnection;
    const endpoint = relayConnection === null ? null : `${entry.route.url.replace(/\/+$/, '')}/webhooks/${encodeURIComponent(relayConnection)}`;
    return { url: entry.route.url, link: entry.client.state, endpoint, lastDeliveryAt: entry.client.lastDeliveryAt };
  }

  close(): void {
    for (const { client } of this.links.values()) client.stop();
    this.links.clear();
  }
}
