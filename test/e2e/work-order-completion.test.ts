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
 * Work completion (issue 15): with the plant out of reach, the supervisor closes out a work order
 * from its drawer — two parts used (one planned, one taken from a storeroom), 1.5 h worked,
 * remarks, status Completed. Back online, the plant's work order says exactly that, each write
 * arrived once, and its stock is down by what was used. (Makini's Task has no done state, so
 * tasks are shown, not ticked.)
 */
const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let home: string;
let plant: RestartableDemoPlant;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;

interface WireWorkOrder { key: string; code: string; completedAt?: string; actualTime?: string | number; completionRemarks?: string; status?: string; statusKey?: string }
interface WireLine { key: string; workOrderKey: string; materialKey: string; name: string; quantity?: string | number; deletedAt?: string }
interface WireStock { materialKey: string; locationKey: string; quantity: string | number }
interface WireMaterial { key: string; name: string; partNumber: string; inventories: { key: string; locationKey: string; quantity: number }[] }

const nav = (name: string | RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
async function onHand(materialKey: string): Promise<number> {
  const stocks = await plant.all<WireStock>('/api/eam/stocks');
  return stocks.filter((stock) => stock.materialKey === materialKey).reduce((sum, stock) => sum + Number(stock.quantity), 0);
}

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-completion-'));
  plant = new RestartableDemoPlant({ stateFile: path.join(home, 'plant.json'), seed: 43, workOrders: 300 });
  await plant.start();
  webCli = spawnWebMode(plant.token, ['--port', '0', '--ephemeral', '--base-url', plant.url, '--history-days', 'all', '--probe-seconds', '1']);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(appUrl);
  await page.locator('.board article').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await plant?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('completing a work order (Chromium, web mode)', () => {
  it('records two parts used, 1.5 h worked and remarks, and completes it offline; the plant\'s record and stock match, each write once', async () => {
    const [workOrders, lines, materials, stocks] = await Promise.all([
      plant.all<WireWorkOrder>('/api/eam/work-orders'),
      plant.all<WireLine>('/api/eam/work-orders/materials'),
      plant.all<WireMaterial>('/api/eam/materials'),
      plant.all<WireStock>('/api/eam/stocks'),
    ]);
    const stocked = (materialKey: string) => stocks.filter((stock) => stock.materialKey === materialKey).reduce((sum, stock) => sum + Number(stock.quantity), 0);
    const open = new Set(workOrders.filter((w) => w.completedAt === undefined).map((w) => w.key));
    const planned = lines.find((line) => open.has(line.workOrderKey) && !line.deletedAt && Number(line.quantity ?? 0) === 0 && stocked(line.materialKey) >= 3)!;
    expect(planned).toBeTruthy();
    const workOrder = workOrders.find((w) => w.key === planned.workOrderKey)!;
    const onOrder = new Set(lines.filter((line) => line.workOrderKey === workOrder.key).map((line) => line.materialKey));
    const extra = materials.find((material) => !onOrder.has(material.key) && material.inventories.some((inventory) => inventory.quantity >= 3))!;
    const [plannedBefore, extraBefore] = [await onHand(planned.materialKey), await onHand(extra.key)];

    // The first sync has brought the stock in (parts come last); then the plant goes away.
    await nav('Stores').click();
    await page.getByRole('button', { name: /^All stocked parts/ }).click();
    await page.getByRole('searchbox', { name: 'Find a part, number or bin' }).fill(extra.partNumber);
    await page.getByRole('table', { name: 'All stocked parts' }).getByRole('row', { name: new RegExp(`^${escape(extra.name)} at `) }).first().waitFor({ timeout: 60_000 });
    await nav('Board').click();
    const port = plant.port;
    await plant.stop();

    await page.keyboard.press('/');
    await page.keyboard.type(workOrder.code);
    await page.locator(`.board article[data-work-order-key="${workOrder.key}"]`).click();
    const drawer = page.getByRole('dialog', { name: `Work order ${workOrder.code}` });
    const parts = drawer.getByRole('region', { name: /^Parts \(/ });
    await parts.waitFor();

    // Two parts used: one of the planned, and one taken from a storeroom.
    const used = parts.getByLabel(`Used in all of ${planned.name}`);
    await used.fill('1');
    await used.locator('xpath=..').getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => drawer.locator('.drawer-saved').textContent()).toBe('Parts saved here; sent to Millwright Demo Plant when it can be reached.');
    const add = parts.getByRole('form', { name: 'Add a part used' });
    await add.getByLabel('Find a part').fill(extra.partNumber);
    const choice = add.getByRole('listbox', { name: 'Part and where it is taken from' });
    const option = choice.getByRole('option', { name: new RegExp(`^${escape(extra.name)} · ${escape(extra.partNumber)} — [\\d,]+ on hand at `) }).first();
    await choice.selectOption({ label: (await option.textContent())! });
    await add.getByLabel('Used').fill('1');
    await add.getByRole('button', { name: 'Add part' }).click();
    await parts.getByRole('row', { name: new RegExp(`^${escape(extra.name)} `) }).waitFor();

    // Hours, remarks and the status, saved together.
    const form = drawer.getByRole('region', { name: 'Plan, assign and record' });
    await form.getByLabel('Actual time (hours)').fill('1.5');
    await form.getByLabel('Completion remarks').fill('Replaced the worn seal; ran 30 min under load, no leak.');
    await form.getByLabel('Status').selectOption({ label: 'Completed' });
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'work-order-completion-form.png') });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => drawer.locator('.drawer-saved').textContent()).toBe('Changes saved here; sent to Millwright Demo Plant when it can be reached.');
    await expect.poll(() => drawer.locator('.drawer-heading').textContent()).toContain('Completed');
    await page.screenshot({ path: path.join(resultsDir, 'work-order-completion-saved.png') });

    // Back: the plant's work order and stock say exactly what was done, each write once.
    await plant.start(port);
    const plantWorkOrder = () => plant.get<{ data: WireWorkOrder }>(`/api/eam/work-orders/${workOrder.key}`).then((body) => body.data);
    await expect.poll(async () => (await plantWorkOrder()).completedAt, { timeout: 90_000 }).toBeTruthy();
    await expect.poll(async () => Number((await plantWorkOrder()).actualTime), { timeout: 30_000 }).toBe(1.5);
    const done = await plantWorkOrder();
    expect(done.completionRemarks).toBe('Replaced the worn seal; ran 30 min under load, no leak.');
    expect(done.status).toBe('Completed');
    const linesNow = async () => (await plant.get<{ data: WireLine[] }>(`/api/eam/work-orders/${workOrder.key}/materials`)).data;
    await expect.poll(async () => (await linesNow()).map((line) => [line.materialKey, Number(line.quantity ?? 0)]).filter(([key]) => key === planned.materialKey || key === extra.key).sort(), { timeout: 30_000 }).toEqual(
      [[planned.materialKey, 1], [extra.key, 1]].sort(),
    );
    expect(await onHand(planned.materialKey)).toBe(plannedBefore - 1);
    expect(await onHand(extra.key)).toBe(extraBefore - 1);
    const writes = (await plant.get<{ applied: { method: string; path: string }[] }>('/__control/writes')).applied;
    const onThis = (method: string, route: string) => writes.filter((write) => write.method === method && write.path === route).length;
    expect(onThis('PUT', `/api/eam/work-orders/${workOrder.key}/status`)).toBe(1);
    expect(onThis('PUT', `/api/eam/work-orders/${workOrder.key}`)).toBe(1);
    expect(onThis('POST', `/api/eam/work-orders/${workOrder.key}/materials`)).toBe(1);
    expect(onThis('PUT', `/api/eam/work-orders/${workOrder.key}/materials/${planned.materialKey}`)).toBe(1);
    await expect.poll(() => drawer.locator('.drawer-saved').textContent(), { timeout: 30_000 }).toBe('Sent to Millwright Demo Plant.');
  });
});
