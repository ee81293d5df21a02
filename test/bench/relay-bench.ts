// The webhook relay under load: verified and stored deliveries per second (the load from a child
// process, as in webhook-bench.ts) over the desktop's bare receiver driven the same way in the same
// run, and the time from the plant's request to the delivery on a desktop's disk (its relay link
// journaling it), with the embedded journal and with NATS JetStream (a 3-node cluster, 3 replicas).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RelayClient } from '../../electron/core/webhooks/relay-client';
import { WebhookReceiver } from '../../electron/core/webhooks/webhook-receiver';
import { JetStreamRelayStore } from '../../electron/relay/jetstream-relay-store';
import { JournalRelayStore } from '../../electron/relay/journal-relay-store';
import { addRelayConnection, issueDesktopToken, RelayConfig } from '../../electron/relay/relay-config';
import { RelayServer } from '../../electron/relay/relay-server';
import type { RelayStore } from '../../electron/relay/relay-store';
import { NatsCluster, natsServerMissing, natsServerPath } from '../support/nats-cluster';
import { benchSecret, runLoad } from './webhook-bench';
import type { LoadResult } from './webhook-load';

export interface RelayPathFigures {
  /** The load generator's view: deliveries answered 200 per second, and time to the 200. */
  load: LoadResult;
  /** Relay deliveries/s over the bare receiver's. */
  throughputRatio: number;
  /** From the plant's request to the delivery journaled on the desktop. */
  toDesktop: { p50Ms: number; p99Ms: number; maxMs: number };
}

export interface RelayBenchFigures {
  deliveries: number;
  concurrency: number;
  /** The desktop's own receiver (verify + journal with fdatasync), the baseline. */
  receiver: LoadResult;
  journal: RelayPathFigures;
  /** Null when nats-server is not installed (`skipped` says so). */
  jetstream: RelayPathFigures | null;
  skipped: string | null;
}

const now = () => performance.timeOrigin + performance.now();

async function measurePath(store: RelayStore, configDir: string, desktopDir: string, deliveries: number, concurrency: number, baseline: LoadResult): Promise<RelayPathFigures> {
  await mkdir(configDir, { recursive: true });
  const configFile = path.join(configDir, 'relay-config.json');
  addRelayConnection(configFile, 'bench', benchSecret);
  const token = issueDesktopToken(configFile, 'desk', 'bench');
  const config = new RelayConfig(configFile);
  const server = await RelayServer.start({ secretFor: (id) => config.secretFor(id), desktopFor: (t) => config.desktopFor(t), store });
  // The desktop: its receiver's journal, fed by its relay link, in this process.
  const desktop = await WebhookReceiver.start({ dir: desktopDir, secretFor: () => null });
  const storedAt = new Map<string, number>();
  const link = new RelayClient({
    url: server.url,
    token,
    connectionId: 'bench',
    sink: {
      enqueueRelayed: async (delivery) => {
        const outcome = await desktop.enqueueRelayed(delivery);
        if (!storedAt.has(delivery.id)) storedAt.set(delivery.id, now());
        return outcome;
      },
    },
    onState: () => undefined,
  });
  link.start();
  try {
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 120_000;
      while (storedAt.size < count) {
        if (Date.now() > deadline) throw new Error(`the desktop has ${storedAt.size} of ${count} deliveries after 2 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await runLoad(`${server.url}/webhooks/bench`, 300, concurrency);
    await waitFor(300);
    const load = await runLoad(`${server.url}/webhooks/bench`, deliveries, concurrency, true);
    await waitFor(300 + deliveries);
    if (load.non200 > 0) throw new Error(`the relay refused ${load.non200} of ${deliveries} deliveries`);
    const latencies = load.sentAt!.map(([id, sent]) => storedAt.get(id)! - sent).sort((a, b) => a - b);
    const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]!;
    delete load.sentAt;
    return { load, throughputRatio: load.perSecond / baseline.perSecond, toDesktop: { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: latencies.at(-1)! } };
  } finally {
    link.stop();
    await server.close();
    await desktop.close();
  }
}

export async function measureRelay(deliveries = 5000, concurrency = 16): Promise<RelayBenchFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-relay-bench-'));
  try {
    const receiver = await WebhookReceiver.start({ dir: path.join(dir, 'receiver'), secretFor: (id) => (id === 'bench' ? benchSecret : null) });
    let baseline: LoadResult;
    try {
      await runLoad(receiver.endpointFor('bench'), 300, concurrency);
      baseline = await runLoad(receiver.endpointFor('bench'), deliveries, concurrency);
    } finally {
      await receiver.close();
    }

    const journalConfig = path.join(dir, 'journal-relay');
    const journalStore = await JournalRelayStore.open(path.join(journalConfig, 'journal'), { desktops: () => new RelayConfig(path.join(journalConfig, 'relay-config.json')).desktops() });
    let journal: RelayPathFigures;
    try {
      journal = await measurePath(journalStore, journalConfig, path.join(dir, 'desk-journal'), deliveries, concurrency, baseline);
    } finally {
      await journalStore.close();
    }

    if (!natsServerPath()) return { deliveries, concurrency, receiver: baseline, journal, jetstream: null, skipped: natsServerMissing };
    const cluster = await NatsCluster.start(3);
    try {
      const jetstreamStore = await JetStreamRelayStore.open({ servers: cluster.urls, deployment: 'bench', replicas: 3 });
      try {
        const jetstream = await measurePath(jetstreamStore, path.join(dir, 'jetstream-relay'), path.join(dir, 'desk-jetstream'), deliveries, concurrency, baseline);
        return { deliveries, concurrency, receiver: baseline, journal, jetstream, skipped: null };
      } finally {
        await jetstreamStore.close();
      }
    } finally {
      await cluster.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
