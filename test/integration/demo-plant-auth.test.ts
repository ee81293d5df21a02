import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';

interface TokenBody {
  access_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
}
interface OAuthErrorBody {
  error: string;
  error_description: string;
}
interface ApiErrorBody {
  error: { code: string; type: string; message: string; request_id: string };
}

const day = 24 * 60 * 60;
const redirectUri = 'http://127.0.0.1:53123/callback';
let plant: RunningDemoPlant;

beforeAll(async () => {
  plant = await startDemoPlant({ stateFile: null, sizes: { workOrders: 200 } });
});
afterAll(() => plant.close());

const api = (path: string, token: string, method = 'GET', on = plant) =>
  fetch(on.url + path, { method, headers: { authorization: `Bearer ${token}` } });

function authorizeParams(overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({ response_type: 'code', client_id: plant.oauthClient.clientId, redirect_uri: redirectUri, state: 's-1', ...overrides });
}

/** Follows the consent page's link for `decision`, and returns the decision's redirect. */
async function decide(params: URLSearchParams, decision: 'allow' | 'deny', on = plant): Promise<Response> {
  const page = await (await fetch(`${on.url}/oauth/authorize?${params}`)).text();
  const href = new RegExp(`href="([^"]*decision=${decision}[^"]*)"`).exec(page)?.[1];
  expect(href, `${decision} link`).toBeDefined();
  return fetch(new URL(href!.replaceAll('&amp;', '&'), on.url), { redirect: 'manual' });
}

async function authorizationCode(params = authorizeParams(), on = plant): Promise<string> {
  const location = (await decide(params, 'allow', on)).headers.get('location')!;
  return new URL(location).searchParams.get('code')!;
}

function postToken(fields: Record<string, string>, as: 'form' | 'json' = 'form', on = plant): Promise<Response> {
  return fetch(`${on.url}/link/token`, {
    method: 'POST',
    headers: { 'content-type': as === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: as === 'form' ? new URLSearchParams(fields).toString() : JSON.stringify(fields),
  });
}

const clientFields = (on = plant) => ({ client_id: on.oauthClient.clientId, client_secret: on.oauthClient.clientSecret });

async function exchange(code: string, on = plant): Promise<TokenBody> {
  const response = await postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...clientFields(on) }, 'form', on);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenBody;
}

async function refresh(refreshToken: string): Promise<Response> {
  return postToken({ grant_type: 'refresh_token', refresh_token: refreshToken, ...clientFields() });
}

