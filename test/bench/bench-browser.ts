import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { PageProbe } from './page-probe';

type ProbeMethod = { [K in keyof PageProbe]: PageProbe[K] extends (...args: never[]) => unknown ? K : never }[keyof PageProbe];

const root = path.resolve(import.meta.dirname, '..', '..');

/** page-probe.ts as one classic script, for addInitScript (which the page's CSP does not block). */
export async function bundlePageProbe(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'page-probe.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return result.outputFiles[0]!.text;
}

export interface BenchPage {
  page: Page;
  context: BrowserContext;
  /** The profile's folder on disk (its IndexedDB is under Default/IndexedDB). */
  profileDir: string;
  /** Calls one of the probe's methods inside the page (arguments and result cross as JSON). */
  probe<M extends ProbeMethod>(method: M, ...args: Parameters<PageProbe[M]>): Promise<Awaited<ReturnType<PageProbe[M]>>>;
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile on disk, as the Electron app has one: IndexedDB starts empty and lives
 * in files, as a user's does. (Playwright's browser.newContext() profiles are incognito, and
 * Chromium keeps incognito IndexedDB in memory.) Same switches as test/support/chromium.ts.
 */
export async function openBenchPage(appUrl: string, probeScript: string, viewport = { width: 1600, height: 900 }): Promise<BenchPage> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'millwright-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const errors: string[] = [];
  try {
    await context.addInitScript({ content: probeScript });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(appUrl);
    await page.waitForFunction(() => 'millwrightBench' in window);
    return {
      page,
      context,
      profileDir: profile,
      probe: (method, ...args) =>
        page.evaluate(
          ([name, values]) => {
            const probe = (window as unknown as { millwrightBench: Record<string, (...a: unknown[]) => unknown> }).millwrightBench;
            return probe[name]!(...values);
          },
          [method, args as unknown[]] as const,
        ) as never,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
        if (errors.length > 0) console.warn(`page errors during the bench:\n  ${errors.join('\n  ')}`);
      },
    };
  } catch (error) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
