import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOAuthClient } from '../../electron/demo-plant/oauth-routes';
import { malformedHttpExchanges } from '../support/attack/malformed-http-requests';
import { rawRequestStatus } from '../support/attack/raw-exchange';
import { runAttack } from '../support/attack/run-attack';
import { startWebModeTarget, type WebModeTarget } from '../support/attack/web-mode-target';
import { answerConsentPage } from '../support/makini-link-browser';

// The loopback port that waits for Makini Link's redirect during a sign-in (RFC 8252), attacked
// while a real sign-in is under way: the process stays up, the port keeps waiting, and the
// sign-in still completes afterwards.
let target: WebModeTarget;
let before: string;

beforeAll(async () => {
  target = await startWebModeTarget();
  before = await target.fingerprint();
});
afterAll(async () => {
  await target?.stop();
});

describe('OAuth loopback listener under attack', () => {
  it('stays up through 10,000 generated malformed requests during a sign-in, which then completes', async () => {
    const plant = target.connection.baseUrl;
    const started = await target.client.invoke('connections.beginOAuth', {
      name: 'Signed in under attack',
      baseUrl: plant,
      linkUrl: plant,
      clientId: defaultOAuthClient.clientId,
      clientSecret: defaultOAuthClient.clientSecret,
    });
    const redirect = new URL(new URL(started.authorizeUrl).searchParams.get('redirect_uri')!);
    const port = Number(redirect.port);
    const completed = target.client.invoke('connections.completeOAuth', { flowId: started.flowId });
    completed.catch(() => undefined); // awaited below; a rejection meanwhile must not go unhandled

    const stillWaiting = async () => {
      target.assertAlive();
      const forged = await fetch(`http://127.0.0.1:${port}/callback?state=forged&code=stolen`);
      expect(forged.status).toBe(400);
      expect(await forged.text()).toContain('did not come from the request Millwright made');
    };
    expect(await rawRequestStatus(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toBe(400);
    expect(await rawRequestStatus(port, 'GET /callback HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n')).toBe(400);

    const report = await runAttack({
      name: 'OAuth loopback',
      port: () => port,
      exchanges: malformedHttpExchanges({
        host: `127.0.0.1:${port}`,
        methods: ['GET', 'POST'],
        paths: ['/callback', '/callback?state=forged&code=stolen', '/callback?code=stolen', '/callback?state=&error=access_denied', '/callback?state=%00', '/', '/favicon.ico'],
      }),
      stillServing: stillWaiting,
    });
    expect(report.exchanges).toBeGreaterThanOrEqual(10_000);
    expect(await target.fingerprint()).toBe(before);

    const landed = await answerConsentPage(started.authorizeUrl);
    expect(landed.status).toBe(200);
    const view = await completed;
    expect(view).toMatchObject({ name: 'Signed in under attack', authMethod: 'oauth', tokenPreview: expect.stringMatching(/^••••/) });
    target.assertAlive();
  });
});
