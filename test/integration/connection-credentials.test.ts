import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWebhookSecret } from '../../electron/core/connections/connection-credentials';
import type { ConnectionRuntime } from '../../electron/core/connections/connection-runtime';
import { makiniConnectorKind } from '../../electron/core/connectors/makini/makini-connector-kind';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import type { AppError } from '../../shared/errors';
import { connectionParts } from '../support/connection-parts';
import { connectionRecord } from '../support/connection-runtime-fixtures';

const hour = 3_600_000;
let plant: RunningDemoPlant;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 33, sizes: { workOrders: 10 }, stateFile: null, accessTokenTtlSeconds: 2 * 3600 });
});
afterAll(async () => {
  await plant.close();
});

/** A connection signed in through Makini Link (the plant's own), with a clock the test moves. */
function signedIn(baseUrl = plant.url) {
  let offset = 0;
  const parts = connectionParts({ now: () => Date.now() + offset });
  const issued = plant.issueToken();
  const pair = { accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt * 1000).toISOString() };
  const runtime: ConnectionRuntime = parts.runtimes.open(
    connectionRecord({ authMethod: 'oauth', baseUrl, settings: { linkUrl: plant.url, oauthClientId: plant.oauthClient.clientId, demo: null } }),
    parts.credentials.issue(pair, plant.oauthClient.clientSecret, 'whsec-kept-across-refreshes'),
  );
  return { ...parts, runtime, first: pair.accessToken, advance: (ms: number) => (offset += ms) };
}

const answers = async (baseUrl: string, token: string) => (await fetch(`${baseUrl}/api/integrations/current`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('ConnectionCredentials against Makini Link (the demo plant\'s)', () => {
  it('keeps a token while most of its life is left, then refreshes it, storing the new pair before using it', async () => {
    const { credentials, runtime, secrets, first, advance, logger } = signedIn();
    await credentials.ensureFresh(runtime);
    expect(runtime.secrets?.accessToken).toBe(first);
    expect(secrets.get('conn-test')).toBeNull();

    advance(1.7 * hour); // 2-hour tokens: past 80% of their life
    await credentials.ensureFresh(runtime);
    const next = runtime.secrets!;
    expect(next.accessToken).not.toBe(first);
    expect(next).toMatchObject({ clientSecret: plant.oauthClient.clientSecret, webhookSecret: 'whsec-kept-across-refreshes' });
    expect(secrets.get('conn-test')).toEqual(next);
    expect(await answers(plant.url, next.accessToken)).toBe(200);
    expect(await makiniConnectorKind.probe({ baseUrl: () => plant.url, token: () => next.accessToken, settings: () => ({}), fetch: globalThis.fetch })).toMatchObject({ provider: 'demo-plant' });
    expect(logger.lines.map((line) => line.message)).toContain('refreshed the access token');
  });

  it('throws when Makini Link refuses the refresh: the connection needs reauthorizing', async () => {
    const { credentials, runtime, advance } = signedIn();
    runtime.secrets = { ...runtime.secrets!, refreshToken: 'not-a-refresh-token-of-this-plant' };
    advance(1.9 * hour);
    const refused = (await credentials.ensureFresh(runtime).catch((error: unknown) => error)) as AppError;
    expect(refused.code).toBe('UPSTREAM_AUTH');
  });

  it('carries on with the current token while Makini Link cannot be reached, until the token has run out', async () => {
    const { credentials, runtime, first, advance } = signedIn('http://127.0.0.1:1');
    advance(1.9 * hour);
    await credentials.ensureFresh(runtime);
    expect(runtime.secrets?.accessToken).toBe(first);
    advance(0.2 * hour);
    await expect(credentials.ensureFresh(runtime)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('leaves alone a token it cannot refresh: pasted, or of a connection not signed in through Makini Link', async () => {
    const { credentials, runtime, first, advance } = signedIn();
    advance(3 * hour);
    runtime.record.settings = { linkUrl: null, oauthClientId: null, demo: null };
    await credentials.ensureFresh(runtime);
    expect(runtime.secrets?.accessToken).toBe(first);
    runtime.secrets = credentials.issue({ accessToken: 'pasted-token-0123456789', refreshToken: null, expiresAt: null }, null);
    await credentials.ensureFresh(runtime);
    expect(runtime.secrets.accessToken).toBe('pasted-token-0123456789');
  });

  it('makes webhook secrets that differ each time and are long enough to sign with', () => {
    const secretsMade = new Set(Array.from({ length: 20 }, () => newWebhookSecret()));
    expect(secretsMade.size).toBe(20);
    for (const secret of secretsMade) expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
  });
});
