// Downtime (issue 15): the plant's stops reach the board's key figures and the asset schedule, and
// completing the breakdown work from the app ends the stop there after the next sync. Chromium,
// web mode, the demo plant in its own process.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAvailability } from '../../shared/kpis/asset-availability';
import { launchChromium } from '../support/chromium';
import { waitForBoardTotal } from '../support/board-regions';
import { startBoardHost, type BoardHost } from './board-host';

interface WireAsset {
  key: string;
  name: string;
  isActive?: boolean | string;
}
interface WireDowntime {
  key: string;
  assetKey: string;
  startedAt: string;
  endedAt?: string;
  categoryName: string;
}
interface WireWorkOrder {
  key: string;
  code: string;
  assetKey?: string;
  categoryName?: string;
  createdAt: string;
  completedAt?: string;
}

const plantName = 'Millwright Demo Plant';
let host: BoardHost;
let browser: Browser;
let page: Page;
let total: number;


/** What the plant's records say the board's figures are, over every active asset. */
async function plantFigures() {
  const [assets, downtimes] = await Promise.all([host.all<WireAsset>('assets'), host.all<WireDowntime>('assets-downtime')]);
  const active = new Set(assets.filter((asset) => asset.isActive === true || asset.isActive === 'true').map((asset) => `p\u0000${asset.key}`));
  const stops = downtimes.map((stop) => ({ connectionId: 'p', assetKey: stop.assetKey, startedAt: stop.startedAt, endedAt: stop.endedAt ?? null, categoryName: stop.categoryName }));
  return { figures: computeAvailability(stops, active, Date.now()), assets, downtimes };
}

/** A key figure's value and detail, from its accessible name ("Availability: 99.4 %, 7 assets down now"). */
async function kpi(label: string): Promise<{ value: string; detail: string }> {
  const name = (await page.getByRole('group', { name: new RegExp(`^${label}: `) }).getAttribute('aria-label')) ?? '';
  const match = new RegExp(`^${label}: (.*?), (.*)$`).exec(name);
  return { value: match?.[1] ?? '', detail: match?.[2] ?? '' };
}
const percentOf = (text: string) => Number(text.replace(/[^\d.]/g, ''));
const hoursOf = (text: string) => Number(text.replace(/[^\d.]/g, '')) * (text.endsWith('days') ? 24 : text.endsWith('min') ? 1 / 60 : 1);
const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

beforeAll(async () => {
  // Seed 13 at 1,500 work orders has seven assets stopped now (see test/integration/demo-plant-downtime.test.ts).
  host = await startBoardHost({ seed: 13, workOrders: 1500 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.appUrl);
  total = (await host.control.stats()).counts['work-orders']!;
  await waitForBoardTotal(page, total, 120_000);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('downtime on the board and the asset schedule (Chromium, web mode)', () => {
  it("shows availability, the assets down now and MTBF as the plant's stops make them", async () => {
    const { figures } = await plantFigures();
    expect(figures.downNow).toBeGreaterThan(0);
    expect(figures.failures).toBeGreaterThan(0);
    await expect.poll(async () => (await kpi('Availability')).detail).toBe(`${figures.downNow} assets down now`);
    const availability = await kpi('Availability');
    // A tenth of a percent, rounded down: never more than the plant's figure, less by under 0.1.
    const shown = percentOf(availability.value);
    expect(shown).toBeLessThanOrEqual(figures.availability! * 100 + 1e-9);
    expect(figures.availability! * 100 - shown).toBeLessThan(0.1 + 1e-9);
    const mtbf = await kpi('MTBF');
    expect(mtbf.detail).toBe(`over ${figures.failures.toLocaleString('en-US')} failures`);
    expect(Math.abs(hoursOf(mtbf.value) - figures.mtbfHours!) / figures.mtbfHours!).toBeLessThan(0.01);
  });

  it('draws a stop still going on its asset, marked Down, with the asset\'s own figures beside it; completing its work here ends it after the next sync', async () => {
    const { assets, downtimes } = await plantFigures();
    const running = downtimes.filter((stop) => stop.endedAt === undefined && stop.categoryName === 'Breakdown');
    const workOrders = await host.all<WireWorkOrder>('work-orders');
    // A breakdown still running whose open breakdown work, raised after it began, ends it when completed.
    const pick = running
      .map((stop) => ({ stop, work: workOrders.find((w) => w.assetKey === stop.assetKey && w.categoryName === 'Breakdown' && w.completedAt === undefined && w.createdAt >= stop.startedAt) }))
      .find((candidate) => candidate.work !== undefined)!;
    expect(pick).toBeTruthy();
    const asset = assets.find((a) => a.key === pick.stop.assetKey)!;

    await nav('Schedule').click();
    await page.getByLabel('Find an asset or location').fill(asset.name);
    const row = page.locator(`.asset-row[data-asset-key="${asset.key}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('.badge-down').textContent()).toBe('Down');
    const bar = row.locator(`[data-downtime-key="${pick.stop.key}"]`);
    expect(await bar.getAttribute('aria-label')).toMatch(/^Stopped: .*, since .*, still down$/);
    await bar.click();
    const details = page.getByRole('complementary', { name: 'Selected booking' });
    await expect.poll(() => details.locator('dd').nth(4).textContent()).toBe('Not yet: still down');
    const own = details.getByRole('region', { name: `${asset.name}: availability and repair times` });
    expect(await own.locator('dd').first().textContent()).toMatch(/^\d+(\.\d)?\s?% over 30 days \(stopped /);

    // Complete the breakdown work from the drawer, as the supervisor would.
    await nav('Board').click();
    await waitForBoardTotal(page, total, 15_000);
    await page.keyboard.press('/');
    await page.keyboard.type(pick.work!.code);
    await waitForBoardTotal(page, 1, 15_000);
    await page.locator(`.board article[data-work-order-key="${pick.work!.key}"]`).click();
    const drawer = page.getByRole('dialog', { name: /^Work order WO-\d+$/ });
    await drawer.getByLabel('Status').selectOption({ label: 'Completed' });
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => drawer.locator('.drawer-saved').textContent(), { timeout: 30_000 }).toBe(`Sent to ${plantName}.`);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // The plant ended the stop; the app learns it with the next sync.
    const ended = await host.api<WireDowntime>(`assets-downtime/${pick.stop.key}`);
    expect(ended.endedAt).toBeTruthy();
    await nav('Connections').click();
    await page.getByRole('group', { name: `Actions for ${plantName}` }).getByRole('button', { name: 'Sync now' }).click();
    await nav('Schedule').click();
    await page.getByLabel('Find an asset or location').fill(asset.name);
    // Wait on the stop's own bar: a count of badges reads 0 while the row is not drawn yet (the
    // page still opening the cache), which is not the same as the asset running again.
    await expect.poll(() => bar.getAttribute('aria-label'), { timeout: 30_000 }).toMatch(/^Stopped: .*, .* to .*, [\d.,]+ (min|h|days)$/);
    expect(await row.locator('.badge-down').count()).toBe(0);
  });
});
