import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyFileCipher } from '../../electron/core/connections/secret-cipher';
import { fileOfAnotherUser } from '../support/owned-by-another-user';

let dir: string;
let warnings: string[];
const warn = (message: string) => void warnings.push(message);
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'millwright-key-'));
  warnings = [];
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (target: string) => statSync(target).mode & 0o7777;

describe('the key file of web mode\'s secrets', () => {
  it('is made on first start, 32 random bytes only the user can read, and read again on the next', () => {
    const keyFile = path.join(dir, 'home', 'secret.key');
    const sealed = new KeyFileCipher(keyFile, warn).encrypt('tok_3f9a');
    expect(readFileSync(keyFile)).toHaveLength(32);
    expect(modeOf(keyFile)).toBe(0o600);
    expect(modeOf(path.dirname(keyFile))).toBe(0o700);
    expect(readdirSync(path.dirname(keyFile))).toEqual(['secret.key']);
    expect(new KeyFileCipher(keyFile, warn).decrypt(sealed)).toBe('tok_3f9a');
    expect(warnings).toEqual([]);
  });

  it('loosened so others can read it, is made private again, saying so once, and still opens what it sealed', () => {
    const keyFile = path.join(dir, 'secret.key');
    const sealed = new KeyFileCipher(keyFile, warn).encrypt('tok_3f9a');
    chmodSync(keyFile, 0o644);

    const reopened = new KeyFileCipher(keyFile, warn);
    expect(warnings).toEqual([`The key file ${keyFile} was open to other users (mode 0644); Millwright made it private (mode 0600).`]);
    expect(modeOf(keyFile)).toBe(0o600);
    expect(reopened.decrypt(sealed)).toBe('tok_3f9a');

    new KeyFileCipher(keyFile, warn);
    expect(warnings).toHaveLength(1);
  });

  it('is refused, and left as it is, when others can read it and it belongs to another user', () => {
    const keyFile = fileOfAnotherUser(dir, randomBytes(32));
    const before = { mode: modeOf(keyFile), content: readFileSync(keyFile), uid: statSync(keyFile).uid };
    expect(() => new KeyFileCipher(keyFile, warn)).toThrow(
      `The key file ${keyFile} is open to other users (mode 0644) and belongs to another user (uid ${before.uid}), so Millwright will not use it. Its owner can close it with: chmod 600 '${keyFile}'`,
    );
    expect({ mode: modeOf(keyFile), content: readFileSync(keyFile), uid: statSync(keyFile).uid }).toEqual(before);
  });

  it('of the wrong length is refused with the way out, never replaced (every saved secret was sealed with it)', () => {
    const keyFile = path.join(dir, 'secret.key');
    for (const damaged of [Buffer.alloc(0), randomBytes(16), randomBytes(33)]) {
      writeFileSync(keyFile, damaged, { mode: 0o600 });
      expect(() => new KeyFileCipher(keyFile, warn)).toThrow(
        `The key file ${keyFile} holds ${damaged.length} bytes, not the 32 of a Millwright key: it is damaged or not Millwright's. ` +
          'Millwright leaves it as it is, since saved tokens can be read only with the key they were sealed with. ' +
          'Put the right key file back (from a backup), or move this one aside to start with a new key (saved connections then need to be reauthorized).',
      );
      expect(readFileSync(keyFile)).toEqual(damaged);
    }
  });
});
