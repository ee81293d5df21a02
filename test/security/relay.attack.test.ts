import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayClient } from '../../electron/core/webhooks/relay-client';
import { addRelayConnection, issueDesktopToken, revokeDesktop } from '../../electron/relay/relay-config';
import { encodeFrame, malformedFrameExchanges, type FrameSpec } from '../support/attack/malformed-websocket-frames';
import { malformedHttpExchanges } from '../support/attack/malformed-http-requests';
import { playExchange, rawRequestStatus } from '../support/attack/raw-exchange';
import { runAttack } from '../support/attack/run-attack';
import { until } from '../support/desktop-engine';
import { startRelayProcess, type RelayProcess } from '../support/relay-process';

// The relay as its own process (`npm run relay -- serve`), attacked where it meets the internet:
// Makini's webhook endpoint (signed and forged hostile deliveries), the token test, and desktops'
// WebSockets (bad tokens, then frames from an admitted desktop that break the protocol). A real
// desktop stays linked all along and must get every delivery the relay stored; the process must
// never exit.
const secret = 'attack-test-relay-secret-7c41';
const sign = (body: Uint8Array) => createHmac('sha256', secret).update(body).digest('base64');

let dir: string;
let relay: RelayProcess;
let port: number;
let goodToken: string;
let attackerToken: string;
let desk: RelayClient;
const received = new Set<string>();
let storedOk = 0;

function assertAlive(): void {
  const { child } = relay;
  if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the relay exited (${child.exitCode ?? child.signalCode}); it printed:\n${relay.output()}`);
}

/** A signed delivery the relay takes, with a fresh webhook-id so it is a new one. */
async function deliver(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/webhooks/north-mill`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-signature': sign(Buffer.from(body)), 'webhook-id': randomBytes(8).toString('hex'), ...headers },
    body,
  });
}

async function stillServing(): Promise<void> {
  assertAlive();
  expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  const answer = await deliver(JSON.stringify({ event: 'work-orders.updated', data: { key: 'wo-canary' } }));
  expect(answer.status).toBe(200);
  storedOk += 1;
  const ping = await fetch(`http://127.0.0.1:${port}/desktop/ping`, { headers: { authorization: `Bearer ${goodToken}` } });
  expect(ping.status).toBe(200);
  expect(desk.state.state).toBe('live');
}

