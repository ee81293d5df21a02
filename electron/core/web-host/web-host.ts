import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readStaticFile } from './static-files';
import { WsMainTransport } from '../ipc/ws-main-transport';

export interface WebHostOptions {
  rendererDir: string;
  port?: number;
  host?: string;
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
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Web mode: serves the built renderer on loopback and carries the IPC contract over a WebSocket. */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    void readStaticFile(options.rendererDir, url.pathname).then((file) => {
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.address}:${address.port}`;
  const transport = new WsMainTransport(server, { token, allowedOrigin: origin });
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
