// The webhook receiver over real HTTP(S) on loopback and a real journal on disk: verification
// (signatures made by the independent `standardwebhooks` package and by Makini's documented
// sample), refusals, durability across restarts and a real SIGKILL, de-duplication, compaction,
// the processing hooks, and 2,000 concurrent deliveries.
import { spawn, execFileSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookJournal } from '../../electron/core/webhooks/webhook-journal';
import { journalFileName, type QueuedDelivery } from '../../electron/core/webhooks/webhook-journal-format';
import { WebhookReceiver, type WebhookReceiverOptions } from '../../electron/core/webhooks/webhook-receiver';

const root = path.resolve(import.meta.dirname, '..', '..');
const secrets: Record<string, string> = {
  plant: `whsec_${randomBytes(24).toString('base64')}`,
  makini: `mk_live_${randomBytes(12).toString('hex')}`,
};
const forgerSecret = `whsec_${randomBytes(24).toString('base64')}`;

const receivers: WebhookReceiver[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'millwright-webhooks-'));
  dirs.push(dir);
  return dir;
}

async function startReceiver(dir: string, options: Partial<WebhookReceiverOptions> = {}): Promise<WebhookReceiver> {
  const receiver = await WebhookReceiver.start({ dir, secretFor: (id) => secrets[id] ?? null, ...options });
  receivers.push(receiver);
  return receiver;
}

/** Closes a receiver (a clean restart). */
async function stop(receiver: WebhookReceiver): Promise<void> {
  receivers.splice(receivers.indexOf(receiver), 1);
  await receiver.close();
}

function event(key: string): string {
  return JSON.stringify({ event: 'work-orders.updated', data: { key, updatedAt: '2025-06-01T12:00:00Z' } });
}

/** Headers of a Standard Webhooks delivery, signed by the `standardwebhooks` package. */
function signed(body: string, options: { id?: string; at?: Date; secret?: string } = {}): Record<string, string> {
  const id = options.id ?? `msg_${randomBytes(9).toString('hex')}`;
  const at = options.at ?? new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(options.secret ?? secrets.plant!).sign(id, at, body),
  };
}

/** Makini's own sample (Webhook.md): HMAC-SHA256 of JSON.stringify(data) keyed by the secret, base64. */
function makiniSignature(data: unknown, secret = secrets.makini!): string {
  return createHmac('sha256', secret).update(JSON.stringify(data)).digest('base64');
}

interface Answer {
  status: number;
  body: unknown;
}

