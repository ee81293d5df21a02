// `npx tsx test/e2e/screenshots.ts`: screenshots of Board (columns and table, also at 1280x720 and 1920x1080; its drawer, closing out work, parts, photos and files), Requests, Stores, Purchasing, Connections, Pending changes,
// Sync history and Schedule (with an asset down now), light and dark (Chromium's emulateMedia colorScheme), 1440x900, into
// docs/screenshots/. A demo plant of 10,000 work orders; a conflict and a refusal are staged so
// Pending changes shows both; last, a sync whose team list the plant refuses, so Connections and
// Sync history (Problems only) show a partly synced connection.
// Needs a fresh `npm run build:renderer`.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { waitForBoardTotal } from '../support/board-regions';
import { startBoardHost, column } from './board-host';

const outDir = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const viewport = { width: 1440, height: 900 };
/** Also shot at a laptop's and a large desktop's size. */
const sizes = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }];
const log = (message: string) => console.log(`[screenshots] ${message}`);

const host = await startBoardHost({ seed: 7, workOrders: 10_000 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(host.appUrl);
  const total = (await host.control.stats()).counts['work-orders']!;
  await waitForBoardTotal(page, total, 180_000);
  log(`board shows ${total} work orders`);
  await stageOutbox(page);
  const down = await assetDownNow();
  const withFiles = await workOrderWithFiles();

  const shot = async (name: string, scheme: 'light' | 'dark') => {
    await page.waitForTimeout(400);
    const file = path.join(outDir, `${name}-${scheme}.png`);
    await page.screenshot({ path: file });
    log(`wrote ${path.relative(process.cwd(), file)}`);
  };
  const go = async (label: string) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).click();
  };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await go('Board');
    await column(page, 'Scheduled').locator('article').first().waitFor();
    await shot('board', scheme);
    // The same work as a table, and both at a laptop's 1280x720 and a desktop's 1920x1080.
    await page.getByRole('radio', { name: 'Table' }).click();
    await page.getByRole('grid', { name: 'Work orders' }).locator('.table-body [role="row"]').first().waitFor();
    await shot('board-table', scheme);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await shot(`board-table-${size.width}`, scheme);
      await page.getByRole('radio', { name: 'Board' }).click();
      await shot(`board-${size.width}`, scheme);
      await page.getByRole('radio', { name: 'Table' }).click();
    }
    await page.setViewportSize(viewport);
    await page.getByRole('radio', { name: 'Board' }).click();
    // The card with the staged conflict: the drawer shows it beside the plan.
    await page.locator('article[data-outbox-state="conflict"]').first().click();
    await page.locator('dialog.drawer').getByRole('region', { name: 'Plan, assign and record' }).waitFor();
    await shot('board-drawer', scheme);
    // Its parts: what the work needs and used, and the picker with what each storeroom has.
    const parts = page.locator('dialog.drawer').getByRole('region', { name: /^Parts \(/ });
    await parts.getByLabel('Find a part').fill('filter');
    await parts.getByRole('button', { name: 'Add part' }).scrollIntoViewIfNeeded();
    await shot('board-drawer-parts', scheme);
    await parts.getByLabel('Find a part').fill('');
    await page.keyboard.press('Escape');
    // Closing out work in progress: hours, remarks and Completed, as filled in before Save.
    await column(page, 'In progress').locator('article').first().click();
    const record = page.locator('dialog.drawer').getByRole('region', { name: 'Plan, assign and record' });
    await record.getByLabel('Actual time (hours)').fill('1.5');
    await record.getByLabel('Completion remarks').fill('Replaced the worn seal; ran 30 min under load, no leak.');
    await record.getByLabel('Status').selectOption({ label: 'Completed' });
    await shot('board-drawer-complete', scheme);
    // Cancel: nothing is saved, and the drawer closes.
    await record.getByRole('button', { name: 'Cancel' }).click();
    // A work order with a photo and a paper from the plant: thumbnails and the file list.
    await page.keyboard.press('/');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(withFiles.code);
    await page.locator(`.board article[data-work-order-key="${withFiles.key}"]`).click();
    const files = page.locator('dialog.drawer').getByRole('region', { name: /^Photos and files \(/ });
    await files.locator('img').first().waitFor();
    await files.getByRole('button', { name: 'Attach photo or file' }).scrollIntoViewIfNeeded();
    await shot('board-drawer-files', scheme);
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await go('Requests');
    await page.locator('.request-item').first().waitFor();
    await shot('requests', scheme);
    await page.locator('.request-item').first().getByRole('button', { name: 'Approve…' }).click();
    await page.getByRole('dialog', { name: 'Approve into a work order' }).waitFor();
    await shot('requests-approve', scheme);
    await page.keyboard.press('Escape');
    await go('Stores');
    await page.locator('.stock-row').first().waitFor();
    await shot('stores', scheme);
    await page.locator('.stock-row').first().getByRole('button', { name: /^Adjust stock of/ }).click();
    await page.getByRole('dialog', { name: /^Adjust stock of/ }).waitFor();
    await shot('stores-adjust', scheme);
    await page.keyboard.press('Escape');
    await go('Purchasing');
    await page.locator('.po-row').first().getByRole('button').first().click();
    await page.locator('.po-details').waitFor();
    await shot('purchasing', scheme);
    await page.getByRole('button', { name: 'New purchase order…' }).click();
    const order = page.getByRole('dialog', { name: 'New purchase order' });
    await order.getByLabel('Add a part').fill('bearing');
    await order.locator('.po-part-choice').first().click();
    await shot('purchasing-new', scheme);
    await page.keyboard.press('Escape');
    await go('Connections');
    await page.getByRole('listitem', { name: /^Connection / }).first().waitFor();
    await shot('connections', scheme);
    await go('Pending changes');
    await page.getByRole('heading', { name: /Conflicts/ }).waitFor();
    await shot('pending-changes', scheme);
    await go('Sync history');
    await page.getByRole('table', { name: 'Sync history' }).waitFor();
    await shot('sync-history', scheme);
  }
  // The schedule last, so it shows the schedule's newest work.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await go('Schedule');
    await page.waitForTimeout(1500);
    await shot('schedule', scheme);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await shot(`schedule-${size.width}`, scheme);
    }
    await page.setViewportSize(viewport);
    // An asset stopped now: its downtime bar selected, with the asset's own figures.
    const search = page.getByLabel('Find an asset or location');
    await search.fill(down.name);
    await page.locator(`[data-downtime-key="${down.stopKey}"]`).click();
    await page.getByRole('complementary', { name: 'Selected booking' }).waitFor();
    await shot('schedule-downtime', scheme);
    await page.keyboard.press('Escape');
    await search.fill('');
  }
  await stagePartialSync(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await go('Connections');
    await shot('connections-partial', scheme);
    await go('Sync history');
    const problemsOnly = page.getByRole('checkbox', { name: 'Problems only' });
    if (!(await problemsOnly.isChecked())) await problemsOnly.check();
    await shot('sync-history-problems', scheme);
  }
} finally {
  await browser.close();
  await host.stop();
}

