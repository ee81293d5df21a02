import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardTotal as boardTotalOf, waitForBoardTotal } from '../support/board-regions';
import { launchChromium } from '../support/chromium';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let plantCli: SpawnedCli;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;
let plantUrl: string;

const chip = (name: string) => page.getByRole('listitem', { name: `Connection ${name}` }).locator('.connection-status-pill');
const boardTotal = () => boardTotalOf(page);

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  plantCli = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', '31', '--work-orders', '200', '--ephemeral', '--changes-per-minute', '0']);
  plantUrl = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  webCli = spawnCli('electron/web-main.ts', ['--port', '0', '--ephemeral', '--no-schedule', '--seed', '1', '--work-orders', '400', '--changes-per-minute', '0']);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(appUrl);
  await waitForBoardTotal(page, 400);
});

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await plantCli?.stop();
});

describe('connections in Chromium (web mode)', () => {
  it('adds a second demo plant through the dialog and shows both plants\' cards on the board', async () => {
    await page.getByRole('button', { name: 'Connections' }).click();
    await page.getByRole('button', { name: 'Add connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add connection' });
    await dialog.getByLabel('Name (optional)').fill('North Bay plant');
    await dialog.getByLabel('Seed').fill('2');
    await dialog.getByLabel('Work orders').fill('300');
    // The first sync's history window is chosen here, with what it means.
    const history = dialog.getByLabel('History to read on the first sync');
    expect(await history.inputValue()).toBe('all');
    await history.selectOption('60');
    expect(await dialog.locator('#add-history-days-meaning').textContent()).toContain('changed in the last 60 days, plus every open one whatever its age');
    // Back to everything: the board below counts every work order of the plant.
    await history.selectOption('all');
    expect(await dialog.locator('#add-history-days-meaning').textContent()).toContain('reads every work order and purchase order the plant has');
    await page.screenshot({ path: path.join(resultsDir, 'add-connection-dialog.png') });
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => chip('North Bay plant').textContent(), { timeout: 60_000 }).toMatch(/^(Connected|Live)$/);
    await expect.poll(() => chip('Demo plant').textContent()).toMatch(/^(Connected|Live)$/);
    await page.screenshot({ path: path.join(resultsDir, 'connections-two-plants.png') });
    // The window chosen in the dialog is the connection's.
    await page.getByRole('group', { name: 'Actions for North Bay plant' }).getByRole('button', { name: 'Settings' }).click();
    expect(await page.getByRole('form', { name: 'Settings of North Bay plant' }).getByLabel('History to read on the first sync').inputValue()).toBe('all');
    await page.getByRole('form', { name: 'Settings of North Bay plant' }).getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Board' }).click();
    await expect.poll(boardTotal, { timeout: 60_000 }).toBe(700);
    const plants = await page.locator('.card-plant').evaluateAll((els) => [...new Set(els.map((el) => el.textContent))].sort());
    expect(plants).toEqual(['Demo plant', 'North Bay plant']);
    await page.getByRole('combobox', { name: 'Plant' }).selectOption({ label: 'North Bay plant' });
    await expect.poll(boardTotal).toBe(300);
    await page.getByRole('combobox', { name: 'Plant' }).selectOption({ label: 'All plants' });
    await expect.poll(boardTotal).toBe(700);
    await page.screenshot({ path: path.join(resultsDir, 'board-two-plants.png') });
  });

  it('turns a plant\'s chip to needs-reauth when its credentials change, and back after reauthorizing', async () => {
    await page.getByRole('button', { name: 'Connections' }).click();
    await page.getByRole('group', { name: 'Actions for North Bay plant' }).getByRole('button', { name: 'Simulate credential change' }).click();
    await expect.poll(() => chip('North Bay plant').textContent(), { timeout: 30_000 }).toBe('Needs reauthorization');
    expect(await chip('Demo plant').textContent()).toMatch(/^(Connected|Live)$/);
    await expect.poll(() => page.locator('.toast[data-status-kind="needs_reauth"]').first().textContent()).toContain('North Bay plant: Needs reauthorization');
    await page.screenshot({ path: path.join(resultsDir, 'connection-needs-reauth.png') });

    await page.getByRole('group', { name: 'Actions for North Bay plant' }).getByRole('button', { name: 'Reauthorize' }).click();
    await page.getByRole('dialog', { name: 'Reauthorize North Bay plant' }).getByRole('button', { name: 'Reauthorize' }).click();
    await expect.poll(() => chip('North Bay plant').textContent(), { timeout: 30_000 }).toMatch(/^(Connected|Live)$/);
  });

  it('explains bad input in the dialog and leaves the existing connections alone', async () => {
    await page.getByRole('button', { name: 'Add connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add connection' });
    await dialog.getByText('Connection token', { exact: true }).click();
    expect(await dialog.getByLabel('History to read on the first sync').inputValue()).toBe('90');
    await dialog.getByLabel('API address').fill('not a url');
    await dialog.getByLabel('Access token').fill('short');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => dialog.locator('.field-error').allTextContents()).toEqual([
      'Enter a full http(s) address, e.g. https://api.makini.io',
      'That token is too short to be a Makini access token.',
    ]);

    await dialog.getByLabel('API address').fill('http://127.0.0.1:1');
    await dialog.getByLabel('Access token').fill('a'.repeat(32));
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('Could not reach 127.0.0.1:1');

    await dialog.getByLabel('API address').fill(plantUrl);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/refused this token.*\(request id [0-9a-f-]{36}\)$/);
    await page.screenshot({ path: path.join(resultsDir, 'add-connection-refused-token.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('listitem', { name: /^Connection / }).count()).toBe(2);
  });

  it('disconnects a plant, keeps its cards read-only, then deletes its data after confirmation', async () => {
    const actions = page.getByRole('group', { name: 'Actions for North Bay plant' });
    await actions.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('dialog', { name: 'Disconnect North Bay plant?' }).getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => chip('North Bay plant').textContent()).toBe('Disconnected');

    await page.getByRole('button', { name: 'Board' }).click();
    await expect.poll(boardTotal).toBe(700);
    expect(await page.locator('.card.read-only').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Connections' }).click();
    await page.getByRole('group', { name: 'Actions for North Bay plant' }).getByRole('button', { name: 'Delete data' }).click();
    await page.getByRole('dialog', { name: 'Delete the data of North Bay plant?' }).getByRole('button', { name: 'Delete data' }).click();
    // Deleting every entity's records of a plant takes a moment in IndexedDB.
    await expect.poll(() => page.getByRole('listitem', { name: /^Connection / }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Board' }).click();
    await expect.poll(boardTotal).toBe(400);
  });
});
