import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import type { PlantRecord } from '../../electron/demo-plant/record-collection';
import type { WebhookFaults, WebhookTargetInput, WebhookTargetView } from '../../electron/demo-plant/webhook-dispatcher';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  payload: { event: string; body: string[] };
  status: number;
}

/** A webhook receiver that records every request; `answer` picks each one's status. */
interface Receiver {
  url: string;
  received: Received[];
  answer: (request: Omit<Received, 'status'>, index: number) => number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver = {
    received: [] as Received[],
    answer: (() => 204) as Receiver['answer'],
  } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request = { headers: req.headers, raw, payload: JSON.parse(raw) as Received['payload'] };
      const status = receiver.answer(request, receiver.received.length);
      receiver.received.push({ ...request, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

const makiniSecret = 'makini-webhook-secret-0123456789';
const standardSecret = `whsec_${randomBytes(32).toString('base64')}`;
const sizes = { sites: 3, workOrders: 200, purchaseOrders: 20, parts: 40 };
const fast = { batchWindowMs: 50, retryBaseDelayMs: 20, maxAttempts: 4, reorderHoldMs: 300 };

const makiniSignature = (secret: string, raw: string) => createHmac('sha256', secret).update(raw).digest('base64');
/** Makini's own check (Webhook.md): the HMAC of the re-serialized JSON. */
const makiniValid = (secret: string, request: Pick<Received, 'headers' | 'payload'>) =>
  request.headers['x-webhook-signature'] === makiniSignature(secret, JSON.stringify(request.payload));
const standardValid = (secret: string, request: Pick<Received, 'headers' | 'raw'>) => {
  try {
    new Webhook(secret).verify(request.raw, request.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
};

async function call(plant: RunningDemoPlant, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(plant.url + path, {
    method,
    headers: { authorization: `Bearer ${plant.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}
async function ok<T>(plant: RunningDemoPlant, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await call(plant, method, path, body);
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json as T;
}
const subscribe = (plant: RunningDemoPlant, target: WebhookTargetInput) => ok<WebhookTargetView>(plant, 'POST', '/__control/webhooks', target);
const targets = async (plant: RunningDemoPlant) => (await ok<{ webhooks: WebhookTargetView[]; faults: WebhookFaults }>(plant, 'GET', '/__control/webhooks')).webhooks;
const setFaults = (plant: RunningDemoPlant, faults: Partial<WebhookFaults>) => ok<WebhookFaults>(plant, 'POST', '/__control/webhook-faults', faults);
const touch = async (plant: RunningDemoPlant, route: string, count: number) => (await ok<{ keys: string[] }>(plant, 'POST', '/__control/touch', { route, count })).keys;

async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let plant: RunningDemoPlant;
let receiver: Receiver;
let statusKeys: string[];

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 7, sizes, stateFile: null, webhooks: fast });
  receiver = await startReceiver();
  statusKeys = plant.state.collections.workOrderStatuses.live().map((status) => status.key!);
});
afterAll(async () => {
  await plant?.close();
  await receiver?.close();
});
afterEach(async () => {
  await ok(plant, 'DELETE', '/__control/webhooks');
  await ok(plant, 'DELETE', '/__control/webhook-faults');
  receiver.received.length = 0;
  receiver.answer = () => 204;
});

/** An open work order and a status other than its own. */
function workOrderAndOtherStatus(index = 0): { key: string; statusKey: string } {
  const wo = plant.state.collections.workOrders.live()[index]!;
  return { key: wo.key!, statusKey: statusKeys.find((key) => key !== wo.statusKey)! };
}

describe('demo plant webhooks: subscriptions and signatures', () => {
  it('sends a write through the API as work-orders.updated, signed the Makini way, with a webhook-id', async () => {
    const target = await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    expect(target.id).toMatch(/^wh_/);
    expect(target.scheme).toBe('makini');
    const { key, statusKey } = workOrderAndOtherStatus();
    await ok(plant, 'PUT', `/api/eam/work-orders/${key}/status`, { statusKey });
    const delivery = await waitFor(() => receiver.received.find((request) => request.payload.body.includes(key)), 'the delivery');
    expect(delivery.payload).toEqual({ event: 'work-orders.updated', body: [key] });
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['x-webhook-signature']).toBe(makiniSignature(makiniSecret, delivery.raw));
    expect(makiniValid(makiniSecret, delivery)).toBe(true);
    expect(makiniValid('another-secret', delivery)).toBe(false);
    expect(delivery.headers['webhook-id']).toMatch(/^msg_[0-9a-f-]{36}$/);
    await plant.webhooks.idle();
    const [listed] = await targets(plant);
    expect(listed).toMatchObject({ id: target.id, url: receiver.url, scheme: 'makini', stats: { deliveries: 1, sent: 1, failed: 0, retried: 0, pending: 0, lastStatus: 204 } });
    expect(JSON.stringify(listed)).not.toContain(makiniSecret);
  });

  it('signs the Standard Webhooks way, as the standardwebhooks package verifies', async () => {
    await subscribe(plant, { url: receiver.url, secret: standardSecret, scheme: 'standard' });
    const { key, statusKey } = workOrderAndOtherStatus(1);
    await ok(plant, 'PUT', `/api/eam/work-orders/${key}/status`, { statusKey });
    const delivery = await waitFor(() => receiver.received[0], 'the delivery');
    expect(new Webhook(standardSecret).verify(delivery.raw, delivery.headers as Record<string, string>)).toEqual({ event: 'work-orders.updated', body: [key] });
    expect(delivery.headers['webhook-id']).toMatch(/^msg_/);
    expect(Math.abs(Number(delivery.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(delivery.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(delivery.headers['x-webhook-signature']).toBeUndefined();
    expect(standardValid(`whsec_${randomBytes(32).toString('base64')}`, delivery)).toBe(false);
    // The secret without its prefix is the same key.
    expect(standardValid(standardSecret.slice('whsec_'.length), delivery)).toBe(true);
  });

  it('sends every target its own delivery, signed with its own secret', async () => {
    const other = await startReceiver();
    try {
      await subscribe(plant, { url: receiver.url, secret: makiniSecret });
      await subscribe(plant, { url: other.url, secret: standardSecret, scheme: 'standard' });
      const [key] = await touch(plant, 'sites', 1);
      await plant.webhooks.idle();
      expect(receiver.received.map((request) => request.payload)).toEqual([{ event: 'sites.updated', body: [key] }]);
      expect(other.received.map((request) => request.payload)).toEqual([{ event: 'sites.updated', body: [key] }]);
      expect(makiniValid(makiniSecret, receiver.received[0]!)).toBe(true);
      expect(standardValid(standardSecret, other.received[0]!)).toBe(true);
      expect(receiver.received[0]!.headers['webhook-id']).not.toBe(other.received[0]!.headers['webhook-id']);
    } finally {
      await other.close();
    }
  });

  it('refuses bad subscriptions and fault rates', async () => {
    for (const body of [
      {},
      { url: 'not a url', secret: 's' },
      { url: 'ftp://127.0.0.1/x', secret: 's' },
      { url: receiver.url, secret: '' },
      { url: receiver.url, secret: 's', scheme: 'svix' },
      { url: receiver.url, secret: 'not base64!', scheme: 'standard' },
      { url: receiver.url, secret: 's', extra: 1 },
    ]) {
      expect((await call(plant, 'POST', '/__control/webhooks', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call(plant, 'POST', '/__control/webhook-faults', { duplicateRate: 2 })).status).toBe(400);
    expect((await call(plant, 'POST', '/__control/webhook-faults', { dropRate: 0.5 })).status).toBe(400);
    expect(await targets(plant)).toEqual([]);
    const anonymous = await fetch(`${plant.url}/__control/webhooks`, { method: 'POST', body: JSON.stringify({ url: receiver.url, secret: 's' }) });
    expect(anonymous.status).toBe(401);
  });
});

describe('demo plant webhooks: events and batching', () => {
  it('sends a created work order and purchase order as .inserted, not also as .updated', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    const site = plant.state.collections.sites.live()[0]!;
    const vendor = plant.state.collections.vendors.live()[0]!;
    const wo = (await ok<{ data: { key: string } }>(plant, 'POST', '/api/eam/work-orders', { title: 'Webhook test', siteKey: site.key })).data;
    const po = (await ok<{ data: { key: string } }>(plant, 'POST', '/api/eam/purchase-orders', { siteKey: site.key, vendorKey: vendor.key })).data;
    await plant.webhooks.idle();
    const payloads = receiver.received.map((request) => request.payload);
    expect(payloads).toContainEqual({ event: 'work-orders.inserted', body: [wo.key] });
    expect(payloads).toContainEqual({ event: 'purchase-orders.inserted', body: [po.key] });
    expect(payloads.filter((payload) => payload.event.endsWith('.updated'))).toEqual([]);
    // A later change to it is an update.
    receiver.received.length = 0;
    await ok(plant, 'PUT', `/api/eam/work-orders/${wo.key}`, { notes: 'changed' });
    await plant.webhooks.idle();
    expect(receiver.received.map((request) => request.payload)).toEqual([{ event: 'work-orders.updated', body: [wo.key] }]);
  });

  it('batches keys changed within the window into one delivery per event name', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    const [assets, workOrders] = await Promise.all([
      touch(plant, 'assets', 5),
      ok<{ keys: string[] }>(plant, 'POST', '/__control/mutate', { entity: 'work-orders', count: 3 }).then((answer) => answer.keys),
    ]);
    await plant.webhooks.idle();
    const byEvent = new Map(receiver.received.map((request) => [request.payload.event, request.payload.body]));
    expect(receiver.received).toHaveLength(2);
    expect(new Set(byEvent.get('assets.updated'))).toEqual(new Set(assets));
    expect(new Set(byEvent.get('work-orders.updated'))).toEqual(new Set(workOrders));
    for (const request of receiver.received) expect(makiniValid(makiniSecret, request)).toBe(true);
  });

  it('sends a key once per batch (an insert and its updates as the insert), and changes after the window in a new delivery', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    const record = plant.state.collections.sites.live()[1]!;
    for (const notes of ['one', 'two', 'three']) plant.state.put('sites', { ...record, notes } as PlantRecord);
    const created = { ...plant.state.collections.workOrders.live()[5]!, key: plant.state.nextKey('workOrders') };
    plant.state.put('workOrders', created as PlantRecord);
    plant.state.put('workOrders', { ...created, notes: 'edited at once' } as PlantRecord);
    await plant.webhooks.idle();
    expect(receiver.received.map((request) => request.payload)).toEqual([
      { event: 'sites.updated', body: [record.key] },
      { event: 'work-orders.inserted', body: [created.key] },
    ]);
    receiver.received.length = 0;
    await sleep(80);
    plant.state.put('sites', { ...record, notes: 'later' } as PlantRecord);
    plant.state.put('workOrders', { ...created, notes: 'later' } as PlantRecord);
    await plant.webhooks.idle();
    expect(receiver.received.map((request) => request.payload)).toEqual([
      { event: 'sites.updated', body: [record.key] },
      { event: 'work-orders.updated', body: [created.key] },
    ]);
  });

  it('sends nothing for collections Makini has no events for, nor for hard deletes; a soft delete is an update', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    await touch(plant, 'vendors', 3);
    await touch(plant, 'purchase-orders.line-items', 3);
    await ok(plant, 'POST', '/__control/delete', { route: 'assets', count: 1, hard: true });
    await sleep(120);
    await plant.webhooks.idle();
    expect(receiver.received).toEqual([]);
    const [soft] = (await ok<{ keys: string[] }>(plant, 'POST', '/__control/delete', { route: 'work-orders', count: 1 })).keys;
    await plant.webhooks.idle();
    expect(receiver.received.map((request) => request.payload)).toEqual([{ event: 'work-orders.updated', body: [soft] }]);
  });

  it("sends the plant's own activity, and targets given to startDemoPlant", async () => {
    const busy = await startDemoPlant({
      seed: 3,
      sizes,
      stateFile: null,
      changesPerMinute: 6000,
      webhooks: { ...fast, targets: [{ url: receiver.url, secret: standardSecret, scheme: 'standard' }] },
    });
    try {
      await waitFor(() => receiver.received.length >= 3, 'three deliveries');
    } finally {
      await busy.close();
    }
    for (const request of receiver.received) {
      expect(request.payload.event).toBe('work-orders.updated');
      expect(standardValid(standardSecret, request)).toBe(true);
    }
  });
});

describe('demo plant webhooks: retries', () => {
  it('retries a delivery the receiver fails, with the same webhook-id, until it is taken', async () => {
    await subscribe(plant, { url: receiver.url, secret: standardSecret, scheme: 'standard' });
    receiver.answer = (_request, index) => (index < 2 ? 500 : 200);
    const [key] = await touch(plant, 'work-orders', 1);
    await plant.webhooks.idle();
    expect(receiver.received.map((request) => request.status)).toEqual([500, 500, 200]);
    expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(1);
    for (const request of receiver.received) {
      expect(request.payload).toEqual({ event: 'work-orders.updated', body: [key] });
      expect(standardValid(standardSecret, request)).toBe(true);
    }
    const [listed] = await targets(plant);
    expect(listed!.stats).toMatchObject({ deliveries: 1, sent: 1, failed: 0, retried: 2, pending: 0, requests: 3, lastStatus: 200 });
  });

  it('gives up after maxAttempts and counts the delivery failed; an unreachable receiver too', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    receiver.answer = () => 503;
    await touch(plant, 'assets', 2);
    await plant.webhooks.idle();
    expect(receiver.received.map((request) => request.status)).toEqual([503, 503, 503, 503]);
    expect((await targets(plant))[0]!.stats).toMatchObject({ deliveries: 1, sent: 0, failed: 1, retried: 3, pending: 0, lastStatus: 503 });

    await ok(plant, 'DELETE', '/__control/webhooks');
    const closed = await startReceiver();
    await closed.close();
    await subscribe(plant, { url: closed.url, secret: makiniSecret });
    await touch(plant, 'assets', 1);
    await plant.webhooks.idle();
    const [unreachable] = await targets(plant);
    expect(unreachable!.stats).toMatchObject({ deliveries: 1, sent: 0, failed: 1, retried: 3, lastStatus: null });
    expect(unreachable!.stats.lastError).toBeTruthy();
  });

  it('answers the plant’s API while a receiver hangs', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      await subscribe(plant, { url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`, secret: makiniSecret });
      const { key, statusKey } = workOrderAndOtherStatus(2);
      const started = Date.now();
      await ok(plant, 'PUT', `/api/eam/work-orders/${key}/status`, { statusKey });
      await sleep(100);
      await ok(plant, 'GET', `/api/eam/work-orders/${key}`);
      expect(Date.now() - started).toBeLessThan(1000);
      expect((await targets(plant))[0]!.stats.pending).toBe(1);
    } finally {
      await ok(plant, 'DELETE', '/__control/webhooks');
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });
});

describe('demo plant webhooks: fault switches', () => {
  it('duplicates: the same delivery again, with the same webhook-id, body and signature', async () => {
    await subscribe(plant, { url: receiver.url, secret: standardSecret, scheme: 'standard' });
    expect(await setFaults(plant, { duplicateRate: 1 })).toEqual({ duplicateRate: 1, reorderRate: 0, forgeRate: 0 });
    const [key] = await touch(plant, 'work-orders', 1);
    await plant.webhooks.idle();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.headers['webhook-signature']).toBe(first!.headers['webhook-signature']);
    expect(second!.raw).toBe(first!.raw);
    expect(first!.payload.body).toEqual([key]);
    expect(standardValid(standardSecret, second!)).toBe(true);
    expect((await targets(plant))[0]!.stats).toMatchObject({ deliveries: 1, sent: 1, duplicated: 1, requests: 2 });
  });

  it('reordering: a delivery held back is sent after the next one', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    await setFaults(plant, { reorderRate: 1 });
    // One batch with two events: sites.updated first, then assets.updated.
    const site = plant.state.collections.sites.live()[0]!;
    const asset = plant.state.collections.assets.live()[0]!;
    plant.state.put('sites', { ...site, notes: 'reorder' } as PlantRecord);
    plant.state.put('assets', { ...asset, notes: 'reorder' } as PlantRecord);
    await plant.webhooks.idle();
    expect(receiver.received.map((request) => request.payload)).toEqual([
      { event: 'assets.updated', body: [asset.key] },
      { event: 'sites.updated', body: [site.key] },
    ]);
    expect((await targets(plant))[0]!.stats).toMatchObject({ deliveries: 2, sent: 2, reordered: 1 });

    // A delivery held back with none after it goes out anyway, after reorderHoldMs.
    receiver.received.length = 0;
    const started = Date.now();
    plant.state.put('sites', { ...site, notes: 'alone' } as PlantRecord);
    await plant.webhooks.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(fast.reorderHoldMs);
    expect(receiver.received.map((request) => request.payload)).toEqual([{ event: 'sites.updated', body: [site.key] }]);
    expect((await targets(plant))[0]!.stats.reordered).toBe(1);
  });

  it('forging: a request with a wrong signature comes first, which a verifying receiver rejects; the genuine one follows', async () => {
    for (const scheme of ['makini', 'standard'] as const) {
      const secret = scheme === 'makini' ? makiniSecret : standardSecret;
      const valid = (request: Omit<Received, 'status'>) => (scheme === 'makini' ? makiniValid(secret, request) : standardValid(secret, request));
      await subscribe(plant, { url: receiver.url, secret, scheme });
      await setFaults(plant, { forgeRate: 1 });
      receiver.answer = (request) => (valid(request) ? 204 : 401);
      const [key] = await touch(plant, 'assets', 1);
      await plant.webhooks.idle();
      expect(receiver.received.map((request) => request.status), scheme).toEqual([401, 204]);
      for (const request of receiver.received) expect(request.payload).toEqual({ event: 'assets.updated', body: [key] });
      expect(receiver.received[0]!.headers['webhook-id']).not.toBe(receiver.received[1]!.headers['webhook-id']);
      expect((await targets(plant))[0]!.stats).toMatchObject({ deliveries: 1, sent: 1, forged: 1, forgedAccepted: 0, retried: 0 });
      await ok(plant, 'DELETE', '/__control/webhooks');
      receiver.received.length = 0;
    }
    // A receiver that takes everything is caught out in the stats.
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    receiver.answer = () => 200;
    await touch(plant, 'sites', 1);
    await plant.webhooks.idle();
    expect((await targets(plant))[0]!.stats).toMatchObject({ forged: 1, forgedAccepted: 1 });
  });

  it('decides faults from the seed: the same changes get the same decisions, restarted by each POST', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    const site = plant.state.collections.sites.live()[0]!;
    const run = async () => {
      await setFaults(plant, { duplicateRate: 0.5 });
      receiver.received.length = 0;
      for (let i = 0; i < 12; i++) {
        plant.state.put('sites', { ...site, notes: `run ${i}` } as PlantRecord);
        plant.webhooks.flush();
        await plant.webhooks.idle();
      }
      const counts = new Map<string, number>();
      for (const request of receiver.received) counts.set(String(request.headers['webhook-id']), (counts.get(String(request.headers['webhook-id'])) ?? 0) + 1);
      return [...counts.values()];
    };
    const first = await run();
    const second = await run();
    expect(first).toHaveLength(12);
    expect(first).toEqual(second);
    expect(first).toContain(1);
    expect(first).toContain(2);
  });

  it('DELETE /__control/webhook-faults turns them off', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    await setFaults(plant, { duplicateRate: 1, forgeRate: 1, reorderRate: 1 });
    expect(await ok(plant, 'DELETE', '/__control/webhook-faults')).toEqual({ duplicateRate: 0, reorderRate: 0, forgeRate: 0 });
    await touch(plant, 'assets', 1);
    await plant.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
    expect(makiniValid(makiniSecret, receiver.received[0]!)).toBe(true);
  });
});

describe('demo plant webhooks: unsubscribing', () => {
  it('sends nothing after DELETE /__control/webhooks, not even retries', async () => {
    await subscribe(plant, { url: receiver.url, secret: makiniSecret });
    receiver.answer = () => 500;
    await touch(plant, 'work-orders', 1);
    await waitFor(() => receiver.received.length >= 1, 'the first attempt');
    expect(await ok(plant, 'DELETE', '/__control/webhooks')).toEqual({ removed: 1 });
    const seen = receiver.received.length;
    await touch(plant, 'work-orders', 2);
    const { key, statusKey } = workOrderAndOtherStatus(3);
    await ok(plant, 'PUT', `/api/eam/work-orders/${key}/status`, { statusKey });
    await sleep(400);
    expect(receiver.received).toHaveLength(seen);
    expect(await targets(plant)).toEqual([]);
  });
});
