// The main window's size and position, remembered across launches and kept on a screen that exists.
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import type { KeyValueStore } from './core/connections/key-value-store';

const storageKey = 'windowState';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowState: WindowState = { width: 1440, height: 900, maximized: false };
export const minimumWindowSize = { width: 900, height: 600 } as const;

/** How much of the window must lie on a display's work area for its saved position to be kept. */
const minimumVisible = 64;

function overlaps(a: Rectangle, b: Rectangle): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width >= minimumVisible && height >= minimumVisible;
}

/**
 * The saved state, made safe to use: defaults when nothing valid was saved, at least the minimum
 * size, never larger than the biggest display, and the position dropped (centred by the OS)
 * when it would put the window off every display (a monitor unplugged since).
 */
export function restoreWindowState(saved: unknown, workAreas: Rectangle[]): WindowState {
  const parsed = windowStateSchema.safeParse(saved);
  const state = parsed.success ? parsed.data : defaultWindowState;
  const widest = Math.max(minimumWindowSize.width, ...workAreas.map((area) => area.width));
  const tallest = Math.max(minimumWindowSize.height, ...workAreas.map((area) => area.height));
  const width = Math.min(Math.max(state.width, minimumWindowSize.width), widest);
  const height = Math.min(Math.max(state.height, minimumWindowSize.height), tallest);
  const restored: WindowState = { width, height, maximized: state.maximized };
  if (state.x !== undefined && state.y !== undefined && workAreas.some((area) => overlaps({ x: state.x!, y: state.y!, width, height }, area))) {
    restored.x = state.x;
    restored.y = state.y;
  }
  return restored;
}

export function loadWindowState(store: KeyValueStore, workAreas: Rectangle[]): WindowState {
  return restoreWindowState(store.get(storageKey), workAreas);
}

/**
 * Saves the window's normal (unmaximized) bounds and whether it is maximized, a moment after it
 * stops moving or resizing and when it closes.
 */
export function trackWindowState(window: BrowserWindow, store: KeyValueStore, debounceMs = 500): void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    store.set(storageKey, state);
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
