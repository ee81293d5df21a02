import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBoardFirstRender, measureColumnScroll, measureRawRead } from '../bench/board-bench';
import { dragCardToColumn } from '../support/board-drag';
import { launchChromium } from '../support/chromium';
import { boardTotal, waitForBoardTotal } from '../support/board-regions';
import { column, columnCount, startBoardHost, type BoardHost } from './board-host';

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let host: BoardHost;
let browser: Browser;
let page: Page;
let total: number;

interface PlantWorkOrder {
  key: string;
  code: string;
  status: string;
  siteKey: string;
  dueAt?: string | null;
  completedAt?: string | null;
  laborAssignedKey?: string | null;
  notes?: string | null;
}

/** Every work order as the plant has it now, read page by page from its API. */
async function plantWorkOrders(): Promise<PlantWorkOrder[]> {
  const all: PlantWorkOrder[] = [];
  for (let page = 1; ; page += 1) {
    const batch = await host.api<PlantWorkOrder[]>(`work-orders?per_page=1000&page=${page}`);
    all.push(...batch);
    if (batch.length < 1000) return all;
  }
}

const upstream = (key: string) => host.api<PlantWorkOrder>(`work-orders/${key}`);
const focusedCard = () => page.evaluate(() => ({
  key: document.activeElement?.getAttribute('data-work-order-key') ?? null,
  column: document.activeElement?.closest('section')?.getAttribute('aria-label')?.replace(/ \(\d+\)$/, '') ?? null,
  index: Number(document.activeElement?.closest('[data-index]')?.getAttribute('data-index') ?? NaN),
}));
const clearFilters = async () => {
  const clear = page.getByRole('search', { name: 'Filter work orders' }).getByRole('button', { name: /^Clear/ });
  if (await clear.count()) await clear.click();
  await waitForBoardTotal(page, total, 15_000);
};

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  host = await startBoardHost({ seed: 5, workOrders: 10_000 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.appUrl);
  total = (await host.control.stats()).counts['work-orders']!;
  await waitForBoardTotal(page, total, 180_000);
  // The opening sync goes on with parts, stock and purchase orders after the work orders, in this
  // page's main thread: measure the board once it is done.
  await page.locator('.connection-summary .connection-status-pill', { hasText: /^Connected$/ }).waitFor({ timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('the supervisor\'s board over 10,000 work orders (Chromium, web mode)', () => {
  it('renders the cached board and scrolls its longest column to the end, reporting render time and long tasks', async () => {
    expect(total).toBe(10_000);
    const renders: number[] = [];
    let rawReadMs = 0;
    for (let round = 0; round < 3; round += 1) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync history' }).click();
      await page.getByRole('table', { name: 'Sync history' }).waitFor();
      rawReadMs = (await measureRawRead(page)).ms;
      renders.push((await measureBoardFirstRender(page, total)).ms);
    }
    const scroll = await measureColumnScroll(page);
    const firstRenderMs = [...renders].sort((a, b) => a - b)[1]!;
    const figures = { firstRenderMs, renders, rawReadMs, scroll };
    console.log(`board figures: ${JSON.stringify(figures)}`);
    await writeFile(path.join(resultsDir, 'board-performance.json'), `${JSON.stringify(figures, null, 2)}\n`);

    expect(scroll.reachedLastCard).toBe(true);
    expect(scroll.cards).toBeGreaterThan(1000);
    // The render target holds with room to spare (median of 3). Long tasks are recorded here but
    // judged by the bench (npm run bench, board rows, target: none over 50 ms): on a test machine
    // running other suites beside this one they measure the neighbours as much as the board.
    expect(firstRenderMs).toBeLessThanOrEqual(500);
  });

  it('moves a card to another column with the mouse, and the plant gets the new status', async () => {
    const key = (await column(page, 'Approved').locator('article').first().getAttribute('data-work-order-key'))!;
    const approvedBefore = await columnCount(page, 'Approved');
    await dragCardToColumn(page, column(page, 'Approved').locator(`article[data-work-order-key="${key}"]`), column(page, 'Scheduled'), { dropAt: 300 });
    await column(page, 'Scheduled').locator(`article[data-work-order-key="${key}"]`).waitFor();
    expect(await columnCount(page, 'Approved')).toBe(approvedBefore - 1);
    await expect.poll(async () => (await upstream(key)).status).toBe('Scheduled');
  });

  it('moves the focus with the arrow keys and the card with Space → Space or Shift+→', async () => {
    const first = column(page, 'Scheduled').locator('[data-index="0"] article');
    await first.focus();
    // Columns are virtualized: the focus lands once the card is rendered, a frame or two later.
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedCard).toMatchObject({ column: 'Scheduled', index: 1 });
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focusedCard()).column).toBe('In progress');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await focusedCard()).column).toBe('Scheduled');
    await page.keyboard.press('Home');
    await expect.poll(focusedCard).toMatchObject({ column: 'Scheduled', index: 0 });

    const key = (await focusedCard()).key!;
    // As a person would: pick up, see it lifted, move it over, see the column take it, drop.
    await page.keyboard.press('Space');
    await page.locator('.drag-overlay').waitFor();
    // dnd-kit listens for the arrow keys from a task it queues on pick-up, and Chromium runs input before timers:
    // wait for a task queued after it.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowRight');
    await column(page, 'In progress').and(page.locator('.drop-over')).waitFor();
    await page.keyboard.press('Space');
    await column(page, 'In progress').locator(`article[data-work-order-key="${key}"]`).waitFor();
    await expect.poll(async () => (await upstream(key)).status).toBe('In progress');
    // The focus follows the card into its new column, and Shift+→ moves it on.
    await expect.poll(async () => (await focusedCard()).key).toBe(key);
    await page.keyboard.press('Shift+ArrowRight');
    await column(page, 'On hold').locator(`article[data-work-order-key="${key}"]`).waitFor();
    await expect.poll(async () => (await focusedCard()).column).toBe('On hold');
    await expect.poll(async () => (await upstream(key)).status).toBe('On hold');
  });

  it('refuses a move the status workflow does not allow, saying why, and leaves the card where it was', async () => {
    await page.keyboard.press('Escape'); // nothing picked up or open from before
    const closedBefore = await columnCount(page, 'Closed');
    const card = column(page, 'Closed').locator('article').first();
    const key = (await card.getAttribute('data-work-order-key'))!;
    await card.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => page.locator('.toast').last().textContent()).toContain('Closed work orders are final');
    expect(await columnCount(page, 'Closed')).toBe(closedBefore);
    expect((await upstream(key)).status).toBe('Closed');
  });

  it('filters by site and by overdue, with the counts the plant\'s own records give, and exports what it shows as CSV', async () => {
    const records = await plantWorkOrders();
    const site = page.getByRole('search', { name: 'Filter work orders' }).getByLabel('Site', { exact: true });
    const siteOption = (await site.locator('option').nth(1).getAttribute('value'))!;
    const siteKey = siteOption.split('\u0000')[1]!;
    await site.selectOption(siteOption);
    const atSite = records.filter((w) => w.siteKey === siteKey);
    expect(atSite.length).toBeGreaterThan(0);
    expect(atSite.length).toBeLessThan(total);
    await waitForBoardTotal(page, atSite.length, 15_000);

    await page.getByRole('button', { name: 'Overdue', exact: true }).click();
    const now = new Date().toISOString();
    const overdueAtSite = atSite.filter((w) => !w.completedAt && !['Completed', 'Closed'].includes(w.status) && !!w.dueAt && w.dueAt < now);
    expect(overdueAtSite.length).toBeGreaterThan(0);
    await waitForBoardTotal(page, overdueAtSite.length, 15_000);
    expect(await page.getByRole('group', { name: /^Overdue: / }).getAttribute('aria-label')).toMatch(new RegExp(`^Overdue: ${overdueAtSite.length.toLocaleString()},`));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Code,Title,Status,Plant,Site,Asset,Team,Assignee,Severity,Scheduled,Due,Completed,Created,Overdue,Unsent edits');
    expect(lines).toHaveLength(overdueAtSite.length + 1);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0]))).toEqual(new Set(overdueAtSite.map((w) => w.code)));
    expect(download.suggestedFilename()).toMatch(/^work-orders-\d{4}-\d{2}-\d{2}\.csv$/);

    await clearFilters();
    const code = records[42]!.code;
    await page.keyboard.press('/');
    await page.keyboard.type(code);
    await waitForBoardTotal(page, 1, 15_000);
    expect(await page.locator('.board article').getAttribute('aria-label')).toMatch(new RegExp(`^${code}, `));
    await clearFilters();
    expect(await boardTotal(page)).toBe(total);
  });

  it('opens the drawer with Enter, shows the work order in full, and reassigns it; the plant gets the new technician', async () => {
    const card = column(page, 'Scheduled').locator('[data-index="2"] article');
    const key = (await card.getAttribute('data-work-order-key'))!;
    const before = await upstream(key);
    await card.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: /^Work order WO-\d+$/ });
    await drawer.waitFor();
    for (const section of ['Plan, assign and record', 'Add a note', 'Details', 'Preventive maintenance', 'Edit history on this computer']) {
      await drawer.getByRole('region', { name: section }).waitFor();
    }
    await drawer.getByRole('region', { name: /^Tasks \(\d+\)$/ }).waitFor();
    await drawer.getByRole('region', { name: /^Parts \(\d+\)$/ }).waitFor();

    const assignee = drawer.getByLabel('Assignee');
    const options = await assignee.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter(Boolean));
    const chosen = options.find((value) => value !== (before.laborAssignedKey ?? null))!;
    await assignee.selectOption(chosen);
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.locator('.drawer-saved').waitFor();
    expect(await assignee.inputValue()).toBe(chosen);
    await expect.poll(async () => (await upstream(key)).laborAssignedKey).toBe(chosen);
    await expect.poll(() => drawer.locator('.drawer-saved').textContent()).toMatch(/^Sent to .+\.$/);
    const history = drawer.getByRole('region', { name: 'Edit history on this computer' });
    await expect.poll(() => history.locator('li').first().textContent()).toMatch(/^Edit.*In the plant’s system/);
    expect(await history.locator('li').first().textContent()).toContain('Assignee →');

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect((await focusedCard()).key).toBe(key);
  });

  it('adds a note that names its writer, chosen once from the plant’s people, after the notes already there', async () => {
    const card = column(page, 'In progress').locator('article').first();
    const key = (await card.getAttribute('data-work-order-key'))!;
    const before = (await upstream(key)).notes ?? null;
    await card.click();
    const drawer = page.getByRole('dialog', { name: /^Work order WO-\d+$/ });
    const section = drawer.getByRole('region', { name: 'Add a note' });
    const who = section.getByLabel(/^Who are you in this plant\?/);
    // The plant's people are read from the cache a moment after the drawer opens.
    await expect.poll(() => who.locator('option').count()).toBeGreaterThan(1);
    const people = await who.locator('option').evaluateAll((els) => els.map((el) => [(el as HTMLOptionElement).value, el.textContent!.split(' · ')[0]!]).filter(([value]) => value));
    expect(people.length).toBeGreaterThan(0);
    const [userKey, name] = people[0]!;
    await who.selectOption(userKey!);
    await expect.poll(() => section.locator('.note-author').textContent()).toBe(`Written as ${name} Not you?`);
    await section.getByLabel('Note').fill('Coupling guard refitted.\nRunning at full speed.');
    await section.getByRole('button', { name: 'Add note' }).click();
    const line = new RegExp(`^\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · ${name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\] Coupling guard refitted\\. Running at full speed\\.$`);
    await expect.poll(async () => (await upstream(key)).notes?.split('\n').at(-1) ?? '', { timeout: 15_000 }).toMatch(line);
    const notes = (await upstream(key)).notes!;
    expect(notes.split('\n').slice(0, -1).join('\n')).toBe(before ?? '');
    // The choice is kept with the plant: the next note is written as the same person without asking.
    await page.keyboard.press('Escape');
    await column(page, 'In progress').locator('article').nth(1).click();
    await expect.poll(() => page.getByRole('dialog', { name: /^Work order WO-\d+$/ }).locator('.note-author').textContent()).toBe(`Written as ${name} Not you?`);
    await page.keyboard.press('Escape');
  });

  it('shows only the work orders with unsent edits when asked, here one the plant refused', async () => {
    const card = column(page, 'Approved').locator('article').first();
    const key = (await card.getAttribute('data-work-order-key'))!;
    await host.control.injectFault({ status: 422, method: 'PUT', pathPrefix: `/api/eam/work-orders/${key}`, times: 3 });
    await card.click();
    const drawer = page.getByRole('dialog', { name: /^Work order WO-\d+$/ });
    const severity = drawer.getByLabel('Severity');
    await severity.selectOption((await severity.inputValue()) === 'Low' ? 'High' : 'Low');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await page.keyboard.press('Escape');
    await page.locator(`article[data-work-order-key="${key}"][data-outbox-state="rejected"]`).waitFor();

    await page.getByRole('button', { name: 'Unsent edits', exact: true }).click();
    await waitForBoardTotal(page, 1, 15_000);
    expect(await page.locator('.board article').getAttribute('data-work-order-key')).toBe(key);
    await clearFilters();
  });
});
