import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readBoundedBody } from '../../electron/core/http/bounded-body';
import { createHardenedListener, listenOn, type HardenedListenerOptions } from '../../electron/core/http/hardened-listener';
import { HttpRefusal } from '../../electron/core/http/http-refusal';
import type { Logger } from '../../electron/core/logging/logger';
import { playExchange, rawRequestStatus } from '../support/attack/raw-exchange';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(options: Partial<HardenedListenerOptions> & Pick<HardenedListenerOptions, 'handle'>): Promise<number> {
  const server = createHardenedListener({ name: 'test listener', ...options });
  servers.push(server);
  return (await listenOn(server, 0, '127.0.0.1')).port;
}

/** Opens a connection, sends `start`, then one more byte every `everyMs` for ever: answers when and how the listener ended it. */
function trickle(port: number, start: string, everyMs: number): Promise<{ afterMs: number; received: string }> {
  return new Promise((resolve) => {
    const began = Date.now();
    const socket = connect({ port, host: '127.0.0.1' });
    let received = '';
    const timer = setInterval(() => socket.writable && socket.write('x'), everyMs);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ afterMs: Date.now() - began, received });
    });
    socket.write(start);
  });
}

const logged: string[] = [];
const logger: Logger = { info: () => undefined, warn: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`), error: () => undefined, addSecret: () => undefined };

describe('hardened listener', () => {
  it('cuts a client that sends its headers too slowly within about a second of the limit (Node alone: up to 30 s late)', async () => {
    const port = await listen({ handle: (_req, res) => void res.end('ok'), timeouts: { headersMs: 1000, requestMs: 2000 } });
    const { afterMs, received } = await trickle(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 100);
    expect(afterMs).toBeGreaterThanOrEqual(1000);
    expect(afterMs).toBeLessThan(5000);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts a client that sends its body too slowly within about a second of the request limit', async () => {
    const port = await listen({
      handle: async (req, res) => void res.end(String((await readBoundedBody(req)).length)),
      timeouts: { headersMs: 1000, requestMs: 2000 },
    });
    const { afterMs } = await trickle(port, 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n', 100);
    expect(afterMs).toBeGreaterThanOrEqual(2000);
    expect(afterMs).toBeLessThan(6000);
  });

  it('answers what handlers throw: a refusal in its shape, anything else 500, logged without the URL', async () => {
    let mode: 'refuse' | 'throw' | 'reject' = 'refuse';
    const port = await listen({
      logger,
      handle: (req) => {
        if (mode === 'refuse') throw new HttpRefusal(409, 'IN_THE_WAY', 'Something is in the way.', {}, { fields: { a: 'b' } });
        if (mode === 'throw') throw new TypeError('boom');
        return Promise.reject(new Error(`failed on ${req.url}`));
      },
    });
    const get = () => fetch(`http://127.0.0.1:${port}/secret?token=hunter2hunter2`);
    let answer = await get();
    expect(answer.status).toBe(409);
    expect(await answer.json()).toEqual({ error: { fields: { a: 'b' }, code: 'IN_THE_WAY', message: 'Something is in the way.' } });
    mode = 'throw';
    answer = await get();
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({ error: { code: 'INTERNAL', message: 'The test listener failed to answer.' } });
    mode = 'reject';
    expect((await get()).status).toBe(500);
    expect(logged.join('\n')).toContain('TypeError: boom');
    expect(logged.join('\n')).not.toContain('secret?token');
  });

  it('cuts the connection when a handler fails after its answer began (a half answer cannot be taken back)', async () => {
    const port = await listen({
      handle: (_req, res, url) => {
        if (url.pathname !== '/half') return void res.end('ok');
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
        throw new Error('mid-answer');
      },
    });
    await expect(fetch(`http://127.0.0.1:${port}/half`).then((response) => response.text())).rejects.toThrow();
    expect(await rawRequestStatus(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toBe(200);
  });

  it('refuses a body over its limit with 413 while it is still arriving: the client reads the answer, and the connection stays usable', async () => {
    const port = await listen({ handle: async (req, res) => void res.end(String((await readBoundedBody(req, 1024)).length)) });
    for (let round = 0; round < 3; round += 1) {
      const stream = new Blob([new Uint8Array(4 * 1024 * 1024)]).stream();
      const answer = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
      expect(answer.status).toBe(413);
      expect(answer.headers.get('connection')).not.toBe('close');
      expect((await answer.json()).error.code).toBe('BODY_TOO_LARGE');
      expect(await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'small' })).text()).toBe('5');
    }
    // Declared larger than is worth reading: answered at once, and the connection closed with it.
    const { received } = await playExchange(port, { chunks: [Buffer.from('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000\r\n\r\n')], resetAfter: null, halfClose: false });
    expect(received.toString('latin1')).toMatch(/^HTTP\/1\.1 413 [^]*\r\nConnection: close\r\n/i);
  });

  it('refuses upgrades it was not given a handler for, and answers 431 to oversized headers', async () => {
    const port = await listen({ handle: (_req, res) => void res.end('ok') });
    expect(await rawRequestStatus(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')).toBe(400);
    expect(await rawRequestStatus(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`)).toBe(431);
  });
});
