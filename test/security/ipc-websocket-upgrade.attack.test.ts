import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedHttpExchanges } from '../support/attack/malformed-http-requests';
import { answeredStatus, playExchange } from '../support/attack/raw-exchange';
import { runAttack } from '../support/attack/run-attack';
import { startWebModeTarget, type WebModeTarget } from '../support/attack/web-mode-target';

// The handshake of web mode's IPC WebSocket: who may open one, and what a refused or broken
// handshake does to the process.
let target: WebModeTarget;
let before: string;

const handshake = (path: string, origin: string | null) =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${target.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${origin === null ? '' : `Origin: ${origin}\r\n`}\r\n`;

async function stillServing(): Promise<void> {
  target.assertAlive();
  expect((await fetch(`${target.origin}/`)).status).toBe(200);
  expect(await target.client.invoke('connections.list')).toHaveLength(1);
}

beforeAll(async () => {
  target = await startWebModeTarget();
  before = await target.fingerprint();
});
afterAll(async () => {
  await target?.stop();
});

describe('IPC WebSocket handshake under attack', () => {
  it('survives clients that reset the connection right after a refused upgrade (no token, wrong token, foreign Origin)', async () => {
    const refusals = [
      handshake('/ipc', target.origin),
      handshake('/ipc?token=guess', target.origin),
      handshake(`/ipc?token=${target.token}`, 'http://evil.example'),
      handshake(`/ipc?token=${target.token}`, null),
      handshake('/elsewhere', target.origin),
    ];
    // Each refusal read in full, then the same refusals with the client resetting at once, while the answer is on its way.
    const statuses = await Promise.all(refusals.map(async (text) => answeredStatus((await playExchange(target.port, { chunks: [Buffer.from(text)], resetAfter: null, halfClose: false })).received)));
    expect(statuses).toEqual([403, 403, 403, 403, 404]);
    for (let round = 0; round < 60; round += 1) {
      await Promise.all(refusals.map((text) => playExchange(target.port, { chunks: [Buffer.from(text)], resetAfter: 1, halfClose: false })));
    }
    await stillServing();
  });

  it('refuses a handshake that names another host (DNS rebinding) even with the token and Origin', async () => {
    const text = handshake(`/ipc?token=${target.token}`, target.origin).replace(`Host: 127.0.0.1:${target.port}`, `Host: evil.example:${target.port}`);
    expect(answeredStatus((await playExchange(target.port, { chunks: [Buffer.from(text)], resetAfter: null, halfClose: false })).received)).toBe(421);
  });

  it('stays up through 10,000 generated malformed handshakes, and the page\'s cache and outbox are unchanged', async () => {
    const surface = (origin: string) => ({
      host: `127.0.0.1:${target.port}`,
      methods: ['GET'],
      paths: [`/ipc?token=${target.token}`, `/ipc?token=${target.token}&x=1`, '/ipc?token=guess', '/ipc', '/ipc?token=', '/'],
      headersFor: () => ({ Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': randomBytes(16).toString('base64'), 'Sec-WebSocket-Version': '13', Origin: origin }),
    });
    const report = await runAttack({
      name: 'IPC WebSocket handshake',
      port: () => target.port,
      exchanges: fc.oneof(malformedHttpExchanges(surface(target.origin)), malformedHttpExchanges(surface('http://evil.example'))),
      stillServing,
      // An admitted handshake opens a WebSocket that stays open (as a page's would): the client stops waiting soon.
      waitMs: 250,
    });
    expect(report.exchanges).toBeGreaterThanOrEqual(10_000);
    await stillServing();
    expect(await target.fingerprint()).toBe(before);
  });
});
