import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { isIP } from 'node:net';
import { createHardenedListener, listenOn } from '../http/hardened-listener';
import { HttpRefusal } from '../http/http-refusal';
import { refuseOnSocket } from '../http/raw-refusal';
import { WsMainTransport } from '../ipc/ws-main-transport';
import type { Logger } from '../logging/logger';
import { readStaticFile } from './static-files';

export interface WebHostOptions {
  rendererDir: string;
  port?: number;
  host?: string;
  logger?: Logger;
}

export interface RunningWebHost {
  /** The address to open: it carries the per-launch token in the fragment, which is never sent to a server. */
  url: string;
  origin: string;
  transport: WsMainTransport;
  server: Server;
  close(): Promise<void>;
}

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The Host names web mode answers to: its own address, and localhost and [::1], with its port.
 * Any other name (a DNS-rebinding page's, say) is refused, so a page elsewhere cannot read it.
 */
function ownHostNames(address: string, port: number): Set<string> {
  const shown = isIP(address) === 6 ? `[${address}]` : address;
  return new Set([`${shown}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].map((name) => name.toLowerCase()));
}

/** Web mode: serves the built renderer on loopback and carries the IPC contract over a WebSocket. */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = randomBytes(24).toString('base64url');
  let hostNames = new Set<string>();
  let transport: WsMainTransport | null = null;
  const server = createHardenedListener({
    name: 'web host',
    logger: options.logger,
    allowedHosts: (host) => hostNames.has(host),
    upgrade(req, socket, head, url) {
      if (transport) transport.upgrade(req, socket, head, url);
      else refuseOnSocket(socket, 503, 'STARTING', 'Millwright is still starting; try again in a moment.');
    },
    async handle(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpRefusal(405, 'METHOD_NOT_ALLOWED', "This address serves the app's pages only (GET and HEAD).", { allow: 'GET, HEAD' });
      }
      const file = await readStaticFile(options.rendererDir, url.pathname);
      if (!file) throw new HttpRefusal(404, 'NOT_FOUND', 'There is no such page.');
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-length': file.body.length,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    },
  });
  const address = await listenOn(server, options.port ?? 0, options.host ?? '127.0.0.1');
  hostNames = ownHostNames(address.address, address.port);
  const origin = `http://${isIP(address.address) === 6 ? `[${address.address}]` : address.address}:${address.port}`;
  transport = new WsMainTransport({ token, allowedOrigins: new Set([...hostNames].map((name) => `http://${name}`)), logger: options.logger });
  return {
    url: `${origin}/#token=${token}`,
    origin,
    transport,
    server,
    async close() {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
