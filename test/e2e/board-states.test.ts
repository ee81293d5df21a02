// The board's empty and loading states follow what is happening (issue 13, item 6): a first sync
// running, a sync that found nothing, a sync that failed, and cached work orders whose status the
// cached status table lacks. Each case is its own demo plant and web mode, set up before the
// first sync, and a fresh Chromium profile (an empty cache).
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { waitForBoardTotal } from '../support/board-regions';
import { column, columnCount, startBoardHost, type BoardHost, type BoardHostOptions } from './board-host';

let browser: Browser;
let host: BoardHost | null = null;
let page: Page | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  await page?.close();
  page = null;
  await host?.stop();
  host = null;
});
afterAll(async () => {
  await browser?.close();
});

async function open(options: Omit<BoardHostOptions, 'seed'>): Promise<{ host: BoardHost; page: Page }> {
  host = await startBoardHost({ seed: 23, ...options });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(host.appUrl);
  return { host, page };
}
const boardState = (p: Page, state: string) => p.locator(`.empty-state[data-board-state="${state}"]`);

describe('the board says what is happening when it has no work orders (Chromium, web mode)', () => {
  it('says the first sync is running while it runs, then shows the work orders', async () => {
    // Every read of the work-order list is held back 4 s: the first sync is slow to bring them.
    const { host, page } = await open({ workOrders: 120, beforeWebMode: (control) => control.injectFault({ delayMs: 4000, method: 'GET', pathPrefix: '/api/eam/work-orders', times: 1000 }) });
    const syncing = boardState(page, 'syncing');
    await syncing.waitFor({ timeout: 60_000 });
    expect(await syncing.getByRole('heading').textContent()).toBe('Syncing work orders for the first time…');
    expect(await syncing.getAttribute('role')).toBe('status');

    await host.control.clearFaults();
    const total = (await host.control.stats()).counts['work-orders']!;
    await waitForBoardTotal(page, total, 90_000);
    expect(await page.locator('.empty-state').count()).toBe(0);
  });

  it('says the sync found no work orders once it has finished, instead of "syncing" forever', async () => {
    const { host, page } = await open({ workOrders: 20, beforeWebMode: (control) => control.deleteRecords('work-orders', 20, true) });
    expect((await host.control.stats()).counts['work-orders']).toBe(0);
    const empty = boardState(page, 'synced-empty');
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.getByRole('heading').textContent()).toBe('No work orders');
    // While the run reads the other lists it says "the sync running now"; once it ends, when it ran.
    await expect.poll(() => empty.textContent(), { timeout: 60_000 }).toMatch(/The last sync, .+, found no work orders of any age at .+\. New ones appear here when they are synced\./);
    expect(await page.locator('.empty-state').textContent()).not.toContain('Syncing');
  });

  it('says the sync failed, with the plant’s reason, when the work-order list is refused', async () => {
    const { page } = await open({ workOrders: 20, beforeWebMode: (control) => control.injectFault({ status: 422, method: 'GET', pathPrefix: '/api/eam/work-orders', times: 1000 }) });
    const failed = boardState(page, 'failed');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.getAttribute('role')).toBe('alert');
    expect(await failed.getByRole('heading').textContent()).toBe('No work orders cached yet');
    const text = (await failed.textContent()) ?? '';
    expect(text).not.toContain('Syncing');
    expect(text).not.toMatch(/undefined|null|\[object/);
    expect(text).toMatch(/request id \S+/);
  });

  it('shows every cached work order under "Other status" when no status table could be read', async () => {
    // The plant's token may not read its status table (403): the list is skipped, the work orders are read.
    const { host, page } = await open({ workOrders: 60, beforeWebMode: (control) => control.injectFault({ status: 403, method: 'GET', pathPrefix: '/api/eam/statuses/work-orders', times: 1000 }) });
    const total = (await host.control.stats()).counts['work-orders']!;
    await waitForBoardTotal(page, total, 90_000);
    expect(await columnCount(page, 'Other status')).toBe(total);
    expect(await page.locator('.board section[role="region"]').count()).toBe(1);
    await column(page, 'Other status').locator('article').first().waitFor();
    expect(await page.getByRole('note').filter({ hasText: 'Other status' }).textContent()).toContain(`${total} work orders have a status that is not in a cached status table`);
  });
});
