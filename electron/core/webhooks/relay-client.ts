import WebSocket, { type RawData } from 'ws';
import { defaultMaxJsonDepth, parseBoundedJson } from '../http/bounded-json';
import type { Logger } from '../logging/logger';
import { relayDesktopPath, relayServerFrameSchema, type RelayDeliveryFrame } from './relay-frames';
import type { AppendOutcome } from './webhook-journal';
import type { QueuedDelivery } from './webhook-journal-format';

/** How a connection's link to its relay stands, as the Connections page says it. */
export type RelayLinkState =
  | { state: 'connecting'; since: number }
  | { state: 'live'; since: number }
  /** Not reachable (network, TLS, the relay down) since `since`; tried again with backoff. */
  | { state: 'unreachable'; since: number; message: string }
  /** The relay refused the token (mistyped or revoked): tried again only slowly. */
  | { state: 'refused'; since: number; message: string };

export interface RelayClientOptions {
  /** The relay's address, e.g. https://relay.example.com (http(s); its WebSocket is at /desktop). */
  url: string;
  /** The desktop token the relay's admin issued. */
  token: string;
  /** The app's id of the connection the deliveries belong to. */
  connectionId: string;
  /** Where deliveries go: the app's webhook journal (which de-duplicates). */
  sink: { enqueueRelayed(delivery: QueuedDelivery): Promise<AppendOutcome> };
  onState(state: RelayLinkState): void;
  /** A certificate authority to trust besides the system's (a company's own CA, or tests). */
  ca?: string | Buffer;
  /** First reconnect delay (doubled each failure, full jitter); 1 s by default. */
  retryBaseMs?: number;
  /** Longest reconnect delay; 60 s by default. After a refused token: 5 minutes. */
  retryMaxMs?: number;
  /** No frame and no ping from the relay for this long: the link is dead, reconnect; 75 s by default. */
  silenceMs?: number;
  now?: () => number;
  random?: () => number;
  logger?: Logger;
}

/** The largest frame the relay may send (a delivery is at most the relay's body limit, 1 MiB, plus framing). */
const maxFrameBytes = 2 * 1024 * 1024;
const refusedRetryMs = 5 * 60 * 1000;
/** A delivery frame nests its payload (as deep as the relay takes one) two levels down. */
const maxFrameDepth = defaultMaxJsonDepth + 2;
/** A link that has stayed up this long (or stored a delivery) is sound: the next failure starts the backoff over. */
const stableAfterMs = 30_000;

