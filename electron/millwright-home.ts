import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { restrictToOwner } from './core/owner-only-access';

/** Where Millwright keeps files outside Electron (web mode, the demo-plant CLI): $MILLWRIGHT_HOME or ~/.millwright. */
export function millwrightHome(): string {
  return process.env.MILLWRIGHT_HOME ?? path.join(os.homedir(), '.millwright');
}

/**
 * Makes the home and the named folders in it, readable by the user alone (0700), before anything
 * is written there: it holds the secrets' key, the settings and the log. A home that already lets
 * the group or others in is made private; the answer is a note saying so (null when nothing was
 * changed), for the caller to log. A home that cannot be made private is refused with an Error.
 */
export function prepareMillwrightHome(home: string, folders: readonly string[]): string | null {
  makeFolder(home);
  const tightened = restrictToOwner(home, 'The Millwright home (MILLWRIGHT_HOME)');
  for (const folder of folders) makeFolder(path.join(home, folder));
  return tightened;
}

function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new Error(`Millwright could not make the folder ${folder} (${(error as NodeJS.ErrnoException).code}).`);
  }
}
