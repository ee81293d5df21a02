// The work-order table in headless Chromium through web mode, over a demo plant of
// BENCH_TABLE_WORK_ORDERS work orders (default 100,000) in its own process:
//   - first render: the Board page opened in its Table layout from another page once the cache
//     holds them (click → the frame in which the grid counts every work order and shows rows),
//     against a raw IndexedDB getAll() of the same work orders in the same page;
//   - sort: a column header clicked → the frame that shows the rows in that order, for a text, a
//     date, a looked-up name and a computed column;
//   - scrolling: 300 frames of 120 px as a wheel does, and the first row to the last a screenful a
//     frame as dragging the scroll bar does: every long task (> 50 ms) (scroll-measure.ts).
// run-benchmarks.ts calls runTableBench(). Alone: `npx tsx test/bench/table-bench.ts`
// (needs a fresh `npm run build:renderer`).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startBoardHost } from '../e2e/board-host';
import { waitForBoardTotal } from '../support/board-regions';
import { bundlePageProbe, openBenchPage } from './bench-browser';
import { measureRawRead, syncSettled } from './board-bench';
import { fmt, printBenchRows, type BenchRow } from './bench-row';
import { median } from './host-side';
import { measureElementScroll, type ElementScroll } from './scroll-measure';

const grid = '[role="grid"][aria-label="Work orders"]';

interface Timed {
  ms: number;
  longTasksMs: number[];
}

/** Opens the Board page (in its Table layout) from the page shown now: click → the first frame with every work order counted and rows drawn. */
async function measureTableFirstRender(page: Page, total: number): Promise<Timed> {
  return page.evaluate(
    async ([css, expected]) => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
      observer.observe({ type: 'longtask' });
      const nav = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Main"] button')].find((button) => button.textContent?.trim().startsWith('Board'));
      if (!nav) throw new Error('no Board button');
      const started = performance.now();
      nav.click();
      let ms = 0;
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const table = document.querySelector(css);
        if (table?.getAttribute('aria-rowcount') === String(expected + 1) && table.querySelector('[role="row"][aria-rowindex="2"]') !== null) {
          ms = performance.now() - started;
          break;
        }
        if (performance.now() - started > 120_000) throw new Error('the table did not show within 2 minutes');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return { ms, longTasksMs: longTasks };
    },
    [grid, total] as const,
  );
}