/** An open work order with a photo and another file from the plant (or at least a photo). */
async function workOrderWithFiles(): Promise<{ key: string; code: string }> {
  const documents = await host.api<{ entityKeys: string[]; type: string }[]>('documents?per_page=1000');
  const kinds = new Map<string, Set<string>>();
  for (const document of documents) for (const key of document.entityKeys) kinds.set(key, (kinds.get(key) ?? new Set()).add(document.type));
  const candidates = [...kinds].filter(([, types]) => types.has('image')).sort(([, a], [, b]) => b.size - a.size);
  for (const [key] of candidates) {
    const workOrder = await host.api<{ code?: string; completedAt?: string }>(`work-orders/${key}`).catch(() => null);
    if (workOrder?.code && !workOrder.completedAt) return { key, code: workOrder.code };
  }
  throw new Error('the plant has no open work order with a photo');
}

/** A breakdown still going, and the name of its asset. */
async function assetDownNow(): Promise<{ name: string; stopKey: string }> {
  const stops = await host.api<{ key: string; assetKey: string; endedAt?: string; categoryName: string }[]>('assets-downtime?per_page=1000&filter[categoryName]=Breakdown&sort[startedAt]=1');
  const stop = stops.find((candidate) => candidate.endedAt === undefined);
  if (!stop) throw new Error('the plant has no breakdown still going');
  const asset = await host.api<{ name: string }>(`assets/${stop.assetKey}`);
  return { name: asset.name, stopKey: stop.key };
}

/**
 * A conflict (an edit made here while someone changed the same field upstream before it was
 * sent) and a refusal (the plant answers 422), so the Outbox and the cards show both.
 */
async function stageOutbox(page: Page) {
  const scheduled = column(page, 'Scheduled').locator('article');
  const conflictKey = (await scheduled.nth(0).getAttribute('data-work-order-key'))!;
  const refusedKey = (await scheduled.nth(1).getAttribute('data-work-order-key'))!;
  const upstream = await host.api<{ severity: string }>(`work-orders/${conflictKey}`);
  const mine = upstream.severity === 'Critical' ? 'Low' : 'Critical';
  const theirs = upstream.severity === 'High' ? 'Medium' : 'High';
  // The pusher reads the record before it writes; that read is held back while "someone" edits it upstream.
  await host.control.injectFault({ delayMs: 2500, method: 'GET', pathPrefix: `/api/eam/work-orders/${conflictKey}`, times: 1 });
  await setSeverity(page, conflictKey, mine);
  await host.put(`work-orders/${conflictKey}`, { severity: theirs });
  await page.locator(`article[data-work-order-key="${conflictKey}"][data-outbox-state="conflict"]`).waitFor({ timeout: 30_000 });

  await host.control.injectFault({ status: 422, method: 'PUT', pathPrefix: `/api/eam/work-orders/${refusedKey}`, times: 3 });
  await setSeverity(page, refusedKey, 'Low');
  await page.locator(`article[data-work-order-key="${refusedKey}"][data-outbox-state="rejected"]`).waitFor({ timeout: 30_000 });
  log('staged a conflict and a refusal');
}

/** A sync in which the plant refuses the team list (422): the run ends partly synced. */
async function stagePartialSync(page: Page) {
  await host.control.injectFault({ status: 422, method: 'GET', pathPrefix: '/api/eam/teams', times: 1 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'Sync now' }).first().click();
  await page.locator('.connection-status-pill[data-status-kind="partial"]').first().waitFor({ timeout: 60_000 });
  log('staged a partly synced run');
}

async function setSeverity(page: Page, key: string, severity: string) {
  await page.locator(`article[data-work-order-key="${key}"]`).click();
  const drawer = page.locator('dialog.drawer');
  await drawer.getByLabel('Severity').selectOption(severity);
  await drawer.getByRole('button', { name: 'Save' }).click();
  await drawer.locator('.drawer-saved').waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
}
