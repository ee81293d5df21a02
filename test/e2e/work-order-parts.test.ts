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
 * Parts used (issue 15): with the plant out of reach, the supervisor records two more of a planned
 * part used on a work order and adds a part taken from a storeroom; once the plant is back it has
 * both, each written once, and its stock is down by exactly what was used; after the next sync
 * the Stores page shows the new count.
 */
const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let home: string;
let plant: RestartableDemoPlant;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;

interface WireWorkOrder { key: string; code: string; completedAt?: string }
interface WireLine { key: string; workOrderKey: string; materialKey: string; name: string; quantity?: string | number; requiredQuantity?: string | number; deletedAt?: string }
interface WireStock { materialKey: string; locationKey: string; quantity: string | number }
interface WireMaterial { key: string; name: string; partNumber: string; inventories: { key: string; locationKey: string; quantity: number }[] }
interface WireLocation { key: string; name: string; siteKey?: string }
interface WireSite { key: string; name: string }

const nav = (name: string | RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A part's stock in the plant: every bin's quantity, by location. */
async function stockOf(materialKey: string): Promise<Map<string, number>> {
  const byLocation = new Map<string, number>();
  for (const stock of await plant.all<WireStock>('/api/eam/stocks')) {
    if (stock.materialKey === materialKey) byLocation.set(stock.locationKey, (byLocation.get(stock.locationKey) ?? 0) + Number(stock.quantity));
  }
  return byLocation;
}
const total = (stock: Map<string, number>) => [...stock.values()].reduce((sum, quantity) => sum + quantity, 0);

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-parts-'));
  plant = new RestartableDemoPlant({ stateFile: path.join(home, 'plant.json'), seed: 31, workOrders: 300 });
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

describe('parts used on a work order (Chromium, web mode)', () => {
  it('records a planned part used and adds one taken from a storeroom offline; the plant has each once and its stock is down by exactly that', async () => {
    const [workOrders, lines, materials, locations, stocks, sites] = await Promise.all([
      plant.all<WireWorkOrder>('/api/eam/work-orders'),
      plant.all<WireLine>('/api/eam/work-orders/materials'),
      plant.all<WireMaterial>('/api/eam/materials'),
      plant.all<WireLocation>('/api/eam/locations'),
      plant.all<WireStock>('/api/eam/stocks'),
      plant.all<WireSite>('/api/eam/sites'),
    ]);
    const onHand = (materialKey: string) => stocks.filter((stock) => stock.materialKey === materialKey).reduce((sum, stock) => sum + Number(stock.quantity), 0);
    // An open work order with a planned part in stock, and a part in stock it does not have yet.
    const open = new Set(workOrders.filter((w) => w.completedAt === undefined).map((w) => w.key));
    const planned = lines.find((line) => open.has(line.workOrderKey) && !line.deletedAt && onHand(line.materialKey) >= 4)!;
    expect(planned).toBeTruthy();
    const workOrder = workOrders.find((w) => w.key === planned.workOrderKey)!;
    const onOrder = new Set(lines.filter((line) => line.workOrderKey === workOrder.key).map((line) => line.materialKey));
    const extra = materials.find((material) => !onOrder.has(material.key) && material.inventories.some((inventory) => inventory.quantity >= 5))!;
    const store = extra.inventories.find((inventory) => inventory.quantity >= 5)!;
    // The storeroom as the app names it: the location, and its site where the name does not say it.
    const location = locations.find((candidate) => candidate.key === store.locationKey)!;
    const site = sites.find((candidate) => candidate.key === location.siteKey);
    const storeName = site && !location.name.includes(site.name) ? `${location.name} · ${site.name}` : location.name;
    const usedBefore = Number(planned.quantity ?? 0);
    const [plannedStock, extraStock] = [await stockOf(planned.materialKey), await stockOf(extra.key)];

    // The first sync has brought the part's stock in (parts come after work orders).
    await nav('Stores').click();
    await page.getByRole('button', { name: /^All stocked parts/ }).click();
    await page.getByRole('searchbox', { name: 'Find a part, number or bin' }).fill(extra.partNumber);
    const storesRow = page.getByRole('table', { name: 'All stocked parts' }).getByRole('row', { name: new RegExp(`^${escape(extra.name)} at ${escape(storeName)}\\b`) });
    await expect.poll(() => storesRow.locator('td.num').first().textContent(), { timeout: 60_000 }).toBe(String(store.quantity));
    await nav('Board').click();

    // The plant goes away.
    const port = plant.port;
    await plant.stop();
    await page.keyboard.press('/');
    await page.keyboard.type(workOrder.code);
    await page.locator(`.board article[data-work-order-key="${workOrder.key}"]`).click();
    const drawer = page.getByRole('dialog', { name: `Work order ${workOrder.code}` });
    const parts = drawer.getByRole('region', { name: /^Parts \(/ });
    await parts.waitFor();

    // Two more of the planned part used.
    const used = parts.getByLabel(`Used in all of ${planned.name}`);
    expect(Number(await used.inputValue())).toBe(usedBefore);
    await used.fill(String(usedBefore + 2));
    await used.locator('xpath=..').getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => drawer.locator('.drawer-saved').textContent()).toBe('Parts saved here; sent to Millwright Demo Plant when it can be reached.');

    // A part taken from a storeroom: refused above what is on hand there, then three.
    const add = parts.getByRole('form', { name: 'Add a part used' });
    await add.getByLabel('Find a part').fill(extra.partNumber);
    const choice = add.getByRole('listbox', { name: 'Part and where it is taken from' });
    const option = choice.getByRole('option', { name: new RegExp(`^${escape(extra.name)} · ${escape(extra.partNumber)} — [\\d,]+ on hand at ${escape(storeName)}$`) });
    await choice.selectOption({ label: (await option.textContent())! });
    await add.getByLabel('Used').fill(String(store.quantity + 1));
    await add.getByRole('button', { name: 'Add part' }).click();
    expect(await add.getByRole('alert').textContent()).toBe(`Only ${store.quantity.toLocaleString('en-US')} on hand at ${storeName}: the plant would refuse ${(store.quantity + 1).toLocaleString('en-US')}.`);
    await add.getByLabel('Used').fill('3');
    await add.getByRole('button', { name: 'Add part' }).click();
    const newRow = parts.getByRole('row', { name: new RegExp(`^${escape(extra.name)} `) });
    await newRow.waitFor();
    expect(await newRow.locator('td.num').allTextContents()).toEqual(['3', '3']);
    await page.screenshot({ path: path.join(resultsDir, 'work-order-parts-offline.png') });
    await page.keyboard.press('Escape');

    // Pending changes says what waits.
    await nav(/^Pending changes/).click();
    await expect.poll(() => page.locator('main').textContent()).toContain(`${extra.name}: Needed → 3; Used → 3`);
    expect(await page.locator('main').textContent()).toContain(`Used → ${usedBefore + 2}`);

    // Back: each write reaches the plant once, and stock is down by what was used.
    await plant.start(port);
    const linesNow = async () => (await plant.get<{ data: WireLine[] }>(`/api/eam/work-orders/${workOrder.key}/materials`)).data;
    await expect.poll(async () => (await linesNow()).find((line) => line.materialKey === extra.key)?.quantity, { timeout: 90_000 }).toBeDefined();
    await expect.poll(async () => Number((await linesNow()).find((line) => line.materialKey === planned.materialKey)?.quantity), { timeout: 30_000 }).toBe(usedBefore + 2);
    const added = (await linesNow()).find((line) => line.materialKey === extra.key)!;
    expect([Number(added.quantity), Number(added.requiredQuantity)]).toEqual([3, 3]);
    const writes = (await plant.get<{ applied: { method: string; path: string }[] }>('/__control/writes')).applied;
    expect(writes.filter((write) => write.method === 'POST' && write.path === `/api/eam/work-orders/${workOrder.key}/materials`)).toHaveLength(1);
    expect(writes.filter((write) => write.method === 'PUT' && write.path === `/api/eam/work-orders/${workOrder.key}/materials/${planned.materialKey}`)).toHaveLength(1);
    expect(total(await stockOf(planned.materialKey))).toBe(total(plannedStock) - 2);
    const extraAfter = await stockOf(extra.key);
    expect(extraAfter.get(store.locationKey)).toBe(extraStock.get(store.locationKey)! - 3);
    expect(total(extraAfter)).toBe(total(extraStock) - 3);

    // Online, the drawer follows a use recorded there until the plant has it.
    await nav('Board').click();
    await page.locator(`.board article[data-work-order-key="${workOrder.key}"]`).click();
    const usedNow = drawer.getByRole('region', { name: /^Parts \(/ }).getByLabel(`Used in all of ${planned.name}`);
    await expect.poll(() => usedNow.inputValue()).toBe(String(usedBefore + 2));
    await usedNow.fill(String(usedBefore + 3));
    await usedNow.locator('xpath=..').getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => drawer.locator('.drawer-saved').textContent(), { timeout: 30_000 }).toBe('Parts sent to Millwright Demo Plant.');
    expect(Number((await linesNow()).find((line) => line.materialKey === planned.materialKey)?.quantity)).toBe(usedBefore + 3);
    await page.keyboard.press('Escape');

    // After the next sync the Stores page shows the storeroom's new count.
    await nav('Connections').click();
    await page.getByRole('group', { name: 'Actions for Millwright Demo Plant' }).getByRole('button', { name: 'Sync now' }).click();
    await nav('Stores').click();
    await page.getByRole('button', { name: /^All stocked parts/ }).click();
    await page.getByRole('searchbox', { name: 'Find a part, number or bin' }).fill(extra.partNumber);
    await expect.poll(() => storesRow.locator('td.num').first().textContent(), { timeout: 30_000 }).toBe(String(store.quantity - 3));
  }, 240_000);
});
