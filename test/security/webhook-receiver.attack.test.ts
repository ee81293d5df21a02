import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../shared/connection-view';
import { malformedHttpExchanges } from '../support/attack/malformed-http-requests';
import { rawRequestStatus } from '../support/attack/raw-exchange';
import { runAttack } from '../support/attack/run-attack';
import { startWebModeTarget, type WebModeTarget } from '../support/attack/web-mode-target';

// Web mode's webhook receiver, attacked with deliveries signed with the connection's real secret
// (so hostile bodies get past the signature to the parser and the journal) and with forged ones.
let target: WebModeTarget;
let connection: ConnectionView;
let endpointPath: string;
let before: string;
const secret = 'attack-test-webhook-secret-5f2c';

const sign = (body: Uint8Array) => createHmac('sha256', secret).update(body).digest('base64');
const deliver = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${target.webhookPort}${endpointPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-signature': sign(Buffer.from(body)), ...headers },
    body,
  });

async function webhookStatus() {
  const views = await target.client.invoke('connections.list');
  return views.find((view) => view.id === connection.id)!.webhook!;
}

async function stillServing(): Promise<void> {
  target.assertAlive();
  // A signed delivery with an empty body: verified, then refused 400 without being journaled.
  expect((await deliver('')).status).toBe(400);
  const unknown = await fetch(`http://127.0.0.1:${target.webhookPort}/webhooks/nobody`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(unknown.status).toBe(404);
}

beforeAll(async () => {
  target = await startWebModeTarget();
  const token = await target.plantToken();
  const synced = new Promise<void>((resolve) => target.client.on('connection.changed', (view) => view.name === 'Webhook target' && view.lastSyncAt !== null && resolve()));
  connection = await target.client.invoke('connections.connectWithToken', { name: 'Webhook target', baseUrl: target.connection.baseUrl, token });
  await synced;
  connection = await target.client.invoke('connections.updateSettings', { connectionId: connection.id, webhookSecret: secret });
  endpointPath = new URL(connection.webhook!.endpoint).pathname;
  before = await target.fingerprint();
});
afterAll(async () => {
  await target?.stop();
});

describe('webhook receiver under attack', () => {
  it('refuses a signed body nesting 50,000 deep for good (400, not 500), before journaling it', async () => {
    const pendingBefore = (await webhookStatus()).pending;
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const answer = await deliver(deep);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 'tooDeep' } });
    const objectDeep = '{"event":"work-orders.updated","body":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}';
    expect((await deliver(objectDeep)).status).toBe(400);
    expect((await webhookStatus()).pending).toBe(pendingBefore);
  });

  it('refuses bodies over its limit with 413, and request targets and Hosts no URL can be made of with 400', async () => {
    expect((await deliver(new Uint8Array(2 * 1024 * 1024).fill(0x20))).status).toBe(413);
    const send = (requestTarget: string, host: string) =>
      rawRequestStatus(target.webhookPort, `POST ${requestTarget} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(await send('http://[', `127.0.0.1:${target.webhookPort}`)).toBe(400);
    expect(await send(endpointPath, '[')).toBe(400);
    await stillServing();
  });

  it('stays up through 10,000 generated malformed deliveries, signed and forged, and the page\'s cache and outbox are unchanged', async () => {
    const report = await runAttack({
      name: 'webhook receiver',
      port: () => target.webhookPort,
      exchanges: malformedHttpExchanges({
        host: `127.0.0.1:${target.webhookPort}`,
        methods: ['POST'],
        paths: [endpointPath, `${endpointPath}/`, `${endpointPath}?x=1`, '/webhooks/nobody', '/webhooks/', `/webhooks/${encodeURIComponent('%00')}`],
        headersFor: (body) => ({ 'Content-Type': 'application/json', 'X-Webhook-Signature': sign(body) }),
      }),
      stillServing,
    });
    expect(report.exchanges).toBeGreaterThanOrEqual(10_000);
    await stillServing();
    // Deliveries that were signed and readable were journaled and processed (ignored: they name no event); none touched the cache.
    await expect.poll(async () => (await webhookStatus()).pending, { timeout: 60_000 }).toBe(0);
    expect(await target.fingerprint()).toBe(before);
  });
});
