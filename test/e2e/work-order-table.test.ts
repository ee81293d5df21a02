import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTest } from '../../shared/domain/work-order-state';
import { countedBy, type KpiCount } from '../../shared/kpis/work-order-kpis';
import { launchChromium } from '../support/chromium';
import { waitForBoardTotal } from '../support/board-regions';
import { startBoardHost, type BoardHost } from './board-host';

/**
 * The Board page's table (issue 16): every work order one row, sorted by a column as the cache
 * holds them, and a bulk reschedule of 50 selected rows queued as 50 operations, each applied
 * upstream exactly once with the dates moved by the days asked for.
 */
const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
const day = 86_400_000;
let host: BoardHost;
let browser: Browser;
let page: Page;
let total: number;
let home: string;

interface CachedWorkOrder { key: string; code: string; connectionId: string; dueAt: string | null; scheduledAt: string | null }
interface WireWorkOrder { key: string; scheduledAt: string | null; dueAt: string | null }
interface PlantWorkOrderFields { statusKey?: string | null; status?: string | null; completedAt?: string | null; createdAt?: string | null; pmKey?: string | null }


/** The cached work orders, read straight from the page's IndexedDB. */
const cached = () =>
  page.evaluate(
    () =>
      new Promise<CachedWorkOrder[]>((resolve, reject) => {
        const open = indexedDB.open('millwright');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('workOrders').objectStore('workOrders').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as CachedWorkOrder[]);
          };
        };
      }),
  );