const handshake = (token: string, requestPath = '/desktop') =>
  Buffer.from(
    `GET ${requestPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nAuthorization: Bearer ${token}\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    'latin1',
  );

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'millwright-relay-attack-'));
  const configFile = path.join(dir, 'relay-config.json');
  addRelayConnection(configFile, 'north-mill', secret);
  goodToken = issueDesktopToken(configFile, 'desk-good', 'north-mill');
  attackerToken = issueDesktopToken(configFile, 'desk-attacker', 'north-mill');
  revokeDesktop(configFile, 'desk-revoked');
  relay = await startRelayProcess(['--dir', dir, '--port', '0']);
  const url = relay.url;
  port = Number(new URL(url).port);
  desk = new RelayClient({
    url,
    token: goodToken,
    connectionId: 'local',
    sink: { enqueueRelayed: async (delivery) => (received.has(delivery.id) ? 'duplicate' : (received.add(delivery.id), 'queued')) },
    onState: () => undefined,
  });
  desk.start();
  await until(() => desk.state.state === 'live', 'the good desk is linked');
});

afterAll(async () => {
  desk?.stop();
  await relay?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('the relay under attack', () => {
  it('refuses deep and huge signed bodies, forgeries and unknown connections plainly, before storing anything', async () => {
    const deep = await deliver('['.repeat(50_000) + ']'.repeat(50_000));
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ error: { code: 'tooDeep' } });
    expect((await deliver(' '.repeat(2 * 1024 * 1024))).status).toBe(413);
    expect((await deliver('{}', { 'x-webhook-signature': sign(Buffer.from('{"other":1}')) })).status).toBe(401);
    const unknown = await fetch(`http://127.0.0.1:${port}/webhooks/nobody`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(await rawRequestStatus(port, `POST http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)).toBe(400);
    await stillServing();
  });

  it('refuses desktop tokens it did not issue, revoked ones, and sockets on other paths', async () => {
    for (const token of ['', 'x', `mwr_desk-good.${'A'.repeat(43)}`, `mwr_desk-revoked.${'A'.repeat(43)}`, goodToken.slice(0, -1), `${goodToken}x`, 'mwr_' + 'a'.repeat(5000)]) {
      const ping = await fetch(`http://127.0.0.1:${port}/desktop/ping`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
      if (ping) expect(ping.status, `ping with "${token.slice(0, 20)}…"`).toBe(401);
      const { received: answer } = await playExchange(port, { chunks: [handshake(token)], resetAfter: null, halfClose: false }, 2000);
      expect(answer.toString('latin1').slice(0, 12), `socket with "${token.slice(0, 20)}…"`).toMatch(/^HTTP\/1\.1 (401|400|431)/);
    }
    const { received: elsewhere } = await playExchange(port, { chunks: [handshake(goodToken, '/ipc')], resetAfter: null, halfClose: false }, 2000);
    expect(elsewhere.toString('latin1')).toMatch(/^HTTP\/1\.1 404/);
    await stillServing();
  });

  it('closes an admitted desktop socket that sends anything but acknowledgements of what it was sent (1008), and others go on', async () => {
    const masked = { fin: true, rsv: 0, masked: true } as const;
    const cases: [string, FrameSpec][] = [
      ['an ack of a delivery never sent', { ...masked, opcode: 0x1, payload: Buffer.from('{"type":"ack","seq":999999}') }],
      ['deep JSON (within the 4 KiB a frame may be)', { ...masked, opcode: 0x1, payload: Buffer.from('['.repeat(2_000) + ']'.repeat(2_000)) }],
      ['a binary frame', { ...masked, opcode: 0x2, payload: Buffer.from('{"type":"ack","seq":1}') }],
    ];
    for (const [what, frame] of cases) {
      const { received: answer } = await playExchange(port, { chunks: [handshake(attackerToken), encodeFrame(frame)], resetAfter: null, halfClose: false }, 3000);
      const text = answer.toString('latin1');
      expect(text.slice(0, 12), what).toBe('HTTP/1.1 101');
      // The close frame: opcode 8, then the 1008 code.
      const close = answer.indexOf(Buffer.from([0x88]));
      expect(close, `${what}: a close frame`).toBeGreaterThan(0);
      expect(answer.readUInt16BE(close + 2), what).toBe(1008);
      await stillServing();
    }
    const oversized = await playExchange(
      port,
      { chunks: [handshake(attackerToken), encodeFrame({ ...masked, opcode: 0x1, payload: new Uint8Array(), declaredLength: 64 * 1024 })], resetAfter: null, halfClose: false },
      3000,
    );
    expect(oversized.received.readUInt16BE(oversized.received.indexOf(Buffer.from([0x88])) + 2)).toBe(1009);
    await stillServing();
  });

  it('stays up through 10,000 malformed requests (signed and forged deliveries, token tests, health checks)', async () => {
    const report = await runAttack({
      name: 'relay (HTTP)',
      port: () => port,
      exchanges: malformedHttpExchanges({
        host: `127.0.0.1:${port}`,
        methods: ['POST', 'GET'],
        paths: ['/webhooks/north-mill', '/webhooks/north-mill/', '/webhooks/nobody', '/desktop/ping', '/desktop', '/health', `/webhooks/${encodeURIComponent('%00')}`],
        headersFor: (body) => ({ 'Content-Type': 'application/json', 'X-Webhook-Signature': sign(body), Authorization: `Bearer ${attackerToken}` }),
      }),
      stillServing,
    });
    expect(report.exchanges).toBeGreaterThanOrEqual(10_000);
    await stillServing();
  });

  it('stays up through 5,000 malformed frame sequences from an admitted desktop, and the linked desk gets every stored delivery', async () => {
    const report = await runAttack({
      name: 'relay (desktop WebSocket)',
      port: () => port,
      total: 5_000,
      exchanges: malformedFrameExchanges(() => handshake(attackerToken)),
      stillServing,
    });
    expect(report.exchanges).toBeGreaterThanOrEqual(5_000);
    await stillServing();
    // Every delivery the relay answered 200 to in this file (canaries, and signed readable objects from the generator) reached the good desk.
    const pending = async () => ((await (await fetch(`http://127.0.0.1:${port}/desktop/ping`, { headers: { authorization: `Bearer ${goodToken}` } })).json()) as { pending: number }).pending;
    await until(async () => (await pending()) === 0, 'the good desk has acknowledged everything stored', 30_000);
    expect(received.size).toBeGreaterThanOrEqual(storedOk);
  });
});
