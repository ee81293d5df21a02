import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Directories locked by this process (a second journal here would otherwise pass the pid check). */
const lockedHere = new Set<string>();

export interface DirectoryLock {
  release(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>/<name>` for this process: a file holding its pid. A lock left by a process that no
 * longer runs (killed, crashed) is taken over; one held by a live process, or already by this one, throws.
 */
export async function lockDirectory(dir: string, name = 'receiver.lock'): Promise<DirectoryLock> {
  const file = path.resolve(dir, name);
  if (lockedHere.has(file)) throw new Error(`${dir} is already in use by this process`);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new Error(`${dir} is in use by process ${holder}`);
      }
      await unlink(file).catch(() => undefined);
    }
  }
  lockedHere.add(file);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      lockedHere.delete(file);
      await unlink(file).catch(() => undefined);
    },
  };
}