/** Clicks a column's sort button: click → the first frame in which its header says it sorts and the first row is drawn. */
async function measureSort(page: Page, column: string): Promise<Timed & { direction: string; firstRow: string }> {
  return page.evaluate(
    async ([css, id]) => {
      const header = document.querySelector<HTMLElement>(`${css} [role="columnheader"][data-column="${id}"]`);
      const button = header?.querySelector<HTMLButtonElement>('.sort-button');
      if (!header || !button) throw new Error(`no column ${id}`);
      const before = header.getAttribute('aria-sort');
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
      observer.observe({ type: 'longtask' });
      const started = performance.now();
      button.click();
      let ms = 0;
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = document.querySelector<HTMLElement>(`${css} [role="columnheader"][data-column="${id}"]`);
        if (now && now.getAttribute('aria-sort') !== before && document.querySelector(`${css} [role="row"][aria-rowindex="2"]`) !== null) {
          ms = performance.now() - started;
          break;
        }
        if (performance.now() - started > 60_000) throw new Error(`sorting by ${id} did not show within a minute`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      const first = document.querySelector(`${css} [role="row"][aria-rowindex="2"]`);
      return { ms, longTasksMs: longTasks, direction: document.querySelector(`${css} [data-column="${id}"]`)?.getAttribute('aria-sort') ?? '', firstRow: first?.textContent ?? '' };
    },
    [grid, column] as const,
  );
}

export async function runTableBench(): Promise<BenchRow[]> {
  const workOrders = Number(process.env.BENCH_TABLE_WORK_ORDERS ?? 100_000);
  const rounds = Number(process.env.BENCH_TABLE_ROUNDS ?? 5);
  const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] table: ${message}`);
  const host = await startBoardHost({ seed: 3, workOrders });
  const bench = await openBenchPage(host.appUrl, await bundlePageProbe(), { width: 1440, height: 900 });
  try {
    const { page } = bench;
    const total = (await host.control.stats()).counts['work-orders']!;
    log(`syncing ${total.toLocaleString('en')} work orders`);
    await waitForBoardTotal(page, total, 900_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Connections' }).click();
    await syncSettled(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board' }).click();
    await page.getByRole('radio', { name: 'Table' }).click();
    await page.locator(grid).waitFor();
    const renders: Timed[] = [];
    const reads: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Connections' }).click();
      await page.waitForTimeout(300);
      reads.push((await measureRawRead(page)).ms);
      renders.push(await measureTableFirstRender(page, total));
      log(`first render round ${round + 1}: ${fmt(renders.at(-1)!.ms)} ms (raw read ${fmt(reads.at(-1)!)} ms; long tasks ${renders.at(-1)!.longTasksMs.map(fmt).join(', ') || 'none'})`);
    }
    const sorts: Array<Timed & { column: string }> = [];
    for (const column of ['title', 'due', 'asset', 'age', 'code']) {
      for (let round = 0; round < 2; round += 1) {
        const sort = await measureSort(page, column);
        sorts.push({ ...sort, column });
        log(`sort by ${column} (${sort.direction}): ${fmt(sort.ms)} ms; first row "${sort.firstRow.slice(0, 60)}"; long tasks ${sort.longTasksMs.map(fmt).join(', ') || 'none'}`);
        await page.waitForTimeout(200);
      }
    }
    const rowCount = Number(await page.locator(grid).getAttribute('aria-rowcount'));
    const scrolls: ElementScroll[] = [];
    for (let round = 0; round < 3; round += 1) {
      const scroll = await measureElementScroll(page, grid, `[role="row"][aria-rowindex="${rowCount}"]`);
      scrolls.push(scroll);
      log(
        `scroll ${round + 1}: ${rowCount - 1} rows top to bottom in ${scroll.frames} frames of ${scroll.stepPx} px (${fmt(scroll.durationMs)} ms): ` +
          `${scroll.longTasksMs.length} long tasks${scroll.longTasksMs.length ? ` (${scroll.longTasksMs.map(fmt).join(', ')} ms)` : ''}; longest frame ${fmt(scroll.maxFrameMs)} ms; last row reached: ${scroll.reachedEnd}`,
      );
    }
    const renderMs = median(renders.map((r) => r.ms));
    const readMs = median(reads);
    const sortMs = median(sorts.map((s) => s.ms));
    const worstSort = sorts.reduce((worst, next) => (next.ms > worst.ms ? next : worst));
    const wheels: ElementScroll[] = [];
    for (let round = 0; round < 3; round += 1) {
      const scroll = await measureElementScroll(page, grid, '', 'wheel');
      wheels.push(scroll);
      log(`wheel ${round + 1}: ${scroll.frames} frames of ${scroll.stepPx} px (${fmt(scroll.durationMs)} ms): ${scroll.longTasksMs.length} long tasks${scroll.longTasksMs.length ? ` (${scroll.longTasksMs.map(fmt).join(', ')} ms)` : ''}; longest frame ${fmt(scroll.maxFrameMs)} ms`);
    }
    const worstWheel = Math.max(...wheels.map((s) => s.maxLongTaskMs));
    const worstScroll = Math.max(...scrolls.map((s) => s.maxLongTaskMs));
    const n = total.toLocaleString('en');
    return [
      { metric: `table: first render, ${n} work orders cached (median of ${rounds})`, ms: renderMs, baselineMs: readMs, ratio: renderMs / readMs, target: '<= 300 ms', result: renderMs <= 300 ? 'OK' : 'OVER' },
      { metric: '  baseline: raw IndexedDB getAll() of the same work orders', ms: readMs },
      { metric: `table: sort ${n} rows by a column, click → drawn (median of ${sorts.length}, 5 columns)`, ms: sortMs, baselineMs: readMs, ratio: sortMs / readMs, target: '<= 200 ms', result: sortMs <= 200 && worstSort.ms <= 200 ? 'OK' : 'OVER' },
      { metric: `  table: slowest sort (by ${worstSort.column})`, ms: worstSort.ms },
      { metric: `table: longest task wheel-scrolling, 300 frames of 120 px (worst of 3)`, ms: worstWheel, target: '<= 50 ms', result: worstWheel <= 50 ? 'OK' : 'OVER' },
      { metric: `table: longest task jumping a screenful a frame through ${n} rows (worst of 3)`, ms: worstScroll, target: '<= 50 ms', result: worstScroll <= 50 && scrolls.every((s) => s.reachedEnd) ? 'OK' : 'OVER' },
      { metric: '  table: longest frame while scrolling (worst of 3)', ms: Math.max(...scrolls.map((s) => s.maxFrameMs)) },
    ];
  } finally {
    await bench.close();
    await host.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  printBenchRows(await runTableBench());
}
