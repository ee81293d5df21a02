import type { Page } from 'playwright-core';

/** Cards per status name, as the board's column regions announce them ("In progress (12)"). */
export function boardCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('section[role="region"]')].flatMap((el) => {
        const match = /^(.*) \((\d+)\)$/.exec(el.getAttribute('aria-label') ?? '');
        return match ? [[match[1]!, Number(match[2])]] : [];
      }),
    ),
  );
}

/** Waits until the board's column counts add up to `total` (the first sync into a fresh browser profile is done). */
export async function waitForBoardTotal(page: Page, total: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const labels = [...document.querySelectorAll('section[role="region"]')].map((el) => el.getAttribute('aria-label') ?? '');
      return labels.reduce((sum, label) => sum + Number(/\((\d+)\)$/.exec(label)?.[1] ?? 0), 0) === expected;
    },
    total,
    { timeout: timeoutMs },
  );
}
