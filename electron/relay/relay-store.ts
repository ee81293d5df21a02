import type { QueuedDelivery } from '../core/webhooks/webhook-journal-format';

/**
 * Where the relay keeps verified deliveries until every desktop subscribed to their connection has
 * acknowledged them (or they are older than the retention). Two implementations: the embedded
 * journal on disk (one relay process) and NATS JetStream (several relay instances sharing one
 * replicated store).
 *
 * Delivery is at least once: a desktop may be sent a delivery again (after a reconnect, or when an
 * acknowledgement was lost) and de-duplicates by its id.
 */

/** A delivery as the relay stores it; `connectionId` is the relay's name for the connection. */
export interface StoredDelivery extends QueuedDelivery {
  /** Increasing in the order deliveries were stored (per store; gaps allowed). */
  seq: number;
}

/** A desktop as the relay knows it (from its admin configuration). */
export interface RelayDesktop {
  /** Letters, digits, `-` and `_`; at most 64. */
  id: string;
  /** The relay connection whose deliveries it gets. */
  connectionId: string;
  /** When its token was issued (Unix ms): it gets what was stored from then on, not before. */
  registeredAt: number;
}

export interface DesktopSubscription {
  /**
   * The desktop's unacknowledged deliveries, oldest first, then each new one as it is stored;
   * ends when the subscription or the store closes.
   */
  deliveries: AsyncIterable<StoredDelivery>;
  /**
   * The desktop has stored these deliveries (by seq): exactly these are acknowledged. A desktop
   * acknowledges what it was sent in the order sent, which is by seq except for a delivery the
   * store hands out again late (JetStream, after a failover).
   */
  ack(seqs: readonly number[]): Promise<void>;
  /** Stops; what is unacknowledged stays for the desktop's next subscription. */
  close(): Promise<void>;
}

export interface RelayStore {
  /** Stores a verified delivery; resolves only once it is durable (replicated, with JetStream). */
  append(delivery: QueuedDelivery): Promise<void>;
  /** Opens the desktop's subscription (one at a time per desktop: a new one replaces the last). */
  subscribe(desktop: RelayDesktop): Promise<DesktopSubscription>;
  /** How many stored deliveries the desktop has not acknowledged. */
  pending(desktop: RelayDesktop): Promise<number>;
  /** Whether it can store now, and if not why (the relay's /health answers 503 with it, so a load balancer sends elsewhere). */
  health(): { ok: true } | { ok: false; reason: string };
  close(): Promise<void>;
}

/** How long deliveries are kept for a desktop that does not come back: 7 days by default. */
export const defaultRetentionMs = 7 * 24 * 60 * 60 * 1000;

/**
 * The pattern for relay connection and desktop ids: safe in file lines, URLs and NATS subjects, and
 * starting with a letter or digit (so never `__proto__` as a key of the configuration).
 */
export const relayIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