/** The WebSocket address of a relay given as http(s). */
export function relaySocketUrl(url: string): string {
  const parsed = new URL(url);
  parsed.protocol = parsed.protocol === 'https:' ? 'wss:' : 'ws:';
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}${relayDesktopPath}`;
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString();
}

/**
 * A connection's link to its relay: an outward WebSocket, opened again with backoff whenever it
 * drops. Each delivery is journaled (de-duplicated there), and acknowledged to the relay only once
 * it and every delivery before it are on disk, so a crash at any point loses nothing: what was not
 * acknowledged comes again.
 */
export class RelayClient {
  private ws: WebSocket | null = null;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private silenceTimer: NodeJS.Timeout | null = null;
  private state_: RelayLinkState;
  private relayConnection_: string | null = null;
  private lastDeliveryAt_: number | null = null;
  /** Deliveries of this socket being journaled, in the order received. */
  private storing: { seq: number; done: boolean }[] = [];
  /** The socket an acknowledgement is planned for this turn, if any. */
  private ackPlannedFor: WebSocket | null = null;
  private stableTimer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly options: RelayClientOptions) {
    this.now = options.now ?? Date.now;
    this.state_ = { state: 'connecting', since: this.now() };
  }

  get state(): RelayLinkState {
    return this.state_;
  }

  /** The relay's name for the connection (its webhook address ends with it), once the relay has said. */
  get relayConnection(): string | null {
    return this.relayConnection_;
  }

  /** When this link last journaled a delivery (Unix ms); null before its first. */
  get lastDeliveryAt(): number | null {
    return this.lastDeliveryAt_;
  }

  start(): void {
    this.connect();
  }

  /** Closes the link for good (settings changed, or the app quits); nothing unacknowledged is lost. */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    if (this.stableTimer) clearTimeout(this.stableTimer);
    this.ws?.terminate();
    this.ws = null;
  }

  private setState(state: RelayLinkState): void {
    this.state_ = state;
    this.options.onState(state);
  }

  private connect(): void {
    if (this.stopped) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(relaySocketUrl(this.options.url), {
        headers: { authorization: `Bearer ${this.options.token}` },
        maxPayload: maxFrameBytes,
        handshakeTimeout: 15_000,
        ...(this.options.ca ? { ca: this.options.ca } : {}),
      });
    } catch (error) {
      this.failed(`The relay address cannot be used: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.ws = ws;
    this.storing = [];
    let refusal: { status: number } | null = null;
    ws.on('unexpected-response', (_req, res) => {
      refusal = { status: res.statusCode ?? 0 };
      res.resume();
      ws.terminate();
    });
    ws.on('error', (error) => this.options.logger?.warn('relay link: socket error', { connectionId: this.options.connectionId, error: error.message }));
    ws.on('open', () => this.heard());
    ws.on('ping', () => this.heard());
    ws.on('message', (data: RawData, isBinary: boolean) => this.receive(ws, data, isBinary));
    ws.on('close', (code, reason) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.silenceTimer) clearTimeout(this.silenceTimer);
      if (this.stableTimer) clearTimeout(this.stableTimer);
      if (this.stopped) return;
      const status = (refusal as { status: number } | null)?.status;
      // 4001: the relay cut this link because the token was revoked (or replaced) meanwhile.
      if (status === 401 || status === 403 || code === 4001) {
        this.setState({ state: 'refused', since: this.now(), message: 'The relay does not accept this desktop token (mistyped, or revoked). Ask for a new one.' });
        this.retryIn(refusedRetryMs);
        return;
      }
      // 4000: a newer link with this token replaced this one, from another computer (this one's own newer link would be this.ws).
      if (code === 4000) {
        this.setState({ state: 'refused', since: this.now(), message: 'Another computer is collecting with this desktop token; each computer needs a token of its own.' });
        this.retryIn(refusedRetryMs);
        return;
      }
      const why = status ? `it answered HTTP ${status}` : code === 1006 ? 'the connection dropped' : reason.toString().replace(/\.+$/, '') || `it closed the connection (${code})`;
      this.failed(`Cannot reach the relay: ${why}.`);
    });
  }

  /** A connection attempt or link failed: unreachable (since the first failure), retried with backoff. */
  private failed(message: string): void {
    const since = this.state_.state === 'unreachable' ? this.state_.since : this.now();
    this.setState({ state: 'unreachable', since, message });
    this.failures += 1;
    const base = this.options.retryBaseMs ?? 1_000;
    const cap = this.options.retryMaxMs ?? 60_000;
    const delay = Math.min(cap, base * 2 ** Math.min(this.failures - 1, 20));
    this.retryIn(Math.max(base / 2, (this.options.random ?? Math.random)() * delay));
  }

  private retryIn(ms: number): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, ms);
    this.retryTimer.unref();
  }

  /** Any sign of life from the relay: the link is not silent. */
  private heard(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    const ws = this.ws;
    this.silenceTimer = setTimeout(() => ws?.terminate(), this.options.silenceMs ?? 75_000);
    this.silenceTimer.unref();
  }

  private receive(ws: WebSocket, data: RawData, isBinary: boolean): void {
    if (ws !== this.ws) return;
    this.heard();
    const parsed = isBinary ? null : parseBoundedJson(Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]), maxFrameDepth);
    const frame = parsed?.ok ? relayServerFrameSchema.safeParse(parsed.value) : null;
    if (!frame?.success) {
      this.options.logger?.warn('relay link: the relay sent a frame that is not its protocol', { connectionId: this.options.connectionId });
      ws.close(1008, 'Not a relay frame.');
      return;
    }
    if (frame.data.type === 'welcome') {
      this.relayConnection_ = frame.data.connection;
      if (this.stableTimer) clearTimeout(this.stableTimer);
      this.stableTimer = setTimeout(() => (this.failures = 0), stableAfterMs);
      this.stableTimer.unref();
      this.setState({ state: 'live', since: this.now() });
      return;
    }
    this.store(ws, frame.data);
  }

  /** Journals a delivery; the acknowledgement follows once it and all before it are on disk. */
  private store(ws: WebSocket, frame: RelayDeliveryFrame): void {
    const entry = { seq: frame.seq, done: false };
    this.storing.push(entry);
    const { id, receivedAt, scheme, payload } = frame;
    this.options.sink.enqueueRelayed({ connectionId: this.options.connectionId, id, receivedAt, scheme, payload }).then(
      () => {
        entry.done = true;
        const first = this.lastDeliveryAt_ === null;
        this.lastDeliveryAt_ = this.now();
        // The first delivery through the link changes what the page says ("live through the relay").
        if (first) this.options.onState(this.state_);
        this.scheduleAck(ws);
      },
      (error: unknown) => {
        // Not stored, so not acknowledged: the relay sends it again on the next link.
        this.options.logger?.error('relay link: could not journal a delivery', { connectionId: this.options.connectionId, error: String(error) });
        if (ws === this.ws) ws.terminate();
      },
    );
  }

  /** Acknowledges, once per turn, the newest delivery of the current socket with everything before it stored. */
  private scheduleAck(ws: WebSocket): void {
    // A write finishing for a socket already replaced plans nothing: its deliveries come again on the new one.
    if (ws !== this.ws || this.ackPlannedFor === ws) return;
    this.ackPlannedFor = ws;
    setImmediate(() => {
      if (this.ackPlannedFor === ws) this.ackPlannedFor = null;
      if (ws !== this.ws) return;
      let seq = 0;
      while (this.storing.length > 0 && this.storing[0]!.done) seq = this.storing.shift()!.seq;
      if (seq > 0 && ws.readyState === WebSocket.OPEN) {
        ws.send(JSON.stringify({ type: 'ack', seq }));
        // Deliveries flow: the link is sound.
        this.failures = 0;
      }
    });
  }
}
