import { z } from 'zod';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from './key-value-store';
import type { SecretCipher } from './secret-cipher';

export const connectionSecretsSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable(),
  /** ISO time the access token expires, when known. */
  expiresAt: z.string().nullable(),
  /** ISO time the token was obtained, to refresh after a share of its lifetime. */
  obtainedAt: z.string(),
  /** The Makini app's client secret (OAuth connections), needed to refresh. */
  clientSecret: z.string().nullable(),
  /** The secret webhooks for this connection are signed with (Makini's Webhooks page; generated for demo plants). */
  webhookSecret: z.string().min(1).nullable().default(null),
  /** The desktop token a webhook relay issued, when the connection's webhooks come through one. */
  relayToken: z.string().min(1).nullable().default(null),
});
export type ConnectionSecrets = z.infer<typeof connectionSecretsSchema>;

/** Tokens and client secrets, encrypted at rest, only in main. Values never reach the renderer or a log. */
export class SecretStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly cipher: SecretCipher,
    private readonly logger: Logger,
  ) {}

  get protection(): 'os' | 'basic' {
    return this.cipher.protection;
  }

  get(connectionId: string): ConnectionSecrets | null {
    const sealed = this.store.get(this.key(connectionId));
    if (typeof sealed !== 'string') return null;
    try {
      const secrets = connectionSecretsSchema.parse(JSON.parse(this.cipher.decrypt(sealed)));
      this.logger.addSecret(secrets.accessToken, secrets.refreshToken, secrets.clientSecret, secrets.webhookSecret, secrets.relayToken);
      return secrets;
    } catch {
      this.logger.warn('could not decrypt the saved token of a connection; it needs to be reauthorized', { connectionId });
      return null;
    }
  }

  /** Replaces a connection's secrets in one write, so a crash leaves either the old set or the new one. */
  set(connectionId: string, secrets: ConnectionSecrets): void {
    this.logger.addSecret(secrets.accessToken, secrets.refreshToken, secrets.clientSecret, secrets.webhookSecret, secrets.relayToken);
    this.store.set(this.key(connectionId), this.cipher.encrypt(JSON.stringify(connectionSecretsSchema.parse(secrets))));
  }

  delete(connectionId: string): void {
    this.store.delete(this.key(connectionId));
  }

  private key(connectionId: string): string {
    return `secrets.${connectionId}`;
  }
}
