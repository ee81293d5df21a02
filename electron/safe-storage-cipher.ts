import { safeStorage } from 'electron';
import type { SecretCipher } from './core/connections/secret-cipher';

/**
 * Secrets sealed by the OS keychain through Electron's safeStorage. On Linux without a keyring
 * Chromium falls back to the "basic_text" backend, which is not real protection: reported as
 * "basic" so the UI can say so.
 */
export class SafeStorageCipher implements SecretCipher {
  readonly protection: 'os' | 'basic' =
    process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text' ? 'basic' : 'os';

  encrypt(plain: string): string {
    return safeStorage.encryptString(plain).toString('base64');
  }

  decrypt(sealed: string): string {
    return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }
}
