import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { demoPlantControl } from '../support/demo-plant-control';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
const day = 86_400_000;
let plantCli: SpawnedCli;
let webCli: SpawnedCli;
let plantUrl: string;
let plantToken: string;
let browser: Browser;
let page: Page;
let control: ReturnType<typeof demoPlantControl>;

interface WireTrigger {
  type?: string;
  interval?: string;
  recurring?: string;
  condition?: string;
  meterKey?: string;
}
interface WirePlan {
  key: string;
  title: string;
  assetKeys: string[];
  dueAt: string;
  triggers: WireTrigger[];
}
interface WireWorkOrder {
  key: string;
  code: string;
  assetKey: string;
  pmKey?: string;
  scheduledAt: string;
  dueAt: string;
  completedAt?: string;
  laborAssignedKey?: string | null;
  teamKey?: string | null;
}
interface WireLabor {
  key: string;
  name: string;
  teamKey: string | null;
  isActive: boolean;
}
interface WireReading {
  meterKey: string;
  reading: string;
  createdAt: string;
}

/** Every record of a list, read straight from the demo plant's API, page by page. */
async function list<T>(route: string): Promise<T[]> {
  const records: T[] = [];
  for (let pageNo = 1; ; pageNo++) {
    const response = await fetch(`${plantUrl}/api/eam/${route}?per_page=1000&page=${pageNo}`, { headers: { authorization: `Bearer ${plantToken}` } });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: T[] };
    records.push(...data);
    if (data.length < 1000) return records;
  }
}

async function workOrder(key: string): Promise<WireWorkOrder> {
  const response = await fetch(`${plantUrl}/api/eam/work-orders/${key}`, { headers: { authorization: `Bearer ${plantToken}` } });
  return ((await response.json()) as { data: WireWorkOrder }).data;
}

/** Calendar arithmetic in UTC (the browser runs in UTC too): days, weeks, or months with month ends clamped. */
function addInterval(ms: number, count: number, unit: string): number {
  if (unit === 'days') return ms + count * day;
  if (unit === 'weeks') return ms + count * 7 * day;
  expect(unit).toBe('months');
  const date = new Date(ms);
  const dayOfMonth = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + count);
  date.setUTCDate(Math.min(dayOfMonth, new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()));
  return date.getTime();
}

