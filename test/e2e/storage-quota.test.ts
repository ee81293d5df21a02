// The cache against a real storage quota in Chromium: the origin's quota is cut small with the
// DevTools protocol (Storage.overrideQuotaForOrigin) before the app opens, so IndexedDB refuses
// the initial sync part-way with a real QuotaExceededError. The Connections page must say the
// storage is full and that syncing stopped, the cache must hold whole pages up to its cursor (and
// nothing past it), and once the quota is back and the user presses Sync now the cache must equal
// the plant. Beside it: the app asks for persistent storage, and the page says what it got.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import type { SyncCursor } from '../../shared/domain/sync-cursor';
import { chromiumArgs, launchChromium } from '../support/chromium';
import type { SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
const workOrderCount = 10_000;
/** Room for the reference data and a few thousand work orders (10,000 take about 12 MB in Chromium's IndexedDB). */
const smallQuota = 6 * 1024 * 1024;
let plant: RunningDemoPlant;
let webCli: SpawnedCli;
let appUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  plant = await startDemoPlant({ seed: 36, sizes: { workOrders: workOrderCount }, stateFile: null, changesPerMinute: 0 });
  webCli = spawnWebMode(plant.token, ['--port', '0', '--ephemeral', '--no-schedule', '--base-url', plant.url, '--history-days', 'all']);
  appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await webCli?.stop();
  await plant?.close();
});

/** A fresh profile's page, with the DevTools session that sets its origin's quota and permissions, not yet at the app. */
async function freshPage(): Promise<{ page: Page; cdp: CDPSession; origin: string }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  return { page, cdp: await context.newCDPSession(page), origin: new URL(appUrl).origin };
}

/** The page's work orders (key) and their cursor, read with IndexedDB itself. */
function readCache(page: Page): Promise<{ keys: string[]; cursor: SyncCursor | null }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('millwright');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = <R,>(store: string, call: (s: IDBObjectStore) => IDBRequest<R>) =>
      new Promise<R>((resolve, reject) => {
        const request = call(db.transaction(store, 'readonly').objectStore(store));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    try {
      const rows = (await read('workOrders', (s) => s.getAll())) as { key: string }[];
      const cursors = (await read('syncCursors', (s) => s.getAll())) as { entity: string; cursor: SyncCursor }[];
      return { keys: rows.map((row) => row.key), cursor: cursors.find((row) => row.entity === 'workOrders')?.cursor ?? null };
    } finally {
      db.close();
    }
  });
}

const card = (page: Page) => page.getByRole('listitem', { name: /^Connection / });

describe('the cache against a storage quota (Chromium, web mode)', () => {
  it('stops a sync that finds no room with a plain message and whole pages, then finishes after Sync now once there is room', async () => {
    const { page, cdp, origin } = await freshPage();
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: smallQuota });
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Connections', exact: true }).click();

    await expect.poll(() => card(page).getAttribute('data-status-kind'), { timeout: 120_000, interval: 250 }).toBe('storage_full');
    const sentence = (await card(page).locator('.status-sentence').textContent())!;
    expect(sentence).toMatch(/has no room left for .+'s data, so syncing it has stopped: what is shown is what was stored before\. Free disk space, then press Sync now\./);
    expect(sentence).not.toMatch(/STORAGE_FULL|QuotaExceeded|Dexie|IndexedDB/);
    await expect.poll(() => card(page).getByText('Storage full', { exact: true }).count()).toBe(1);

    // The storage panel says what the browser says of the origin's usage and quota. (Its estimate
    // does not follow the DevTools override, which only the writes meet.)
    const panel = page.getByRole('region', { name: 'Storage on this computer' });
    await expect.poll(() => panel.getAttribute('class')).toBe('cache-storage cache-storage-full');
    // Usage moves for a while after the sync stops (its history row, the database's own clean-up),
    // and the panel reads it again every 5 s: compared until the panel and the browser agree.
    const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
    await expect
      .poll(
        async () => {
          const estimate = await page.evaluate(() => navigator.storage.estimate());
          const text = (await panel.textContent()) ?? '';
          return new RegExp(`The local cache takes ${megabytes(estimate.usage!)} MB of the [\\d.,]+ GB this computer allows Millwright`).test(text) ? 'agrees' : text;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('agrees');
    await page.screenshot({ path: path.join(resultsDir, 'connections-storage-full.png') });

    // Nothing half-written: exactly the plant's work orders up to the kept cursor, no more.
    const { keys, cursor } = await readCache(page);
    expect(cursor).not.toBeNull();
    const upstream = plant.state.collections.workOrders.live().map((wo) => ({ key: String(wo.key), updatedAt: String(wo.updatedAt) }));
    const before = upstream.filter(
      (wo) => Date.parse(wo.updatedAt) < Date.parse(cursor!.updatedAt) || (Date.parse(wo.updatedAt) === Date.parse(cursor!.updatedAt) && cursor!.keysAtUpdatedAt.includes(wo.key)),
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThan(workOrderCount);
    expect(keys.sort()).toEqual(before.map((wo) => wo.key).sort());

    // Room again (the quota back to the browser's own), and the user syncs.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await card(page).getByRole('button', { name: 'Sync now', exact: true }).click();
    await expect.poll(() => card(page).getAttribute('data-status-kind'), { timeout: 120_000, interval: 250 }).toBe('online');
    const after = await readCache(page);
    expect(after.keys.sort()).toEqual(upstream.map((wo) => wo.key).sort());
    await expect.poll(() => panel.getAttribute('class')).toBe('cache-storage');
  });

  it('asks for persistent storage and says whether the system may clear the cache', async () => {
    const refused = await freshPage();
    await refused.page.goto(appUrl);
    await refused.page.getByRole('button', { name: 'Connections', exact: true }).click();
    const refusedPanel = refused.page.getByRole('region', { name: 'Storage on this computer' });
    await refusedPanel.waitFor();
    expect(await refused.page.evaluate(() => navigator.storage.persisted())).toBe(false);
    await expect.poll(() => refusedPanel.textContent()).toMatch(/Not protected: if the disk runs low, the system may clear the cache\./);

    // Granted, as Electron's permission handler grants it to the app's pages: the app's own request makes the storage persistent.
    // (A profile on disk: a private window's storage is never persistent, and DevTools grants reach the default profile.)
    const profile = await mkdtemp(path.join(tmpdir(), 'millwright-persist-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
    contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.grantPermissions', { origin: new URL(appUrl).origin, permissions: ['durableStorage'] });
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Connections', exact: true }).click();
    const grantedPanel = page.getByRole('region', { name: 'Storage on this computer' });
    await expect.poll(() => grantedPanel.textContent()).toMatch(/Kept until you delete it: the system does not clear it when the disk runs low\./);
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
    await rm(profile, { recursive: true, force: true });
  });
});
