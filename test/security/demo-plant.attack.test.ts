import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedHttpExchanges } from '../support/attack/malformed-http-requests';
import { rawRequestStatus } from '../support/attack/raw-exchange';
import { runAttack } from '../support/attack/run-attack';
import { startWebModeTarget, type WebModeTarget } from '../support/attack/web-mode-target';

// The demo plant embedded in web mode (it runs in the app's own process, as in Electron's main),
// attacked with malformed and hostile requests, with and without a valid token.
let target: WebModeTarget;
/** What the attack's writes may change (then through the plant's webhooks, as any upstream change): compared with the plant instead. */
const writable = ['workOrders', 'purchaseOrders', 'purchaseOrderLineItems'];
let before: string;
/** Sent by the attack (which may revoke it: DELETE /api/integrations/current). */
let attackToken: string;
/** Used only to check the plant still answers. */
let checkToken: string;
let workOrderKey: string;

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${target.connection.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${checkToken}`, 'content-type': 'application/json', ...init.headers } });

async function stillServing(): Promise<void> {
  target.assertAlive();
  const sites = await api('/api/eam/sites?per_page=1');
  expect(sites.status).toBe(200);
  expect(((await sites.json()) as { data: unknown[] }).data).toHaveLength(1);
}

beforeAll(async () => {
  target = await startWebModeTarget();
  attackToken = await target.plantToken();
  checkToken = await target.plantToken();
  workOrderKey = ((await (await api('/api/eam/work-orders?per_page=1')).json()) as { data: { key: string }[] }).data[0]!.key;
  before = await target.fingerprint(writable);
});
afterAll(async () => {
  await target?.stop();
});

describe('demo plant under attack', () => {
  it('answers a Host or request target no URL can be made of with 400 in Makini\'s error shape', async () => {
    const port = Number(new URL(target.connection.baseUrl).port);
    expect(await rawRequestStatus(port, 'GET /api/eam/sites HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n')).toBe(400);
    expect(await rawRequestStatus(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toBe(400);
    await stillServing();
  });

  it('refuses an unreadable date filter with 400 VALIDATION_ERROR naming it, instead of answering nothing', async () => {
    const answer = await api('/api/eam/work-orders?filter[updatedAt:gt]=garbage');
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR', fields: { 'filter[updatedAt:gt]': expect.stringContaining('ISO-8601') } } });
    expect((await api('/api/eam/work-orders?filter[updatedAt:gt]=2026-01-01T00:00:00Z')).status).toBe(200);
  });

  it('refuses body fields named __proto__ or constructor as unknown fields', async () => {
    for (const field of ['__proto__', 'constructor']) {
      const answer = await api(`/api/eam/work-orders/${workOrderKey}`, { method: 'PUT', body: `{"${field}":{"polluted":true},"title":"x"}` });
      expect(answer.status, field).toBe(422);
      expect(await answer.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR', fields: { [field]: 'is not a field this request takes' } } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a 5 MB write 413 after reading and dropping it: the client reads the answer, not a reset', async () => {
    const body = JSON.stringify({ description: 'x'.repeat(5 * 1024 * 1024) });
    const declared = await api(`/api/eam/work-orders/${workOrderKey}`, { method: 'PUT', body });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    // The same body streamed without a Content-Length: refused once it passes the limit, mid-body.
    const stream = new Blob([body]).stream();
    const streamed = await api(`/api/eam/work-orders/${workOrderKey}`, { method: 'PUT', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    await stillServing();
  });

  it('stays up through 10,000 generated malformed requests; the outbox is unchanged and the cache holds what the plant holds', async () => {
    const port = Number(new URL(target.connection.baseUrl).port);
    const report = await runAttack({
      name: 'demo plant',
      port: () => port,
      exchanges: malformedHttpExchanges({
        host: `127.0.0.1:${port}`,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        paths: [
          '/api/eam/work-orders', '/api/eam/work-orders?per_page=1000&page=2', '/api/eam/work-orders?filter[updatedAt:gt]=2026-01-01T00:00:00Z&sort[updatedAt]=1',
          `/api/eam/work-orders/${workOrderKey}`, '/api/eam/purchase-orders', '/api/eam/assets?filter[name:contains]=pump',
          '/oauth/token', '/link/token', '/oauth/authorize?response_type=code&client_id=millwright-desktop&redirect_uri=http://127.0.0.1:9/cb&state=s',
          '/__control/stats', '/__control/faults',
        ],
        headersFor: () => ({ Authorization: `Bearer ${attackToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'attack' }),
      }),
      stillServing,
    });
    expect(report.exchanges).toBeGreaterThanOrEqual(10_000);
    await stillServing();
    // The attack holds a real token, so some of its writes are real changes (a PUT of {} to a work
    // order is one); the plant's webhooks bring them to the cache like any other upstream change.
    for (const [route, table] of [['work-orders', 'workOrders'], ['purchase-orders', 'purchaseOrders']] as const) {
      const plant = await target.plantVersions(route, checkToken);
      await expect.poll(() => target.cachedVersions(table), { timeout: 60_000 }).toEqual(plant);
    }
    expect(await target.fingerprint(writable)).toBe(before);
  });
});
