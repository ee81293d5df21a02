import type { Logger } from '../logging/logger';
import type { QueuedDelivery } from './webhook-journal-format';

export type DeliveryListener = (delivery: QueuedDelivery) => void | Promise<void>;

interface IteratorState {
  buffer: QueuedDelivery[];
  done: boolean;
  wake: () => void;
}

/**
 * Hands newly queued deliveries to their processors without ever delaying the sender's answer:
 * `publish` (called as a delivery becomes durable) only records it; listeners run, and waiting
 * iterators resume, on a later turn of the event loop, after the 200 has been written.
 */
export class DeliveryFeed {
  private readonly listeners = new Set<DeliveryListener>();
  private readonly iterators = new Set<IteratorState>();

  constructor(private readonly logger?: Logger) {}

  publish(delivery: QueuedDelivery): void {
    // The listeners subscribed now, so one that subscribes after this delivery was queued (and can
    // find it in pending()) does not get it twice.
    const listeners = [...this.listeners];
    const iterators = [...this.iterators];
    for (const state of iterators) state.buffer.push(delivery);
    setImmediate(() => {
      for (const listener of listeners) {
        try {
          const result = listener(delivery);
          if (result) result.catch((error: unknown) => this.listenerFailed(delivery, error));
        } catch (error) {
          this.listenerFailed(delivery, error);
        }
      }
      for (const state of iterators) state.wake();
    });
  }

  subscribe(listener: DeliveryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * `initial` (the deliveries pending now), then every delivery published from now on, until
   * `signal` aborts, the consumer stops (break/return) or the feed closes. A delivery is yielded
   * once per iterator; one left unprocessed is found again in pending() after a restart.
   */
  iterate(initial: readonly QueuedDelivery[], signal?: AbortSignal): AsyncIterableIterator<QueuedDelivery> {
    // Registered now, not at the first next(): nothing published in between is missed.
    const waiters: (() => void)[] = [];
    const state: IteratorState = {
      buffer: [...initial],
      done: false,
      wake: () => {
        for (const resolve of waiters.splice(0)) resolve();
      },
    };
    this.iterators.add(state);
    const finish = () => {
      state.done = true;
      state.buffer = [];
      this.iterators.delete(state);
      signal?.removeEventListener('abort', finish);
      state.wake();
    };
    if (signal?.aborted) finish();
    else signal?.addEventListener('abort', finish, { once: true });
    const ended: IteratorResult<QueuedDelivery> = { done: true, value: undefined };
    const iterator: AsyncIterableIterator<QueuedDelivery> = {
      async next() {
        for (;;) {
          if (state.done) return ended;
          const delivery = state.buffer.shift();
          if (delivery) return { done: false, value: delivery };
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
      },
      async return() {
        finish();
        return ended;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Ends every iterator; listeners get nothing more. */
  close(): void {
    this.listeners.clear();
    for (const state of [...this.iterators]) {
      state.done = true;
      state.wake();
    }
    this.iterators.clear();
  }

  private listenerFailed(delivery: QueuedDelivery, error: unknown): void {
    this.logger?.error('webhook delivery listener failed', { connectionId: delivery.connectionId, deliveryId: delivery.id, error: String(error) });
  }
}
