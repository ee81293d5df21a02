import type { WebhookStatus } from '../../../shared/connection-view';
import type { AppErrorShape } from '../../../shared/errors';
import type { WebhookEndpoints } from './webhook-endpoints';
import { RelayLinks, type RelayLinksOptions, type RelayRoute } from './relay-links';
import { WebhookProcessor, type WebhookHandler } from './webhook-processor';
import { WebhookReceiver, type WebhookReceiverOptions } from './webhook-receiver';
import { badRequestReasons } from './webhook-stats';

export interface WebhookServiceOptions extends Omit<WebhookReceiverOptions, 'secretFor'> {
  handler: WebhookHandler & { secretFor(connectionId: string): string | null };
  /** Processing of a connection's deliveries keeps failing (once per streak of failures). */
  onAlert(connectionId: string, error: AppErrorShape, failures: number): void;
  /** A connection's counters changed. */
  onActivity(connectionId: string): void;
  /** Processing retry timings (tests shorten them). */
  retryBaseDelayMs?: number;
  maxRetryDelayMs?: number;
  alertAfterFailures?: number;
  /** Relay links' certificate authority and timings (tests shorten them). */
  relay?: Pick<RelayLinksOptions, 'ca' | 'retryBaseMs' | 'retryMaxMs' | 'silenceMs'>;
}

/**
 * Webhooks end to end in main: the receiver (verify, journal, answer 200) and the processor that
 * turns journaled deliveries into targeted fetches, with per-connection counters for the UI.
 */
export class WebhookService implements WebhookEndpoints {
  private constructor(
    readonly receiver: WebhookReceiver,
    private readonly processor: WebhookProcessor,
    private readonly relays: RelayLinks,
    private readonly alertAfterFailures: number,
  ) {}

  static async start(options: WebhookServiceOptions): Promise<WebhookService> {
    const { handler, onAlert, onActivity, retryBaseDelayMs, maxRetryDelayMs, alertAfterFailures = 5, relay, ...receiverOptions } = options;
    const receiver = await WebhookReceiver.start({
      ...receiverOptions,
      secretFor: (connectionId) => {
        const secret = handler.secretFor(connectionId);
        // A request to a known connection moves its counters (the view update comes a little later).
        if (secret) onActivity(connectionId);
        return secret;
      },
    });
    const processor = new WebhookProcessor({
      source: receiver,
      handler,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(retryBaseDelayMs !== undefined ? { retryBaseDelayMs } : {}),
      ...(maxRetryDelayMs !== undefined ? { maxRetryDelayMs } : {}),
      alertAfterFailures,
      onAlert,
      onActivity,
    });
    processor.start();
    const relays = new RelayLinks({
      ...relay,
      sink: receiver,
      onChange: onActivity,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    return new WebhookService(receiver, processor, relays, alertAfterFailures);
  }

  endpointFor(connectionId: string): string {
    return this.receiver.endpointFor(connectionId);
  }

  route(connectionId: string, relay: RelayRoute | null): void {
    this.relays.route(connectionId, relay);
  }

  status(connectionId: string): Omit<WebhookStatus, 'endpoint' | 'secretSet'> {
    const received = this.receiver.stats(connectionId);
    const processing = this.processor.stats(connectionId);
    const relay = this.relays.view(connectionId);
    return {
      received: received.received,
      verified: received.verified,
      rejected: received.rejected,
      duplicate: received.duplicate,
      // Journal failures (500s) too: the sender retries them, but they are refusals all the same.
      badRequests: badRequestReasons.reduce((sum, reason) => sum + received.badRequest[reason], 0) + received.failed,
      processed: processing.processed,
      failures: processing.failures,
      pending: processing.pending,
      lastDeliveryAt: processing.lastDeliveryAt,
      lastError: processing.lastError,
      alerting: processing.consecutiveFailures >= this.alertAfterFailures,
      relay: relay && {
        url: relay.url,
        state: relay.link.state,
        since: new Date(relay.link.since).toISOString(),
        message: 'message' in relay.link ? relay.link.message : null,
        endpoint: relay.endpoint,
        lastDeliveryAt: relay.lastDeliveryAt === null ? null : new Date(relay.lastDeliveryAt).toISOString(),
      },
    };
  }

  /** Resolves once every delivery taken so far is processed. */
  idle(): Promise<void> {
    return this.processor.idle();
  }

  /** Stops taking requests, then processing; what is unprocessed stays in the journal for the next start. */
  async close(): Promise<void> {
    this.relays.close();
    await this.receiver.close();
    await this.processor.close();
  }
}
