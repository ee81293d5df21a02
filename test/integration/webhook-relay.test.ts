// Webhooks through the relay, as a plant desktop gets them: a demo plant (signed, batched, retried
// webhooks with duplicate / reorder / forge faults) → the relay (verify, store in its embedded
// journal, 200) → two desktops' engines, each linked outward to the relay with its own token
// (journal, de-duplicate, acknowledge, process into the real Dexie cache on fake-indexeddb).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { startDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { JournalRelayStore } from '../../electron/relay/journal-relay-store';
import { RelayClient, type RelayLinkState } from '../../electron/core/webhooks/relay-client';
import { addRelayConnection, issueDesktopToken, RelayConfig, revokeDesktop } from '../../electron/relay/relay-config';
import { RelayServer } from '../../electron/relay/relay-server';
import { desktopProfile, startDesktopEngine, until, type DesktopEngine, type DesktopProfile } from '../support/desktop-engine';
import { changeWorkOrderNote, compareWorkOrders } from '../support/plant-changes';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const webhookSecret = 'whsec-relay-test-0123456789';

interface Relay {
  server: RelayServer;
  store: JournalRelayStore;
  config: RelayConfig;
  configFile: string;
  url: string;
}

async function startRelay(): Promise<Relay> {
  const dir = mkdtempSync(path.join(tmpdir(), 'millwright-relay-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const configFile = path.join(dir, 'relay-config.json');
  addRelayConnection(configFile, 'north-mill', webhookSecret);
  const config = new RelayConfig(configFile);
  const store = await JournalRelayStore.open(path.join(dir, 'journal'), { desktops: () => config.desktops() });
  const server = await RelayServer.start({ secretFor: (id) => config.secretFor(id), desktopFor: (token) => config.desktopFor(token), store });
  cleanups.push(async () => {
    await server.close();
    await store.close();
  });
  return { server, store, config, configFile, url: server.url };
}

async function plantWithWebhooks(relay: Relay): Promise<RunningDemoPlant> {
  // Each change is its own delivery; retries come quickly.
  const plant = await startDemoPlant({ seed: 71, sizes: { workOrders: 400 }, stateFile: null, changesPerMinute: 0, webhooks: { batchWindowMs: 0, retryBaseDelayMs: 20, reorderHoldMs: 200 } });
  cleanups.push(() => plant.close());
  plant.webhooks.subscribe({ url: `${relay.url}/webhooks/north-mill`, secret: webhookSecret, scheme: 'makini' });
  return plant;
}

/** A desktop connected to the plant with a pasted token, synced once, its webhooks collected from the relay. */
async function desktop(plant: RunningDemoPlant, relay: Relay, desktopId: string, schedule = false): Promise<{ engine: DesktopEngine; profile: DesktopProfile; connectionId: string }> {
  const profile = desktopProfile();
  cleanups.push(() => profile.dispose());
  const engine = await startDesktopEngine(profile, { relay: { retryBaseMs: 50, retryMaxMs: 500 } }, { schedule });
  cleanups.push(() => engine.close());
  const view = await engine.manager.connectWithToken({ baseUrl: plant.url, token: plant.issueToken().accessToken });
  await engine.manager.syncNow(view.id);
  engine.manager.updateSettings(view.id, { webhookRelay: { url: relay.url, token: issueDesktopToken(relay.configFile, desktopId, 'north-mill') } });
  await until(() => engine.manager.list()[0]!.webhook?.relay?.state === 'live', `${desktopId} is linked to the relay`);
  return { engine, profile, connectionId: view.id };
}


describe('webhooks through the relay', () => {
  it('10,000 deliveries with duplicates, reorders and forgeries reach two desktops, one of them offline for the whole burst', async () => {
    const relay = await startRelay();
    const plant = await plantWithWebhooks(relay);
    const north = await desktop(plant, relay, 'desk-north');
    const south = await desktop(plant, relay, 'desk-south');
    const southDesktop = relay.config.desktops().find((d) => d.id === 'desk-south')!;
    // The south desk's app quits before the burst; its profile (settings, secrets, journal, cache) stays.
    await south.engine.close();

    plant.webhooks.setFaults({ duplicateRate: 0.1, reorderRate: 0.1, forgeRate: 0.01 });
    const keys = [...plant.state.collections.workOrders.keys()];
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) {
      changeWorkOrderNote(plant, keys[(i * 7919) % keys.length]!, `change #${i}`);
      plant.webhooks.flush(); // one delivery per change
      if (i % 500 === 499) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await plant.webhooks.idle();
    const northDesktop = relay.config.desktops().find((d) => d.id === 'desk-north')!;
    await until(async () => (await relay.store.pending(northDesktop)) === 0, 'the north desk has acknowledged everything', 120_000);
    await north.engine.webhooks.idle();
    const seconds = (performance.now() - started) / 1000;

    const sent = plant.webhooks.list()[0]!.stats;
    const atRelay = relay.server.stats('north-mill');
    console.log(
      `relay: ${sent.deliveries} deliveries (${sent.duplicated} duplicated, ${sent.reordered} reordered, ${sent.forged} forged) ` +
        `through the relay to a live desktop in ${seconds.toFixed(1)} s; ${atRelay.rejected} refused at the relay`,
    );
    expect(sent.deliveries).toBe(10_000);
    expect(sent.failed).toBe(0);
    expect(sent.duplicated).toBeGreaterThan(800);
    expect(sent.reordered).toBeGreaterThan(800);
    expect(sent.forged).toBeGreaterThan(50);
    // Every forgery refused at the relay with 401, and only forgeries; every copy of a real one stored.
    expect(sent.forgedAccepted).toBe(0);
    expect(atRelay.rejected).toBe(sent.forged);
    expect(atRelay.queued).toBe(sent.deliveries + sent.duplicated);
    // The live desk journaled each delivery once (the relay passes duplicates on; the desk drops them) and processed each once.
    const northReceived = north.engine.webhooks.receiver.stats(north.connectionId);
    expect(northReceived.queued).toBe(sent.deliveries);
    expect(northReceived.duplicate).toBe(sent.duplicated);
    expect(north.engine.webhooks.status(north.connectionId)).toMatchObject({ processed: sent.deliveries, pending: 0, failures: 0 });
    const northCache = await compareWorkOrders(north.profile.db, north.connectionId, plant);
    expect(northCache.cached).toBe(northCache.upstream);
    expect(northCache.differing).toEqual([]);

    // The south desk was away for all of it: the relay kept it, and hands it over when the app starts again.
    expect(await relay.store.pending(southDesktop)).toBe(sent.deliveries + sent.duplicated);
    const southAgain = await startDesktopEngine(south.profile, { relay: { retryBaseMs: 50, retryMaxMs: 500 } });
    cleanups.push(() => southAgain.close());
    await until(async () => (await relay.store.pending(southDesktop)) === 0, 'the south desk has acknowledged everything', 120_000);
    await southAgain.webhooks.idle();
    expect(southAgain.webhooks.receiver.stats(south.connectionId)).toMatchObject({ queued: sent.deliveries, duplicate: sent.duplicated });
    const southCache = await compareWorkOrders(south.profile.db, south.connectionId, plant);
    expect(southCache.cached).toBe(southCache.upstream);
    expect(southCache.differing).toEqual([]);
    expect(southAgain.manager.list()[0]!.webhook).toMatchObject({ processed: sent.deliveries, relay: { state: 'live', endpoint: `${relay.url}/webhooks/north-mill` } });
  }, 300_000);

  it('cuts a linked desktop within seconds of its token being revoked, and the link says so instead of retrying', async () => {
    const relay = await startRelay();
    const states: RelayLinkState[] = [];
    const link = new RelayClient({
      url: relay.url,
      token: issueDesktopToken(relay.configFile, 'desk-lost-laptop', 'north-mill'),
      connectionId: 'local',
      retryBaseMs: 20,
      retryMaxMs: 100,
      sink: { enqueueRelayed: async () => 'queued' },
      onState: (state) => states.push(state),
    });
    cleanups.push(() => link.stop());
    link.start();
    await until(() => link.state.state === 'live', 'the desk is linked');
    expect(relay.server.connectedDesktops()).toEqual(['desk-lost-laptop']);
    revokeDesktop(relay.configFile, 'desk-lost-laptop');
    await until(() => link.state.state === 'refused', 'the link says the relay refused it', 10_000);
    expect(link.state).toMatchObject({ state: 'refused', message: expect.stringContaining('does not accept this desktop token') });
    await until(() => relay.server.connectedDesktops().length === 0, 'the relay has let it go', 5_000);
    // It does not hammer the relay: the next try is minutes away.
    const tries = states.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(states.length).toBe(tries);
  });

  it('polls every 2 minutes while the relay is unreachable, says since when, and goes back to its interval after the relay is back', async () => {
    const relay = await startRelay();
    const plant = await plantWithWebhooks(relay);
    const { engine, connectionId } = await desktop(plant, relay, 'desk-poll', true);
    const view = () => engine.manager.list().find((candidate) => candidate.id === connectionId)!;
    const minutesToNextSync = () => (Date.parse(view().nextSyncAt!) - Date.now()) / 60_000;
    expect(minutesToNextSync()).toBeGreaterThan(13); // 15 minutes, less 10% jitter

    await relay.server.close();
    await until(() => view().webhook?.relay?.state === 'unreachable', 'the link finds the relay gone');
    await until(() => view().nextSyncAt !== null && minutesToNextSync() <= 2.2, 'the next sync is planned within 2 minutes');
    expect(view().webhook?.relay).toMatchObject({ state: 'unreachable', message: expect.stringContaining('Cannot reach the relay') });

    // The relay again, on its address: the link finds it, and polling goes back to every 15 minutes.
    const again = await RelayServer.start({ secretFor: (id) => relay.config.secretFor(id), desktopFor: (token) => relay.config.desktopFor(token), store: relay.store, port: relay.server.port });
    cleanups.push(() => again.close());
    await until(() => view().webhook?.relay?.state === 'live', 'the link is live again');
    // The sync already planned stays (within 2 minutes); the one after it is at the interval.
    expect(minutesToNextSync()).toBeLessThanOrEqual(2.2);
    await engine.manager.syncNow(connectionId);
    expect(minutesToNextSync()).toBeGreaterThan(13);
  });
});
