import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { restrictToOwner } from '../owner-only-access';

/** Encrypts secrets at rest: Electron's safeStorage in the app, AES-256-GCM with a key file in web mode. */
export interface SecretCipher {
  /** "os" when the key is guarded by the OS keychain; "basic" when not (the UI warns). */
  readonly protection: 'os' | 'basic';
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** A Millwright key: 32 bytes for AES-256. */
const keyLength = 32;

/**
 * AES-256-GCM with a random key kept in a file only the user can read (or in memory for an
 * ephemeral run). It keeps secrets out of the settings file and logs, but anyone who can read
 * the user's files can read the key: hence "basic".
 *
 * A key file others can read is made private (0600) and `warn` says so; one that cannot be (it
 * belongs to another user) is refused. A key file of the wrong length is refused too, never
 * replaced: every saved secret was sealed with the key it should hold.
 */
export class KeyFileCipher implements SecretCipher {
  readonly protection = 'basic' as const;
  private readonly key: Buffer;

  constructor(keyFile: string | null, warn: (message: string) => void = (message) => process.stderr.write(`${message}\n`)) {
    this.key = keyFile === null ? randomBytes(keyLength) : KeyFileCipher.loadOrCreateKey(keyFile, warn);
  }

  private static loadOrCreateKey(keyFile: string, warn: (message: string) => void): Buffer {
    let key: Buffer;
    try {
      const tightened = restrictToOwner(keyFile, 'The key file');
      if (tightened) warn(tightened);
      key = readFileSync(keyFile);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return KeyFileCipher.createKey(keyFile, warn);
      throw code === undefined ? error : new Error(`The key file ${keyFile} cannot be read (${code}).`);
    }
    if (key.length !== keyLength) {
      throw new Error(
        `The key file ${keyFile} holds ${key.length} bytes, not the ${keyLength} of a Millwright key: it is damaged or not Millwright's. ` +
          'Millwright leaves it as it is, since saved tokens can be read only with the key they were sealed with. ' +
          'Put the right key file back (from a backup), or move this one aside to start with a new key (saved connections then need to be reauthorized).',
      );
    }
    return key;
  }

  /**
   * Writes a new key whole under another name, then links it into place: a crash never leaves a
   * short key file, and of two starts racing, the later one takes the first one's key instead of
   * replacing it.
   */
  private static createKey(keyFile: string, warn: (message: string) => void): Buffer {
    const key = randomBytes(keyLength);
    mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    const draft = `${keyFile}.${process.pid}-${randomBytes(4).toString('hex')}.new`;
    const fd = openSync(draft, 'wx', 0o600);
    try {
      writeSync(fd, key);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(draft, keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return KeyFileCipher.loadOrCreateKey(keyFile, warn);
      throw error;
    } finally {
      rmSync(draft, { force: true });
    }
    return key;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
