import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `nobody` on Debian and most Linux systems. */
const otherUid = 65534;
const runsAsRoot = process.getuid?.() === 0;

/**
 * A file open to other users (0644) that belongs to another user, to see a refusal on. As root
 * (who can give files away) it is made in `dir` with `content`; otherwise it is the system's
 * /etc/passwd, which belongs to root and which an ordinary user cannot change anyway.
 */
export function fileOfAnotherUser(dir: string, content: Buffer): string {
  if (!runsAsRoot) return '/etc/passwd';
  const file = path.join(dir, 'of-another-user');
  writeFileSync(file, content);
  chmodSync(file, 0o644);
  chownSync(file, otherUid, otherUid);
  return file;
}

/** A folder open to other users (0755) that belongs to another user: made in `dir` as root, /etc otherwise. */
export function folderOfAnotherUser(dir: string): string {
  if (!runsAsRoot) return '/etc';
  const folder = path.join(dir, 'of-another-user');
  mkdirSync(folder);
  chmodSync(folder, 0o755);
  chownSync(folder, otherUid, otherUid);
  return folder;
}
