import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionAdministration } from '../../electron/core/connections/connection-administration';
import type { ConnectionRuntime } from '../../electron/core/connections/connection-runtime';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { connectionParts } from '../support/connection-parts';
import { createTestDb } from '../support/test-db';

let plant: RunningDemoPlant;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 38, sizes: { workOrders: 25 }, stateFile: null });
});
afterAll(async () => {
  await plant.close();
});

/** A connection to the demo plant with a pasted token, and its administration over a real cache. */
async function setup(baseUrl = plant.url, demoPlant = false) {
  const parts = connectionParts();
  const db = createTestDb();
  const calls: string[] = [];
  const token = plant.issueToken().accessToken;
  const runtime = parts.activation.open(
    { name: 'North mill', kind: 'makini', authMethod: demoPlant ? 'demo' : 'token', baseUrl, settings: { linkUrl: null, oauthClientId: null, demo: demoPlant ? { seed: 38, workOrders: 25 } : null } },
    parts.credentials.issue({ accessToken: token, refreshToken: null, expiresAt: null }, null, demoPlant ? 'whsec-of-the-demo-plant' : null),
  );
  parts.activation.activate(runtime, 'connected');
  const administration = new ConnectionAdministration({
    logger: parts.logger,
    save: () => parts.runtimes.save(),
    view: (held) => parts.views.view(held),
    emit: (held) => parts.views.emit(held),
    runtimes: parts.runtimes,
    secrets: parts.secrets,
    store: () => new DexieLocalStore(db),
    isDemoPlant: (held: ConnectionRuntime) => held.record.authMethod === 'demo',
    stopDemoPlant: async () => void calls.push('stop demo plant'),
    quiet: () => void calls.push('quiet'),
    scheduleNext: () => void calls.push('schedule next'),
    rerouteWebhooks: (held: ConnectionRuntime) => void calls.push(`reroute ${held.record.webhookRelay?.url ?? 'here'} ${held.secrets?.relayToken ?? 'no token'}`),
    removed: (connectionId) => void calls.push(`removed ${connectionId}`),
  });
  return { ...parts, db, runtime, token, administration, calls };
}

