// The board on a large cache (issue 18): opened again, it shows every column's true count and its
// first cards, read through indexes, while every work order is still being read; then the board
// itself, with the same counts and the same first cards. Chromium, web mode, 30,000 work orders
// from the demo plant in its own process (the first look is for caches of 20,000 and more).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { boardCounts, waitForBoardTotal } from '../support/board-regions';
import { startBoardHost, type BoardHost } from './board-host';

let host: BoardHost;
let browser: Browser;
let page: Page;
let total: number;

/** Per column of the board (or of its first look, `busy`): its count, the codes of its first `n` cards, and where on screen the first one is. */
function columnsShown(busy: boolean, n: number) {
  return page.evaluate(
    ([selector, n]) =>
      [...document.querySelectorAll(selector)].map((region) => {
        const cards = [...region.querySelectorAll('article')]
          .map((card) => ({ code: card.querySelector('.card-code')?.textContent ?? '', box: card.getBoundingClientRect() }))
          .sort((a, b) => a.box.top - b.box.top);
        return {
          label: region.getAttribute('aria-label'),
          first: cards.slice(0, n).map((card) => card.code),
          at: cards[0] ? `${Math.round(cards[0].box.left)},${Math.round(cards[0].box.top)}` : null,
        };
      }),
    [busy ? '.board[aria-busy="true"] section[role="region"]' : '.board:not([aria-busy="true"]) section[role="region"]', n] as const,
  );
}

beforeAll(async () => {
  host = await startBoardHost({ seed: 43, workOrders: 30_000 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.appUrl);
  total = (await host.control.stats()).counts['work-orders']!;
  await waitForBoardTotal(page, total, 300_000);
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('the board on a large cache (Chromium, web mode)', () => {
  it('shows each column’s count and first cards while every work order is read, then the board with the same', async () => {
    const plant = Object.fromEntries(Object.entries((await host.control.stats()).workOrdersByStatus).filter(([, n]) => n > 0));
    // The first sync done, the board after the reload has no word of it above the columns: where
    // they stand is the board's layout alone, which the first look must match.
    await expect.poll(() => page.locator('.connection-summary .connection-status-pill').first().textContent(), { timeout: 300_000 }).toBe('Connected');
    await page.reload();
    const firstLook = page.locator('.board[aria-busy="true"]');
    await firstLook.waitFor({ timeout: 30_000 });
    const notice = await page.getByRole('status').filter({ hasText: 'for search, filters and figures' }).textContent();
    expect(notice).toContain(`Reading all ${total.toLocaleString('en-US')} work orders`);
    const early = await columnsShown(true, 4);
    await page.screenshot({ path: 'test-results/board-first-look.png' });
    const earlyCounts: Record<string, number> = Object.fromEntries(early.map(({ label }) => /^(.*) \((\d+)\)$/.exec(label ?? '')!.slice(1, 3)).map(([name, n]) => [name, Number(n)]));
    expect(Object.fromEntries(Object.entries(earlyCounts).filter(([, n]) => n > 0))).toEqual(plant);
    expect(early.every(({ first, label }) => first.length === Math.min(4, Number(/\((\d+)\)$/.exec(label!)![1])))).toBe(true);

    await waitForBoardTotal(page, total, 120_000);
    expect(await boardCounts(page)).toEqual(earlyCounts);
    // The same cards, in the same places: nothing moves under the pointer when the board comes.
    expect(await columnsShown(false, 4)).toEqual(early);
    await page.screenshot({ path: 'test-results/board-after-first-look.png' });
  }, 180_000);
});
