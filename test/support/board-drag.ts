import type { Locator, Page } from 'playwright-core';

/**
 * Drags a board card onto a column with the mouse, as a supervisor does, waiting at each step for
 * the board to show it took it: the card held still before it is grabbed (a sync landing may still
 * move it), the board in its dragging state before the card travels, and the column lit as the
 * drop target before the button is released. On a loaded machine the page can fall behind the
 * input Playwright sends; without these waits a release could come before the board knew where
 * the card was, and the card would stay where it was.
 */
export async function dragCardToColumn(page: Page, card: Locator, column: Locator, { dropAt = 200 }: { dropAt?: number } = {}): Promise<void> {
  // hover() waits for the card to keep one place for two frames, and scrolls it into view.
  await card.hover();
  const from = await card.boundingBox();
  if (!from) throw new Error('the card to drag is not on screen');
  await page.mouse.down();
  // Past the board's 6 px activation distance.
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 3 });
  await page.locator('.board.is-dragging').waitFor({ timeout: 10_000 });
  const to = await column.boundingBox();
  if (!to) throw new Error('the column to drop on is not on screen');
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(dropAt, to.height - 10), { steps: 12 });
  await column.and(page.locator('.drop-over')).waitFor({ timeout: 10_000 });
  await page.mouse.up();
}
