// The webhook receiver under load on loopback: verified deliveries per second and p99 time to the
// 200, beside a bare node:http server that answers 200 and does nothing, driven the same way in
// the same run. Both servers run in this process; the load comes from a child process, so its
// HTTP client does not share the servers' event loop.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebhookReceiver } from '../../electron/core/webhooks/webhook-receiver';
import type { LoadResult } from './webhook-load';

export interface WebhookBenchFigures {
  deliveries: number;
  concurrency: number;
  receiver: LoadResult;
  bare: LoadResult;
  /** The receiver's throughput over the bare server's. */
  throughputRatio: number;
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

async function bareServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/bench`, server };
}

export async function measureWebhookReceiver(deliveries = 5000, concurrency = 16): Promise<WebhookBenchFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-webhook-bench-'));
  const receiver = await WebhookReceiver.start({ dir, secretFor: (id) => (id === 'bench' ? benchSecret : null) });
  const bare = await bareServer();
  try {
    // Warm both up, then alternate so neither gets the quieter moment.
    await runLoad(receiver.endpointFor('bench'), 300, concurrency);
    await runLoad(bare.url, 300, concurrency);
    const bareResult = await runLoad(bare.url, deliveries, concurrency);
    const receiverResult = await runLoad(receiver.endpointFor('bench'), deliveries, concurrency);
    const stats = receiver.stats('bench');
    if (stats.queued !== deliveries + 300 || stats.rejected !== 0) {
      throw new Error(`the receiver queued ${stats.queued} and refused ${stats.rejected} of ${deliveries + 300} deliveries`);
    }
    return {
      deliveries,
      concurrency,
      receiver: receiverResult,
      bare: bareResult,
      throughputRatio: receiverResult.perSecond / bareResult.perSecond,
      journalSyncs: receiver.journalCounters().syncs,
    };
  } finally {
    await receiver.close();
    bare.server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
