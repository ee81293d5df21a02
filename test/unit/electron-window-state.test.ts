import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { defaultWindowState, loadWindowState, restoreWindowState, trackWindowState } from '../../electron/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('restores the saved bounds on a display that is still there', () => {
    expect(restoreWindowState({ x: 1600, y: 100, width: 1800, height: 1000, maximized: true }, [laptop, rightMonitor])).toEqual({
      x: 1600,
      y: 100,
      width: 1800,
      height: 1000,
      maximized: true,
    });
  });

  it('drops a position that is off every display now (monitor unplugged) and caps the size', () => {
    expect(restoreWindowState({ x: 1600, y: 100, width: 1800, height: 1000, maximized: false }, [laptop])).toEqual({ width: 1440, height: 900, maximized: false });
  });

  it('uses defaults for nothing or junk saved, and never goes below the minimum size', () => {
    expect(restoreWindowState(undefined, [rightMonitor])).toEqual(defaultWindowState);
    expect(restoreWindowState({ width: 'wide' }, [rightMonitor])).toEqual(defaultWindowState);
    expect(restoreWindowState({ x: 0, y: 0, width: 200, height: 100, maximized: false }, [rightMonitor])).toMatchObject({ width: 900, height: 600 });
  });

  it('saves the normal bounds after moves settle and on close, and loads them next time', () => {
    vi.useFakeTimers();
    try {
      const store = new MemoryKeyValueStore();
      let bounds = { x: 50, y: 60, width: 1300, height: 850 };
      const window = Object.assign(new EventEmitter(), {
        isDestroyed: () => false,
        getNormalBounds: () => bounds,
        isMaximized: () => false,
      });
      trackWindowState(window as unknown as BrowserWindow, store, 500);
      window.emit('move');
      bounds = { ...bounds, x: 70 };
      window.emit('move');
      expect(store.get('windowState')).toBeUndefined();
      vi.advanceTimersByTime(500);
      expect(store.get('windowState')).toEqual({ x: 70, y: 60, width: 1300, height: 850, maximized: false });
      bounds = { ...bounds, width: 1000 };
      window.emit('close');
      expect(loadWindowState(store, [laptop])).toEqual({ x: 70, y: 60, width: 1000, height: 850, maximized: false });
    } finally {
      vi.useRealTimers();
    }
  });
});