describe('Makini Link consent screen', () => {
  it('shows a small, script-free consent page with Allow and Deny links', async () => {
    const response = await fetch(`${plant.url}/oauth/authorize?${authorizeParams()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Millwright Demo Plant — Millwright wants to connect');
    expect(html).not.toMatch(/<script/i);
    expect(html.length).toBeLessThan(4000);
  });

  it('redirects Allow with a code and the state, and Deny with access_denied', async () => {
    const allowed = await decide(authorizeParams(), 'allow');
    expect(allowed.status).toBe(302);
    const location = new URL(allowed.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
    expect(location.searchParams.get('state')).toBe('s-1');

    const denied = await decide(authorizeParams({ state: 'other state' }), 'deny');
    expect(denied.status).toBe(302);
    const deniedLocation = new URL(denied.headers.get('location')!);
    expect(deniedLocation.searchParams.get('error')).toBe('access_denied');
    expect(deniedLocation.searchParams.get('state')).toBe('other state');
    expect(deniedLocation.searchParams.has('code')).toBe(false);
  });

  it('accepts localhost and millwright:// callbacks', async () => {
    for (const uri of ['http://localhost:8080/', 'millwright://oauth/callback']) {
      const location = (await decide(authorizeParams({ redirect_uri: uri }), 'allow')).headers.get('location')!;
      expect(location.startsWith(`${uri}?code=`), location).toBe(true);
    }
  });

  it('answers 400 without redirecting for a bad redirect_uri, client_id, response_type or decision', async () => {
    const bad: Record<string, string>[] = [
      { redirect_uri: 'https://attacker.example/callback' },
      { redirect_uri: 'http://127.0.0.1/callback' },
      { redirect_uri: 'http://127.0.0.1.attacker.example:80/callback' },
      { redirect_uri: 'http://127.0.0.1:5000/callback#fragment' },
      { redirect_uri: 'javascript:alert(1)' },
      { client_id: 'someone-else' },
      { response_type: 'token' },
    ];
    for (const overrides of bad) {
      for (const path of ['/oauth/authorize', '/oauth/authorize/decision']) {
        const response = await fetch(`${plant.url}${path}?${authorizeParams({ decision: 'allow', ...overrides })}`, { redirect: 'manual' });
        expect(response.status, JSON.stringify(overrides)).toBe(400);
        expect(response.headers.get('location')).toBeNull();
        expect(await response.text()).toContain('cannot be completed');
      }
    }
    const noDecision = await fetch(`${plant.url}/oauth/authorize/decision?${authorizeParams({ decision: 'maybe' })}`, { redirect: 'manual' });
    expect(noDecision.status).toBe(400);
  });
});

describe('Makini Link token endpoint', () => {
  it('exchanges a code once, for a pair whose expires_in is a Unix timestamp, with no-store', async () => {
    const code = await authorizationCode();
    const response = await postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...clientFields() });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as TokenBody;
    expect(body.token_type).toBe('bearer');
    expect(body.access_token).not.toBe(body.refresh_token);
    expect(Math.abs(body.expires_in - (Date.now() / 1000 + 30 * day))).toBeLessThan(10);
    expect((await api('/api/eam/sites', body.access_token)).status).toBe(200);

    const again = await postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...clientFields() });
    expect(again.status).toBe(400);
    expect(((await again.json()) as OAuthErrorBody).error).toBe('invalid_grant');
  });

  it('takes JSON bodies as well as forms', async () => {
    const code = await authorizationCode();
    const response = await postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...clientFields() }, 'json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as TokenBody).refresh_token).toBeDefined();
  });

  it('refuses a redirect_uri other than the one authorized, and spends the code', async () => {
    const code = await authorizationCode();
    const wrong = await postToken({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:53123/other', ...clientFields() });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as OAuthErrorBody).error).toBe('invalid_grant');
    const right = await postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...clientFields() });
    expect(((await right.json()) as OAuthErrorBody).error).toBe('invalid_grant');
  });

  it('answers a wrong client with 401 invalid_client, leaving the code usable', async () => {
    const code = await authorizationCode();
    for (const client of [
      { client_id: plant.oauthClient.clientId, client_secret: 'not-the-secret' },
      { client_id: 'someone-else', client_secret: plant.oauthClient.clientSecret },
    ]) {
      const response = await postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...client });
      expect(response.status).toBe(401);
      expect(((await response.json()) as OAuthErrorBody).error).toBe('invalid_client');
    }
    await exchange(code);
  });

  it('answers malformed requests in OAuth error form', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...clientFields() }, 'invalid_request'],
      [{ grant_type: 'password', ...clientFields() }, 'unsupported_grant_type'],
      [{ grant_type: 'authorization_code', redirect_uri: redirectUri, ...clientFields() }, 'invalid_request'],
      [{ grant_type: 'refresh_token', client_id: plant.oauthClient.clientId }, 'invalid_request'],
    ];
    for (const [fields, error] of cases) {
      const response = await postToken(fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(((await response.json()) as OAuthErrorBody).error).toBe(error);
    }
    const text = await fetch(`${plant.url}/link/token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(400);
    expect(((await text.json()) as OAuthErrorBody).error).toBe('invalid_request');
    const huge = await postToken({ grant_type: 'client_credentials', ...clientFields(), padding: 'x'.repeat(1024 * 1024) });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as OAuthErrorBody).error_description).toMatch(/too large/);
  });

  it('rotates refresh tokens: the old one stops working, the old access token keeps working', async () => {
    const first = await exchange(await authorizationCode());
    const rotated = await refresh(first.refresh_token!);
    expect(rotated.status).toBe(200);
    const second = (await rotated.json()) as TokenBody;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);

    const reused = await refresh(first.refresh_token!);
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as OAuthErrorBody).error).toBe('invalid_grant');
    expect((await refresh(second.refresh_token!)).status).toBe(200);
    expect((await api('/api/eam/sites', first.access_token)).status).toBe(200);
    expect((await api('/api/eam/sites', second.access_token)).status).toBe(200);
  });

  it('issues a lone access token for client credentials', async () => {
    const response = await postToken({ grant_type: 'client_credentials', ...clientFields() }, 'json');
    expect(response.status).toBe(200);
    const body = (await response.json()) as TokenBody;
    expect(body.refresh_token).toBeUndefined();
    expect((await api('/api/eam/assets?per_page=1', body.access_token)).status).toBe(200);
  });

  it('issues pairs through the control API, which itself takes only the admin token', async () => {
    const control = (token: string) => fetch(`${plant.url}/__control/tokens`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const response = await control(plant.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TokenBody;
    expect(body).toMatchObject({ token_type: 'bearer', refresh_token: expect.any(String) });
    expect((await api('/api/eam/sites', body.access_token)).status).toBe(200);
    expect((await control(body.access_token)).status).toBe(401);
    expect((await api('/__control/stats', body.access_token)).status).toBe(401);
  });
});

