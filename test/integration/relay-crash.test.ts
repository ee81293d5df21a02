// The relay as its own process (`npm run relay -- serve`, embedded journal), SIGKILLed right after it
// answered a delivery 200: started again on the same port and folder, it hands every delivery it
// answered to both desktops' relay links, which reconnect on their own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, expect, it } from 'vitest';
import { RelayClient } from '../../electron/core/webhooks/relay-client';
import type { QueuedDelivery } from '../../electron/core/webhooks/webhook-journal-format';
import { addRelayConnection, issueDesktopToken } from '../../electron/relay/relay-config';
import { until } from '../support/desktop-engine';
import { startRelayProcess, type RelayProcess } from '../support/relay-process';

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The relay on `port` with its data in `dir`, killed (if still running) after the test. */
async function startRelay(dir: string, port: number): Promise<RelayProcess> {
  const relay = await startRelayProcess(['--dir', dir, '--port', String(port)]);
  cleanups.push(() => relay.kill());
  return relay;
}

function desktopLink(url: string, token: string): { received: Map<string, QueuedDelivery>; client: RelayClient } {
  const received = new Map<string, QueuedDelivery>();
  const client = new RelayClient({
    url,
    token,
    connectionId: 'local-connection',
    retryBaseMs: 50,
    retryMaxMs: 300,
    sink: {
      enqueueRelayed: async (delivery) => {
        const known = received.has(delivery.id);
        received.set(delivery.id, delivery);
        return known ? 'duplicate' : 'queued';
      },
    },
    onState: () => undefined,
  });
  cleanups.push(() => client.stop());
  client.start();
  return { received, client };
}

it('hands every delivery it answered 200 to both desktops after a SIGKILL and a restart', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'millwright-relay-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const configFile = path.join(dir, 'relay-config.json');
  addRelayConnection(configFile, 'north-mill', secret);
  const tokens = [issueDesktopToken(configFile, 'desk-a', 'north-mill'), issueDesktopToken(configFile, 'desk-b', 'north-mill')];

  const first = await startRelay(dir, 0);
  const port = first.port;

  // Eight senders at a time, as Makini retries and batches overlap; the kill lands after the 20th 200.
  const results: { id: string; status: number }[] = [];
  let next = 0;
  const sender = async () => {
    while (next < 200) {
      const i = next++;
      const body = JSON.stringify({ event: 'work-orders.updated', data: { key: `wo-${i}`, updatedAt: '2026-12-01T12:00:00Z' } });
      const id = `msg_${i}`;
      const at = new Date();
      const headers = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, at, body) };
      try {
        const response = await fetch(`${first.url}/webhooks/north-mill`, { method: 'POST', headers, body });
        results.push({ id, status: response.status });
        if (results.filter((result) => result.status === 200).length === 20) first.child.kill('SIGKILL');
      } catch {
        results.push({ id, status: 0 });
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, sender));
  expect(await first.exited).toBe('SIGKILL');
  const answered = results.filter((result) => result.status === 200).map((result) => result.id);
  expect(answered.length).toBeGreaterThanOrEqual(20);
  expect(answered.length).toBeLessThan(200);
  expect(results.every((result) => result.status === 200 || result.status === 0)).toBe(true);

  // The same relay again, on its port and folder; the desks, away until now, link to it and get what it answered.
  const second = await startRelay(dir, port);
  const desks = tokens.map((token) => desktopLink(second.url, token));
  for (const desk of desks) {
    await until(() => answered.every((id) => desk.received.has(id)), 'each desk has every answered delivery', 30_000);
    expect(desk.received.get(answered[0]!)).toMatchObject({ connectionId: 'local-connection', scheme: 'standard-webhooks', payload: { event: 'work-orders.updated' } });
  }
  console.log(`relay crash test: ${answered.length} of 200 answered 200 before the kill landed; each desk has all of them after the restart`);
}, 120_000);
