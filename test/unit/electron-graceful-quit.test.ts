import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import { installGracefulQuit, waitUntil } from '../../electron/graceful-quit';

const quitEvent = () => ({ prevented: false, preventDefault() { this.prevented = true; } });

describe('graceful quit', () => {
  it('holds the quit until stop settles, then quits once for real', async () => {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
    let finish!: () => void;
    const stop = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = installGracefulQuit(app as unknown as App, stop, { timeoutMs: 5_000, onProblem: () => undefined });
    const first = quitEvent();
    app.emit('before-quit', first);
    app.emit('before-quit', quitEvent()); // a second Cmd+Q while stopping
    expect(first.prevented).toBe(true);
    expect(quit.quitting).toBe(true);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    const last = quitEvent();
    app.emit('before-quit', last);
    expect(last.prevented).toBe(false);
  });

  it('quits anyway when stop hangs or fails, and says so', async () => {
    const problems: string[] = [];
    const hung = Object.assign(new EventEmitter(), { quit: vi.fn() });
    installGracefulQuit(hung as unknown as App, () => new Promise<void>(() => undefined), { timeoutMs: 30, onProblem: (m) => problems.push(m) });
    hung.emit('before-quit', quitEvent());
    await vi.waitFor(() => expect(hung.quit).toHaveBeenCalledTimes(1));
    const failing = Object.assign(new EventEmitter(), { quit: vi.fn() });
    installGracefulQuit(failing as unknown as App, async () => Promise.reject(new Error('renderer gone')), { timeoutMs: 1_000, onProblem: (m) => problems.push(m) });
    failing.emit('before-quit', quitEvent());
    await vi.waitFor(() => expect(failing.quit).toHaveBeenCalledTimes(1));
    expect(problems).toEqual(['shutdown took longer than 30 ms; quitting anyway', 'shutdown failed: renderer gone']);
  });

  it('waitUntil reports whether the condition came true in time', async () => {
    let idle = false;
    setTimeout(() => (idle = true), 30);
    expect(await waitUntil(() => idle, { intervalMs: 5, timeoutMs: 1_000 })).toBe(true);
    expect(await waitUntil(() => false, { intervalMs: 5, timeoutMs: 20 })).toBe(false);
  });
});

describe('graceful quit before an update installs', () => {
  it('lets the updater’s own quit through once shutdown() has finished', async () => {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
    const stop = vi.fn(async () => undefined);
    const quit = installGracefulQuit(app as unknown as App, stop, { timeoutMs: 1_000, onProblem: () => undefined });
    await quit.shutdown(); // beforeInstall
    const event = quitEvent();
    app.emit('before-quit', event); // quitAndInstall
    expect(event.prevented).toBe(false);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
  });
});
