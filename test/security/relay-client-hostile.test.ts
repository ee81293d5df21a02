import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { RelayClient, type RelayLinkState } from '../../electron/core/webhooks/relay-client';
import type { QueuedDelivery } from '../../electron/core/webhooks/webhook-journal-format';
import { attackSeed } from '../support/attack/run-attack';
import { until } from '../support/desktop-engine';

// A desktop's relay link facing a hostile (or broken) relay: frames that are not the protocol, deep
// or huge JSON, binary frames, deliveries of the wrong shape, resets. The link must refuse each
// (close and reconnect), journal nothing from them, acknowledge nothing it did not store, and
// still take a proper delivery afterwards.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const hostileFrames: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.record({ type: fc.constantFrom('delivery', 'welcome', 'ack', '__proto__'), seq: fc.oneof(fc.integer(), fc.double(), fc.string()), id: fc.oneof(fc.string({ maxLength: 600 }), fc.constant('')), payload: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null)) }).map((frame) => JSON.stringify(frame)),
  fc.integer({ min: 65, max: 50_000 }).map((depth) => `{"type":"delivery","seq":1,"id":"x","receivedAt":1,"scheme":"makini","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 200 }),
);

it('refuses whatever a hostile relay sends, journals none of it, and still takes a proper delivery after', async () => {
  const seed = attackSeed();
  console.log(`relay link: hostile relay seed ${seed} (replay with ATTACK_SEED=${seed})`);
  const samples = fc.sample(fc.array(hostileFrames, { minLength: 1, maxLength: 4 }), { seed, numRuns: 150 });
  let connection = 0;
  const acks: number[] = [];
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  server.on('connection', (ws: WebSocket) => {
    const round = connection++;
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; seq: number };
      if (frame.type === 'ack') acks.push(frame.seq);
    });
    if (round < samples.length) {
      ws.send(JSON.stringify({ type: 'welcome', connection: 'north-mill', desktop: 'desk' }));
      for (const frame of samples[round]!) ws.send(frame);
      // Some rounds end with a reset at once; the others soon after, should the link not close first.
      if (round % 5 === 0) ws.terminate();
      else setTimeout(() => ws.terminate(), 100).unref();
      return;
    }
    ws.send(JSON.stringify({ type: 'welcome', connection: 'north-mill', desktop: 'desk' }));
    ws.send(JSON.stringify({ type: 'delivery', seq: 7, id: 'msg-proper', receivedAt: Date.now(), scheme: 'makini', payload: { event: 'work-orders.updated', data: { key: 'wo-1' } } }));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const journaled: QueuedDelivery[] = [];
  const states: RelayLinkState['state'][] = [];
  const client = new RelayClient({
    url,
    token: 'mwr_desk.' + 'A'.repeat(43),
    connectionId: 'local',
    retryBaseMs: 2,
    retryMaxMs: 10,
    sink: { enqueueRelayed: async (delivery) => (journaled.push(delivery), 'queued') },
    onState: (state) => states.push(state.state),
  });
  cleanups.push(() => client.stop());
  client.start();
  await until(() => acks.includes(7), 'the proper delivery is acknowledged', 60_000);
  // Nothing the hostile relay sent was journaled or acknowledged; the proper delivery was, once.
  expect(journaled).toHaveLength(1);
  expect(journaled[0]).toMatchObject({ connectionId: 'local', id: 'msg-proper', scheme: 'makini', payload: { event: 'work-orders.updated' } });
  expect(acks).toEqual([7]);
  expect(connection).toBeGreaterThan(samples.length);
  expect(states).toContain('unreachable');
  expect(client.state.state).toBe('live');
});
