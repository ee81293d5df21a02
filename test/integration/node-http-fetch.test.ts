import fc from 'fast-check';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from '../../electron/core/http/node-http-fetch';

// The upstream transport main uses in place of the platform's fetch, against real servers: what a
// caller sees must be what fetch would have shown it, and a hostile server must only ever make a
// request fail.

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: Socket;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function listen(server: Server | TcpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function recordingServer(handler: Handler): { server: Server; seen: Seen[] } {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body, socket: req.socket });
      handler(req, res, body);
    });
  });
  return { server, seen };
}

const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
};

let main: { server: Server; seen: Seen[] };
let other: { server: Server; seen: Seen[] };
let base: string;
let otherBase: string;
/** Per socket, how many requests it carried: `/once-per-socket` closes a kept-open socket on its second. */
const requestsPerSocket = new WeakMap<Socket, number>();

beforeAll(async () => {
  other = recordingServer((_req, res) => json(res, 200, { where: 'other' }));
  otherBase = await listen(other.server);
  main = recordingServer((req, res, body) => {
    const url = new URL(req.url!, 'http://x');
    const count = (requestsPerSocket.get(req.socket) ?? 0) + 1;
    requestsPerSocket.set(req.socket, count);
    switch (url.pathname) {
      case '/echo':
        return json(res, 201, { method: req.method, body }, { 'x-request-id': 'req-1' });
      case '/gzip':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return res.end(gzipSync(JSON.stringify({ packed: 'gzip'.repeat(1000) })));
      case '/br':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
        return res.end(brotliCompressSync(JSON.stringify({ packed: 'br'.repeat(1000) })));
      case '/empty':
        res.writeHead(204);
        return res.end();
      case '/same-origin':
        res.writeHead(302, { location: '/echo' });
        return res.end();
      case '/see-other':
        res.writeHead(303, { location: '/echo' });
        return res.end();
      case '/elsewhere':
        res.writeHead(307, { location: `${otherBase}/landed` });
        return res.end();
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        return res.end();
      case '/stall-headers':
        return; // never answers
      case '/stall-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.write('{"data":[');
      case '/reset-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"data":[');
        return setTimeout(() => req.socket.resetAndDestroy(), 20);
      case '/once-per-socket':
        // The server let this socket go idle and closed it: the second request on it never gets an answer.
        if (count > 1) return req.socket.destroy();
        return json(res, 200, { count });
      default:
        return json(res, 404, { error: 'no such path' });
    }
  });
  base = await listen(main.server);
});

afterAll(async () => {
  for (const { server } of [main, other]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('nodeHttpFetch', () => {
  it('sends the method, headers and body as given and answers status, headers and body as fetch does', async () => {
    const response = await nodeHttpFetch(`${base}/echo`, { method: 'PUT', headers: { authorization: 'Bearer t', 'content-type': 'application/json', 'idempotency-key': 'op-1' }, body: '{"severity":"High"}' });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(await response.json()).toEqual({ method: 'PUT', body: '{"severity":"High"}' });
    const seen = main.seen.at(-1)!;
    expect(seen.headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/json', 'idempotency-key': 'op-1', 'content-length': '19', 'accept-encoding': 'gzip, deflate, br' });
    // A string body without a type is text, as fetch would send it.
    await (await nodeHttpFetch(`${base}/echo`, { method: 'POST', body: 'plain' })).text();
    expect(main.seen.at(-1)!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    await (await nodeHttpFetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token' }) })).text();
    expect(main.seen.at(-1)).toMatchObject({ body: 'grant_type=refresh_token', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } });
  });

  it('keeps the connection open between requests', async () => {
    for (let i = 0; i < 5; i++) await (await nodeHttpFetch(`${base}/echo`)).text();
    const sockets = new Set(main.seen.slice(-5).map((seen) => seen.socket));
    expect(sockets.size).toBe(1);
  });

  it('sends a read again on a new connection when the kept one was closed while idle, and never a write', async () => {
    expect(await (await nodeHttpFetch(`${base}/once-per-socket`)).json()).toEqual({ count: 1 });
    // The same socket is reused, the server drops it, and the read goes again on a fresh one.
    expect(await (await nodeHttpFetch(`${base}/once-per-socket`)).json()).toEqual({ count: 1 });
    const [first, dropped, again] = main.seen.slice(-3);
    expect(dropped!.socket).toBe(first!.socket);
    expect(again!.socket).not.toBe(first!.socket);
    // A write the server may have applied before dropping the connection fails instead.
    await expect(nodeHttpFetch(`${base}/once-per-socket`, { method: 'PUT', body: '{}' })).rejects.toMatchObject({ name: 'TypeError', cause: { code: 'ECONNRESET' } });
    expect(main.seen.at(-1)).toMatchObject({ method: 'PUT', socket: again!.socket });
  });

  it('decodes gzip and brotli answers', async () => {
    expect(await (await nodeHttpFetch(`${base}/gzip`)).json()).toEqual({ packed: 'gzip'.repeat(1000) });
    expect(await (await nodeHttpFetch(`${base}/br`)).json()).toEqual({ packed: 'br'.repeat(1000) });
  });

  it('answers a 204 with no body', async () => {
    const response = await nodeHttpFetch(`${base}/empty`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('follows redirects, turns a 303 into a GET, and never carries credentials to another origin', async () => {
    expect(await (await nodeHttpFetch(`${base}/same-origin`, { headers: { authorization: 'Bearer t' } })).json()).toMatchObject({ method: 'GET' });
    expect(main.seen.at(-1)!.headers.authorization).toBe('Bearer t');

    expect(await (await nodeHttpFetch(`${base}/see-other`, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } })).json()).toEqual({ method: 'GET', body: '' });
    expect(main.seen.at(-1)!.headers['content-type']).toBeUndefined();

    expect(await (await nodeHttpFetch(`${base}/elsewhere`, { method: 'PUT', body: '{"a":1}', headers: { authorization: 'Bearer t', cookie: 'c=1' } })).json()).toEqual({ where: 'other' });
    const landed = other.seen.at(-1)!;
    expect(landed).toMatchObject({ method: 'PUT', url: '/landed', body: '{"a":1}' });
    expect(landed.headers.authorization).toBeUndefined();
    expect(landed.headers.cookie).toBeUndefined();

    await expect(nodeHttpFetch(`${base}/loop`)).rejects.toMatchObject({ name: 'TypeError', cause: { message: 'redirect count exceeded' } });
  });

  it('rejects with the TimeoutError of AbortSignal.timeout, before the answer and while its body arrives', async () => {
    await expect(nodeHttpFetch(`${base}/stall-headers`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });
    const response = await nodeHttpFetch(`${base}/stall-body`, { signal: AbortSignal.timeout(150) });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toMatchObject({ name: 'TimeoutError' });
    const aborted = new AbortController();
    aborted.abort();
    await expect(nodeHttpFetch(`${base}/echo`, { signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails a body cut off by a reset, and an address no one listens at, as fetch fails', async () => {
    const response = await nodeHttpFetch(`${base}/reset-body`);
    await expect(response.text()).rejects.toThrow();
    const closed = createServer();
    const address = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(nodeHttpFetch(`${address}/`)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
    await expect(nodeHttpFetch('ftp://127.0.0.1/file')).rejects.toMatchObject({ name: 'TypeError' });
    await expect(nodeHttpFetch(`${base}/echo`, { method: 'GET', body: 'x' })).rejects.toMatchObject({ name: 'TypeError' });
  });

  it('hands a form with a file to the platform fetch, which gives it its boundary', async () => {
    const form = new FormData();
    form.set('file', new Blob(['hello'], { type: 'text/plain' }), 'note.txt');
    await (await nodeHttpFetch(`${base}/echo`, { method: 'POST', body: form })).text();
    const seen = main.seen.at(-1)!;
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.body).toContain('filename="note.txt"');
  });
});

describe('nodeHttpFetch against a server that answers anything', () => {
  const seed = Number(process.env.ATTACK_SEED ?? Date.now() % 2 ** 31);
  console.log(`node-http-fetch: property seed ${seed} (replay with ATTACK_SEED=${seed})`);
  let raw: TcpServer;
  let rawBase: string;
  let answer: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    raw = createTcpServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.end(answer));
    });
    rawBase = await listen(raw);
  });
  afterAll(() => new Promise((resolve) => raw.close(resolve)));

  const statusLine = fc.oneof(
    fc.constantFrom('HTTP/1.1 200 OK', 'HTTP/1.1 204 No Content', 'HTTP/1.1 302 Found', 'HTTP/1.1 999 Odd', 'HTTP/1.1 101 Switching', 'HTTP/1.0 200 OK', 'HTTP/1.1 abc'),
    fc.string({ maxLength: 40 }),
  );
  const header = fc.oneof(
    fc.constantFrom('content-length: 5', 'content-length: -1', 'content-length: 99999999', 'transfer-encoding: chunked', 'content-encoding: gzip', 'content-encoding: br', 'location: /', 'location: http://[::1', 'connection: close'),
    fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 })).map(([name, value]) => `${name}: ${value}`),
  );
  const response = fc.tuple(statusLine, fc.array(header, { maxLength: 6 }), fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')))).map(
    ([status, headers, body]) => Buffer.from(`${status}\r\n${headers.join('\r\n')}\r\n\r\n${body}`, 'latin1'),
  );

  it('answers or refuses every response, never throws outside the promise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(response, fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes))), async (bytes) => {
        answer = bytes;
        const outcome = await nodeHttpFetch(`${rawBase}/`, { signal: AbortSignal.timeout(2_000) }).then(
          async (reply) => {
            await reply.arrayBuffer().catch(() => undefined);
            return reply.status;
          },
          (error: unknown) => error,
        );
        // A status fetch can represent, or an Error fetch would give (never a redirect left unfollowed).
        if (typeof outcome === 'number') expect(outcome >= 200 && outcome <= 599).toBe(true);
        else expect(outcome).toBeInstanceOf(Error);
      }),
      { seed, numRuns: 300 },
    );
  });
});
