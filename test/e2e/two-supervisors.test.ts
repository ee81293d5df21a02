// Two supervisors, one plant (issue 19): two web-mode instances with their own profiles (own
// settings, own browser context and IndexedDB) edit the same work order while one is offline. The
// one whose edit lost sees the conflict with both values on Pending changes and keeps theirs over
// it ("Keep mine"); the plant applies each write once, and both desktops end up showing the plant.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { CuttableLink } from '../support/cuttable-link';
import { RestartableDemoPlant } from '../support/restartable-demo-plant';
import type { SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

interface PlantWorkOrder {
  key: string;
  code: string;
  severity: string | null;
}
interface Desktop {
  link: CuttableLink;
  web: SpawnedCli;
  context: BrowserContext;
  page: Page;
}

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let home: string;
let plant: RestartableDemoPlant;
let browser: Browser;
let alice: Desktop;
let bob: Desktop;

async function desktop(): Promise<Desktop> {
  // Each desktop reaches the plant over its own link, so one can be taken offline alone.
  const link = await CuttableLink.start(plant.port);
  const web = spawnWebMode(plant.token, ['--port', '0', '--ephemeral', '--base-url', link.url, '--history-days', 'all', '--probe-seconds', '1']);
  const appUrl = (await web.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.locator('.board article').first().waitFor({ timeout: 60_000 });
  return { link, web, context, page };
}

const drawer = (page: Page) => page.getByRole('dialog', { name: /^Work order WO-\d+$/ });
const card = (page: Page, key: string) => page.locator(`.board article[data-work-order-key="${key}"]`);
const offline = (page: Page) => page.getByRole('status', { name: 'Offline' });
const upstream = async (key: string) => (await plant.get<{ data: PlantWorkOrder }>(`/api/eam/work-orders/${key}`)).data;

async function setSeverity(page: Page, key: string, severity: string) {
  await card(page, key).click();
  await drawer(page).getByLabel('Severity').selectOption(severity);
  await drawer(page).getByRole('button', { name: 'Save' }).click();
  await drawer(page).locator('.drawer-saved').waitFor();
  await page.keyboard.press('Escape');
  await drawer(page).waitFor({ state: 'detached' });
}

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-two-'));
  plant = new RestartableDemoPlant({ stateFile: path.join(home, 'plant.json'), seed: 23, workOrders: 120 });
  await plant.start();
  browser = await launchChromium();
  alice = await desktop();
  bob = await desktop();
});

afterAll(async () => {
  for (const one of [alice, bob]) {
    await one?.context.close();
    await one?.web.stop();
    await one?.link.close();
  }
  await browser?.close();
  await plant?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('two supervisors edit one work order, one of them offline (Chromium, two web-mode instances)', () => {
  it('surfaces the clash once, to the one whose edit lost, with both values; keeping mine reaches the plant once and both boards agree', async () => {
    const key = (await alice.page.locator('.board article').first().getAttribute('data-work-order-key'))!;
    await card(bob.page, key).waitFor();
    const before = (await upstream(key)).severity;
    const [bobs, alices] = before === 'Critical' ? ['High', 'Low'] : before === 'Low' ? ['Critical', 'High'] : ['Critical', 'Low'];

    // Bob's laptop leaves the network; he raises the severity, which waits on his desktop.
    bob.link.cut();
    await offline(bob.page).waitFor({ timeout: 15_000 });
    await setSeverity(bob.page, key, bobs);
    await expect.poll(() => card(bob.page, key).getAttribute('data-pending')).toBe('true');

    // Meanwhile Alice, online, sets another severity: it reaches the plant.
    await setSeverity(alice.page, key, alices);
    await expect.poll(async () => (await upstream(key)).severity, { timeout: 30_000 }).toBe(alices);
    await expect.poll(() => card(alice.page, key).getAttribute('data-pending'), { timeout: 30_000 }).toBeNull();

    // Bob is back: his edit meets hers, and he is asked, once, with both values.
    bob.link.restore();
    await offline(bob.page).waitFor({ state: 'detached', timeout: 30_000 });
    await bob.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Pending changes/ }).click();
    const conflict = bob.page.getByRole('listitem', { name: /^Conflict: / });
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.count()).toBe(1);
    const row = conflict.getByRole('row', { name: /^Severity/ });
    expect(await row.locator('.value-mine strong').textContent()).toBe(bobs);
    expect(await row.locator('.value-theirs strong').textContent()).toBe(alices);
    // The plant kept Alice's value: nothing of Bob's was written over it.
    expect((await upstream(key)).severity).toBe(alices);
    // Alice, whose edit went through, is asked nothing.
    await alice.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Pending changes/ }).click();
    expect(await alice.page.getByRole('listitem', { name: /^Conflict: / }).count()).toBe(0);
    await bob.page.screenshot({ path: path.join(resultsDir, 'two-supervisors-conflict.png') });

    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await conflict.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(async () => (await upstream(key)).severity, { timeout: 30_000 }).toBe(bobs);

    // Each desktop's edit was applied once: one write each, no key twice.
    const writes = (await plant.request<{ applied: { idempotencyKey: string | null; key: string }[] }>('GET', '/__control/writes')).applied.filter((write) => write.key === key);
    expect(writes).toHaveLength(2);
    expect(new Set(writes.map((write) => write.idempotencyKey)).size).toBe(2);

    // Alice syncs and sees what the plant holds; both boards agree.
    await alice.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Board/ }).click();
    await bob.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Board/ }).click();
    await alice.page.getByRole('button', { name: 'Sync now', exact: true }).first().click();
    for (const page of [alice.page, bob.page]) {
      await expect.poll(() => card(page, key).locator('.severity').textContent(), { timeout: 30_000 }).toBe(bobs);
      await expect.poll(() => card(page, key).getAttribute('data-pending'), { timeout: 30_000 }).toBeNull();
    }
    await alice.page.screenshot({ path: path.join(resultsDir, 'two-supervisors-converged.png') });
  });
});
