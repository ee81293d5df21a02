import type { Page } from 'playwright-core';

/**
 * The board's column regions; each announces its status and card count ("In progress (12)"). Not
 * its first look (aria-busy), shown on a large cache while every work order is still being read.
 */
const columns = '.board:not([aria-busy="true"]) section[role="region"]';

/** Cards per status name, as the board's column regions announce them. */
export function boardCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (selector) =>
      Object.fromEntries(
        [...document.querySelectorAll(selector)].flatMap((el) => {
          const match = /^(.*) \((\d+)\)$/.exec(el.getAttribute('aria-label') ?? '');
          return match ? [[match[1]!, Number(match[2])]] : [];
        }),
      ),
    columns,
  );
}

/** The sum of the board's column counts. */
export function boardTotal(page: Page): Promise<number> {
  return page.evaluate(
    (selector) => [...document.querySelectorAll(selector)].reduce((sum, el) => sum + Number(/\((\d+)\)$/.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? 0), 0),
    columns,
  );
}

/** The column regions of the board or of its first look, whichever shows. */
export const firstLookOrBoardColumns = '.board section[role="region"]';

/**
 * Waits until the board's column counts add up to `total` (e.g. the first sync into a fresh
 * profile is done); `selector` picks other columns (firstLookOrBoardColumns).
 */
export async function waitForBoardTotal(page: Page, total: number, timeoutMs = 60_000, { selector = columns, pollingMs = 100 } = {}): Promise<void> {
  await page.waitForFunction(
    ([selector, expected]) =>
      [...document.querySelectorAll(selector)].reduce((sum, el) => sum + Number(/\((\d+)\)$/.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? 0), 0) === expected,
    [selector, total] as const,
    { timeout: timeoutMs, polling: pollingMs },
  );
}
