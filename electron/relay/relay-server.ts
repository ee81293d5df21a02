import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { createHardenedListener, listenOn } from '../core/http/hardened-listener';
import { HttpRefusal } from '../core/http/http-refusal';
import { isLoopbackAddress } from '../core/http/loopback-address';
import { refuseOnSocket } from '../core/http/raw-refusal';
import type { Logger } from '../core/logging/logger';
import { relayDesktopPath, relayPingPath, type RelayPing } from '../core/webhooks/relay-frames';
import { WebhookAdmission } from '../core/webhooks/webhook-admission';
import type { WebhookConnectionStats } from '../core/webhooks/webhook-stats';
import { DesktopSession, relayHeartbeatMs } from './desktop-session';
import type { RelayDesktop, RelayStore } from './relay-store';

/** What the relay serves from: its administration (secrets, tokens) and its store. */
export interface RelayServerOptions {
  secretFor(connectionId: string): string | null;
  desktopFor(token: string): RelayDesktop | null;
  store: RelayStore;
  /** 127.0.0.1 by default. Plain HTTP beyond loopback needs `behindProxy` (a proxy terminates TLS). */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  tls?: { cert: string | Buffer; key: string | Buffer };
  behindProxy?: boolean;
  maxBodyBytes?: number;
  maxJsonDepth?: number;
  toleranceSeconds?: number;
  heartbeatMs?: number;
  /** How often connected desktops' tokens are checked again (a revoked or replaced one is cut); 1 s by default. */
  recheckTokensMs?: number;
  now?: () => number;
  logger?: Logger;
}

function bearerToken(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  return /^Bearer [\x21-\x7e]{1,200}$/.test(header) ? header.slice(7) : '';
}

/**
 * The relay's one listener: `POST /webhooks/<connection>` from Makini (verified with the
 * connection's secret and stored before the 200, as the desktop receiver does), `GET /health` for
 * load balancers, `GET /desktop/ping` to test a desktop token, and desktops' WebSockets on
 * `/desktop`, each authorised by its bearer token. A desktop connecting again replaces its
 * previous socket.
 */
