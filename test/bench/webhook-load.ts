// The webhook bench's load generator, in a process of its own (forked by webhook-bench.ts):
//   webhook-load.ts <url> <standard-webhooks secret> <deliveries> <concurrency> [with-send-times]
// Sends that many distinct signed deliveries over keep-alive connections, `concurrency` at a time,
// and reports throughput and the time to each answer to its parent (and, when asked, the wall-clock
// moment each delivery was sent, by its webhook-id, to time its way to a desktop).
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface LoadResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non200: number;
  /** [webhook-id, wall-clock ms] of each delivery, when asked. */
  sentAt?: [string, number][];
}

const [url, secret, deliveriesText, concurrencyText, withSendTimes] = process.argv.slice(2);
const deliveries = Number(deliveriesText);
const concurrency = Number(concurrencyText);
const signer = new Webhook(secret!);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url!);

// Signed up front: the figures are the server's, not the signing's.
const prepared = Array.from({ length: deliveries }, (_, i) => {
  const id = `msg_${randomUUID()}`;
  const at = new Date();
  const body = JSON.stringify({ event: 'work-orders.updated', body: [`wo-${i}`] });
  return {
    id,
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signer.sign(id, at, body),
    },
  };
});

const sentAt: [string, number][] = [];

function send(index: number): Promise<{ ms: number; status: number }> {
  const { id, body, headers } = prepared[index]!;
  const started = performance.now();
  if (withSendTimes) sentAt.push([id, performance.timeOrigin + started]);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const times: number[] = [];
let non200 = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < deliveries) {
      const answer = await send(next++);
      times.push(answer.ms);
      if (answer.status !== 200) non200 += 1;
    }
  }),
);
const elapsedMs = performance.now() - started;
times.sort((a, b) => a - b);
const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!;
const result: LoadResult = { perSecond: (deliveries / elapsedMs) * 1000, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times.at(-1)!, non200, ...(withSendTimes ? { sentAt } : {}) };
agent.destroy();
process.send!(result, () => process.exit(0));