/** Counts of the records in the browser's cache (IndexedDB, read without the app's code). */
function cachedCounts(target: Page, stores: string[]): Promise<Record<string, number>> {
  return target.evaluate(
    (names) =>
      new Promise<Record<string, number>>((resolve) => {
        const open = indexedDB.open('millwright');
        open.onerror = () => resolve({});
        open.onsuccess = () => {
          const db = open.result;
          const present = names.filter((name) => db.objectStoreNames.contains(name));
          if (present.length === 0) {
            db.close();
            resolve({});
            return;
          }
          const tx = db.transaction(present, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of present) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
    stores,
  );
}

async function findAsset(name: string) {
  const search = page.getByRole('searchbox', { name: 'Find an asset or location' });
  await search.fill(name);
  const row = page.getByRole('row', { name, exact: true });
  await row.waitFor();
  return row;
}

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  plantCli = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', '5', '--ephemeral', '--changes-per-minute', '0']);
  plantUrl = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  plantToken = (await plantCli.waitFor(/access token: (\S+)/))[1]!;
  control = demoPlantControl(plantUrl, plantToken);
  webCli = spawnWebMode(plantToken, ['--port', '0', '--ephemeral', '--no-schedule', '--base-url', plantUrl, '--history-days', 'all']);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/))[1]!;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 960 }, timezoneId: 'UTC', locale: 'en-GB' });
  await page.goto(appUrl);
  const { counts } = await control.stats();
  const expected = { workOrders: counts['work-orders'], pmPlans: counts.pm, meterReadings: counts['meter-readings'], assets: counts.assets, labors: counts.labors };
  // The first sync is done when the cache holds what the plant does.
  const deadline = Date.now() + 90_000;
  let cached: Record<string, number> = {};
  while (JSON.stringify((cached = await cachedCounts(page, Object.keys(expected)))) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) throw new Error(`first sync did not finish: cached ${JSON.stringify(cached)}, plant ${JSON.stringify(expected)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await page.getByRole('button', { name: 'Schedule' }).click();
  await page.getByRole('table', { name: 'Asset schedule' }).waitFor();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await plantCli?.stop();
});

describe('asset schedule in Chromium (web mode)', () => {
  it('projects the due dates of fixed, floating and meter-based PM plans from their triggers', async () => {
    const [plans, workOrders, readings] = await Promise.all([list<WirePlan>('pm'), list<WireWorkOrder>('work-orders'), list<WireReading>('meter-readings')]);
    const assets = new Map((await list<{ key: string; name: string }>('assets')).map((asset) => [asset.key, asset.name]));
    const now = Date.now();
    // The schedule at 12 weeks: from this week's Monday (UTC) for 84 days.
    const today = new Date(now);
    const windowStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - ((today.getUTCDay() + 6) % 7) * day;
    const windowEnd = windowStart + 84 * day;
    const lastCompletion = new Map<string, number>();
    const withOpenWork = new Set<string>();
    for (const wo of workOrders) {
      if (!wo.pmKey) continue;
      if (wo.completedAt) lastCompletion.set(wo.pmKey, Math.max(lastCompletion.get(wo.pmKey) ?? 0, Date.parse(wo.completedAt)));
      else withOpenWork.add(wo.pmKey);
    }
    // Plans with no open work order, whose projected dates the schedule draws as they are.
    const candidates = plans.filter((plan) => !withOpenWork.has(plan.key));

    const fixedPlan = candidates.find((plan) => plan.triggers[0]!.type === 'time' && plan.triggers[0]!.condition === 'fixed schedule' && plan.triggers[0]!.recurring !== 'months' && Date.parse(plan.dueAt) >= now);
    const floatingPlan = candidates.find((plan) => plan.triggers[0]!.condition?.startsWith('floating') && addInterval(lastCompletion.get(plan.key)!, Number(plan.triggers[0]!.interval), plan.triggers[0]!.recurring!) > now);
    expect(fixedPlan, 'a fixed plan due ahead with no open work').toBeDefined();
    expect(floatingPlan, 'a floating plan due ahead with no open work').toBeDefined();

    const fixedTrigger = fixedPlan!.triggers[0]!;
    const fixedDates: number[] = [];
    for (let k = 0; ; k++) {
      const due = addInterval(Date.parse(fixedPlan!.dueAt), k * Number(fixedTrigger.interval), fixedTrigger.recurring!);
      if (due >= windowEnd) break;
      if (due >= windowStart) fixedDates.push(due);
    }

    const floatingTrigger = floatingPlan!.triggers[0]!;
    // Floating: the last completion + the interval, then every interval from that due date.
    const floatingDates: number[] = [];
    const firstFloating = addInterval(lastCompletion.get(floatingPlan!.key)!, Number(floatingTrigger.interval), floatingTrigger.recurring!);
    for (let k = 0; ; k++) {
      const due = addInterval(firstFloating, k * Number(floatingTrigger.interval), floatingTrigger.recurring!);
      if (due >= windowEnd) break;
      floatingDates.push(due);
    }

    // Meter-based: the reading at the last completion + the interval (else the next multiple), dated at the rate of the last 90 days.
    let meterPlan: WirePlan | undefined;
    let meterDues: { reading: number; at: number }[] = [];
    for (const plan of candidates) {
      const trigger = plan.triggers[0]!;
      if (trigger.type !== 'meter') continue;
      const points = readings
        .filter((reading) => reading.meterKey === trigger.meterKey)
        .map((reading) => ({ at: Date.parse(reading.createdAt), value: Number(reading.reading) }))
        .sort((a, b) => a.at - b.at);
      const last = points.at(-1)!;
      const first = points.find((point) => point.at >= last.at - 90 * day)!;
      const perMs = (last.value - first.value) / (last.at - first.at);
      const every = Number(trigger.interval);
      const completed = lastCompletion.get(plan.key);
      const atCompletion = completed === undefined ? undefined : points.filter((point) => point.at <= completed).at(-1);
      const firstDue = atCompletion ? atCompletion.value + every : (Math.floor(last.value / every) + 1) * every;
      if (firstDue <= last.value) continue;
      const dues: { reading: number; at: number }[] = [];
      for (let reading = firstDue; last.at + (reading - last.value) / perMs < windowEnd; reading += every) dues.push({ reading, at: last.at + (reading - last.value) / perMs });
      if (dues.length >= 1 && dues[0]!.at >= windowStart) {
        meterPlan = plan;
        meterDues = dues;
        break;
      }
    }
    expect(meterPlan, 'a meter-based plan due within twelve weeks').toBeDefined();

    await page.getByRole('radio', { name: '12 weeks' }).click();
    // The horizon and the window stay as they were left when the supervisor comes back.
    const range = await page.locator('.schedule-range').textContent();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
    await page.locator('.schedule-range').waitFor();
    expect(await page.getByRole('radio', { name: '12 weeks' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('.schedule-range').textContent()).toBe(range);
    const shown = async (plan: WirePlan) => {
      const assetName = assets.get(plan.assetKeys[0]!)!;
      const row = await findAsset(assetName);
      return row.locator(`[data-pm-key="${plan.key}"]`).evaluateAll((bars) => bars.map((bar) => Date.parse(bar.getAttribute('data-due-at')!)).sort((a, b) => a - b));
    };
    expect(fixedDates.length).toBeGreaterThan(0);
    expect(await shown(fixedPlan!)).toEqual(fixedDates);
    expect(floatingDates.length).toBeGreaterThan(0);
    expect(await shown(floatingPlan!)).toEqual(floatingDates);
    const meterShown = await shown(meterPlan!);
    expect(meterShown).toHaveLength(meterDues.length);
    meterShown.forEach((at, i) => expect(Math.abs(at - meterDues[i]!.at)).toBeLessThan(1000));

    // The meter-based bar says what reading it is due at; its details, how it was projected.
    const meterBar = page.locator(`[data-pm-key="${meterPlan!.key}"]`).first();
    expect(await meterBar.getAttribute('data-due-reading')).toBe(String(meterDues[0]!.reading));
    await meterBar.click();
    const details = page.getByRole('complementary', { name: 'Selected booking' });
    await expect.poll(() => details.textContent()).toContain(`Due at${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(meterDues[0]!.reading)}`);
    expect(await details.textContent()).toContain('Last reading');

    console.log(
      `PM plans checked: fixed ${fixedPlan!.title} ${fixedDates.map((d) => new Date(d).toISOString()).join(', ')}; floating ${floatingPlan!.title} ${floatingDates.map((d) => new Date(d).toISOString()).join(', ')}; meter ${meterPlan!.title} ${meterDues.map((d) => `${d.reading}@${new Date(d.at).toISOString()}`).join(', ')}`,
    );
  });

  it('reschedules a work order by dragging its bar, and with the keyboard; the plant gets the new dates', async () => {
    await page.getByRole('radio', { name: '4 weeks' }).click();
    await page.getByRole('button', { name: 'Close details' }).click().catch(() => undefined);
    const now = Date.now();
    const workOrders = await list<WireWorkOrder>('work-orders');
    const assets = new Map((await list<{ key: string; name: string }>('assets')).map((asset) => [asset.key, asset.name]));
    const target = workOrders.find((wo) => !wo.completedAt && Date.parse(wo.scheduledAt) > now + day && Date.parse(wo.scheduledAt) < now + 7 * day && Date.parse(wo.dueAt) - Date.parse(wo.scheduledAt) > 3 * day);
    expect(target).toBeDefined();
    const row = await findAsset(assets.get(target!.assetKey)!);
    const bar = row.locator(`[data-work-order-key="${target!.key}"]`);
    await bar.scrollIntoViewIfNeeded();
    const box = (await bar.boundingBox())!;
    const track = (await page.locator('.head-track').boundingBox())!;
    const dayWidth = track.width / 28;

    await page.mouse.move(box.x + 12, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 12 + dayWidth * 1.5, box.y + box.height / 2, { steps: 6 });
    await page.mouse.move(box.x + 12 + dayWidth * 3.1, box.y + box.height / 2 + 4, { steps: 6 });
    await page.mouse.up();

    const moved = (days: number) => ({ scheduledAt: Date.parse(target!.scheduledAt) + days * day, dueAt: Date.parse(target!.dueAt) + days * day });
    const upstream = async () => {
      const now = await workOrder(target!.key);
      return { scheduledAt: Date.parse(now.scheduledAt), dueAt: Date.parse(now.dueAt) };
    };
    await expect.poll(upstream, { timeout: 15_000 }).toEqual(moved(3));
    await expect.poll(() => bar.getAttribute('data-scheduled-at')).not.toBe(target!.scheduledAt);

    // Keyboard: Space picks it up, → twice moves it two days, Space drops it.
    // The keyboard sensor starts listening for arrows in a task it queues when Space picks the bar up, and Chromium runs
    // input before timers: so wait for this bar to be picked up (the live region still says "Picked up" from the mouse
    // drag, so it cannot tell), then for a task queued after the sensor's, before pressing an arrow.
    const liveRegion = page.locator('.schedule-sr-only');
    await bar.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => bar.getAttribute('class'), { timeout: 10_000 }).toContain('is-dragging');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => liveRegion.textContent(), { timeout: 10_000 }).toBe('Later by 1 day');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => liveRegion.textContent(), { timeout: 10_000 }).toBe('Later by 2 days');
    await page.keyboard.press('Space');
    await expect.poll(upstream, { timeout: 15_000 }).toEqual(moved(5));
    // Two edits queued, both sent and settled: nothing left waiting in the outbox.
    await expect.poll(() => page.evaluate(() => new Promise<string[]>((resolve) => {
      const open = indexedDB.open('millwright');
      open.onsuccess = () => {
        const request = open.result.transaction('outbox').objectStore('outbox').getAll();
        request.onsuccess = () => {
          open.result.close();
          resolve((request.result as { key: string; state: string }[]).map((operation) => `${operation.key}:${operation.state}`));
        };
      };
    })), { timeout: 15_000 }).toEqual([`${target!.key}:done`, `${target!.key}:done`]);
  });

  it('gives a work order to a technician by dragging its bar onto their row, and from a day of the workload; the plant gets each', async () => {
    await page.getByRole('button', { name: 'Today' }).click();
    await page.getByRole('radio', { name: '4 weeks' }).click();
    const now = Date.now();
    const workOrders = await list<WireWorkOrder>('work-orders');
    const assets = new Map((await list<{ key: string; name: string }>('assets')).map((asset) => [asset.key, asset.name]));
    const labors = (await list<WireLabor>('labors')).filter((labor) => labor.isActive && labor.teamKey !== null);
    // Open, on an asset, starting this week and not overlapping another bar's lane; and an active technician not on it yet.
    const target = workOrders.find((wo) => !wo.completedAt && wo.assetKey && Date.parse(wo.scheduledAt) > now + day && Date.parse(wo.scheduledAt) < now + 6 * day && Date.parse(wo.dueAt) - Date.parse(wo.scheduledAt) < 2 * day);
    expect(target).toBeDefined();
    const technician = labors.find((labor) => labor.key !== target!.laborAssignedKey)!;
    const row = await findAsset(assets.get(target!.assetKey)!);
    const bar = row.locator(`[data-work-order-key="${target!.key}"]`);
    await bar.scrollIntoViewIfNeeded();
    const personRow = page.locator(`.person-load-row[data-labor-key="${technician.key}"]`);
    // In the middle of the workload, clear of the edges where dragging scrolls it.
    await personRow.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const box = (await bar.boundingBox())!;
    const track = (await page.locator('.head-track').boundingBox())!;
    const dayWidth = track.width / 28;
    const rowBox = (await personRow.boundingBox())!;

    // Down on the bar, over the technician's row two days later, and drop: theirs, from that day.
    // The day is the column under the pointer, so aim at the middle of the column two after the
    // bar's first: an offset from the bar's left edge would land a day later for a bar that
    // starts late in its day (the plant's times of day follow the clock the test runs at).
    const firstColumn = Math.floor((box.x - track.x) / dayWidth + 1e-6);
    await page.mouse.move(box.x + 6, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 6 + dayWidth * 0.5, box.y + box.height / 2 + 20, { steps: 5 });
    await page.mouse.move(track.x + (firstColumn + 2.5) * dayWidth, rowBox.y + rowBox.height / 2, { steps: 10 });
    await expect.poll(() => page.locator('.drag-hint').textContent()).toContain(`${target!.code} → ${technician.name}`);
    await expect.poll(() => personRow.locator('.load-cell.is-drop-target').count()).toBe(1);
    await page.mouse.up();

    const upstream = async () => {
      const now = await workOrder(target!.key);
      return { laborAssignedKey: now.laborAssignedKey ?? null, scheduledAt: Date.parse(now.scheduledAt) };
    };
    await expect.poll(upstream, { timeout: 15_000 }).toEqual({ laborAssignedKey: technician.key, scheduledAt: Date.parse(target!.scheduledAt) + 2 * day });

    // The technician's day now holds it: open that day, and hand it on to someone else from there.
    const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(target!.scheduledAt) + 2 * day);
    await personRow.getByRole('button', { name: new RegExp(`^${technician.name}, ${dayLabel}: `) }).click();
    const dialog = page.getByRole('dialog');
    const entry = dialog.locator(`[data-work-order-key="${target!.key}"]`);
    await expect.poll(() => entry.textContent()).toContain(technician.name);
    const next = labors.find((labor) => labor.key !== technician.key && labor.key !== target!.laborAssignedKey)!;
    await entry.getByRole('combobox', { name: `Assign ${target!.code} to` }).selectOption(next.key);
    await entry.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(upstream, { timeout: 15_000 }).toEqual({ laborAssignedKey: next.key, scheduledAt: Date.parse(target!.scheduledAt) + 2 * day });
    // Gone from this technician's day as soon as it is queued: the dialog reads the same loads as the row.
    await expect.poll(() => entry.count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('creates a work order on an asset from a day of its row; the plant gets it on that asset and day, and the toast opens it', async () => {
    await page.getByRole('button', { name: 'Today' }).click();
    await page.getByRole('radio', { name: '4 weeks' }).click();
    const assets = await list<{ key: string; name: string }>('assets');
    const asset = assets[0]!;
    const row = await findAsset(asset.name);
    const track = row.locator('.row-track');
    const box = (await track.boundingBox())!;
    const headCells = page.locator('.head-cell');
    const dayBox = (await headCells.nth(10).boundingBox())!;
    // An empty spot of that day: the row's top edge, where no bar lies.
    await page.mouse.click(dayBox.x + dayBox.width / 2, box.y + 2);
    const dialog = page.getByRole('dialog', { name: 'New work order' });
    await dialog.waitFor();
    // The plant's assets are read from the cache as the dialog opens.
    await expect.poll(() => dialog.getByRole('combobox', { name: /^Asset/ }).inputValue()).toBe(asset.name);
    const scheduled = await dialog.getByLabel(/^Scheduled/).inputValue();
    expect(scheduled).toMatch(/T08:00$/);
    const title = `Check anchor bolts ${Date.now() % 100000}`;
    await dialog.getByLabel(/^Title/).fill(title);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    const created = async () => (await list<WireWorkOrder & { title: string }>('work-orders')).find((wo) => wo.title === title);
    await expect.poll(async () => (await created())?.assetKey, { timeout: 30_000 }).toBe(asset.key);
    expect(new Date((await created())!.scheduledAt).toISOString().slice(0, 16)).toBe(scheduled);
    // The toast's button opens its details on the Board, under the plant's code.
    await page.locator('.toast', { hasText: title }).getByRole('button', { name: 'Open it' }).click();
    await page.getByRole('dialog', { name: `Work order ${(await created())!.code}` }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('table', { name: 'Asset schedule' }).waitFor();
  });

  it("draws a plant's change that arrives mid-scroll once the scrolling pauses", async () => {
    await page.getByRole('searchbox', { name: 'Find an asset or location' }).fill('');
    await page.getByRole('button', { name: 'Today' }).click();
    const bar = page.locator('.schedule-body .bar.bar-wo').first();
    await bar.waitFor();
    const key = (await bar.getAttribute('data-work-order-key'))!;
    const shown = page.locator(`.schedule-body .bar-wo[data-work-order-key="${key}"] .bar-title`);
    const before = (await shown.textContent())!;
    const title = `Re-torque flange bolts ${Date.now() % 100000}`;
    const response = await fetch(`${plantUrl}/api/eam/work-orders/${key}`, { method: 'PUT', headers: { authorization: `Bearer ${plantToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
    expect(response.status).toBe(200);
    // A wheel's worth of scrolling, a pixel down and back up each frame, until told to stop.
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="schedule-scroll"]')!;
      const flags = window as unknown as { keepScrolling: boolean };
      flags.keepScrolling = true;
      let step = 1;
      const frame = () => {
        scroller.scrollTop += step;
        step = -step;
        if (flags.keepScrolling) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.getByRole('button', { name: 'Sync now', exact: true }).first().click();
    const cachedTitle = () =>
      page.evaluate(
        (wanted) =>
          new Promise<string | null>((resolve) => {
            const open = indexedDB.open('millwright');
            open.onsuccess = () => {
              const db = open.result;
              const request = db.transaction('workOrders', 'readonly').objectStore('workOrders').getAll();
              request.onsuccess = () => {
                db.close();
                resolve((request.result as { key: string; title: string }[]).find((record) => record.key === wanted)?.title ?? null);
              };
            };
          }),
        key,
      );
    // The cache has the new title; the scrolled timeline still draws the one from before it began.
    await expect.poll(cachedTitle, { timeout: 30_000 }).toBe(title);
    await page.waitForTimeout(800);
    expect(await shown.textContent()).toBe(before);
    await page.evaluate(() => ((window as unknown as { keepScrolling: boolean }).keepScrolling = false));
    await expect.poll(() => shown.textContent(), { timeout: 5_000 }).toBe(title);
  });

  it('prints every asset packed onto the paper: rows as tall as their lanes there, each bar inside its row', async () => {
    await page.getByRole('searchbox', { name: 'Find an asset or location' }).fill('');
    const rows = page.locator('.schedule-body .asset-row');
    const assets = (await list<{ key: string }>('assets')).length;
    expect(await rows.count()).toBeLessThan(assets);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.schedule-body .asset-row')].map((row) => {
        const box = row.getBoundingClientRect();
        const bars = [...row.querySelectorAll<HTMLElement>('.bar')].map((bar) => bar.getBoundingClientRect());
        return { height: box.height, lanes: new Set(bars.map((bar) => Math.round(bar.top))).size, inside: bars.every((bar) => bar.top >= box.top - 0.5 && bar.bottom <= box.bottom + 0.5) };
      }),
    );
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: null });
    // Every asset row is on paper, 15 px a lane plus 4 (a one-lane row 19 px; 40 on screen), every bar within its row.
    expect(drawn).toHaveLength(assets);
    expect(drawn.filter((row) => !row.inside)).toEqual([]);
    expect(drawn.filter((row) => row.height !== Math.max(1, row.lanes) * 15 + 4)).toEqual([]);
    expect(drawn.some((row) => row.lanes > 1)).toBe(true);
    await expect.poll(() => rows.count()).toBeLessThan(assets);
  });

  it('looks right in light and dark', async () => {
    const search = page.getByRole('searchbox', { name: 'Find an asset or location' });
    await search.fill('no such asset');
    await expect.poll(() => page.locator('.schedule-empty').textContent()).toContain('No assets match “no such asset”.');
    await page.getByRole('button', { name: 'Show all assets' }).click();
    expect(await search.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Today' }).click();
    await page.getByRole('radio', { name: '4 weeks' }).click();
    const pmBar = page.locator('.bar-pm').first();
    await pmBar.click();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: path.join(resultsDir, 'asset-schedule-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(resultsDir, 'asset-schedule-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('radio', { name: '12 weeks' }).click();
    await page.getByRole('columnheader', { name: /^Week \d+, from / }).first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'asset-schedule-12-weeks.png') });
    // Work booked at the same time on one asset is marked on both bars: the one found names the other, on the same row.
    await page.getByRole('radio', { name: '4 weeks' }).click();
    const scroller = page.getByTestId('schedule-scroll');
    const overlapping = page.locator('.bar.is-conflict');
    for (let step = 0; step < 80 && (await overlapping.count()) === 0; step++) await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8));
    const first = overlapping.first();
    const other = /booked at the same time as (WO-\d+)/.exec((await first.getAttribute('aria-label'))!)![1]!;
    const firstKey = (await first.getAttribute('data-work-order-key'))!;
    const sameRow = page.getByRole('row').filter({ has: page.locator(`.bar[data-work-order-key="${firstKey}"]`) });
    expect(await sameRow.locator('.bar.is-conflict').filter({ hasText: other }).count()).toBe(1);
    expect(await sameRow.textContent()).toMatch(/\d+ overlapping/);
    await first.scrollIntoViewIfNeeded();
    await sameRow.screenshot({ path: path.join(resultsDir, 'asset-schedule-overlap.png') });

    const rows = await page.getByRole('row').count();
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(120); // virtualized: 400 assets, a screenful rendered
  });
});
