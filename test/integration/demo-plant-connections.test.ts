import { afterEach, describe, expect, it } from 'vitest';
import { DemoPlantConnections } from '../../electron/core/connections/demo-plant-connections';
import { DemoPlantHost } from '../../electron/core/connections/demo-plant-host';
import type { WebhookEndpoints } from '../../electron/core/webhooks/webhook-endpoints';
import { connectionParts } from '../support/connection-parts';
import { connectionRecord, tokenSecrets } from '../support/connection-runtime-fixtures';

const hosts: DemoPlantHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stopAll();
});

const receiver: WebhookEndpoints = {
  endpointFor: (connectionId) => `http://127.0.0.1:4400/webhooks/${connectionId}`,
  status: () => ({ received: 0, verified: 0, rejected: 0, duplicate: 0, badRequests: 0, processed: 0, failures: 0, pending: 0, lastDeliveryAt: null, lastError: null, alerting: false, relay: null }),
  route: () => undefined,
};

function setup(webhooks: WebhookEndpoints | null = receiver) {
  const parts = connectionParts();
  const host = new DemoPlantHost({ stateDir: null, changesPerMinute: 0 });
  hosts.push(host);
  const demoPlants = new DemoPlantConnections({ demoPlants: host, secrets: parts.secrets, credentials: parts.credentials, activation: parts.activation, webhooks: () => webhooks });
  return { ...parts, host, demoPlants };
}

describe('DemoPlantConnections', () => {
  it('adds a demo plant as a Makini connection it runs itself: its own token, the whole history, its webhooks sent to the receiver', async () => {
    const { demoPlants, host, runtimes, secrets, settings, syncsAsked } = setup();
    const view = await demoPlants.add({ seed: 12, workOrders: 30 });
    expect(view).toMatchObject({ name: 'Demo plant 12', kind: 'demo', authMethod: 'demo', provider: 'demo-plant', historyDays: null, state: 'active' });
    const [record] = settings.read();
    expect(record).toMatchObject({ id: view.id, kind: 'makini', authMethod: 'demo', settings: { linkUrl: null, oauthClientId: null, demo: { seed: 12, workOrders: 30 } } });
    const saved = secrets.get(view.id)!;
    expect(saved.webhookSecret).toEqual(expect.any(String));
    expect(syncsAsked).toEqual([view.id]);

    const plant = await host.get(view.id)!;
    expect(plant.url).toBe(view.baseUrl);
    expect(plant.webhooks.list().map((target) => target.url)).toEqual([receiver.endpointFor(view.id)]);
    await demoPlants.subscribeWebhooks(runtimes.require(view.id));
    expect(plant.webhooks.list()).toHaveLength(1);
    expect(await fetch(`${plant.url}/api/integrations/current`, { headers: { authorization: `Bearer ${saved.accessToken}` } })).toMatchObject({ status: 200 });
    expect((await demoPlants.add({ name: 'Training plant', seed: 12, historyDays: 30 })).historyDays).toBe(30);
  });

  it('runs a saved demo plant again at start, giving it a webhook secret if it had none, and leaves a disconnected one stopped', async () => {
    const { demoPlants, host, runtimes, secrets } = setup();
    const demo = { seed: 13, workOrders: 20 };
    const saved = runtimes.open(connectionRecord({ id: 'conn-saved', authMethod: 'demo', baseUrl: 'http://127.0.0.1:1', settings: { linkUrl: null, oauthClientId: null, demo } }), tokenSecrets());
    await demoPlants.resume(saved);
    const plant = await host.get('conn-saved')!;
    expect(saved.record.baseUrl).toBe(plant.url);
    expect(saved.secrets?.webhookSecret).toEqual(expect.any(String));
    expect(secrets.get('conn-saved')).toEqual(saved.secrets);
    expect(plant.webhooks.list().map((target) => target.url)).toEqual([receiver.endpointFor('conn-saved')]);

    const gone = runtimes.open(connectionRecord({ id: 'conn-gone', authMethod: 'demo', status: 'disconnected', settings: { linkUrl: null, oauthClientId: null, demo } }), null);
    await demoPlants.resume(gone);
    expect(host.get('conn-gone')).toBeNull();
    await demoPlants.resume(runtimes.open(connectionRecord({ id: 'conn-real' }), tokenSecrets()));
    expect(host.get('conn-real')).toBeNull();
  });

  it('reauthorizes with a token the plant issues, keeping the webhook secret; stops the plant with the connection', async () => {
    const { demoPlants, host, runtimes } = setup();
    const view = await demoPlants.add({ seed: 14, workOrders: 10 });
    const runtime = runtimes.require(view.id);
    const before = runtime.secrets!;
    runtime.record.status = 'needs_reauth';
    const after = await demoPlants.reauthorize(runtime);
    expect(after.state).toBe('active');
    expect(runtime.secrets).toMatchObject({ webhookSecret: before.webhookSecret });
    expect(runtime.secrets!.accessToken).not.toBe(before.accessToken);
    await demoPlants.stop(runtime);
    expect(host.get(view.id)).toBeNull();
  });

  it('switches the plant\'s "credentials changed" (the integration then reports `sync_status: fail`), for demo plants only', async () => {
    const { demoPlants, runtimes } = setup(null);
    const runtime = runtimes.require((await demoPlants.add({ seed: 15, workOrders: 10 })).id);
    await demoPlants.setCredentialsChanged(runtime, true);
    expect((await runtime.connector.describe()).syncStatus).toBe('fail');
    await demoPlants.setCredentialsChanged(runtime, false);
    expect((await runtime.connector.describe()).syncStatus).not.toBe('fail');

    const real = runtimes.open(connectionRecord({ id: 'conn-real' }), tokenSecrets());
    await expect(demoPlants.setCredentialsChanged(real, true)).rejects.toThrow('Only a running demo plant has a credentials switch.');
    await expect(demoPlants.reauthorize(real)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
