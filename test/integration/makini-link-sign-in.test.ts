import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MakiniLinkSignIn } from '../../electron/core/connections/makini-link-sign-in';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { connectionParts } from '../support/connection-parts';
import { connectionRecord, tokenSecrets } from '../support/connection-runtime-fixtures';
import { answerConsentPage } from '../support/makini-link-browser';

let plant: RunningDemoPlant;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 36, sizes: { workOrders: 10 }, stateFile: null });
});
afterAll(async () => {
  await plant.close();
});

/** Sign-ins whose "system browser" answers the consent page as told. */
function setup(browser: (url: string) => Promise<unknown> = answerConsentPage) {
  const parts = connectionParts();
  const opened: string[] = [];
  const signIn = new MakiniLinkSignIn({
    runtimes: parts.runtimes,
    credentials: parts.credentials,
    activation: parts.activation,
    openExternal: async (url) => {
      opened.push(url);
      void browser(url);
      return true;
    },
  });
  return { ...parts, signIn, opened };
}

const newConnection = () => ({ baseUrl: `${plant.url}/`, linkUrl: `${plant.url}/`, clientId: plant.oauthClient.clientId, clientSecret: plant.oauthClient.clientSecret });

describe('MakiniLinkSignIn against the demo plant', () => {
  it('opens the authorize page, takes the code on the loopback port and adds the connection with its Makini Link client', async () => {
    const { signIn, opened, secrets, settings, syncsAsked } = setup();
    const started = await signIn.begin({ ...newConnection(), deployment: 'on_prem', historyDays: 30 });
    expect(started.browserOpened).toBe(true);
    expect(opened).toEqual([started.authorizeUrl]);
    const authorize = new URL(started.authorizeUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${plant.url}/oauth/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: 'code', client_id: plant.oauthClient.clientId, redirect_uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/callback$/) });

    const view = await signIn.complete(started.flowId);
    expect(view).toMatchObject({ kind: 'makini', authMethod: 'oauth', baseUrl: plant.url, deployment: 'on_prem', historyDays: 30, provider: 'demo-plant' });
    expect(view.name).toBe(view.companyName);
    expect(settings.read()[0]).toMatchObject({ settings: { linkUrl: plant.url, oauthClientId: plant.oauthClient.clientId, demo: null } });
    expect(secrets.get(view.id)).toMatchObject({ clientSecret: plant.oauthClient.clientSecret, refreshToken: expect.any(String), expiresAt: expect.any(String) });
    expect(syncsAsked).toEqual([view.id]);
    await expect(signIn.complete(started.flowId)).rejects.toThrow('That sign-in is no longer running; start again.');
  });

  it('reauthorizes a connection signed in through Makini Link with the same client, keeping its cache and id', async () => {
    const { signIn, runtimes } = setup();
    const first = await signIn.complete((await signIn.begin(newConnection())).flowId);
    const runtime = runtimes.require(first.id);
    const before = runtime.secrets!.accessToken;
    runtime.record.status = 'needs_reauth';
    const after = await signIn.complete((await signIn.begin({ reauthorizeConnectionId: first.id })).flowId);
    expect(after.id).toBe(first.id);
    expect(runtimes.require(first.id)).toBe(runtime);
    expect(runtime.record.status).toBe('active');
    expect(runtime.secrets!.accessToken).not.toBe(before);
  });

  it('refuses to reauthorize through Makini Link a connection that was not signed in through it', async () => {
    const { signIn, runtimes } = setup();
    runtimes.open(connectionRecord({ id: 'conn-pasted', name: 'Pasted plant' }), tokenSecrets());
    await expect(signIn.begin({ reauthorizeConnectionId: 'conn-pasted' })).rejects.toThrow('Pasted plant was not connected through Makini Link; reauthorize it with a token, or add it again.');
    await expect(signIn.begin({ reauthorizeConnectionId: 'conn-unknown' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives up a sign-in that is cancelled, or still waiting when the app quits, and reports a denied consent', async () => {
    const waiting = setup(async () => undefined);
    const cancelled = await waiting.signIn.begin(newConnection());
    const completing = waiting.signIn.complete(cancelled.flowId);
    waiting.signIn.cancel(cancelled.flowId);
    await expect(completing).rejects.toMatchObject({ code: 'CANCELLED' });
    const quitting = await waiting.signIn.begin(newConnection());
    const stillWaiting = waiting.signIn.complete(quitting.flowId);
    waiting.signIn.cancelAll();
    await expect(stillWaiting).rejects.toMatchObject({ code: 'CANCELLED' });

    const denying = setup((url) => answerConsentPage(url, 'deny'));
    await expect(denying.signIn.complete((await denying.signIn.begin(newConnection())).flowId)).rejects.toThrow('Access was denied');
    expect(denying.runtimes.size).toBe(0);
  });
});
