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
 * The storeman's count disagrees with the system: on Stores the supervisor finds the part (short
 * parts first, as the plant's own numbers say), sets the count with a reason while the plant
 * cannot be reached, and once it can, the plant has the new quantity, set once.
 */
const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let home: string;
let plant: RestartableDemoPlant;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;

interface WireMaterial { key: string; name: string; inventories: { key: string; locationKey: string; quantity: number }[] }
interface WireStock { materialKey: string; locationKey: string; quantity: string; reorderPoint: string }

/** The parts at a place that the plant's own numbers say are out or at their reorder point. */
async function plantShortParts(): Promise<{ name: string; quantity: number; inventoryKey: string }[]> {
  const materials = await plant.all<WireMaterial>('/api/eam/materials');
  const stocks = await plant.all<WireStock>('/api/eam/stocks');
  return materials.flatMap((material) =>
    material.inventories.flatMap((inventory) => {
      const bins = stocks.filter((stock) => stock.materialKey === material.key && stock.locationKey === inventory.locationKey);
      const reorderAt = bins.reduce((sum, bin) => sum + Number(bin.reorderPoint), 0);
      return inventory.quantity <= 0 || (bins.length > 0 && inventory.quantity <= reorderAt) ? [{ name: material.name, quantity: inventory.quantity, inventoryKey: inventory.key }] : [];
    }),
  );
}

