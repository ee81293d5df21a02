import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { playExchange } from '../support/attack/raw-exchange';

// The attack harness's one exchange: what it calls a refusal must be one. On a loaded machine the
// event loop can stall past the wait before the 'connect' event is handled; that once made 50
// accepted connections read as "refused" (loaded run 5 of 2026-12-06, seed 1228671336).
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function listener(onConnection: (socket: Socket) => void = () => undefined): Promise<number> {
  const server = createServer(onConnection);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Blocks this process's event loop, as a busy machine does between two turns. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    /* busy */
  }
}

describe('one raw exchange of the attack harness', () => {
  it('counts a connection accepted while the loop stalled past the wait as accepted and left open, not refused', async () => {
    const held: Socket[] = [];
    const port = await listener((socket) => held.push(socket));
    const outcome = playExchange(port, { chunks: [Buffer.from('GET / HTTP/1.1\r\n')], resetAfter: null, halfClose: false }, 50);
    stall(300);
    expect(await outcome).toMatchObject({ refused: false, unaccepted: false, stalled: true });
    for (const socket of held) socket.destroy();
  });

  it('counts a port nothing listens on as refused', async () => {
    const port = await listener();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect(await playExchange(port, { chunks: [], resetAfter: null, halfClose: true }, 50)).toMatchObject({ refused: true, unaccepted: false, stalled: false });
  });

  it('reads what the listener answered before it closed', async () => {
    // Read (and drop) what comes, so this side sees the client's close too.
    const port = await listener((socket) => socket.resume().end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n'));
    const outcome = await playExchange(port, { chunks: [Buffer.from('\u0000\u0001')], resetAfter: null, halfClose: false }, 5000);
    expect(outcome).toMatchObject({ refused: false, unaccepted: false, stalled: false });
    expect(outcome.received.toString('latin1')).toMatch(/^HTTP\/1\.1 400 /);
  });
});
