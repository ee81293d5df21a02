import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareMillwrightHome } from '../../electron/millwright-home';
import { folderOfAnotherUser } from '../support/owned-by-another-user';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'millwright-home-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (target: string) => statSync(target).mode & 0o7777;

describe('the Millwright home', () => {
  it('is made readable by the user alone, and so are the folders Millwright makes in it', () => {
    const previous = process.umask(0o022);
    try {
      const home = path.join(dir, 'not', 'yet', '.millwright');
      expect(prepareMillwrightHome(home, ['logs', 'demo-plants', 'webhooks'])).toBeNull();
      for (const folder of [home, path.join(home, 'logs'), path.join(home, 'demo-plants'), path.join(home, 'webhooks')]) {
        expect(modeOf(folder), folder).toBe(0o700);
      }
    } finally {
      process.umask(previous);
    }
  });

  it('is made private when it lets others in, and says so once', () => {
    const home = path.join(dir, 'home');
    prepareMillwrightHome(home, []);
    chmodSync(home, 0o755);
    expect(prepareMillwrightHome(home, ['logs'])).toBe(`The Millwright home (MILLWRIGHT_HOME) ${home} was open to other users (mode 0755); Millwright made it private (mode 0700).`);
    expect(modeOf(home)).toBe(0o700);
    expect(prepareMillwrightHome(home, ['logs'])).toBeNull();

    chmodSync(home, 0o2775);
    expect(prepareMillwrightHome(home, [])).toContain('(mode 02775); Millwright made it private (mode 02700)');
    expect(modeOf(home)).toBe(0o2700);
  });

  it("is refused, and left as it is, when it lets others in and belongs to another user", () => {
    const home = folderOfAnotherUser(dir);
    const before = statSync(home);
    expect(() => prepareMillwrightHome(home, [])).toThrow(
      `The Millwright home (MILLWRIGHT_HOME) ${home} is open to other users (mode 0755) and belongs to another user (uid ${before.uid}), so Millwright will not use it. Its owner can close it with: chmod 700 '${home}'`,
    );
    expect(modeOf(home)).toBe(before.mode & 0o7777);
  });

  it('that cannot be made is an error naming the folder and the reason', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const home = path.join(file, 'home');
    expect(() => prepareMillwrightHome(home, [])).toThrow(`Millwright could not make the folder ${home} (ENOTDIR).`);
  });
});
