// Webhooks in Chromium (web mode) against a demo plant in its own process, as a Makini account
// would be set up: the user copies the connection's webhook URL, pastes Makini's secret in its
// Settings, the plant sends signed webhooks there, and the board follows upstream changes with
// no sync running (schedules are off), while the Connections page counts the deliveries.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardCounts, waitForBoardTotal } from '../support/board-regions';
import { demoPlantControl } from '../support/demo-plant-control';
import { launchChromium } from '../support/chromium';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';
import { addRelayConnection, issueDesktopToken } from '../../electron/relay/relay-config';

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
const secret = 'makini-webhook-secret-for-the-e2e';
let plantCli: SpawnedCli;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;
let control: ReturnType<typeof demoPlantControl>;

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  plantCli = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', '41', '--work-orders', '150', '--ephemeral', '--changes-per-minute', '0']);
  const plantUrl = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  const token = (await plantCli.waitFor(/access token: (\S+)/))[1]!;
  control = demoPlantControl(plantUrl, token);
  webCli = spawnWebMode(token, ['--port', '0', '--ephemeral', '--no-schedule', '--base-url', plantUrl, '--history-days', 'all']);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(appUrl);
  await waitForBoardTotal(page, 150);
});

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await plantCli?.stop();
});

describe('webhooks in Chromium (web mode)', () => {
  it('takes the secret in Settings, then follows upstream changes on the board through webhooks alone', async () => {
    const before = nonZero(await boardCounts(page));
    await page.getByRole('button', { name: 'Connections' }).click();
    const panel = page.getByRole('region', { name: /^Webhooks of / });
    await expect.poll(() => panel.getByText('No webhook secret is set yet').isVisible()).toBe(true);
    const endpoint = (await panel.locator('code').textContent())!;
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/conn-/);

    await page.getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: /^Settings of / });
    await form.getByLabel('Webhook secret').fill('short');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('at least 8 characters');
    await form.getByLabel('Webhook secret').fill(secret);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => panel.getByText('No webhook secret is set yet').count()).toBe(0);

    // Makini's side: the webhook is created with that URL and secret; then work moves on upstream.
    await control.subscribeWebhook(endpoint, secret);
    await control.advanceWorkOrders(12);
    await expect.poll(async () => (await control.webhooks()).webhooks[0]?.stats.sent ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel.locator('.webhook-counters').textContent(), { timeout: 20_000 }).toMatch(/[1-9]\d* processed/);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'connections-webhooks.png') });

    await page.getByRole('button', { name: 'Board' }).click();
    const upstream = nonZero((await control.stats()).workOrdersByStatus);
    expect(upstream).not.toEqual(before);
    await expect.poll(async () => nonZero(await boardCounts(page)), { timeout: 20_000 }).toEqual(upstream);
  });

  it('collects webhooks through a relay set in Settings, and says so; when the relay goes away, says since when', async () => {
    const relayDir = await mkdtemp(path.join(tmpdir(), 'millwright-e2e-relay-'));
    const relaySecret = 'relay-side-webhook-secret-e2e';
    addRelayConnection(path.join(relayDir, 'relay-config.json'), 'north-mill', relaySecret);
    const desktopToken = issueDesktopToken(path.join(relayDir, 'relay-config.json'), 'desk-e2e', 'north-mill');
    const relay = spawnCli('electron/relay-main.ts', ['serve', '--dir', relayDir, '--port', '0']);
    try {
      const relayUrl = (await relay.waitFor(/relay listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
      // Makini now sends to the relay only.
      await control.clearWebhooks();
      await control.subscribeWebhook(`${relayUrl}/webhooks/north-mill`, relaySecret);

      await page.getByRole('button', { name: 'Connections' }).click();
      const panel = page.getByRole('region', { name: /^Webhooks of / });
      await expect.poll(() => panel.locator('.update-path').textContent()).toContain('Live: webhooks reach this computer');
      await page.getByRole('button', { name: 'Settings' }).click();
      const form = page.getByRole('form', { name: /^Settings of / });
      await form.getByLabel('Through a relay').check();
      await form.getByLabel('Relay address').fill(relayUrl);
      await form.getByLabel('Desktop token').fill('mwr_desk-e2e.not-the-token');
      await form.getByRole('button', { name: 'Test relay' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toContain('Paste the whole desktop token');
      await form.getByLabel('Desktop token').fill(desktopToken);
      await form.getByRole('button', { name: 'Test relay' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toContain('The relay accepts this desktop (“desk-e2e”) for its connection “north-mill”');
      await page.screenshot({ path: path.join(resultsDir, 'connections-relay-settings.png') });
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      // Linked, but nothing has come through the relay yet: connected, not live.
      await expect.poll(() => panel.locator('.update-path').textContent()).toContain('Connected to the relay');
      expect(await panel.locator('code').textContent()).toBe(`${relayUrl}/webhooks/north-mill`);

      const processedBefore = Number(/(\d[\d,]*) processed/.exec((await panel.locator('.webhook-counters').textContent())!)![1]!.replace(/,/g, ''));
      await control.advanceWorkOrders(8);
      await expect.poll(async () => Number(/(\d[\d,]*) processed/.exec((await panel.locator('.webhook-counters').textContent())!)![1]!.replace(/,/g, '')), { timeout: 20_000 }).toBeGreaterThan(processedBefore);
      await expect.poll(() => panel.locator('.update-path').textContent()).toContain('Live through the relay');
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(resultsDir, 'connections-relay-live.png') });

      await relay.stop();
      await expect.poll(() => panel.locator('.update-path').textContent(), { timeout: 20_000 }).toMatch(/Relay unreachable since \d{1,2}:\d{2}.* — no sync scheduled/);
      await page.screenshot({ path: path.join(resultsDir, 'connections-relay-unreachable.png') });

      await page.getByRole('button', { name: 'Board' }).click();
      const upstream = nonZero((await control.stats()).workOrdersByStatus);
      await expect.poll(async () => nonZero(await boardCounts(page)), { timeout: 20_000 }).toEqual(upstream);
    } finally {
      await relay.stop();
      await rm(relayDir, { recursive: true, force: true });
    }
  });
});
