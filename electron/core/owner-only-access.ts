import { chmodSync, statSync } from 'node:fs';

const octal = (mode: number) => `0${(mode & 0o7777).toString(8)}`;

/**
 * Keeps a file or folder to its owner: when its mode lets the group or others in, takes those
 * bits away and answers a note saying so (for the caller to log); null when it was private
 * already. Refuses with a clear Error when that cannot be done: the path belongs to another user
 * (left as it is, even for root), or the file system does not keep the change. Errors of `stat`
 * itself (ENOENT, …) pass through unchanged.
 */
export function restrictToOwner(target: string, what: string): string | null {
  // Windows has no POSIX modes (Node maps them to a read-only flag; access is its ACLs' business),
  // so there is nothing to check or tighten there.
  if (process.platform === 'win32') return null;
  const { mode, uid } = statSync(target);
  if ((mode & 0o077) === 0) return null;
  const privateMode = mode & ~0o077;
  const fix = `chmod ${(privateMode & 0o777).toString(8)} '${target}'`;
  if (uid !== process.getuid?.()) {
    throw new Error(`${what} ${target} is open to other users (mode ${octal(mode)}) and belongs to another user (uid ${uid}), so Millwright will not use it. Its owner can close it with: ${fix}`);
  }
  try {
    chmodSync(target, privateMode);
  } catch (error) {
    throw new Error(`${what} ${target} is open to other users (mode ${octal(mode)}) and could not be made private (${(error as NodeJS.ErrnoException).code}), so Millwright will not use it. Close it with: ${fix}`);
  }
  const after = statSync(target).mode;
  if ((after & 0o077) !== 0) {
    throw new Error(`${what} ${target} is open to other users (mode ${octal(after)}) and its file system does not keep a tighter mode, so Millwright will not use it. Keep it on a file system with Unix permissions.`);
  }
  return `${what} ${target} was open to other users (mode ${octal(mode)}); Millwright made it private (mode ${octal(after)}).`;
}
