// Quitting waits for main's services to stop: a sync page being committed finishes before windows close.
import type { App } from 'electron';

export interface GracefulQuit {
  /** True once shutdown has begun (a window's close then lets the quit through instead of starting one). */
  readonly quitting: boolean;
  /** Runs the shutdown once (later calls share it); the quit itself is left to the caller. */
  shutdown(): Promise<void>;
}

/**
 * Holds the first `before-quit` back while `stop` runs (at most `timeoutMs`, so a hung renderer
 * cannot keep the app open), then quits for real. `stop` should end background work and wait
 * for what is mid-commit; its failure is reported and the quit goes on.
 */
export function installGracefulQuit(
  app: Pick<App, 'on' | 'quit'>,
  stop: () => Promise<void>,
  options: { timeoutMs: number; onProblem: (message: string) => void },
): GracefulQuit {
  let stopping: Promise<void> | null = null;
  /** Set once `stop` has settled: from then on a quit goes straight through (also an update's quitAndInstall). */
  let stopped = false;
  let quitScheduled = false;
  const shutdown = () => {
    stopping ??= new Promise<void>((resolve) => {
      const settle = () => {
        clearTimeout(timer);
        stopped = true;
        resolve();
      };
      const timer = setTimeout(() => {
        options.onProblem(`shutdown took longer than ${options.timeoutMs} ms; quitting anyway`);
        settle();
      }, options.timeoutMs);
      stop().then(settle, (error: unknown) => {
        options.onProblem(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        settle();
      });
    });
    return stopping;
  };
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (quitScheduled) return; // a second Cmd+Q while stopping
    quitScheduled = true;
    void shutdown().then(() => app.quit());
  });
  return {
    get quitting() {
      return stopping !== null;
    },
    shutdown,
  };
}

/** Resolves once `isIdle` holds (checked every `intervalMs`), or after `timeoutMs` whatever it says. */
export async function waitUntil(isIdle: () => boolean, options: { intervalMs: number; timeoutMs: number }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (!isIdle()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
  return true;
}
