// Scrolling a virtualized list in the page, watching for long tasks (PerformanceObserver
// 'longtask': > 50 ms on the main thread) and the longest frame, two ways:
//   - 'jump': top to bottom, a screenful per frame (at least 1/300 of it, so a 100,000-row list
//     takes about 300 frames): every frame draws a whole screen of new rows, as dragging the
//     scroll bar does;
//   - 'wheel': 120 px per frame for 300 frames (or to the bottom), as a mouse wheel or trackpad does.
import type { Page } from 'playwright-core';

export interface ElementScroll {
  frames: number;
  stepPx: number;
  durationMs: number;
  /** Every long task (> 50 ms) while scrolling; empty is the goal. */
  longTasksMs: number[];
  maxLongTaskMs: number;
  /** The longest gap between two animation frames while scrolling. */
  maxFrameMs: number;
  /** `lastSelector` matched inside the element at the end: the last row was drawn. */
  reachedEnd: boolean;
}

export type ScrollWay = 'jump' | 'wheel';

/** Scrolls `selector` from its top; `lastSelector` finds the last row once it is drawn (checked for 'jump', which reaches it). */
export async function measureElementScroll(page: Page, selector: string, lastSelector: string, way: ScrollWay = 'jump'): Promise<ElementScroll> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(
    async ([css, last, way]) => {
      const wheel = way === 'wheel';
      const scroller = document.querySelector<HTMLElement>(css);
      if (!scroller) throw new Error(`nothing matches ${css}`);
      scroller.scrollTop = 0;
      // The jump back to the top is not part of the gesture: a view that holds a change while it is
      // scrolled (renderer/ui/use-held-while-scrolling, a quarter second) draws it before timing starts.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
      observer.observe({ type: 'longtask' });
      const stepPx = wheel ? 120 : Math.max(scroller.clientHeight, Math.ceil((scroller.scrollHeight - scroller.clientHeight) / 300));
      let frames = 0;
      let maxFrameMs = 0;
      const started = performance.now();
      let previous = started;
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && !(wheel && frames >= 300)) {
        scroller.scrollTop += stepPx;
        frames += 1;
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        maxFrameMs = Math.max(maxFrameMs, now - previous);
        previous = now;
        if (now - started > 120_000) throw new Error(`${css} did not reach its end within 2 minutes`);
      }
      const durationMs = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 300));
      observer.disconnect();
      return {
        frames,
        stepPx,
        durationMs,
        longTasksMs: longTasks,
        maxLongTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
        maxFrameMs,
        reachedEnd: wheel || scroller.querySelector(last) !== null,
      };
    },
    [selector, lastSelector, way] as const,
  );
}
