// What closing the main window does. The window's renderer holds the cache and does the page side
// of every sync, push and webhook update, so a closed window would stop all of them: by default
// closing keeps the app running in the tray, and only Quit (tray, menu, Cmd+Q) ends it.
import { z } from 'zod';
import type { KeyValueStore } from './core/connections/key-value-store';

/** The app setting (electron-store `settings`) that turns closing-to-the-tray off. */
const keepRunningKey = 'keepRunningWhenClosed';

/** Shown beside the setting's checkbox in the tray menu. */
export const keepRunningLabel = 'Keep Running When the Window Is Closed';

/** On unless the user turned it off (nothing saved, or something unreadable, reads as on). */
export function keepsRunningWhenClosed(store: KeyValueStore): boolean {
  const saved = z.boolean().safeParse(store.get(keepRunningKey));
  return saved.success ? saved.data : true;
}

export function setKeepsRunningWhenClosed(store: KeyValueStore, on: boolean): void {
  store.set(keepRunningKey, on);
}

/** `close`: let the window close; `hide`: keep the app and its renderer running, out of sight; `quit`: quit the app instead. */
export type CloseOutcome = 'close' | 'hide' | 'quit';

/**
 * A quit already under way closes the window. On macOS closing a window never quits (the
 * platform's convention: the app stays in the Dock and comes back from it). Elsewhere the window
 * goes to the tray unless the user turned that off; then closing it quits, through the graceful
 * quit like any other.
 */
export function closeOutcome(options: { platform: NodeJS.Platform; quitting: boolean; keepRunning: boolean }): CloseOutcome {
  if (options.quitting) return 'close';
  if (options.platform === 'darwin' || options.keepRunning) return 'hide';
  return 'quit';
}
