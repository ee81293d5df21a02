import { WebSocket, type RawData } from 'ws';
import type { Logger } from '../core/logging/logger';
import { parseBoundedJson } from '../core/http/bounded-json';
import { relayAckSchema, relayWindow, type RelayServerFrame } from '../core/webhooks/relay-frames';
import type { DesktopSubscription, RelayDesktop, RelayStore } from './relay-store';

/** How often the relay pings a desktop; one that has not answered by the next ping is cut. */
export const relayHeartbeatMs = 30_000;

/**
 * One desktop's WebSocket on the relay: once subscribed (`open`), a welcome, then its
 * subscription's deliveries sent in order (`pump`), at most `relayWindow` ahead of its
 * acknowledgements, each acknowledgement passed to the store. A frame that is not an
 * acknowledgement of something sent closes the socket (1008); whatever happens, the subscription
 * closes with the socket and what was not acknowledged waits for the next one.
 */
export class DesktopSession {
  /** Deliveries sent and not yet acknowledged, in the order sent, with their frames' sizes. */
  private readonly unacked: { seq: number; bytes: number }[] = [];
  private unackedBytes = 0;
  private subscription: DesktopSubscription | null = null;
  private windowOpened: (() => void) | null = null;
  private alive = true;
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;
  private acking: Promise<void> = Promise.resolve();

  constructor(
    private readonly ws: WebSocket,
    readonly desktop: RelayDesktop,
    private readonly store: RelayStore,
    private readonly logger: Logger | undefined,
    heartbeatMs = relayHeartbeatMs,
  ) {
    ws.on('error', (error) => this.logger?.warn('relay: closed a desktop socket that broke the protocol', { desktop: desktop.id, error: error.message }));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('message', (data: RawData, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('close', () => void this.close());
    this.heartbeat = setInterval(() => {
      if (!this.alive) return void ws.terminate();
      this.alive = false;
      ws.ping();
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  /** Subscribes (unless closed meanwhile) and welcomes the desktop; false when the session closed first. */
  async open(): Promise<boolean> {
    if (this.closed) return false;
    this.subscription = await this.store.subscribe(this.desktop);
    if (this.closed) {
      await this.subscription.close();
      return false;
    }
    this.send({ type: 'welcome', connection: this.desktop.connectionId, desktop: this.desktop.id });
    return true;
  }

  /** Sends the subscription's deliveries until the socket or the store closes. */
  async pump(): Promise<void> {
    if (!this.subscription) return;
    for await (const delivery of this.subscription.deliveries) {
      if (this.closed) break;
      while (this.windowFull() && !this.closed) await new Promise<void>((resolve) => (this.windowOpened = resolve));
      if (this.closed) break;
      const frame = JSON.stringify({ type: 'delivery', seq: delivery.seq, id: delivery.id, receivedAt: delivery.receivedAt, scheme: delivery.scheme, payload: delivery.payload } satisfies RelayServerFrame);
      this.unacked.push({ seq: delivery.seq, bytes: frame.length });
      this.unackedBytes += frame.length;
      if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
    }
    // The store ended the subscription on its own (it lost its server): the desktop connects again and gets a new one.
    if (!this.closed) await this.close(1012, 'The relay is reconnecting to its store; connect again.');
  }

  /** Closes the socket (with `code`, or at once when it is already going) and the subscription. */
  async close(code = 1001, reason = 'The relay is closing.'): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.windowOpened?.();
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(code, reason);
    await this.acking;
    await this.subscription?.close();
  }

  private windowFull(): boolean {
    return this.unacked.length >= relayWindow.deliveries || this.unackedBytes >= relayWindow.bytes;
  }

  private send(frame: RelayServerFrame): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private receive(data: RawData, isBinary: boolean): void {
    const parsed = isBinary ? null : parseBoundedJson(Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]), 4);
    const ack = parsed?.ok ? relayAckSchema.safeParse(parsed.value) : null;
    const index = ack?.success ? this.unacked.findIndex((sent) => sent.seq === ack.data.seq) : -1;
    if (index < 0) {
      void this.close(1008, 'Only acknowledgements of deliveries sent are taken.');
      return;
    }
    // Everything sent up to that one, in the order sent (a late redelivery may carry a lower seq).
    const acked = this.unacked.splice(0, index + 1);
    for (const sent of acked) this.unackedBytes -= sent.bytes;
    const subscription = this.subscription;
    // Acknowledgements reach the store in order; one that fails is sent again next time.
    this.acking = this.acking
      .then(() => subscription?.ack(acked.map((sent) => sent.seq)))
      .catch((error: unknown) => this.logger?.warn('relay: could not store an acknowledgement', { desktop: this.desktop.id, error: String(error) }));
    if (!this.windowFull()) {
      this.windowOpened?.();
      this.windowOpened = null;
    }
  }
}
