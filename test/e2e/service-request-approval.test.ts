import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { RestartableDemoPlant } from '../support/restartable-demo-plant';
import type { SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

/**
 * An operator reports a problem at the plant; the supervisor sees it on Requests, approves it
 * into a work order with a technician while the plant cannot be reached, and once it can, the
 * plant has exactly one work order made from the request and the request is approved there.
 */
const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let home: string;
let plant: RestartableDemoPlant;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;

interface WireRequest { key: string; title: string; statusKey: string | null; workOrderKey: string | null; assetKey: string | null }
interface WireStatus { key: string; code: string; name: string }

/** The plant's requests nobody has acted on: those the header counts. */
async function plantNewRequests(): Promise<WireRequest[]> {
  const statuses = (await plant.get<{ data: WireStatus[] }>('/api/eam/statuses/service-requests')).data;
  const requests = (await plant.get<{ data: WireRequest[] }>('/api/eam/service-requests?per_page=500')).data;
  const open = new Set(statuses.filter((status) => status.code === 'NEW').map((status) => status.key));
  return requests.filter((request) => !request.workOrderKey && request.statusKey && open.has(request.statusKey));
}

const requestsNav = () => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Requests/ });
const navCount = async () => Number((await requestsNav().locator('.nav-count').textContent().catch(() => '0'))?.trim() || 0);

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-requests-'));
  plant = new RestartableDemoPlant({ stateFile: path.join(home, 'plant.json'), seed: 23, workOrders: 150 });
  await plant.start();
  webCli = spawnWebMode(plant.token, ['--port', '0', '--ephemeral', '--base-url', plant.url, '--history-days', 'all', '--probe-seconds', '1']);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(appUrl);
  await page.locator('.board article').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await plant?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('a service request, from the plant floor to a work order (Chromium, web mode)', () => {
  it('arrives with a count, is approved offline with a technician, and reaches the plant as exactly one linked work order', async () => {
    const asset = (await plant.get<{ data: { key: string; name: string }[] }>('/api/eam/assets?per_page=5')).data[0]!;
    const filed = (await plant.request<{ data: WireRequest }>('POST', '/__control/service-requests', {
      title: 'Hydraulic hose burst on the press', assetKey: asset.key, severity: 'High', description: 'Oil on the floor by the infeed; press stopped.',
    })).data;

    // The next sync brings it: the header counts exactly the plant's new requests.
    await page.getByRole('button', { name: 'Sync now' }).click();
    const expected = (await plantNewRequests()).length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(navCount, { timeout: 30_000 }).toBe(expected);
    await requestsNav().click();
    const item = page.getByRole('listitem', { name: 'Hydraulic hose burst on the press' });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toContain(asset.name);
    // Requests only: a request's photos are list items of their own, within it.
    expect(await page.getByRole('list', { name: 'New requests' }).locator(':scope > li').count()).toBe(expected);

    // The plant goes away; the supervisor approves anyway, choosing who does the work.
    const port = plant.port;
    await plant.stop();
    await item.getByRole('button', { name: 'Approve…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve into a work order' });
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Hydraulic hose burst on the press');
    const assignee = dialog.getByLabel('Assignee');
    const technician = await assignee.locator('option').nth(1).getAttribute('value');
    const technicianName = (await assignee.locator('option').nth(1).textContent())!.split(' · ')[0]!;
    await assignee.selectOption(technician!);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(navCount).toBe(expected - 1);
    await page.getByRole('button', { name: /^Waiting to upload/ }).click();
    const waiting = page.getByRole('listitem', { name: 'Hydraulic hose burst on the press' });
    await expect.poll(() => waiting.textContent()).toMatch(/Approved into a new work order: waiting to upload/);
    await page.screenshot({ path: path.join(resultsDir, 'requests-approved-offline.png') });

    // Back: the approval goes once; the request's new state follows.
    await plant.start(port);
    const back = Date.now();
    await page.getByRole('button', { name: /^Turned into work/ }).click();
    const linked = page.getByRole('listitem', { name: 'Hydraulic hose burst on the press' });
    // The plant is found again by the next probe, the approval sent, then a sync: slow on a busy machine.
    await expect.poll(() => linked.textContent().catch(() => ''), { timeout: 90_000 }).toMatch(/(Turned|Approved) into WO-/);
    console.log(`approval reached the plant and came back linked ${((Date.now() - back) / 1000).toFixed(1)} s after it was back`);

    const request = (await plant.get<{ data: WireRequest }>(`/api/eam/service-requests/${filed.key}`)).data;
    expect(request.workOrderKey).toEqual(expect.any(String));
    const statuses = (await plant.get<{ data: WireStatus[] }>('/api/eam/statuses/service-requests')).data;
    expect(statuses.find((status) => status.key === request.statusKey)?.code).toBe('APPROVED');
    const workOrder = (await plant.get<{ data: { serviceRequestKey: string; laborAssignedKey: string; assetKey: string; title: string } }>(`/api/eam/work-orders/${request.workOrderKey}`)).data;
    expect(workOrder).toMatchObject({ serviceRequestKey: filed.key, laborAssignedKey: technician, assetKey: asset.key, title: 'Hydraulic hose burst on the press' });
    const writes = await plant.get<{ applied: { method: string; path: string }[] }>('/__control/writes');
    expect(writes.applied.filter((write) => write.method === 'POST' && write.path === '/api/eam/work-orders')).toHaveLength(1);

    // The board's drawer says where the work came from and who does it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board' }).click();
    await page.getByRole('searchbox', { name: 'Search work orders' }).fill('Hydraulic hose burst');
    await page.locator(`.board article[data-work-order-key="${request.workOrderKey}"]`).click();
    const drawer = page.getByRole('dialog').filter({ hasText: 'From service request' });
    await expect.poll(() => drawer.textContent().catch(() => ''), { timeout: 15_000 }).toContain('From service request “Hydraulic hose burst on the press”');
    expect(await drawer.textContent()).toContain(technicianName);
    await page.screenshot({ path: path.join(resultsDir, 'requests-work-order-drawer.png') });
  }, 240_000);
});
