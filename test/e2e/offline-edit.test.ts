import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragCardToColumn } from '../support/board-drag';
import { launchChromium } from '../support/chromium';
import { RestartableDemoPlant } from '../support/restartable-demo-plant';
import type { SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let home: string;
let plant: RestartableDemoPlant;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;

const column = (name: string) => page.locator(`section[role="region"][aria-label^="${name} ("]`);
const columnCount = async (name: string) => Number(/\((\d+)\)$/.exec((await column(name).getAttribute('aria-label')) ?? '')?.[1] ?? -1);

async function upstreamStatusName(key: string): Promise<string> {
  return (await plant.get<{ data: { status: string } }>(`/api/eam/work-orders/${key}`)).data.status;
}

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-offline-'));
  plant = new RestartableDemoPlant({ stateFile: path.join(home, 'plant.json'), seed: 17, workOrders: 150 });
  await plant.start();
  webCli = spawnWebMode(plant.token, ['--port', '0', '--ephemeral', '--base-url', plant.url, '--history-days', 'all', '--probe-seconds', '1']);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  await page.goto(appUrl);
  await column('Approved').locator('article').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await plant?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('an edit made offline (Chromium, web mode)', () => {
  it('moves the card at once with a pending mark and an offline banner, then reaches the plant when it is back', async () => {
    const port = plant.port;
    await plant.stop();

    const approvedBefore = await columnCount('Approved');
    const inProgressBefore = await columnCount('In progress');
    const key = (await column('Approved').locator('article').first().getAttribute('data-work-order-key'))!;
    await dragCardToColumn(page, column('Approved').locator(`article[data-work-order-key="${key}"]`), column('In progress'));

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

    await plant.start(port);
    await expect.poll(() => moved.getAttribute('data-pending'), { timeout: 30_000 }).toBeNull();
    expect(await upstreamStatusName(key)).toBe('In progress');
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: path.join(resultsDir, 'offline-edit-sent.png') });
  });
});
