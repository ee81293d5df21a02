// The second connector kind end to end: a supervisor adds a connection to an export file through
// the Add-connection dialog, and its work orders join the demo plant's on the board; the file saved
// again with a changed status moves the card at the next sync. A wrong path is said in the dialog.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardCounts, waitForBoardTotal } from '../support/board-regions';
import { launchChromium } from '../support/chromium';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';

const fixture = path.resolve(import.meta.dirname, '..', 'fixtures', 'file-import', 'work-orders.csv');
const plantWorkOrders = 150;
const fileWorkOrders = 22;
let folder: string;
let exportFile: string;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'millwright-export-'));
  exportFile = path.join(folder, 'line-2 export.csv');
  await copyFile(fixture, exportFile);
  webCli = spawnCli('electron/web-main.ts', ['--port', '0', '--ephemeral', '--no-schedule', '--seed', '4', '--work-orders', String(plantWorkOrders), '--changes-per-minute', '0']);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(appUrl);
  await waitForBoardTotal(page, plantWorkOrders);
});

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await rm(folder, { recursive: true, force: true });
});

const card = (code: string) => page.locator('.board article', { hasText: code });
const columnOf = (code: string) => card(code).evaluate((article) => article.closest('section[role="region"]')?.getAttribute('aria-label') ?? '');

describe('an export file as a connection (Chromium, web mode)', () => {
  it('says a path that holds no file in the dialog, and connects nothing', async () => {
    await page.getByRole('button', { name: 'Connections' }).click();
    await page.getByRole('button', { name: 'Add connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add connection' });
    await dialog.getByRole('radio', { name: /Export file/ }).check();
    await dialog.getByLabel('File', { exact: true }).fill('exports/work-orders.csv');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => dialog.locator('.field-error, [role="alert"]').allTextContents()).toContainEqual(expect.stringContaining('Enter the full path of the file'));

    const missing = path.join(folder, 'not-there.csv');
    await dialog.getByLabel('File', { exact: true }).fill(missing);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => dialog.textContent()).toContain(`The export file ${missing} cannot be found`);
    expect(await page.locator('.connection-card').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds the file through the dialog; its work orders join the plant’s on the board', async () => {
    await page.getByRole('button', { name: 'Add connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add connection' });
    await dialog.getByRole('radio', { name: /Export file/ }).check();
    // A file is read whole: no history window to choose, no API address, no token.
    expect(await dialog.getByLabel('History to read on the first sync').count()).toBe(0);
    expect(await dialog.getByLabel('API address').count()).toBe(0);
    await dialog.getByLabel('Name (optional)').fill('Line 2 export');
    await dialog.getByLabel('File', { exact: true }).fill(exportFile);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.waitFor({ state: 'detached' });

    const connection = page.getByRole('listitem', { name: 'Connection Line 2 export' });
    await expect.poll(() => connection.locator('dl').textContent(), { timeout: 60_000 }).toContain('Export file (read only)');
    const details = (await connection.locator('dl').textContent()) ?? '';
    expect(details).toContain(`File${exportFile}`);
    expect(details).toContain('An export file · line-2 export.csv');
    expect(details).not.toContain('Token');
    expect(await connection.getByRole('button', { name: 'Reauthorize' }).count()).toBe(0);
    expect(await connection.getByText('Webhooks').count()).toBe(0);

    await page.getByRole('button', { name: 'Board' }).click();
    await waitForBoardTotal(page, plantWorkOrders + fileWorkOrders, 60_000);
    await card('WO-1002').first().waitFor();
    expect(await card('WO-1002').textContent()).toContain('Inspect boiler feed pump, check seals');
    expect(await columnOf('WO-1002')).toMatch(/^Scheduled \(/);
  });

  it('moves a card when the file is saved again with a new status, at the next sync', async () => {
    const before = await boardCounts(page);
    const csv = await readFile(exportFile, 'utf8');
    await writeFile(exportFile, csv.replace('Inspect boiler feed pump, check seals",Scheduled,PMP-11,North Mill,2024-05-08,Medium,Ben Okafor,2024-04-29T07:40:00Z', 'Inspect boiler feed pump, check seals",Completed,PMP-11,North Mill,2024-05-08,Medium,Ben Okafor,2024-05-02T09:00:00Z'));

    await page.getByRole('button', { name: 'Connections' }).click();
    const connection = page.getByRole('listitem', { name: 'Connection Line 2 export' });
    await connection.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('button', { name: 'Board' }).click();
    await expect.poll(() => columnOf('WO-1002'), { timeout: 60_000 }).toMatch(/^Completed \(/);
    const after = await boardCounts(page);
    expect(after.Scheduled).toBe(before.Scheduled! - 1);
    expect(after.Completed).toBe(before.Completed! + 1);
  });

  it('offers no edits on a card read from a file', async () => {
    await card('WO-1001').first().click();
    const drawer = page.getByRole('dialog', { name: 'Work order WO-1001' });
    await drawer.getByRole('heading', { name: 'Details' }).waitFor();
    expect(await drawer.getByRole('note').textContent()).toBe(
      'Line 2 export is read-only here (an export file): change its work orders in the system it comes from; they arrive here with its next export.',
    );
    // Its fields are shown, not offered: no Save, every control disabled, and the form closes with Close.
    expect(await drawer.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await drawer.getByLabel('Status').isDisabled()).toBe(true);
    expect(await drawer.getByLabel('Assignee').isDisabled()).toBe(true);
    expect(await drawer.getByRole('button', { name: 'Close', exact: true }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });
});
