// Forms and numbers that do not lie (issue 13): the drawer shows what was saved and says when the
// plant has it; a reopened work order is open again, overdue when past due; the board and the
// schedule count overdue work the same way. Chromium, web mode, the demo plant in its own process.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { waitForBoardTotal } from '../support/board-regions';
import { column, startBoardHost, type BoardHost } from './board-host';

interface PlantWorkOrder {
  key: string;
  code: string;
  status: string;
  dueAt?: string | null;
  completedAt?: string | null;
  laborAssignedKey?: string | null;
  severity?: string | null;
}

let host: BoardHost;
let browser: Browser;
let page: Page;
let total: number;
const plantName = 'Millwright Demo Plant';

const upstream = (key: string) => host.api<PlantWorkOrder>(`work-orders/${key}`);
const drawer = () => page.getByRole('dialog', { name: /^Work order WO-\d+$/ });
const kpiOverdue = async () => Number(/^Overdue: ([\d,]+),/.exec((await page.getByRole('group', { name: /^Overdue: / }).getAttribute('aria-label')) ?? '')?.[1]?.replace(/,/g, '') ?? NaN);

async function openCard(key: string) {
  await page.keyboard.press('/');
  const code = (await upstream(key)).code;
  await page.keyboard.type(code);
  await waitForBoardTotal(page, 1, 15_000);
  await page.locator(`.board article[data-work-order-key="${key}"]`).click();
  await drawer().waitFor();
}
async function closeAndClear() {
  await page.keyboard.press('Escape');
  await drawer().waitFor({ state: 'detached' });
  const clear = page.getByRole('search', { name: 'Filter work orders' }).getByRole('button', { name: /^Clear/ });
  if (await clear.count()) await clear.click();
  await waitForBoardTotal(page, total, 15_000);
}

