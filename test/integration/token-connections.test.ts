import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenConnections } from '../../electron/core/connections/token-connections';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { connectionParts } from '../support/connection-parts';

let plant: RunningDemoPlant;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 37, sizes: { workOrders: 10 }, stateFile: null });
});
afterAll(async () => {
  await plant.close();
});

function setup() {
  const parts = connectionParts();
  return { ...parts, tokens: new TokenConnections(parts.activation, parts.credentials) };
}

describe('TokenConnections against the demo plant', () => {
  it('adds a connection with a pasted token once the API answers to it, named after the company', async () => {
    const { tokens, secrets, settings, syncsAsked } = setup();
    const token = plant.issueToken().accessToken;
    const view = await tokens.connect({ baseUrl: ` ${plant.url}// `, token, deployment: 'on_prem' });
    expect(view).toMatchObject({ kind: 'makini', authMethod: 'token', baseUrl: plant.url, deployment: 'on_prem', historyDays: 90, provider: 'demo-plant' });
    expect(view.name).toBe(view.companyName);
    expect(settings.read()[0]).toMatchObject({ kind: 'makini', settings: { linkUrl: null, oauthClientId: null, demo: null } });
    expect(secrets.get(view.id)).toMatchObject({ accessToken: token, refreshToken: null, expiresAt: null, clientSecret: null });
    expect(syncsAsked).toEqual([view.id]);
  });

  it('adds nothing when the API refuses the token or cannot be reached', async () => {
    const { tokens, runtimes, settings } = setup();
    await expect(tokens.connect({ baseUrl: plant.url, token: 'x'.repeat(40) })).rejects.toThrow('refused this token');
    await expect(tokens.connect({ baseUrl: 'http://127.0.0.1:1', token: 'x'.repeat(40) })).rejects.toThrow('Could not reach 127.0.0.1:1');
    expect(runtimes.size).toBe(0);
    expect(settings.read()).toEqual([]);
  });

  it('reauthorizes with a new token the API answers to, and keeps the old one when it refuses the new', async () => {
    const { tokens, runtimes, secrets } = setup();
    const view = await tokens.connect({ name: 'North mill', baseUrl: plant.url, token: plant.issueToken().accessToken });
    const runtime = runtimes.require(view.id);
    runtime.record.status = 'needs_reauth';
    await expect(tokens.reauthorize(runtime, undefined)).rejects.toThrow('Paste a new token, or sign in through Makini Link again.');
    const old = runtime.secrets!.accessToken;
    await expect(tokens.reauthorize(runtime, 'y'.repeat(40))).rejects.toThrow('refused this token');
    expect(runtime.secrets!.accessToken).toBe(old);
    expect(runtime.record.status).toBe('needs_reauth');

    const fresh = plant.issueToken().accessToken;
    expect(await tokens.reauthorize(runtime, fresh)).toMatchObject({ id: view.id, name: 'North mill', state: 'connecting' });
    expect(secrets.get(view.id)?.accessToken).toBe(fresh);
  });
});
