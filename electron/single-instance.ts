// One Millwright per user: a second launch hands its command line (a millwright:// link) to the first.
import type { App } from 'electron';

/**
 * Takes the single-instance lock. When another instance already holds it, returns false (the
 * caller quits); otherwise calls `onSecondInstance` with each later launch's arguments.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, onSecondInstance: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => onSecondInstance(argv));
  return true;
}
