import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the background-networking noise this closed network refuses
 * turned off. Playwright gives each launch a fresh temporary profile, so IndexedDB starts empty.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

/** The switches every test's Chromium runs with (also for a profile on disk, launchPersistentContext). */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
