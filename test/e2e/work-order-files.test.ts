import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { RestartableDemoPlant } from '../support/restartable-demo-plant';
import type { SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

/**
 * Photos and files (issue 15): a work order's and a service request's photos from the plant show
 * as thumbnails; with the
 * plant out of reach the supervisor attaches a photo and a PDF (a file over the limit is refused
 * with its size); both survive a restart of the app (web mode quits and starts again on its home
 * and port, the page reloads), and once the plant is back it has each once, byte for byte.
 */
const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let home: string;
let plant: RestartableDemoPlant;
let webCli: SpawnedCli;
let browser: Browser;
let page: Page;
let appUrl: string;

/** Web mode on its own home (settings and secrets kept across a restart) and `port` (0: any; the page's origin, and so its cache, goes with the port). */
async function startWebMode(port: number): Promise<string> {
  webCli = spawnWebMode(plant.token, ['--port', String(port), '--base-url', plant.url, '--history-days', 'all', '--probe-seconds', '1'], { MILLWRIGHT_HOME: path.join(home, 'app') });
  return (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/, 120_000))[1]!;
}

interface WireWorkOrder { key: string; code: string; completedAt?: string }
interface WireDocument { key: string; name: string; entityKeys: string[]; contentType: string; url: string }

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const nav = (name: string | RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
async function plantFile(key: string): Promise<Buffer> {
  const response = await fetch(`${plant.url}/files/documents/${encodeURIComponent(key)}`, { headers: { authorization: `Bearer ${plant.token}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}
async function openDrawer(workOrder: WireWorkOrder) {
  await nav('Board').click();
  await page.keyboard.press('/');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(workOrder.code);
  await page.locator(`.board article[data-work-order-key="${workOrder.key}"]`).click();
  const drawer = page.getByRole('dialog', { name: `Work order ${workOrder.code}` });
  return { drawer, files: drawer.getByRole('region', { name: /^Photos and files \(/ }) };
}
/** Whether every picture in the region has loaded and has pixels. */
const picturesShown = (region: ReturnType<Page['locator']>) =>
  region.locator('img').evaluateAll((images) => images.length > 0 && images.every((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0));

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  home = await mkdtemp(path.join(tmpdir(), 'millwright-files-'));
  plant = new RestartableDemoPlant({ stateFile: path.join(home, 'plant.json'), seed: 37, workOrders: 300 });
  await plant.start();
  appUrl = await startWebMode(0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(appUrl);
  await page.locator('.board article').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await webCli?.stop();
  await plant?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('photos and files on a work order (Chromium, web mode)', () => {
  it('shows the plant\'s photo, attaches a photo and a PDF offline, keeps them across a restart of the app, and the plant has each once, byte for byte', async () => {
    const [workOrders, documents] = await Promise.all([plant.all<WireWorkOrder>('/api/eam/work-orders'), plant.all<WireDocument>('/api/eam/documents')]);
    const byKey = new Map(workOrders.map((workOrder) => [workOrder.key, workOrder]));
    const seeded = documents.find((document) => document.contentType === 'image/png' && byKey.has(document.entityKeys[0] ?? ''))!;
    expect(seeded).toBeTruthy();
    const withPhoto = byKey.get(seeded.entityKeys[0]!)!;

    // The plant's photo, as a thumbnail fetched once and kept.
    let { drawer, files } = await openDrawer(withPhoto);
    await files.getByRole('button', { name: `Open ${seeded.name}` }).waitFor();
    await expect.poll(() => picturesShown(files), { timeout: 30_000 }).toBe(true);
    // Opened in a tab of its own (web mode has no viewer of the computer's to hand it to).
    const [tab] = await Promise.all([page.context().waitForEvent('page'), files.getByRole('button', { name: `Open ${seeded.name}` }).click()]);
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
    await page.keyboard.press('Escape');

    // A request's photo, as its reporter took it, on the Requests page.
    const requests = await plant.all<{ key: string; title: string }>('/api/eam/service-requests');
    const requestPhoto = documents.find((document) => requests.some((request) => document.entityKeys.includes(request.key)))!;
    const request = requests.find((candidate) => requestPhoto.entityKeys.includes(candidate.key))!;
    await nav(/^Requests/).click();
    await page.getByRole('group', { name: 'Show requests' }).getByRole('button', { name: /^All/ }).click();
    const item = page.getByRole('listitem', { name: request.title }).first();
    await item.getByRole('button', { name: `Open ${requestPhoto.name}` }).waitFor({ timeout: 30_000 });
    await expect.poll(() => picturesShown(item), { timeout: 30_000 }).toBe(true);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'requests-photo.png') });

    // An open work order with nothing attached yet; the plant goes away.
    const attachedTo = new Set(documents.flatMap((document) => document.entityKeys));
    const workOrder = workOrders.find((candidate) => candidate.completedAt === undefined && !attachedTo.has(candidate.key))!;
    const photo = await plantFile(seeded.key);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(400_000)]);
    const port = plant.port;
    await plant.stop();

    ({ drawer, files } = await openDrawer(workOrder));
    await files.waitFor();
    expect(await files.textContent()).toContain('No photos or files.');
    const picker = files.locator('input[type="file"]');
    // Over the limit: refused with its size, nothing attached.
    await picker.setInputFiles({ name: 'Walkthrough.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    expect(await files.getByRole('alert').textContent()).toBe('“Walkthrough.mp4” is larger than 10 MB, the most one attachment can be. Nothing was attached.');
    await picker.setInputFiles([
      { name: 'Pump seal.png', mimeType: 'image/png', buffer: photo },
      { name: 'Seal inspection.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await expect.poll(() => drawer.getByRole('heading', { name: /^Photos and files \(/ }).textContent()).toBe('Photos and files (2)');
    await expect.poll(() => drawer.locator('.drawer-saved').textContent()).toBe('Files saved here; sent to Millwright Demo Plant when it can be reached.');
    await expect.poll(() => files.locator('.file-standing').allTextContents()).toEqual(['Waiting to upload', 'Waiting to upload']);
    // The photo shows from the bytes kept here: no plant needed.
    await expect.poll(() => picturesShown(files)).toBe(true);
    await files.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'work-order-files-offline.png') });
    await page.keyboard.press('Escape');

    // The app quits and starts again: both are still here, still waiting, and Pending changes says what.
    await webCli.stop();
    appUrl = await startWebMode(Number(new URL(appUrl).port));
    await page.goto(appUrl);
    await page.locator('.board article').first().waitFor({ timeout: 60_000 });
    await nav(/^Pending changes/).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Seal inspection.pdf (391 KB)');
    expect(await page.locator('main').textContent()).toContain(`Pump seal.png (${Math.round(photo.length / 1024)} KB)`);
    ({ drawer, files } = await openDrawer(workOrder));
    await expect.poll(() => files.locator('.file-standing').count()).toBe(2);
    await expect.poll(() => picturesShown(files)).toBe(true);
    await page.keyboard.press('Escape');

    // Back: each reaches the plant once, byte for byte, on this work order.
    await plant.start(port);
    const attached = async () => (await plant.all<WireDocument>('/api/eam/documents')).filter((document) => document.entityKeys.includes(workOrder.key));
    await expect.poll(async () => (await attached()).length, { timeout: 90_000 }).toBe(2);
    const stored = await attached();
    const storedPhoto = stored.find((document) => document.name === 'Pump seal.png')!;
    const storedPdf = stored.find((document) => document.name === 'Seal inspection.pdf')!;
    expect(sha(await plantFile(storedPhoto.key))).toBe(sha(photo));
    expect(sha(await plantFile(storedPdf.key))).toBe(sha(pdf));
    expect(storedPdf.contentType).toBe('application/pdf');
    const writes = (await plant.get<{ applied: { method: string; path: string }[] }>('/__control/writes')).applied;
    expect(writes.filter((write) => write.method === 'POST' && write.path === '/api/eam/documents')).toHaveLength(2);

    // The drawer: nothing waits any more, the photo still shows (kept here under the plant's key).
    ({ drawer, files } = await openDrawer(workOrder));
    await expect.poll(() => files.locator('.file-standing').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => picturesShown(files)).toBe(true);
    expect(await files.getByRole('button', { name: 'Open Seal inspection.pdf' }).count()).toBe(1);
    await files.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'work-order-files-sent.png') });
  });
});