beforeAll(async () => {
  host = await startBoardHost({ seed: 31, workOrders: 1500 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.appUrl);
  total = (await host.control.stats()).counts['work-orders']!;
  await waitForBoardTotal(page, total, 120_000);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('forms and numbers that do not lie (Chromium, web mode)', () => {
  it('shows the saved assignee and severity right after Save, and "Sent to" the plant once its write log has the change', async () => {
    const key = (await column(page, 'Scheduled').locator('article').first().getAttribute('data-work-order-key'))!;
    const before = await upstream(key);
    // The plant holds its answer to the write back 8 s, so the drawer is almost always seen before
    // the plant has it; on a machine slow enough to miss that, the state read must still be true.
    await host.control.injectFault({ delayMs: 8000, method: 'PUT', pathPrefix: `/api/eam/work-orders/${key}`, times: 1 });
    await openCard(key);
    const assignee = drawer().getByLabel('Assignee');
    // The technicians are read from the cache as the drawer opens.
    await expect.poll(() => assignee.locator('option').count()).toBeGreaterThan(2);
    const options = await assignee.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter(Boolean));
    const chosen = options.find((value) => value !== (before.laborAssignedKey ?? ''))!;
    const severity = before.severity === 'Critical' ? 'Low' : 'Critical';
    await assignee.selectOption(chosen);
    await drawer().getByLabel('Severity').selectOption(severity);
    await drawer().getByRole('button', { name: 'Save' }).click();

    const status = drawer().locator('.drawer-saved');
    await status.waitFor();
    // The form already shows the new values; what it says of the plant is true when read: not
    // there yet while the plant holds its answer, "Sent" only once its write log has the change.
    const seen = await status.getAttribute('data-save-state');
    expect(seen).toMatch(/^(waiting|sending|sent)$/);
    if (seen === 'sent') expect((await host.writes()).applied.some((write) => write.method === 'PUT' && write.key === key)).toBe(true);
    else expect(await status.textContent()).toMatch(/^Changes saved here; (sending to|sent to) Millwright Demo Plant/);
    expect(await assignee.inputValue()).toBe(chosen);
    expect(await drawer().getByLabel('Severity').inputValue()).toBe(severity);
    expect(await drawer().getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    // The card reads the cache through its live query, a moment after the drawer's own state: it follows within a couple of seconds even on a busy machine.
    await expect.poll(() => page.locator(`.board article[data-work-order-key="${key}"] .severity`).textContent(), { timeout: 2_000 }).toBe(severity);

    await expect.poll(async () => (await host.writes()).applied.some((write) => write.method === 'PUT' && write.key === key), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(`Sent to ${plantName}.`);
    expect(await status.getAttribute('data-save-state')).toBe('sent');
    expect(await assignee.inputValue()).toBe(chosen);
    expect(await drawer().getByLabel('Severity').inputValue()).toBe(severity);
    expect(await upstream(key)).toMatchObject({ laborAssignedKey: chosen, severity });
    await closeAndClear();
  });

  it('clears the completion of a reopened work order, here and in the plant, and counts it overdue when past due', async () => {
    const now = new Date().toISOString();
    const records = await host.all<PlantWorkOrder>('work-orders');
    const target = records.find((w) => w.status === 'Completed' && !!w.completedAt && !!w.dueAt && w.dueAt < now)!;
    expect(target).toBeTruthy();
    const overdueBefore = await kpiOverdue();

    await openCard(target.key);
    const details = drawer().getByRole('region', { name: 'Details' });
    expect(await details.locator('div', { hasText: /^Completed/ }).locator('dd').textContent()).not.toBe('Not completed');
    expect(await drawer().locator('.overdue-pill').count()).toBe(0);
    await drawer().getByLabel('Status').selectOption({ label: 'On hold' });
    await drawer().getByRole('button', { name: 'Save' }).click();

    // At once, before the plant answers: no completion date, overdue.
    await expect.poll(() => details.locator('div', { hasText: /^Completed/ }).locator('dd').textContent()).toBe('Not completed');
    await drawer().locator('.overdue-pill').waitFor();
    await expect.poll(() => drawer().locator('.drawer-saved').textContent(), { timeout: 30_000 }).toBe(`Sent to ${plantName}.`);
    const upstreamNow = await upstream(target.key);
    expect(upstreamNow.status).toBe('On hold');
    expect(upstreamNow.completedAt ?? null).toBeNull();
    await closeAndClear();

    const card = column(page, 'On hold').locator(`article[data-work-order-key="${target.key}"]`);
    expect(await kpiOverdue()).toBe(overdueBefore + 1);
    // Under the Overdue filter, and marked overdue on its card.
    await page.getByRole('button', { name: 'Overdue', exact: true }).click();
    await page.keyboard.press('/');
    await page.keyboard.type(target.code);
    await waitForBoardTotal(page, 1, 15_000);
    expect(await card.locator('.card-due.overdue').count()).toBe(1);
    expect(await card.getAttribute('aria-label')).toContain('overdue');
    const clear = page.getByRole('search', { name: 'Filter work orders' }).getByRole('button', { name: /^Clear/ });
    await clear.click();
    await waitForBoardTotal(page, total, 15_000);
  });

  it('counts the same overdue work orders on the board and the schedule, with projected PMs apart', async () => {
    const now = new Date().toISOString();
    const records = await host.all<PlantWorkOrder>('work-orders');
    const expected = records.filter((w) => !['Completed', 'Closed'].includes(w.status) && !!w.dueAt && w.dueAt < now).length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(kpiOverdue).toBe(expected);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
    const scheduleOverdue = page.getByTestId('schedule-overdue');
    await scheduleOverdue.waitFor({ timeout: 30_000 });
    expect(await scheduleOverdue.textContent()).toMatch(new RegExp(`^ · ${expected.toLocaleString('en-US')} overdue work orders?( \\(|$)`));
    const pm = page.locator('.schedule-counts .pm-overdue');
    if (await pm.count()) expect(await pm.textContent()).toMatch(/^ · \d+ projected PMs? overdue$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board' }).click();
    await waitForBoardTotal(page, total, 15_000);
  });
});