const shownKeys = () => page.locator('.table-body [role="row"]').evaluateAll((rows) => rows.sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'))).map((row) => row.getAttribute('data-work-order-key')!));
const byDue = (direction: 1 | -1) => (a: CachedWorkOrder, b: CachedWorkOrder) => {
  if (a.dueAt === null || b.dueAt === null) return (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return direction * (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
};

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-table-'));
  host = await startBoardHost({ seed: 16, workOrders: 3000, extraWebArgs: ['--probe-seconds', '1'], home });
  total = (await host.control.stats()).counts['work-orders']!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.appUrl);
  await waitForBoardTotal(page, total, 120_000);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('the work-order table (Chromium, web mode)', () => {
  it('shows every work order and sorts by a column as the cache orders them', async () => {
    await page.getByRole('radio', { name: 'Table' }).click();
    const grid = page.getByRole('grid', { name: 'Work orders' });
    await grid.waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(total + 1));

    // Earliest due first until the supervisor picks another order.
    const due = page.locator('.table-header[data-column="due"]');
    expect(await due.getAttribute('aria-sort')).toBe('ascending');
    await page.locator('.table-header[data-column="code"]').getByRole('button').click();
    expect(await due.getAttribute('aria-sort')).toBe('none');
    expect(await page.locator('.table-header[data-column="code"]').getAttribute('aria-sort')).toBe('ascending');
    await due.getByRole('button').click();
    expect(await due.getAttribute('aria-sort')).toBe('ascending');
    const records = await cached();
    const ascending = [...records].sort(byDue(1)).map((w) => w.key);
    // The rows drawn (a screenful and a few more) are the first ones of the cache in that order.
    const firstRows = async (expected: string[]) => {
      const shown = await shownKeys();
      return shown.length > 10 && shown.every((key, index) => key === expected[index]) ? 'in order' : `out of order: ${shown.slice(0, 5).join(', ')}… (${shown.length} drawn)`;
    };
    await expect.poll(() => firstRows(ascending)).toBe('in order');

    await due.getByRole('button').click();
    expect(await due.getAttribute('aria-sort')).toBe('descending');
    const descending = [...records].sort(byDue(-1)).map((w) => w.key);
    await expect.poll(() => firstRows(descending)).toBe('in order');
    // The table stays the table after a trip to another page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board' }).click();
    await grid.waitFor();
    expect(await page.locator('.table-header[data-column="due"]').getAttribute('aria-sort')).toBe('descending');
  });

  it('prints every row the table shows, under a line saying what and when, without the page\'s controls', async () => {
    const grid = page.getByRole('grid', { name: 'Work orders' });
    const rows = page.locator('.table-body [role="row"]');
    const shown = Number(await grid.getAttribute('aria-rowcount')) - 1;
    expect(shown).toBe(total);
    // On screen only the rows in view exist.
    expect(await rows.count()).toBeLessThan(100);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await rows.count()).toBe(shown);
    expect(await page.locator('.print-heading').textContent()).toMatch(/^Millwright · Board · .+ · printed .+\d/);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'New work order' }).isVisible()).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: null });
    // Back to the rows in view once the table has its screen size again.
    await expect.poll(() => rows.count()).toBeLessThan(100);
    expect(await page.locator('.print-heading').count()).toBe(0);
    // The browser's own printing (to PDF here) goes the same way: every row, on as many pages as
    // they need (of the work on pumps: a few hundred rows print in seconds, 3,000 take a while).
    const search = page.getByRole('searchbox', { name: 'Search work orders' });
    await search.fill('pump');
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1).toBeLessThan(shown);
    const pumps = Number(await grid.getAttribute('aria-rowcount')) - 1;
    expect(pumps).toBeGreaterThan(100);
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(Math.ceil(pumps / 40));
    await expect.poll(() => rows.count()).toBeLessThan(100);
    await search.fill('');
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1).toBe(shown);
  });

  it('opens the table from a key figure on exactly the work orders it counts, as the plant\'s own records make them', async () => {
    const [workOrders, statuses] = await Promise.all([host.all<WireWorkOrder & PlantWorkOrderFields>('work-orders'), host.all<{ key: string; name: string }>('statuses/work-orders')]);
    const isOpen = openTest(statuses.map((status) => ({ ...status, connectionId: 'plant' })));
    const now = Date.now();
    const counted = (kind: KpiCount) =>
      new Set(workOrders.filter((w) => countedBy({ createdAt: w.createdAt ?? null, dueAt: w.dueAt, completedAt: w.completedAt ?? null, pmKey: w.pmKey ?? null }, isOpen({ connectionId: 'plant', statusKey: w.statusKey ?? null, status: w.status ?? null, completedAt: w.completedAt ?? null }), now)[kind]).map((w) => w.key));

    await page.getByRole('radio', { name: 'Board' }).click();
    const grid = page.getByRole('grid', { name: 'Work orders' });
    for (const [tile, kind, chip] of [
      ['Backlog', 'backlog', 'Counted in Backlog (open)'],
      ['PM compliance', 'pmDue', 'Counted in PM compliance (PM work fallen due)'],
    ] as const) {
      const expected = counted(kind);
      await page.getByRole('group', { name: new RegExp(`^${tile}: `) }).getByRole('button').click();
      await grid.waitFor();
      await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1, { timeout: 15_000 }).toBe(expected.size);
      const shown = await shownKeys();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.filter((key) => !expected.has(key)), `${tile}: rows it does not count`).toEqual([]);
      const clear = page.getByRole('button', { name: chip });
      // The figures say they are narrowed now.
      expect(await page.getByRole('region', { name: 'Key figures, filters applied' }).count()).toBe(1);
      await clear.click();
      await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1).toBe(total);
    }
  });

  it('finds an asset by typing part of its name and where it sits, and lists all its work across every status', async () => {
    const clearAll = page.getByRole('button', { name: /^Clear (filter|\d+ filters)$/ });
    if (await clearAll.count()) await clearAll.click();
    await page.getByRole('radio', { name: 'Table' }).click();
    const [workOrders, assets, locations] = await Promise.all([
      host.all<WireWorkOrder & { assetKey: string | null; completedAt?: string | null }>('work-orders'),
      host.all<{ key: string; name: string; locationKey: string | null }>('assets'),
      host.all<{ key: string; name: string }>('locations'),
    ]);
    // The asset with the most work, closed work included; found by a word of its name and one of its location's.
    const counts = new Map<string, number>();
    for (const workOrder of workOrders) if (workOrder.assetKey) counts.set(workOrder.assetKey, (counts.get(workOrder.assetKey) ?? 0) + 1);
    const [assetKey, expected] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(workOrders.some((w) => w.assetKey === assetKey && w.completedAt)).toBe(true);
    const asset = assets.find((candidate) => candidate.key === assetKey)!;
    const location = locations.find((candidate) => candidate.key === asset.locationKey)!;
    const typed = `${asset.name.split(' ').at(-1)} ${location.name.split(' ')[0]!.toLowerCase()}`;

    const picker = page.getByRole('combobox', { name: 'Asset' });
    await picker.click();
    await picker.fill(typed);
    const listbox = page.getByRole('listbox', { name: 'Asset' });
    const option = listbox.getByRole('option', { name: new RegExp(`^${asset.name}`) });
    await expect.poll(() => option.count()).toBe(1);
    expect(await option.textContent()).toContain(location.name);
    // Down to it with the keyboard, and Enter.
    const index = await listbox.getByRole('option').evaluateAll((els, name) => els.findIndex((el) => el.textContent?.startsWith(name)), asset.name);
    for (let i = 0; i <= index; i++) await picker.press('ArrowDown');
    await page.screenshot({ path: path.join(resultsDir, 'board-asset-picker.png') });
    await picker.press('Enter');
    // Downshift reports the choice from an effect, so the form's state (and the text) follows a task later.
    await expect.poll(() => picker.inputValue()).toBe(asset.name);
    const grid = page.getByRole('grid', { name: 'Work orders' });
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1, { timeout: 15_000 }).toBe(expected);
    const ofAsset = new Set(workOrders.filter((w) => w.assetKey === assetKey).map((w) => w.key));
    const shown = await shownKeys();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((key) => !ofAsset.has(key))).toEqual([]);
    await picker.click();
    await page.getByRole('listbox', { name: 'Asset' }).getByRole('option', { name: 'All assets' }).click();
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1, { timeout: 15_000 }).toBe(total);
  });

  it('moves 50 selected overdue work orders a week later: 50 queued operations, each applied upstream once', async () => {
    await page.getByRole('button', { name: 'Overdue', exact: true }).click();
    const grid = page.getByRole('grid', { name: 'Work orders' });
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount'))).toBeLessThan(total + 1);
    const overdue = Number(await grid.getAttribute('aria-rowcount')) - 1;
    expect(overdue, 'overdue work orders in the plant').toBeGreaterThanOrEqual(50);
    const before = new Map((await cached()).map((w) => [w.key, w]));

    // Keyboard: the first row, Space, then Shift+↓ 49 times selects 50 rows.
    await page.locator('.table-body [role="row"][data-index="0"] [role="gridcell"]').nth(2).click();
    await page.keyboard.press('Space');
    for (let i = 0; i < 49; i += 1) await page.keyboard.press('Shift+ArrowDown');
    const bulk = page.getByRole('toolbar', { name: 'Selected work orders' });
    expect(await bulk.locator('.bulk-count').textContent()).toBe('50 work orders selected');
    const writesBefore = (await host.writes()).applied.length;
    await page.screenshot({ path: path.join(resultsDir, 'board-table-selected.png') });

    await bulk.getByLabel('Move by').fill('7');
    await bulk.getByRole('button', { name: 'Move' }).click();
    await expect.poll(() => page.locator('.toast strong').last().textContent()).toBe('Moved later by 7 days: 50 changes queued');

    // Upstream: 50 PUTs, one per work order, none twice, each with its own Idempotency-Key.
    const moved = async () => (await host.writes()).applied.slice(writesBefore).filter((write) => write.method === 'PUT' && write.path.includes('work-orders'));
    await expect.poll(async () => (await moved()).length, { timeout: 60_000 }).toBe(50);
    const writes = await moved();
    expect(new Set(writes.map((write) => write.key)).size).toBe(50);
    expect(new Set(writes.map((write) => write.idempotencyKey)).size).toBe(50);
    for (const write of writes.slice(0, 10)) {
      const was = before.get(write.key!)!;
      const now = await host.api<WireWorkOrder>(`work-orders/${write.key}`);
      const start = was.scheduledAt ?? was.dueAt!;
      expect(Date.parse(now.scheduledAt!), `${was.code} scheduled`).toBe(Date.parse(start) + 7 * day);
      if (was.dueAt !== null) expect(Date.parse(now.dueAt!), `${was.code} due`).toBe(Date.parse(was.dueAt) + 7 * day);
    }
    // The selection is cleared and nothing stays waiting.
    await bulk.waitFor({ state: 'detached' });
    await page.waitForTimeout(1500);
    expect((await moved()).length).toBe(50);
  });

  it('saves the table as a named view, shows it again from the Views menu, and keeps it and the page across a reload and a restart of the app', async () => {
    await page.getByRole('radio', { name: 'Table' }).click();
    const clear = page.getByRole('button', { name: /^Clear (filter|\d+ filters)$/ });
    if (await clear.count()) await clear.click();
    await page.getByRole('button', { name: 'Overdue', exact: true }).click();
    await page.locator('.table-header[data-column="asset"]').getByRole('button').click();
    await page.locator('.table-header[data-column="asset"]').getByRole('button').click();
    const views = page.locator('.views-menu');
    await views.locator('summary').click();
    await views.getByLabel('Save what the Board shows as').fill('Overdue by asset');
    await views.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => views.getByRole('button', { name: /^Overdue by asset/ }).count()).toBe(1);

    // Something else entirely, then the view again.
    await page.getByRole('button', { name: 'Overdue', exact: true }).click();
    await page.getByRole('radio', { name: 'Board' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
    if (!(await views.evaluate((el) => (el as HTMLDetailsElement).open))) await views.locator('summary').click();
    await views.getByRole('button', { name: /^Overdue by asset/ }).click();
    const grid = page.getByRole('grid', { name: 'Work orders' });
    await grid.waitFor();
    const shownAsSaved = async () => ({
      overdue: await page.getByRole('button', { name: 'Overdue', exact: true }).getAttribute('aria-pressed'),
      sort: await page.locator('.table-header[data-column="asset"]').getAttribute('aria-sort'),
      rows: Number(await grid.getAttribute('aria-rowcount')) - 1,
    });
    const saved = await shownAsSaved();
    expect(saved).toMatchObject({ overdue: 'true', sort: 'descending' });
    expect(saved.rows).toBeLessThan(total);

    // A reload (the app started again on the same cache) opens on the same page, as it was left.
    await page.reload();
    await grid.waitFor({ timeout: 60_000 });
    expect(await shownAsSaved()).toEqual(saved);
    await views.locator('summary').click();
    expect(await views.getByRole('button', { name: /^Overdue by asset/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(resultsDir, 'board-saved-views.png') });

    // The app quits and starts again (same home, same address): the same page, as it was left, and the view still listed.
    await page.goto(await host.restartApp());
    await grid.waitFor({ timeout: 60_000 });
    expect(await shownAsSaved()).toEqual(saved);
    if (!(await views.evaluate((el) => (el as HTMLDetailsElement).open))) await views.locator('summary').click();
    expect(await views.getByRole('button', { name: /^Overdue by asset/ }).count()).toBe(1);
    await views.locator('summary').click();
  });

  it('creates a work order with its assignee, team and notes, says so, and the plant gets each once', async () => {
    const dialogOpen = page.getByRole('button', { name: 'New work order' });
    await dialogOpen.click();
    const dialog = page.getByRole('dialog', { name: 'New work order' });
    const title = `Check guard rail ${Date.now() % 100000}`;
    await dialog.getByLabel(/^Title/).fill(title);
    const site = dialog.getByLabel(/^Site/);
    await site.selectOption({ index: 1 });
    // The asset is typed to find: the first of the site's, by the last word of its name.
    const asset = dialog.getByRole('combobox', { name: /^Asset/ });
    await asset.click();
    const assetOptions = dialog.getByRole('listbox', { name: /^Asset/ }).getByRole('option');
    await expect.poll(() => assetOptions.count()).toBeGreaterThan(1);
    const assetName = (await assetOptions.nth(1).locator('.picker-option-label').textContent())!;
    await asset.fill(assetName.split(' ').at(-1)!);
    await assetOptions.filter({ has: page.locator('.picker-option-label', { hasText: new RegExp(`^${assetName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).click();
    await expect.poll(() => asset.inputValue()).toBe(assetName);
    await dialog.getByLabel(/^Scheduled/).fill('2027-01-11T08:00');
    await dialog.getByLabel(/^Due/).fill('2027-01-12T16:00');
    const assignee = dialog.getByLabel(/^Assignee/);
    await assignee.selectOption({ index: 1 });
    const team = dialog.getByLabel(/^Team/);
    await team.selectOption({ index: 1 });
    await dialog.getByLabel(/^Notes/).fill('Guard rail loose at the north end; bring M12 bolts.');
    const chosen = { laborAssignedKey: await assignee.inputValue(), teamKey: await team.inputValue() };
    const writesBefore = (await host.writes()).applied.length;
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.toast strong').last().textContent()).toBe(`Work order “${title}” created`);

    const created = async () => (await host.writes()).applied.slice(writesBefore).filter((write) => write.method === 'POST' && write.path.endsWith('/work-orders'));
    await expect.poll(async () => (await created()).length, { timeout: 30_000 }).toBe(1);
    await page.waitForTimeout(1000);
    const [write] = await created();
    expect((await created()).length).toBe(1);
    const upstream = await host.api<{ title: string; laborAssignedKey: string; teamKey: string; assetKey: string; notes: unknown }>(`work-orders/${write!.key}`);
    expect(upstream).toMatchObject({ title, ...chosen });
    expect((await host.api<{ name: string }>(`assets/${upstream.assetKey}`)).name).toBe(assetName);
    expect(JSON.stringify(upstream.notes)).toContain('Guard rail loose at the north end');
  });
});
