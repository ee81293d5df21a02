import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logging/logger';
import { BodyIncomplete } from './bounded-body';
import { HttpRefusal } from './http-refusal';
import { parseRequestTarget, readHostHeader } from './request-target';
import { drainUnreadBody } from './unread-body';
import { refuseOnSocket } from './raw-refusal';

export interface ListenerTimeouts {
  /** The whole header section must arrive within this. */
  headersMs: number;
  /** The whole request, headers and body, must arrive within this. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** A connection with no traffic either way (e.g. a client that stops reading its answer) is closed after this. */
  idleMs: number;
  /**
   * How often the two limits above are checked. Node checks them only this often (30 s by
   * default), so a slow client was cut ~25 s late; 1 s keeps it within a second of its limit.
   */
  checkEveryMs: number;
}

export const defaultListenerTimeouts: ListenerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, idleMs: 60_000, checkEveryMs: 1_000 };

export interface HardenedListenerOptions {
  /** Names the listener in the log ("web host", "webhook receiver", …). */
  name: string;
  /**
   * Serves a request whose Host and target have been read (`url`). May throw or reject with an
   * HttpRefusal, answered in the listener's shape; any other error is answered 500 and logged.
   */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<unknown>;
  /** Takes an upgrade (WebSocket handshake); without it every upgrade is refused. The socket already has an 'error' listener. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void;
  /** Writes a refusal in the listener's own error shape; by default JSON `{"error":{"code","message"}}`. */
  writeRefusal?(res: ServerResponse, refusal: HttpRefusal): void;
  /** When set, requests (and upgrades) naming any other Host are refused 421: DNS rebinding cannot reach the listener. */
  allowedHosts?(host: string): boolean;
  /** HTTPS with this certificate and key (PEM); plain HTTP without. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  timeouts?: Partial<ListenerTimeouts>;
  logger?: Logger;
}

/** At most one log line per listener and kind of failure in this interval: a flood must not flood the log. */
const logIntervalMs = 10_000;

export function writeJsonRefusal(res: ServerResponse, refusal: HttpRefusal): void {
  const text = JSON.stringify({ error: { ...refusal.details, code: refusal.code, message: refusal.message } });
  res.writeHead(refusal.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * Answers a refusal unless an answer has begun (then the connection is cut: a half-sent answer
 * cannot be taken back). A body still arriving is read and dropped (drainUnreadBody), so the
 * client reads the answer instead of a reset.
 */
export function answerRefusal(res: ServerResponse, refusal: HttpRefusal, write: (res: ServerResponse, refusal: HttpRefusal) => void = writeJsonRefusal): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(refusal.headers)) res.setHeader(name, value);
  drainUnreadBody(res);
  write(res, refusal);
}

const ignore = () => undefined;

/**
 * One way for every listener (web host and its WebSocket, webhook receiver, OAuth loopback, demo
 * plant) to meet the network: the Host and request target read without throwing, an 'error'
 * listener on every request, response and upgraded socket, malformed requests answered
 * 400/408/431 by status, header and request time limits enforced within a second, idle
 * connections closed, and handler failures answered (never left to stop the process) and logged
 * without the request's URL or headers, which may carry tokens.
 */
export function createHardenedListener(options: HardenedListenerOptions): Server {
  const timeouts = { ...defaultListenerTimeouts, ...options.timeouts };
  const write = options.writeRefusal ?? writeJsonRefusal;
  const scheme = options.tls ? 'https' : 'http';
  const lastLogged = new Map<string, { at: number; suppressed: number }>();
  const log = (kind: string, fields: Record<string, string>) => {
    const now = Date.now();
    const last = lastLogged.get(kind);
    if (last && now - last.at < logIntervalMs) {
      last.suppressed += 1;
      return;
    }
    lastLogged.set(kind, { at: now, suppressed: 0 });
    options.logger?.warn(`${options.name}: ${kind}`, { ...fields, suppressedSinceLast: last?.suppressed ?? 0 });
  };

  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: timeouts.checkEveryMs,
  };
  const server: Server = options.tls
    ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key, handshakeTimeout: timeouts.headersMs })
    : createHttpServer(serverOptions);
  server.setTimeout(timeouts.idleMs);

  const readTarget = (req: IncomingMessage): { url: URL } | HttpRefusal => {
    const host = readHostHeader(req.headers.host);
    if (host === null) return new HttpRefusal(400, 'BAD_HOST', 'The request has no readable Host header.');
    if (options.allowedHosts && !options.allowedHosts(host)) {
      return new HttpRefusal(421, 'WRONG_HOST', 'This address serves only its own host name; open it as it was printed.');
    }
    const url = parseRequestTarget(req.url, host, scheme);
    return url ? { url } : new HttpRefusal(400, 'BAD_REQUEST_TARGET', 'The request names no path this address can read.');
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // Errors of the underlying socket are Node's to handle; these catch what reaches the streams.
    req.on('error', ignore);
    res.on('error', ignore);
    const fail = (error: unknown) => {
      if (error instanceof HttpRefusal) return answerRefusal(res, error, write);
      if (error instanceof BodyIncomplete) return void res.destroy();
      log('a request failed', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      answerRefusal(res, new HttpRefusal(500, 'INTERNAL', `The ${options.name} failed to answer.`), write);
    };
    const target = readTarget(req);
    if (target instanceof HttpRefusal) return fail(target);
    try {
      const handled = options.handle(req, res, target.url);
      if (handled) handled.catch(fail);
    } catch (error) {
      fail(error);
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node takes its own listeners off a socket it hands over for an upgrade: without this one a
    // client resetting the connection (ECONNRESET) would be an unhandled 'error' event.
    socket.on('error', () => socket.destroy());
    const target = readTarget(req);
    if (target instanceof HttpRefusal) return refuseOnSocket(socket, target.status, target.code, target.message);
    if (!options.upgrade) return refuseOnSocket(socket, 400, 'NO_UPGRADE', 'This address takes no protocol upgrades.');
    try {
      options.upgrade(req, socket, head, target.url);
    } catch (error) {
      log('an upgrade failed', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      refuseOnSocket(socket, 500, 'INTERNAL', `The ${options.name} failed to answer.`);
    }
  });

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const response = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message = status === 431 ? 'The request headers are too large.' : status === 408 ? 'The request did not arrive in time.' : 'The request is not readable HTTP.';
    refuseOnSocket(socket, status, 'MALFORMED_REQUEST', message);
  });

  // Accept failures (e.g. out of file descriptors under a flood) are the server's 'error' event:
  // logged, never thrown. Failing to listen is reported by listenOn.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (server.listening) log('the server reported an error', { error: error.code ?? error.message });
  });
  return server;
}

/** Listens, resolving with the address or rejecting with why it could not (e.g. EADDRINUSE). */
export function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}
