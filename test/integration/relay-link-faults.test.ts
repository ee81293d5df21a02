// Faults between a relay and its desktops: the deepest delivery the relay takes, a relay whose store
// cannot subscribe, and one desktop token connecting three times at once.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RelayClient, type RelayLinkState } from '../../electron/core/webhooks/relay-client';
import type { QueuedDelivery } from '../../electron/core/webhooks/webhook-journal-format';
import { JournalRelayStore } from '../../electron/relay/journal-relay-store';
import { RelayServer } from '../../electron/relay/relay-server';
import type { RelayDesktop, RelayStore } from '../../electron/relay/relay-store';
import { until } from '../support/desktop-engine';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const secret = 'relay-link-faults-secret-0123';
const token = `mwr_desk.${'T'.repeat(43)}`;
const desk: RelayDesktop = { id: 'desk', connectionId: 'north-mill', registeredAt: 0 };

async function relayOn(store: RelayStore): Promise<RelayServer> {
  const server = await RelayServer.start({ secretFor: (id) => (id === 'north-mill' ? secret : null), desktopFor: (t) => (t === token ? desk : null), store });
  cleanups.push(() => server.close());
  return server;
}

async function journalStore(): Promise<JournalRelayStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'millwright-relay-faults-'));
  const store = await JournalRelayStore.open(dir, { desktops: () => [desk] });
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

function link(url: string, received: QueuedDelivery[] = [], states: RelayLinkState[] = []): RelayClient {
  const client = new RelayClient({
    url,
    token,
    connectionId: 'local',
    retryBaseMs: 100,
    retryMaxMs: 1_000,
    sink: { enqueueRelayed: async (delivery) => (received.push(delivery), 'queued') },
    onState: (state) => states.push(state),
  });
  cleanups.push(() => client.stop());
  client.start();
  return client;
}

it('hands a desktop a delivery nesting as deep as the relay takes one', async () => {
  const store = await journalStore();
  const server = await relayOn(store);
  // 64 levels in all: the object, then 63 arrays.
  const body = `{"event":"work-orders.updated","data":${'['.repeat(63)}${']'.repeat(63)}}`;
  const answer = await fetch(`${server.url}/webhooks/north-mill`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-signature': createHmac('sha256', secret).update(body).digest('base64') },
    body,
  });
  expect(answer.status).toBe(200);
  const received: QueuedDelivery[] = [];
  link(server.url, received);
  await until(async () => received.length === 1 && (await store.pending(desk)) === 0, 'the desktop has it, and acknowledged it');
  expect(received[0]!.payload).toMatchObject({ event: 'work-orders.updated' });
});

it('never says live while the relay cannot subscribe it, and backs off; the relay tells a load balancer it is unwell', async () => {
  const broken: RelayStore = {
    append: async () => undefined,
    pending: async () => 0,
    health: () => ({ ok: false, reason: 'Not connected to any NATS server (reconnecting).' }),
    close: async () => undefined,
    subscribe: async () => {
      throw new Error('NATS: no responders');
    },
  };
  const server = await relayOn(broken);
  // A load balancer asking sends elsewhere.
  const health = await fetch(`${server.url}/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ ok: false, reason: 'Not connected to any NATS server (reconnecting).' });
  const states: RelayLinkState[] = [];
  link(server.url, [], states);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(states.some((state) => state.state === 'live')).toBe(false);
  const down = states.filter((state) => state.state === 'unreachable');
  expect(down.at(-1)).toMatchObject({ message: 'Cannot reach the relay: The relay could not read its store.' });
  // 100 ms doubling to 1 s, with jitter: a handful of tries in 3 s, not one every few milliseconds.
  expect(down.length).toBeGreaterThan(1);
  expect(down.length).toBeLessThan(15);
  // One outage: "since" stays the first failure's time.
  expect(new Set(down.map((state) => state.since)).size).toBe(1);
});

it('keeps the newest of three sockets one token opens at once, and sends it what is stored', async () => {
  const store = await journalStore();
  const server = await relayOn(store);
  const url = server.url.replace('http:', 'ws:') + '/desktop';
  const sockets = [0, 1, 2].map(() => {
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    const frames: string[] = [];
    const closed = { code: null as number | null };
    socket.on('error', () => undefined);
    socket.on('message', (data) => frames.push(data.toString()));
    socket.on('close', (code) => (closed.code = code));
    cleanups.push(() => socket.terminate());
    return { socket, frames, closed };
  });
  // Whichever upgrade the relay took last is the newest: the other two are replaced (4000).
  await until(() => sockets.filter((s) => s.closed.code === 4000).length === 2, 'two sockets are replaced');
  const newest = sockets.find((s) => s.closed.code === null)!;
  await until(() => newest.frames.some((frame) => frame.includes('"welcome"')), 'the newest socket is welcomed');
  expect(server.connectedDesktops()).toEqual(['desk']);
  await store.append({ connectionId: 'north-mill', id: 'msg-1', receivedAt: Date.now(), scheme: 'makini', payload: { event: 'work-orders.updated' } });
  await until(() => newest.frames.some((frame) => frame.includes('"msg-1"')), 'the newest socket gets the delivery');
  expect(sockets.filter((s) => s !== newest).every((s) => !s.frames.some((frame) => frame.includes('"msg-1"')))).toBe(true);
});