export class RelayServer {
  private readonly admission: WebhookAdmission;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  private readonly sessions = new Map<string, { session: DesktopSession; token: string }>();
  /** Per desktop, the last session start: starts follow one another, so an older one never replaces a newer. */
  private readonly starts = new Map<string, Promise<void>>();
  private readonly recheck: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly options: RelayServerOptions,
    private readonly server: Server,
    /** The relay's origin as it listens, e.g. https://0.0.0.0:8443. */
    readonly url: string,
    readonly port: number,
  ) {
    this.admission = new WebhookAdmission({
      name: 'relay',
      now: options.now ?? Date.now,
      logger: options.logger,
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.maxJsonDepth !== undefined ? { maxJsonDepth: options.maxJsonDepth } : {}),
      ...(options.toleranceSeconds !== undefined ? { toleranceSeconds: options.toleranceSeconds } : {}),
    });
    this.recheck = setInterval(() => this.recheckTokens(), options.recheckTokensMs ?? 1_000);
    this.recheck.unref();
  }

  /** Cuts desktops whose token was revoked or replaced since they connected (4001: the desktop stops retrying often). */
  private recheckTokens(): void {
    for (const { session, token } of this.sessions.values()) {
      if (this.options.desktopFor(token)?.id !== session.desktop.id) void session.close(4001, 'This desktop token was revoked or replaced.');
    }
  }

  static async start(options: RelayServerOptions): Promise<RelayServer> {
    const host = options.host ?? '127.0.0.1';
    if (!options.tls && !options.behindProxy && !isLoopbackAddress(host)) {
      throw new Error(`Plain HTTP on ${host} would carry webhooks and desktop tokens unencrypted: give a certificate (--tls-cert, --tls-key), or say a proxy in front terminates TLS (--behind-proxy).`);
    }
    let relay: RelayServer | null = null;
    const server = createHardenedListener({
      name: 'relay',
      logger: options.logger,
      timeouts: { headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000 },
      ...(options.tls ? { tls: options.tls } : {}),
      handle: (req, res, url) => {
        if (!relay) throw new HttpRefusal(503, 'starting', 'The relay is still starting.');
        return relay.accept(req, res, url);
      },
      upgrade: (req, socket, head, url) => {
        if (!relay) return refuseOnSocket(socket, 503, 'starting', 'The relay is still starting.');
        relay.upgrade(req, socket, head, url);
      },
    });
    const { port } = await listenOn(server, options.port ?? 0, host);
    const shownHost = isIP(host) === 6 ? `[${host}]` : host;
    relay = new RelayServer(options, server, `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`, port);
    return relay;
  }

  /** Counters of a connection's webhook endpoint since start. */
  stats(connectionId: string): WebhookConnectionStats {
    return this.admission.stats.get(connectionId);
  }

  /** Desktops connected now. */
  connectedDesktops(): string[] {
    return [...this.sessions.keys()];
  }

  /** Stops listening, lets webhook requests under way finish storing, closes desktop sockets. The store is the caller's. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeIdleConnections();
      await Promise.allSettled([...this.inFlight]);
      clearInterval(this.recheck);
      await Promise.allSettled([...this.sessions.values()].map(({ session }) => session.close()));
      this.wss.close();
      this.server.closeAllConnections();
      await closed;
    })();
    return this.closing;
  }

  private accept(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const handling = this.handle(req, res, url);
    this.inFlight.add(handling);
    const forget = () => this.inFlight.delete(handling);
    handling.then(forget, forget);
    return handling;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/health' && req.method === 'GET') {
      const health = this.options.store.health();
      return this.json(res, health.ok ? 200 : 503, health);
    }
    if (url.pathname === relayPingPath) {
      if (req.method !== 'GET') throw new HttpRefusal(405, 'method-not-allowed', 'Test a desktop token with GET.', { allow: 'GET' });
      const desktop = this.options.desktopFor(bearerToken(req));
      if (!desktop) throw new HttpRefusal(401, 'bad-token', 'This relay does not know that desktop token (mistyped, or revoked).');
      const ping: RelayPing = { connection: desktop.connectionId, desktop: desktop.id, pending: await this.options.store.pending(desktop) };
      return this.json(res, 200, ping);
    }
    // The relay keeps every copy (desktops de-duplicate): each is stored, answered `queued`.
    return this.admission.serve(req, res, url, this.options.secretFor, async (delivery) => {
      await this.options.store.append(delivery);
      return 'queued';
    });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    if (url.pathname !== relayDesktopPath) return refuseOnSocket(socket, 404, 'not-found', 'Desktops connect at /desktop.');
    if (this.closing) return refuseOnSocket(socket, 503, 'closing', 'The relay is closing; connect again shortly.');
    const desktop = this.options.desktopFor(bearerToken(req));
    if (!desktop) return refuseOnSocket(socket, 401, 'bad-token', 'This relay does not know that desktop token (mistyped, or revoked).');
    const token = bearerToken(req);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const previous = this.sessions.get(desktop.id)?.session;
      const session = new DesktopSession(ws, desktop, this.options.store, this.options.logger, this.options.heartbeatMs ?? relayHeartbeatMs);
      this.sessions.set(desktop.id, { session, token });
      ws.on('close', () => {
        if (this.sessions.get(desktop.id)?.session === session) this.sessions.delete(desktop.id);
      });
      const started = (this.starts.get(desktop.id) ?? Promise.resolve()).then(async () => {
        await previous?.close(4000, 'Replaced by a newer connection of this desktop.');
        return session.open();
      });
      this.starts.set(desktop.id, started.then(() => undefined, () => undefined));
      started
        .then((opened) => (opened ? session.pump() : undefined))
        .catch((error: unknown) => {
          this.options.logger?.warn('relay: a desktop session ended with an error', { desktop: desktop.id, error: String(error) });
          void session.close(1011, 'The relay could not read its store.');
        });
    });
  }
}