const nav = (name: string | RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-stores-'));
  plant = new RestartableDemoPlant({ stateFile: path.join(home, 'plant.json'), seed: 31, workOrders: 120 });
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

describe('stores: stock per place, short first, and a count set offline (Chromium, web mode)', () => {
  it('lists the parts the plant has short, and sends a count made offline to the plant once, with its reason kept here', async () => {
    const short = await plantShortParts();
    expect(short.length).toBeGreaterThan(0);
    await nav('Stores').click();
    const table = page.getByRole('table', { name: 'Parts out of stock or low' });
    // The first sync may still be reading parts: wait for the count the plant's own numbers give.
    const shortButton = page.getByRole('button', { name: /^Out or low/ });
    await expect.poll(() => shortButton.textContent(), { timeout: 60_000 }).toBe(`Out or low (${short.length})`);
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(Math.min(short.length, 200) + 1);
    // Out of stock first.
    const states = await table.locator('tbody tr .stock-state').allTextContents();
    expect(states.indexOf('Low') === -1 || states.lastIndexOf('Out of stock') < states.indexOf('Low')).toBe(true);
    await page.screenshot({ path: path.join(resultsDir, 'stores-short.png') });

    // The plant goes away; the storeman's count is set anyway.
    const target = short.find((part) => part.quantity > 0) ?? short[0]!;
    const port = plant.port;
    await plant.stop();
    await page.getByRole('searchbox', { name: 'Find a part, number or bin' }).fill(target.name);
    const row = table.getByRole('row', { name: new RegExp(`^${target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at `) }).first();
    await row.getByRole('button', { name: /^Adjust stock of/ }).click();
    const dialog = page.getByRole('dialog', { name: `Adjust stock of ${target.name}` });
    await dialog.getByRole('button', { name: 'Save count' }).click();
    expect(await dialog.getByText('Enter how many are on hand now.').count()).toBe(1);
    expect(await dialog.getByText('Say why the quantity changes, so whoever looks later knows.').count()).toBe(1);
    await dialog.getByLabel('On hand now').fill('2.5');
    await dialog.getByLabel('Reason').fill('Cycle count: two found behind the rack');
    await dialog.getByRole('button', { name: 'Save count' }).click();
    expect(await dialog.getByText(/Enter a whole number/).count()).toBe(1);
    const counted = target.quantity + 25;
    await dialog.getByLabel('On hand now').fill(String(counted));
    await page.screenshot({ path: path.join(resultsDir, 'stores-adjust-dialog.png') });
    await dialog.getByRole('button', { name: 'Save count' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'set to' }).textContent()).toContain(`set to ${counted} on hand`);
    await page.getByRole('button', { name: /^All stocked parts/ }).click();
    const allRow = page.getByRole('table', { name: 'All stocked parts' }).getByRole('row', { name: new RegExp(`^${target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at `) }).first();
    await expect.poll(() => allRow.locator('td.num').first().textContent()).toBe(String(counted));
    expect(await allRow.getByRole('img', { name: 'pending upload' }).count()).toBe(1);
    await page.screenshot({ path: path.join(resultsDir, 'stores-adjusted-offline.png') });

    // Pending changes says what is waiting, and why.
    await nav(/^Pending changes/).click();
    await expect.poll(() => page.locator('main').textContent()).toContain(`Quantity → ${counted} (reason: Cycle count: two found behind the rack)`);

    // Back: the count reaches the plant once, and the row loses its mark.
    await plant.start(port);
    const back = Date.now();
    await expect.poll(async () => (await plant.get<{ data: { quantity: number } }>(`/api/eam/inventories/${target.inventoryKey}`)).data.quantity, { timeout: 90_000 }).toBe(counted);
    const writes = await plant.get<{ applied: { method: string; path: string }[] }>('/__control/writes');
    expect(writes.applied.filter((write) => write.method === 'PUT' && write.path === `/api/eam/inventories/${target.inventoryKey}`)).toHaveLength(1);
    console.log(`the count reached the plant ${((Date.now() - back) / 1000).toFixed(1)} s after it was back`);
    await nav('Stores').click();
    await page.getByRole('button', { name: /^All stocked parts/ }).click();
    await page.getByRole('searchbox', { name: 'Find a part, number or bin' }).fill(target.name);
    await expect.poll(() => allRow.getByRole('img', { name: 'pending upload' }).count(), { timeout: 30_000 }).toBe(0);
    expect(await allRow.locator('td.num').first().textContent()).toBe(String(counted));
  }, 240_000);

  it('reorders a short part as a new purchase order that reaches the plant once, with its line, and moves an order on to Ordered', async () => {
    await nav('Stores').click();
    await page.getByRole('button', { name: /^Out or low/ }).click();
    await page.getByRole('searchbox', { name: 'Find a part, number or bin' }).fill('');
    const table = page.getByRole('table', { name: 'Parts out of stock or low' });
    const reorder = table.getByRole('button', { name: /^Reorder / }).first();
    const label = (await reorder.getAttribute('aria-label'))!;
    const partName = /^Reorder (.+) for /.exec(label)![1]!;
    // The form's default price is the last one paid, read from purchase-order lines, the last list
    // a sync reads: wait for a whole sync, or (under load, mid first sync) the form rightly says the
    // plant prices the line and the totals below differ.
    await expect.poll(() => page.locator('.status-time').first().textContent(), { timeout: 120_000 }).toMatch(/^Last synced/);
    await reorder.click();
    const dialog = page.getByRole('dialog', { name: 'New purchase order' });
    expect(await dialog.getByLabel('Title').inputValue()).toBe(`Reorder: ${partName}`);
    const line = dialog.getByRole('row', { name: partName });
    const quantity = Number(await line.getByLabel(`Quantity of ${partName}`).inputValue());
    expect(quantity).toBeGreaterThan(0);
    // No vendor yet: the form says so and sends nothing.
    await dialog.getByRole('button', { name: 'Create order' }).click();
    expect(await dialog.getByText('Choose the vendor the parts are bought from.').count()).toBe(1);
    const vendor = dialog.getByLabel('Vendor');
    const vendorKey = (await vendor.locator('option').nth(1).getAttribute('value'))!;
    await vendor.selectOption(vendorKey);
    expect(await dialog.getByText('Choose the vendor the parts are bought from.').count()).toBe(0);
    const shownTotal = (await dialog.locator('.po-total').textContent())!.replace(/^Total /, '');
    await page.screenshot({ path: path.join(resultsDir, 'purchasing-reorder-dialog.png') });
    const before = (await plant.get<{ applied: { method: string; path: string }[] }>('/__control/writes')).applied.filter((write) => write.method === 'POST' && write.path === '/api/eam/purchase-orders').length;
    await dialog.getByRole('button', { name: 'Create order' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The plant gets one order from the vendor with the part's line.
    interface WireOrder { key: string; title: string; vendorKey: string; statusKey: string; orderNo: string }
    const made = async () => (await plant.all<WireOrder>('/api/eam/purchase-orders')).filter((order) => order.title === `Reorder: ${partName}`);
    await expect.poll(async () => (await made()).length, { timeout: 60_000 }).toBe(1);
    const order = (await made())[0]!;
    expect(order.vendorKey).toBe(vendorKey);
    const lines = (await plant.all<{ purchaseOrderKey: string; quantity: string; name: string }>('/api/eam/purchase-orders.line-items')).filter((item) => item.purchaseOrderKey === order.key);
    expect(lines.map((item) => [item.name, Number(item.quantity)])).toEqual([[partName, quantity]]);
    const after = (await plant.get<{ applied: { method: string; path: string }[] }>('/__control/writes')).applied.filter((write) => write.method === 'POST' && write.path === '/api/eam/purchase-orders').length;
    expect(after - before).toBe(1);

    // On Purchasing it shows with the plant's number and its line once the next sync has it.
    await nav('Purchasing').click();
    await page.getByRole('searchbox', { name: 'Find an order, vendor or part' }).fill(`Reorder: ${partName}`);
    const row = page.getByRole('table', { name: 'Purchase orders' }).getByRole('row', { name: new RegExp(`^${order.orderNo} `) });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await row.waitFor({ timeout: 60_000 });
    // The total the form showed is the plant's.
    expect(await row.locator('td.num').textContent()).toBe(shownTotal);
    await row.getByRole('button', { name: order.orderNo }).click();
    const details = page.getByRole('complementary', { name: `Purchase order ${order.orderNo}` });
    await expect.poll(() => details.getByRole('table', { name: 'Lines' }).textContent().catch(() => ''), { timeout: 60_000 }).toContain(partName);

    // Moved on: the plant's order is Ordered.
    const statuses = (await plant.get<{ data: { key: string; name: string }[] }>('/api/eam/statuses/purchase-orders')).data;
    const ordered = statuses.find((status) => status.name === 'Ordered')!;
    await details.getByLabel('New status').selectOption(ordered.key);
    await page.screenshot({ path: path.join(resultsDir, 'purchasing.png') });
    await details.getByRole('button', { name: 'Change status' }).click();
    await expect.poll(async () => (await plant.get<{ data: WireOrder }>(`/api/eam/purchase-orders/${order.key}`)).data.statusKey, { timeout: 60_000 }).toBe(ordered.key);
    await expect.poll(() => row.locator('td').last().textContent()).toBe('Ordered');
  }, 240_000);
});
