// The webhook receiver under load on loopback: verified deliveries per second and p99 time to the
// 200, beside two bare node:http servers driven the same way in the same run: one that verifies
// each delivery with the `standardwebhooks` library (signature, timestamp, JSON) and answers 200,
// as a developer would write a verifying endpoint (the issue's "bare node:http server's verified
// deliveries/s", the figure the goal is against), and one that answers 200 and does nothing at all
// (for reference). The servers run in this process; the load comes from a child process, so its
// HTTP client does not share the servers' event loop.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { WebhookReceiver } from '../../electron/core/webhooks/webhook-receiver';
import type { LoadResult } from './webhook-load';

export interface WebhookBenchFigures {
  deliveries: number;
  concurrency: number;
  receiver: LoadResult;
  /** The bare server that verifies each delivery. */
  bare: LoadResult;
  /** The bare server that verifies nothing. */
  empty: LoadResult;
  /** The receiver's throughput over the verifying bare server's. */
  throughputRatio: number;
  /** The receiver's throughput over the do-nothing server's. */
  emptyRatio: number;
  journalSyncs: number;
}

export const benchSecret = `whsec_${randomBytes(24).toString('base64')}`;

/** Sends signed deliveries from a child process (see webhook-load.ts); with `sendTimes`, reports when each was sent. */
export function runLoad(url: string, deliveries: number, concurrency: number, sendTimes = false): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'webhook-load.ts'), [url, benchSecret, String(deliveries), String(concurrency), ...(sendTimes ? ['with-send-times'] : [])], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve(message as LoadResult));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the load generator exited with ${code}`))));
  });
}

/** A bare node:http server on loopback answering each request with `answer(headers, body)`'s status. */
async function bareServer(answer: (headers: Record<string, string>, body: string) => number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = answer(req.headers as Record<string, string>, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': 2 });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/bench`, server };
}

/** Verifies as the `standardwebhooks` library does (signature, timestamp within 5 minutes, JSON body): 200, or 401. */
function verifyingAnswer(): (headers: Record<string, string>, body: string) => number {
  const webhook = new Webhook(benchSecret);
  return (headers, body) => {
    try {
      webhook.verify(body, headers);
      return 200;
    } catch {
      return 401;
    }
  };
}

export async function measureWebhookReceiver(deliveries = 5000, concurrency = 16): Promise<WebhookBenchFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-webhook-bench-'));
  const receiver = await WebhookReceiver.start({ dir, secretFor: (id) => (id === 'bench' ? benchSecret : null) });
  const bare = await bareServer(verifyingAnswer());
  const empty = await bareServer(() => 200);
  try {
    // Warm each up, then run them in turn so none gets the quieter moment alone.
    await runLoad(receiver.endpointFor('bench'), 300, concurrency);
    await runLoad(bare.url, 300, concurrency);
    await runLoad(empty.url, 300, concurrency);
    const bareResult = await runLoad(bare.url, deliveries, concurrency);
    const receiverResult = await runLoad(receiver.endpointFor('bench'), deliveries, concurrency);
    const emptyResult = await runLoad(empty.url, deliveries, concurrency);
    if (bareResult.non200 > 0) throw new Error(`the verifying bare server refused ${bareResult.non200} deliveries`);
    const stats = receiver.stats('bench');
    if (stats.queued !== deliveries + 300 || stats.rejected !== 0) {
      throw new Error(`the receiver queued ${stats.queued} and refused ${stats.rejected} of ${deliveries + 300} deliveries`);
    }
    return {
      deliveries,
      concurrency,
      receiver: receiverResult,
      bare: bareResult,
      empty: emptyResult,
      throughputRatio: receiverResult.perSecond / bareResult.perSecond,
      emptyRatio: receiverResult.perSecond / emptyResult.perSecond,
      journalSyncs: receiver.journalCounters().syncs,
    };
  } finally {
    await receiver.close();
    bare.server.close();
    empty.server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
