// The relay at scale: a 3-node NATS JetStream cluster (Debian's nats-server), two relay processes
// storing in it behind a load balancer, a demo plant sending its webhooks (duplicated, reordered,
// forged) to the balancer and two desktops' engines collecting through it. Mid-burst one relay
// instance and one NATS node are SIGKILLed: nothing is lost, and both caches end equal to the plant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { addRelayConnection, issueDesktopToken } from '../../electron/relay/relay-config';
import { desktopProfile, startDesktopEngine, until } from '../support/desktop-engine';
import { changeWorkOrderNote, compareWorkOrders } from '../support/plant-changes';
import { NatsCluster, natsServerMissing, natsServerPath } from '../support/nats-cluster';
import { startRelayProcess, type RelayProcess } from '../support/relay-process';
import { TcpBalancer } from '../support/tcp-balancer';

const secret = 'whsec-cluster-test-0123456789';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

if (!natsServerPath()) console.warn(`relay on JetStream: skipped, ${natsServerMissing}`);

/** A relay instance as its own process, storing in the cluster. */
async function relayInstance(dir: string, natsUrls: string[]): Promise<RelayProcess> {
  const relay = await startRelayProcess(['--dir', dir, '--port', '0', '--nats', natsUrls.join(','), '--replicas', '3', '--deployment', 'cluster-test', '--ack-wait-seconds', '3']);
  cleanups.push(() => relay.kill());
  return relay;
}

describe.skipIf(!natsServerPath())('the relay on NATS JetStream, two instances behind a balancer', () => {
  it('loses nothing when a relay instance and a NATS node are killed mid-burst: both desktops end equal to the plant', async () => {
    const cluster = await NatsCluster.start(3);
    cleanups.push(() => cluster.stop());
    const dir = mkdtempSync(path.join(tmpdir(), 'millwright-relay-cluster-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const configFile = path.join(dir, 'relay-config.json');
    addRelayConnection(configFile, 'north-mill', secret);
    const tokens = [issueDesktopToken(configFile, 'desk-a', 'north-mill'), issueDesktopToken(configFile, 'desk-b', 'north-mill')];
    // Both instances read the same configuration, as from a shared volume.
    const instances = [await relayInstance(dir, cluster.urls), await relayInstance(dir, cluster.urls)];
    const balancer = await TcpBalancer.start(instances.map((instance) => instance.port));
    cleanups.push(() => balancer.close());

    const plant = await startDemoPlant({
      seed: 83,
      sizes: { workOrders: 300 },
      stateFile: null,
      changesPerMinute: 0,
      webhooks: { batchWindowMs: 0, retryBaseDelayMs: 100, maxAttempts: 12, reorderHoldMs: 200, requestTimeoutMs: 5_000 },
    });
    cleanups.push(() => plant.close());
    plant.webhooks.subscribe({ url: `${balancer.url}/webhooks/north-mill`, secret, scheme: 'makini' });

    const desks = [];
    for (const token of tokens) {
      const profile = desktopProfile();
      cleanups.push(() => profile.dispose());
      const engine = await startDesktopEngine(profile, { relay: { retryBaseMs: 100, retryMaxMs: 1_000 } });
      cleanups.push(() => engine.close());
      const view = await engine.manager.connectWithToken({ baseUrl: plant.url, token: plant.issueToken().accessToken });
      await engine.manager.syncNow(view.id);
      engine.manager.updateSettings(view.id, { webhookRelay: { url: balancer.url, token } });
      await until(() => engine.manager.list()[0]!.webhook?.relay?.state === 'live', 'a desk is linked through the balancer');
      desks.push({ engine, profile, connectionId: view.id });
    }

    plant.webhooks.setFaults({ duplicateRate: 0.1, reorderRate: 0.1, forgeRate: 0.01 });
    const keys = [...plant.state.collections.workOrders.keys()];
    const total = 3_000;
    for (let i = 0; i < total; i += 1) {
      changeWorkOrderNote(plant, keys[(i * 7919) % keys.length]!, `change #${i}`);
      plant.webhooks.flush();
      if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 10));
      if (i === 1_000) {
        instances[0]!.child.kill('SIGKILL');
        cluster.kill(1);
      }
    }
    await plant.webhooks.idle();
    const sent = plant.webhooks.list()[0]!.stats;
    console.log(
      `relay on JetStream: ${sent.deliveries} deliveries (${sent.duplicated} duplicated, ${sent.reordered} reordered, ${sent.forged} forged, ${sent.retried} retried) ` +
        'with a relay instance and a NATS node killed after the first 1,000',
    );
    expect(sent.deliveries).toBe(total);
    // Every delivery was answered 200 in the end (retried through the instance still up); no forgery was.
    expect(sent.failed).toBe(0);
    expect(sent.forgedAccepted).toBe(0);

    for (const desk of desks) {
      await until(async () => (await compareWorkOrders(desk.profile.db, desk.connectionId, plant)).differing.length === 0, 'a desk is equal to the plant', 120_000);
      await desk.engine.webhooks.idle();
      // Each delivery journaled once on the desk; the copies (the plant's duplicates, redeliveries after the kill) refused as such.
      expect(desk.engine.webhooks.receiver.stats(desk.connectionId).queued).toBe(total);
      const cache = await compareWorkOrders(desk.profile.db, desk.connectionId, plant);
      expect(cache.cached).toBe(cache.upstream);
      expect(cache.differing).toEqual([]);
    }
  }, 300_000);
});
