import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Encrypts secrets at rest: Electron's safeStorage in the app, AES-256-GCM with a key file in web mode. */
export interface SecretCipher {
  /** "os" when the key is guarded by the OS keychain; "basic" when not (the UI warns). */
  readonly protection: 'os' | 'basic';
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/**
 * AES-256-GCM with a random key kept in a file only the user can read (or in memory for an
 * ephemeral run). It keeps secrets out of the settings file and logs, but anyone who can read
 * the user's files can read the key: hence "basic".
 */
export class KeyFileCipher implements SecretCipher {
  readonly protection = 'basic' as const;
  private readonly key: Buffer;

  constructor(keyFile: string | null) {
    this.key = keyFile === null ? randomBytes(32) : KeyFileCipher.loadOrCreateKey(keyFile);
  }

  private static loadOrCreateKey(keyFile: string): Buffer {
    try {
      const existing = readFileSync(keyFile);
      if (existing.length === 32) return existing;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(32);
    mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, key, { mode: 0o600 });
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
