// A tab left open on an old launch's address: the new launch's address may differ only in its
// #fragment (the token), and changing only the fragment does not load the page again. The page
// must start its session again on the new token.
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForBoardTotal } from '../support/board-regions';
import { launchChromium } from '../support/chromium';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

const workOrders = 120;
let plantCli: SpawnedCli;
let plantUrl: string;
let plantToken: string;
let browser: Browser;
const launches: SpawnedCli[] = [];

/** A port free right now, for two launches of web mode to take in turn. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Launches web mode over the plant on `port`; answers the address it prints. */
async function launch(port: number): Promise<{ cli: SpawnedCli; url: string }> {
  const cli = spawnWebMode(plantToken, ['--port', String(port), '--ephemeral', '--no-schedule', '--base-url', plantUrl, '--history-days', 'all']);
  launches.push(cli);
  return { cli, url: (await cli.waitFor(/Millwright \(web mode\) on (\S+)/, 120_000))[1]! };
}

beforeAll(async () => {
  plantCli = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', '23', '--work-orders', String(workOrders), '--ephemeral', '--changes-per-minute', '0']);
  plantUrl = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  plantToken = (await plantCli.waitFor(/access token: (\S+)/))[1]!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const cli of launches) await cli.stop();
  await plantCli?.stop();
});

describe('a tab on an old address of web mode (Chromium)', () => {
  it('connects to a new launch on the same port once its address, new only in the #fragment, is put in', async () => {
    const port = await freePort();
    const first = await launch(port);
    const page = await browser.newPage();
    await page.goto(first.url);
    await waitForBoardTotal(page, workOrders);

    await first.cli.stop();
    const lost = page.getByRole('alert').filter({ hasText: 'Lost contact with the Millwright host' });
    await lost.waitFor();

    const second = await launch(port);
    const [oldAddress, newAddress] = [new URL(first.url), new URL(second.url)];
    expect(newAddress.origin + newAddress.pathname).toBe(oldAddress.origin + oldAddress.pathname);
    expect(newAddress.hash).not.toBe(oldAddress.hash);
    // The new launch alone does not reach the tab: it is still cut off.
    expect(await lost.isVisible()).toBe(true);

    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, newAddress.hash);
    await waitForBoardTotal(page, workOrders);
    await expect.poll(() => page.locator('.connection-summary .connection-status-pill').first().textContent()).toBe('Connected');
    await expect.poll(() => lost.count()).toBe(0);
    expect(page.url()).toBe(second.url);
    await page.close();
  });

  it('connects once the right token is put in after the address was opened without one, or with a wrong one', async () => {
    const { url } = await launch(0);
    const page = await browser.newPage();
    await page.goto(url.replace(/#.*$/, ''));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('address it printed');

    await page.evaluate(() => {
      window.location.hash = '#token=the-token-of-an-old-launch';
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('is the token in the address right?');

    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, new URL(url).hash);
    await waitForBoardTotal(page, workOrders);
    await expect.poll(() => page.locator('.connection-summary .connection-status-pill').first().textContent()).toBe('Connected');
    expect(await page.locator('.startup-error').count()).toBe(0);
    await page.close();
  });
});