async function post(receiver: WebhookReceiver, connectionId: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(receiver.endpointFor(connectionId), { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The journal's lines other than the header, parsed. */
function journalLines(dir: string): { t: string; c: string; id: string; payload?: unknown }[] {
  return readFileSync(path.join(dir, journalFileName), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((line) => line.t !== 'journal');
}

const ids = (deliveries: QueuedDelivery[]) => deliveries.map((delivery) => delivery.id);

describe('webhook receiver: verification', () => {
  it('journals a delivery signed by standardwebhooks before answering 200, within milliseconds', async () => {
    const dir = tempDir();
    const receiver = await startReceiver(dir);
    const body = event('wo-1');
    const headers = signed(body, { id: 'msg_first' });
    const started = performance.now();
    const answer = await post(receiver, 'plant', body, headers);
    const elapsed = performance.now() - started;
    console.log(`webhook receiver: one delivery answered in ${elapsed.toFixed(1)} ms`);
    expect(answer).toEqual({ status: 200, body: { status: 'queued' } });
    expect(elapsed).toBeLessThan(1000);
    // On disk by the time the 200 arrived.
    expect(journalLines(dir)).toEqual([expect.objectContaining({ t: 'delivery', c: 'plant', id: 'msg_first', payload: JSON.parse(body) })]);
    expect(receiver.pending()).toEqual([
      { connectionId: 'plant', id: 'msg_first', receivedAt: expect.any(Number), scheme: 'standard-webhooks', payload: JSON.parse(body) },
    ]);
    expect(receiver.stats('plant')).toMatchObject({ received: 1, verified: 1, queued: 1, rejected: 0, duplicate: 0 });
  });

  it("takes Makini's X-Webhook-Signature in base64 (its sample) and in hex, de-duplicating by the body's hash", async () => {
    const dir = tempDir();
    const receiver = await startReceiver(dir);
    const first = { event: 'assets.inserted', data: { key: 'as-9' } };
    const second = { event: 'assets.updated', data: { key: 'as-9' } };
    const base64 = makiniSignature(first);
    const hex = Buffer.from(makiniSignature(second), 'base64').toString('hex');
    expect(await post(receiver, 'makini', JSON.stringify(first), { 'content-type': 'application/json', 'x-webhook-signature': base64 })).toEqual({
      status: 200,
      body: { status: 'queued' },
    });
    expect(await post(receiver, 'makini', JSON.stringify(second), { 'content-type': 'application/json; charset=utf-8', 'x-webhook-signature': hex })).toEqual({
      status: 200,
      body: { status: 'queued' },
    });
    // Makini retrying the first: the same body is the same delivery.
    expect(await post(receiver, 'makini', JSON.stringify(first), { 'content-type': 'application/json', 'x-webhook-signature': base64 })).toEqual({
      status: 200,
      body: { status: 'duplicate' },
    });
    const sha = (data: unknown) => `sha256:${createHash('sha256').update(JSON.stringify(data)).digest('hex')}`;
    expect(receiver.pending().map((d) => [d.id, d.scheme])).toEqual([
      [sha(first), 'makini'],
      [sha(second), 'makini'],
    ]);
    expect(receiver.stats('makini')).toMatchObject({ received: 3, verified: 3, queued: 2, duplicate: 1 });
  });

  it('answers 401 to forged, tampered, expired and unsigned deliveries, and stores none of them', async () => {
    const dir = tempDir();
    const receiver = await startReceiver(dir);
    const body = event('wo-2');
    const good = signed(body);
    const trials: [string, string, Record<string, string>][] = [
      ['another secret', body, signed(body, { secret: forgerSecret })],
      ['tampered body', event('wo-3'), good],
      ['tampered id', body, { ...good, 'webhook-id': 'msg_other' }],
      ['expired (6 minutes old)', body, signed(body, { at: new Date(Date.now() - 6 * 60_000) })],
      ['from the future', body, signed(body, { at: new Date(Date.now() + 6 * 60_000) })],
      ['no signature headers', body, { 'content-type': 'application/json' }],
      ['no webhook-id', body, { ...good, 'webhook-id': '' }],
      ['no timestamp', body, Object.fromEntries(Object.entries(good).filter(([name]) => name !== 'webhook-timestamp'))],
      ['garbage signature', body, { ...good, 'webhook-signature': 'v1,not-a-signature' }],
      ['Makini signature with the wrong secret', body, { 'content-type': 'application/json', 'x-webhook-signature': makiniSignature(JSON.parse(body), 'nope') }],
    ];
    for (const [what, payload, headers] of trials) {
      const answer = await post(receiver, 'plant', payload, headers);
      expect({ what, status: answer.status }).toEqual({ what, status: 401 });
    }
    expect(journalLines(dir)).toEqual([]);
    expect(receiver.pending()).toEqual([]);
    expect(receiver.stats('plant')).toMatchObject({ received: trials.length, verified: 0, rejected: trials.length, queued: 0 });
    // The genuine one still goes through afterwards.
    expect((await post(receiver, 'plant', body, good)).status).toBe(200);
  });

  it('serves HTTPS with a configured certificate and key', async () => {
    const dir = tempDir();
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    } catch {
      console.warn('openssl is not available: HTTPS test skipped');
      return;
    }
    const cert = readFileSync(path.join(dir, 'cert.pem'));
    const receiver = await startReceiver(path.join(dir, 'journal'), { tls: { cert, key: readFileSync(path.join(dir, 'key.pem')) } });
    expect(receiver.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = event('wo-tls');
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest(receiver.endpointFor('plant'), { method: 'POST', headers: signed(body), ca: cert }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(200);
    expect(ids(receiver.pending())).toHaveLength(1);
  });

  it('listens on loopback unless told otherwise, and refuses a second receiver on the same directory', async () => {
    const dir = tempDir();
    await expect(WebhookReceiver.start({ dir, host: '0.0.0.0', secretFor: () => null })).rejects.toThrow(/allowNetwork/);
    const receiver = await startReceiver(dir);
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(WebhookReceiver.start({ dir, secretFor: () => null })).rejects.toThrow(/in use/);
  });
});

describe('webhook receiver: bad requests', () => {
  it('answers each with its status, counts it, and queues nothing', async () => {
    const dir = tempDir();
    const receiver = await startReceiver(dir, { maxBodyBytes: 64 * 1024 });
    const url = receiver.endpointFor('plant');
    const status = async (init: RequestInit, target = url) => (await fetch(target, init)).status;

    expect(await status({ method: 'POST', headers: signed(''), body: '' })).toBe(400);
    expect(await status({ method: 'POST', headers: signed('{"event":'), body: '{"event":' })).toBe(400);
    expect(await status({ method: 'POST', headers: signed('[1,2]'), body: '[1,2]' })).toBe(400);
    // Not UTF-8 (signed over its raw bytes, Makini-style): not JSON either.
    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    const rawSignature = createHmac('sha256', secrets.makini!).update(invalidUtf8).digest('hex');
    const makiniUrl = receiver.endpointFor('makini');
    expect(await status({ method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': rawSignature }, body: invalidUtf8 }, makiniUrl)).toBe(400);
    const big = JSON.stringify({ event: 'x', padding: 'p'.repeat(100 * 1024) });
    expect(await status({ method: 'POST', headers: signed(big), body: big })).toBe(413);
    expect(await status({ method: 'POST', headers: signed(event('wo-1')), body: event('wo-1') }, receiver.endpointFor('nobody'))).toBe(404);
    expect(await status({ method: 'POST', headers: signed(event('wo-1')), body: event('wo-1') }, `${receiver.url}/elsewhere`)).toBe(404);
    const get = await fetch(url);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect(await status({ method: 'POST', headers: { ...signed(event('wo-1')), 'content-type': 'text/plain' }, body: event('wo-1') })).toBe(415);
    expect(await status({ method: 'POST', headers: { ...signed(event('wo-1')), 'content-type': 'application/jsonx' }, body: event('wo-1') })).toBe(415);

    // A chunked body (no length given) is cut off once it passes the limit: 413, not read to its end.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(chunked).toBe(413);

    expect(journalLines(dir)).toEqual([]);
    expect(receiver.pending()).toEqual([]);
    const stats = receiver.stats('plant');
    expect(stats.badRequest).toMatchObject({ emptyBody: 1, invalidJson: 1, notAnObject: 1, tooLarge: 2, methodNotAllowed: 1, unsupportedMediaType: 2 });
    expect(stats).toMatchObject({ verified: 3, rejected: 0, queued: 0 });
    expect(receiver.stats('makini')).toMatchObject({ verified: 1, queued: 0, badRequest: expect.objectContaining({ invalidJson: 1 }) });
    expect(receiver.unknownConnectionRequests()).toBe(2);
  });
});

describe('webhook receiver: durability and de-duplication', () => {
  it('keeps pending deliveries and known ids across restarts, and forgets processed ones only as pending', async () => {
    const dir = tempDir();
    let receiver = await startReceiver(dir);
    const bodies = [event('wo-1'), event('wo-2')];
    const headers = [signed(bodies[0]!, { id: 'msg_a' }), signed(bodies[1]!, { id: 'msg_b' })];
    for (const [i, body] of bodies.entries()) expect((await post(receiver, 'plant', body, headers[i]!)).status).toBe(200);

    await stop(receiver);
    receiver = await startReceiver(dir);
    expect(ids(receiver.pending())).toEqual(['msg_a', 'msg_b']);
    expect(await receiver.markProcessed({ connectionId: 'plant', id: 'msg_a' })).toBe(true);
    expect(await receiver.markProcessed({ connectionId: 'plant', id: 'msg_a' })).toBe(false);

    await stop(receiver);
    receiver = await startReceiver(dir);
    expect(ids(receiver.pending())).toEqual(['msg_b']);
    // Sender retries after the restart: the processed one and the pending one are both known.
    expect(await post(receiver, 'plant', bodies[0]!, headers[0]!)).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(await post(receiver, 'plant', bodies[1]!, signed(bodies[1]!, { id: 'msg_b' }))).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(ids(receiver.pending())).toEqual(['msg_b']);
    expect(receiver.stats('plant')).toMatchObject({ verified: 2, duplicate: 2, queued: 0 });
    // Ids are per connection: the same id for another connection is another delivery.
    expect(journalLines(dir).filter((line) => line.t === 'delivery')).toHaveLength(2);
  });

  it('compacts processed deliveries away, still refusing their ids, and forgets ids only after 7 days', async () => {
    const dir = tempDir();
    let clock = Date.now();
    const options = { now: () => clock, compactAtBytes: 4096 };
    let receiver = await startReceiver(dir, options);
    const at = () => new Date(clock);
    const padding = 'x'.repeat(200);
    for (let i = 0; i < 40; i += 1) {
      const body = JSON.stringify({ event: 'work-orders.updated', data: { key: `wo-${i}`, padding } });
      expect((await post(receiver, 'plant', body, signed(body, { id: `msg_${i}`, at: at() }))).status).toBe(200);
    }
    const before = statSync(path.join(dir, journalFileName)).size;
    for (let i = 0; i < 30; i += 1) await receiver.markProcessed({ connectionId: 'plant', id: `msg_${i}` });
    await receiver.markProcessed({ connectionId: 'plant', id: 'msg_30' }); // queued behind any compaction
    expect(receiver.journalCounters().compactions).toBeGreaterThanOrEqual(1);
    expect(statSync(path.join(dir, journalFileName)).size).toBeLessThan(before);
    expect(journalLines(dir).filter((line) => line.t === 'seen').length).toBeGreaterThan(0);

    await stop(receiver);
    clock += 3 * 24 * 3600_000;
    receiver = await startReceiver(dir, options);
    expect(ids(receiver.pending())).toEqual(Array.from({ length: 9 }, (_, i) => `msg_${31 + i}`));
    const again = JSON.stringify({ event: 'work-orders.updated', data: { key: 'wo-3', padding } });
    expect((await post(receiver, 'plant', again, signed(again, { id: 'msg_3', at: at() }))).body).toEqual({ status: 'duplicate' });

    // A week and a day after receipt, processed ids are forgotten (pending ones never are).
    await stop(receiver);
    clock += 5 * 24 * 3600_000;
    receiver = await startReceiver(dir, options);
    expect((await post(receiver, 'plant', again, signed(again, { id: 'msg_3', at: at() }))).body).toEqual({ status: 'queued' });
    expect(await post(receiver, 'plant', again, signed(again, { id: 'msg_35', at: at() }))).toMatchObject({ body: { status: 'duplicate' } });
    expect(ids(receiver.pending())).toHaveLength(10);
  });

  it('reads past a line torn by a crash mid-write', async () => {
    const dir = tempDir();
    let receiver = await startReceiver(dir);
    const body = event('wo-1');
    expect((await post(receiver, 'plant', body, signed(body, { id: 'msg_kept' }))).status).toBe(200);
    await stop(receiver);
    appendFileSync(path.join(dir, journalFileName), '{"t":"delivery","c":"plant","id":"msg_torn","at":17');

    receiver = await startReceiver(dir);
    expect(ids(receiver.pending())).toEqual(['msg_kept']);
    expect((await post(receiver, 'plant', event('wo-2'), signed(event('wo-2'), { id: 'msg_next' }))).status).toBe(200);
    await stop(receiver);
    receiver = await startReceiver(dir);
    expect(ids(receiver.pending())).toEqual(['msg_kept', 'msg_next']);
    expect(receiver.journalCounters().unreadableLines).toBe(0);
  });

  it('keeps every delivery it answered 200 when its process is SIGKILLed right after', async () => {
    const dir = tempDir();
    // `node --import tsx`, not the tsx wrapper: the wrapper runs the script in a grandchild that SIGKILL would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'support', 'webhook-receiver-child.ts'), dir, 'plant'], {
      cwd: root,
      env: { ...process.env, WEBHOOK_CHILD_SECRET: secrets.plant },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`the child did not start:\n${output}`)), 15_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening (\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', () => reject(new Error(`the child exited:\n${output}`)));
      });

      let killed = false;
      const results = await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const body = event(`wo-${i}`);
          const id = `msg_${i}`;
          try {
            const response = await fetch(`${origin}/webhooks/plant`, { method: 'POST', headers: signed(body, { id }), body });
            if (response.status === 200 && !killed) {
              killed = true;
              child.kill('SIGKILL');
            }
            return { id, status: response.status };
          } catch {
            return { id, status: 0 };
          }
        }),
      );
      expect(await exited).toBe('SIGKILL');
      const acknowledged = results.filter((result) => result.status === 200).map((result) => result.id);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(results.every((result) => result.status === 200 || result.status === 0)).toBe(true);

      const receiver = await startReceiver(dir);
      const pending = new Set(ids(receiver.pending()));
      for (const id of acknowledged) expect(pending).toContain(id);
      console.log(`webhook crash test: ${acknowledged.length} of 60 answered 200 before the kill landed; ${pending.size} pending after restart`);
      // Retries of acknowledged ones are duplicates; unacknowledged ones that did not reach the disk are taken now.
      for (const result of results) {
        const body = event(`wo-${result.id.slice(4)}`);
        const answer = await post(receiver, 'plant', body, signed(body, { id: result.id }));
        expect(answer.body).toEqual({ status: pending.has(result.id) ? 'duplicate' : 'queued' });
      }
      expect(receiver.pending()).toHaveLength(60);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  });
});

describe('webhook receiver: processing hooks', () => {
  it('hands new deliveries to listeners and iterators after answering, and a failing listener changes nothing', async () => {
    const dir = tempDir();
    let receiver = await startReceiver(dir);
    const early = event('wo-early');
    expect((await post(receiver, 'plant', early, signed(early, { id: 'msg_early' }))).status).toBe(200);
    await stop(receiver);
    receiver = await startReceiver(dir);

    const heard: string[] = [];
    const queuedWhenHeard: number[] = [];
    receiver.onDelivery((delivery) => {
      heard.push(delivery.id);
      // Already answered: the counters are updated just before the 200 is written.
      queuedWhenHeard.push(receiver.stats('plant').queued);
    });
    receiver.onDelivery(() => {
      throw new Error('listener bug');
    });
    receiver.onDelivery(() => new Promise<void>(() => undefined)); // never settles

    const controller = new AbortController();
    const processed: string[] = [];
    const consumer = (async () => {
      for await (const delivery of receiver.deliveries({ signal: controller.signal })) {
        await receiver.markProcessed(delivery);
        processed.push(delivery.id);
        if (processed.length === 3) controller.abort();
      }
    })();

    for (const id of ['msg_one', 'msg_two']) {
      const body = event(id);
      expect(await post(receiver, 'plant', body, signed(body, { id }))).toEqual({ status: 200, body: { status: 'queued' } });
    }
    await consumer;
    expect(processed).toEqual(['msg_early', 'msg_one', 'msg_two']);
    expect(heard).toEqual(['msg_one', 'msg_two']);
    expect(queuedWhenHeard).toEqual([1, 2]);
    expect(receiver.pending()).toEqual([]);
  });
});

describe('webhook journal: group commit', () => {
  it('writes appends that arrive together with one fdatasync, each resolving only once it is on disk', async () => {
    const dir = tempDir();
    const journal = await WebhookJournal.open(dir);
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          journal.append({ connectionId: 'plant', id: `msg_${i % 450}`, receivedAt: Date.now(), scheme: 'standard-webhooks', payload: { i } }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome === 'queued')).toHaveLength(450);
      expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(50);
      // The first append starts a write at once; the other 449 wait for it and go out together.
      expect(journal.counts()).toMatchObject({ appends: 450, syncs: 2, pending: 450 });
      expect(journalLines(dir)).toHaveLength(450);
      await Promise.all(Array.from({ length: 450 }, (_, i) => journal.markProcessed({ connectionId: 'plant', id: `msg_${i}` })));
      expect(journal.counts()).toMatchObject({ appends: 900, syncs: 4, pending: 0 });
    } finally {
      await journal.close();
    }
  });
});