describe('ConnectionAdministration', () => {
  it('changes the settings a supervisor sets, replanning the schedule when the interval changes, and keeps them', async () => {
    const { administration, runtime, settings, secrets, calls } = await setup();
    administration.updateSettings(runtime, { name: 'North mill (old API)', historyDays: 30 });
    expect(calls).toEqual([]);
    const view = administration.updateSettings(runtime, { syncIntervalMinutes: 60, webhookSecret: 'whsec-from-makini' });
    expect(calls).toEqual(['schedule next']);
    expect(view).toMatchObject({ name: 'North mill (old API)', historyDays: 30, syncIntervalMinutes: 60 });
    expect(settings.read()[0]).toMatchObject({ name: 'North mill (old API)', historyDays: 30, syncIntervalMinutes: 60 });
    expect(secrets.get(runtime.record.id)?.webhookSecret).toBe('whsec-from-makini');
    administration.updateSettings(runtime, { webhookSecret: null });
    expect(secrets.get(runtime.record.id)?.webhookSecret).toBeNull();
    // Who the supervisor is in the plant (the author of notes), kept and forgotten on request.
    expect(view.authorUserKey).toBeNull();
    expect(administration.updateSettings(runtime, { authorUserKey: 'user-17' }).authorUserKey).toBe('user-17');
    expect(settings.read()[0]).toMatchObject({ authorUserKey: 'user-17', historyDays: 30 });
    administration.updateSettings(runtime, { authorUserKey: null });
    expect(settings.read()[0]!.authorUserKey).toBeNull();
  });

  it('refuses a webhook secret for a demo plant (it keeps its own) and for a disconnected connection', async () => {
    const demo = await setup(plant.url, true);
    expect(() => demo.administration.updateSettings(demo.runtime, { webhookSecret: 'whsec-from-makini' })).toThrow('A demo plant keeps the webhook secret it was given.');
    const { administration, runtime } = await setup();
    await administration.disconnect(runtime);
    expect(() => administration.updateSettings(runtime, { webhookSecret: 'whsec-from-makini' })).toThrow('North mill is disconnected: it takes no webhooks.');
  });

  it('sets a relay for webhooks (its token sealed with the secrets), reroutes them, and clears it again', async () => {
    const { administration, runtime, secrets, settings, calls } = await setup();
    administration.updateSettings(runtime, { webhookRelay: { url: 'https://relay.example.com', token: 'mwr_desk-1.token' } });
    expect(settings.read()[0]?.webhookRelay).toEqual({ url: 'https://relay.example.com' });
    expect(JSON.stringify(settings.read())).not.toContain('mwr_desk-1.token');
    expect(secrets.get(runtime.record.id)?.relayToken).toBe('mwr_desk-1.token');
    expect(calls).toEqual(['reroute https://relay.example.com mwr_desk-1.token']);
    administration.updateSettings(runtime, { webhookRelay: null });
    expect(settings.read()[0]?.webhookRelay).toBeNull();
    expect(secrets.get(runtime.record.id)?.relayToken).toBeNull();
    expect(calls.at(-1)).toBe('reroute here no token');
  });

  it('refuses a relay for a demo plant: it sends its webhooks to this computer', async () => {
    const demo = await setup(plant.url, true);
    expect(() => demo.administration.updateSettings(demo.runtime, { webhookRelay: { url: 'https://relay.example.com', token: 'mwr_desk-1.token' } })).toThrow(
      'A demo plant sends its webhooks to this computer',
    );
    expect(demo.calls).toEqual([]);
  });

  it('disconnects: the token revoked upstream and forgotten here, nothing scheduled, the cache kept; once', async () => {
    const { administration, runtime, token, secrets, settings, calls, logger } = await setup();
    const signal = runtime.stop.signal;
    const view = await administration.disconnect(runtime);
    expect(view).toMatchObject({ state: 'disconnected', tokenPreview: null, lastError: null });
    expect((await fetch(`${plant.url}/api/integrations/current`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(signal.aborted).toBe(true);
    expect(runtime.stop.signal.aborted).toBe(false);
    expect(secrets.get(runtime.record.id)).toBeNull();
    expect(settings.read()[0]?.status).toBe('disconnected');
    expect(calls).toEqual(['quiet', 'stop demo plant', 'reroute here no token']);
    expect(logger.lines.at(-1)).toMatchObject({ message: 'disconnected' });
    expect(await administration.disconnect(runtime)).toMatchObject({ state: 'disconnected' });
    expect(calls).toHaveLength(3);
  });

  it('disconnects here even when the token cannot be revoked upstream, and says so', async () => {
    const { administration, runtime, secrets } = await setup('http://127.0.0.1:1');
    const view = await administration.disconnect(runtime);
    expect(view.state).toBe('disconnected');
    expect(view.lastError?.message).toMatch(/^Disconnected here, but the token could not be revoked upstream: /);
    expect(secrets.get(runtime.record.id)).toBeNull();
  });

  it('deletes a disconnected connection\'s cached records and the connection itself', async () => {
    const { administration, runtime, runtimes, settings, db, calls } = await setup();
    await runtime.engine.run(new DexieLocalStore(db));
    expect(await db.workOrders.count()).toBeGreaterThan(0);
    await expect(administration.deleteData(runtime)).rejects.toThrow('Disconnect the connection before deleting its data.');
    await administration.disconnect(runtime);
    const { deleted } = await administration.deleteData(runtime);
    expect(deleted).toBeGreaterThan(25);
    expect(await db.workOrders.count()).toBe(0);
    expect(runtimes.size).toBe(0);
    expect(settings.read()).toEqual([]);
    expect(calls.at(-1)).toBe(`removed ${runtime.record.id}`);
    db.close();
  });
});
