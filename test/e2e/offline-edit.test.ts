import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let home: string;
let plantCli: SpawnedCli;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;
let plantUrl: string;
let plantToken: string;

/** The demo plant as its own process, keeping its state in a file so it can be stopped and started again on its port. */
async function startPlant(port: number) {
  plantCli = spawnCli('electron/demo-plant-main.ts', [
    '--port', String(port), '--seed', '17', '--work-orders', '150', '--changes-per-minute', '0', '--state-file', path.join(home, 'plant.json'),
  ]);
  plantUrl = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  plantToken = (await plantCli.waitFor(/access token: (\S+)/))[1]!;
}

const column = (name: string) => page.locator(`section[role="region"][aria-label^="${name} ("]`);
const columnCount = async (name: string) => Number(/\((\d+)\)$/.exec((await column(name).getAttribute('aria-label')) ?? '')?.[1] ?? -1);

async function upstreamStatusName(key: string): Promise<string> {
  const response = await fetch(`${plantUrl}/api/eam/work-orders/${key}`, { headers: { authorization: `Bearer ${plantToken}` } });
  return ((await response.json()) as { data: { status: string } }).data.status;
}

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-offline-'));
  await startPlant(0);
  webCli = spawnWebMode(plantToken, ['--port', '0', '--ephemeral', '--base-url', plantUrl, '--history-days', 'all', '--probe-seconds', '1']);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  await page.goto(appUrl);
  await column('Approved').locator('article').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await plantCli?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('an edit made offline (Chromium, web mode)', () => {
  it('moves the card at once with a pending mark and an offline banner, then reaches the plant when it is back', async () => {
    const port = Number(new URL(plantUrl).port);
    await plantCli.stop();

    const approvedBefore = await columnCount('Approved');
    const inProgressBefore = await columnCount('In progress');
    const card = column('Approved').locator('article').first();
    const key = (await card.getAttribute('data-work-order-key'))!;
    const from = (await card.boundingBox())!;
    const to = (await column('In progress').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + 200, { steps: 12 });
    await page.mouse.up();

    const moved = column('In progress').locator(`article[data-work-order-key="${key}"]`);
    await moved.waitFor();
    expect(await columnCount('Approved')).toBe(approvedBefore - 1);
    expect(await columnCount('In progress')).toBe(inProgressBefore + 1);
    await expect.poll(() => moved.getAttribute('data-pending')).toBe('true');
    const banner = page.getByRole('status', { name: 'Offline' });
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.getAttribute('data-status-kind')).toBe('plant_unreachable');
    expect(await banner.textContent()).toMatch(/cannot be reached.* 1 change waiting to be sent\./);
    await page.screenshot({ path: path.join(resultsDir, 'offline-edit-pending.png') });

    await startPlant(port);
    await expect.poll(() => moved.getAttribute('data-pending'), { timeout: 30_000 }).toBeNull();
    expect(await upstreamStatusName(key)).toBe('In progress');
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: path.join(resultsDir, 'offline-edit-sent.png') });
  });
});
