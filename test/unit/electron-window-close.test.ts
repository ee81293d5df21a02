import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { closeOutcome, keepsRunningWhenClosed, setKeepsRunningWhenClosed } from '../../electron/window-close';

describe('closing the main window', () => {
  it('hides to the tray by default, quits when the user turned that off, and always lets a quit under way close it', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(closeOutcome({ platform, quitting: false, keepRunning: true }), platform).toBe('hide');
      expect(closeOutcome({ platform, quitting: false, keepRunning: false }), platform).toBe('quit');
      expect(closeOutcome({ platform, quitting: true, keepRunning: true }), platform).toBe('close');
    }
  });

  it('on macOS keeps the platform convention: closing never quits, whatever the setting', () => {
    expect(closeOutcome({ platform: 'darwin', quitting: false, keepRunning: false })).toBe('hide');
    expect(closeOutcome({ platform: 'darwin', quitting: false, keepRunning: true })).toBe('hide');
    expect(closeOutcome({ platform: 'darwin', quitting: true, keepRunning: true })).toBe('close');
  });

  it('keeps running when closed unless the saved setting says otherwise (an unreadable value reads as on)', () => {
    const store = new MemoryKeyValueStore();
    expect(keepsRunningWhenClosed(store)).toBe(true);
    setKeepsRunningWhenClosed(store, false);
    expect(keepsRunningWhenClosed(store)).toBe(false);
    store.set('keepRunningWhenClosed', 'no');
    expect(keepsRunningWhenClosed(store)).toBe(true);
  });
});
