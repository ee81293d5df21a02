import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedHttpExchanges } from '../support/attack/malformed-http-requests';
import { rawRequestStatus } from '../support/attack/raw-exchange';
import { runAttack } from '../support/attack/run-attack';
import { startWebModeTarget, type WebModeTarget } from '../support/attack/web-mode-target';

// Web mode's static file server (the page and its assets), attacked from outside its process.
let target: WebModeTarget;
let before: string;

/** One request line and Host, sent raw (no client library would send these). */
const raw = (requestTarget: string, host: string) => rawRequestStatus(target.port, `GET ${requestTarget} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

async function stillServing(): Promise<void> {
  target.assertAlive();
  const page = await fetch(`${target.origin}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  expect(await target.client.invoke('app.info')).toMatchObject({ shell: 'web' });
}

beforeAll(async () => {
  target = await startWebModeTarget();
  before = await target.fingerprint();
});
afterAll(async () => {
  await target?.stop();
});

describe('web host (pages) under attack', () => {
  it('answers request targets and Host headers no URL can be made of with 400, and goes on serving', async () => {
    const own = `127.0.0.1:${target.port}`;
    expect(await raw('http://[', own)).toBe(400);
    expect(await raw('http://[/', own)).toBe(400);
    expect(await raw('*', own)).toBe(400);
    expect(await raw('/', '[')).toBe(400);
    expect(await raw('/', 'a/b')).toBe(400);
    expect(await raw('//evil.example/', own)).toBe(404);
    expect(await raw('/%2e%2e/package.json', own)).toBe(404);
    await stillServing();
  });

  it('serves only its own host names: another name (DNS rebinding) is refused 421', async () => {
    expect(await raw('/', `evil.example:${target.port}`)).toBe(421);
    expect(await raw('/', `127.0.0.1:${target.port + 1}`)).toBe(421);
    expect(await raw('/', '127.0.0.1')).toBe(421);
    for (const own of [`127.0.0.1:${target.port}`, `localhost:${target.port}`, `LOCALHOST:${target.port}`, `[::1]:${target.port}`]) {
      expect(await raw('/', own), own).toBe(200);
    }
  });

  it('stays up through 10,000 generated malformed requests, and the page\'s cache and outbox are unchanged', async () => {
    const report = await runAttack({
      name: 'web host',
      port: () => target.port,
      exchanges: malformedHttpExchanges({ host: `127.0.0.1:${target.port}`, paths: ['/', '/index.html', '/assets/index.js', '/favicon.ico', '/ipc', '/%2e%2e/package.json'] }),
      stillServing,
    });
    expect(report.exchanges).toBeGreaterThanOrEqual(10_000);
    await stillServing();
    expect(await target.fingerprint()).toBe(before);
  });
});