describe('webhook receiver: load', () => {
  it('takes 2,000 concurrent deliveries with 10% duplicates and 1% forgeries: each verified one journaled once', async () => {
    const dir = tempDir();
    const receiver = await startReceiver(dir);
    const unique = 1780;
    const requests: { id: string; body: string; headers: Record<string, string>; kind: 'new' | 'duplicate' | 'forged' }[] = [];
    for (let i = 0; i < unique; i += 1) {
      const body = event(`wo-${i}`);
      requests.push({ id: `msg_${i}`, body, headers: signed(body, { id: `msg_${i}` }), kind: 'new' });
    }
    for (let i = 0; i < 200; i += 1) requests.push({ ...requests[i * 7]!, kind: 'duplicate' });
    for (let i = 0; i < 20; i += 1) {
      const body = event(`forged-${i}`);
      requests.push({ id: `msg_forged_${i}`, body, headers: signed(body, { id: `msg_forged_${i}`, secret: forgerSecret }), kind: 'forged' });
    }
    // Shuffled (deterministically), so copies race their originals.
    for (let i = requests.length - 1, seed = 7; i > 0; i -= 1) {
      seed = (seed * 48271) % 2147483647;
      const j = seed % (i + 1);
      [requests[i], requests[j]] = [requests[j]!, requests[i]!];
    }

    // All issued at once, each on its own connection (node:http: undici's fetch is the slower client at this concurrency).
    const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
    const url = receiver.endpointFor('plant');
    const started = performance.now();
    const answers = await Promise.all(
      requests.map(
        (request) =>
          new Promise<Answer>((resolve, reject) => {
            const req = httpRequest(url, { method: 'POST', headers: request.headers, agent }, (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => (text += chunk));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
            });
            req.on('error', reject);
            req.end(request.body);
          }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();

    const statusesByKind = new Map<string, Set<number>>();
    for (const [i, request] of requests.entries()) {
      const set = statusesByKind.get(request.kind) ?? new Set();
      set.add(answers[i]!.status);
      statusesByKind.set(request.kind, set);
    }
    expect(Object.fromEntries([...statusesByKind].map(([kind, set]) => [kind, [...set]]))).toEqual({ new: [200], duplicate: [200], forged: [401] });
    const outcomes = answers.filter((answer) => answer.status === 200).map((answer) => (answer.body as { status: string }).status);
    expect(outcomes.filter((outcome) => outcome === 'queued')).toHaveLength(unique);

    const delivered = journalLines(dir).filter((line) => line.t === 'delivery');
    expect(delivered).toHaveLength(unique);
    expect(new Set(delivered.map((line) => line.id)).size).toBe(unique);
    expect(delivered.some((line) => line.id.startsWith('msg_forged'))).toBe(false);
    expect(receiver.stats('plant')).toMatchObject({ received: 2000, verified: 1980, rejected: 20, duplicate: 200, queued: unique });

    const counters = receiver.journalCounters();
    console.log(
      `webhook receiver: 2,000 concurrent deliveries in ${seconds.toFixed(2)} s (${Math.round(1980 / seconds)} verified/s), ` +
        `${counters.appends} lines in ${counters.syncs} fdatasyncs`,
    );
    // How much batching happens depends on the disk's sync time (well under a millisecond here); some always does.
    expect(counters.syncs).toBeLessThan(counters.appends / 2);

    await stop(receiver);
    const reopened = await startReceiver(dir);
    expect(reopened.pending()).toHaveLength(unique);
  });
});