describe('token lifetimes', () => {
  it('refuses expired access tokens, refresh tokens and codes', async () => {
    let clock = Date.now();
    const timed = await startDemoPlant({
      stateFile: null,
      sizes: { workOrders: 200 },
      now: () => clock,
      accessTokenTtlSeconds: 60,
      refreshTokenTtlSeconds: 120,
    });
    try {
      const pair = timed.issueToken();
      expect(pair.expiresAt).toBe(Math.floor((clock + 60_000) / 1000));
      const code = await authorizationCode(authorizeParams(), timed);
      expect((await api('/api/eam/sites', pair.accessToken, 'GET', timed)).status).toBe(200);

      clock += 61_000;
      const expired = await api('/api/eam/sites', pair.accessToken, 'GET', timed);
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as ApiErrorBody).error).toMatchObject({ code: 'AUTHENTICATION_FAILED', message: expect.stringMatching(/expired/) });
      expect((await api('/api/eam/sites', timed.token, 'GET', timed)).status).toBe(200);

      clock += 10 * 60_000;
      const lateCode = await postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...clientFields(timed) }, 'form', timed);
      expect(((await lateCode.json()) as OAuthErrorBody).error).toBe('invalid_grant');
      const lateRefresh = await postToken({ grant_type: 'refresh_token', refresh_token: pair.refreshToken, ...clientFields(timed) }, 'form', timed);
      expect(((await lateRefresh.json()) as OAuthErrorBody).error).toBe('invalid_grant');
    } finally {
      await timed.close();
    }
  });
});

describe('connection lifecycle', () => {
  it('disconnecting revokes the grant, and the plant counts every request made with its token', async () => {
    const pair = plant.issueToken();
    expect(plant.apiRequestsByToken(pair.accessToken)).toBe(0);
    expect((await api('/api/eam/sites', pair.accessToken)).status).toBe(200);
    const disconnect = await api('/api/integrations/current', pair.accessToken, 'DELETE');
    expect(disconnect.status).toBe(200);
    expect(await disconnect.json()).toEqual({});

    for (const path of ['/api/eam/sites', '/api/integrations/current']) {
      const response = await api(path, pair.accessToken);
      expect(response.status).toBe(401);
      const body = (await response.json()) as ApiErrorBody;
      expect(body.error).toMatchObject({ code: 'AUTHENTICATION_FAILED', type: 'authentication_error' });
      expect(body.error.request_id).toBe(response.headers.get('x-request-id'));
    }
    expect(plant.apiRequestsByToken(pair.accessToken)).toBe(4);
    expect(((await (await refresh(pair.refreshToken)).json()) as OAuthErrorBody).error).toBe('invalid_grant');
    expect(plant.apiRequestsByToken('never-issued')).toBe(0);
  });

  it('answers a disconnect with the admin token but keeps the admin token working', async () => {
    expect((await api('/api/integrations/current', plant.token, 'DELETE')).status).toBe(200);
    expect((await api('/api/eam/sites', plant.token)).status).toBe(200);
  });

  it('after the plant\'s credentials change, asks older grants to reconnect until the switch is off', async () => {
    const before = plant.issueToken();
    const setSwitch = async (changed: boolean) => {
      const response = await fetch(`${plant.url}/__control/credentials-changed`, {
        method: 'POST',
        headers: { authorization: `Bearer ${plant.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ changed }),
      });
      expect(await response.json()).toEqual({ changed });
    };
    const syncStatus = async (token: string) =>
      ((await (await api('/api/integrations/current', token)).json()) as { data: { sync_status: string } }).data.sync_status;

    await setSwitch(true);
    try {
      const refused = await api('/api/eam/work-orders', before.accessToken);
      expect(refused.status).toBe(401);
      const body = (await refused.json()) as ApiErrorBody;
      expect(body.error).toMatchObject({
        code: 'REAUTHORIZATION_REQUIRED',
        type: 'authentication_error',
        message: "The plant's system credentials changed; reconnect through Makini Link.",
      });
      expect(body.error.request_id).toBe(refused.headers.get('x-request-id'));
      expect(await syncStatus(before.accessToken)).toBe('fail');

      const refreshed = (await (await refresh(before.refreshToken)).json()) as TokenBody;
      expect((await api('/api/eam/sites', refreshed.access_token)).status).toBe(401);

      const reconnected = await exchange(await authorizationCode());
      expect((await api('/api/eam/work-orders', reconnected.access_token)).status).toBe(200);
      expect(await syncStatus(reconnected.access_token)).toBe('done');
      const issued = plant.issueToken();
      expect((await api('/api/eam/sites', issued.accessToken)).status).toBe(200);
      expect((await api('/api/eam/sites', plant.token)).status).toBe(200);
      expect(await syncStatus(plant.token)).toBe('done');
    } finally {
      await setSwitch(false);
    }
    expect((await api('/api/eam/work-orders', before.accessToken)).status).toBe(200);
    expect(await syncStatus(before.accessToken)).toBe('done');
  });
});
