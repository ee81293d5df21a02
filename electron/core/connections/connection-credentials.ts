import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { makiniSettingsOf } from '../connectors/makini/makini-connector-kind';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRuntime } from './connection-runtime';
import { MakiniLinkClient, type TokenPair } from './makini-link-client';
import type { ConnectionSecrets, SecretStore } from './secret-store';

const day = 86_400_000;

export interface ConnectionCredentialsOptions extends Pick<ConnectionCore, 'now' | 'logger'> {
  secrets: SecretStore;
  fetch?: typeof fetch;
}

/** A secret of our own for a demo plant's webhooks. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A connection's tokens: issued, kept encrypted, and refreshed through Makini Link before they run out. */
export class ConnectionCredentials {
  constructor(private readonly options: ConnectionCredentialsOptions) {}

  /** The secrets to keep for a token pair just obtained. */
  issue(pair: TokenPair, clientSecret: string | null, webhookSecret: string | null = null, relayToken: string | null = null): ConnectionSecrets {
    return { ...pair, obtainedAt: new Date(this.options.now()).toISOString(), clientSecret, webhookSecret, relayToken };
  }

  /** Makini Link's token endpoint for an app (its client id and secret). */
  linkClient(baseUrl: string, clientId: string, clientSecret: string): MakiniLinkClient {
    return new MakiniLinkClient({ baseUrl, clientId, clientSecret, now: this.options.now, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
  }

  /**
   * Refreshes an OAuth token once most of its life is spent (a fifth left, at most a day before
   * expiry). A refused refresh throws (the connection needs reauthorizing); a refresh that cannot
   * be made (offline?) leaves the current token in use while it lasts.
   */
  async ensureFresh(runtime: ConnectionRuntime): Promise<void> {
    const { secrets, record } = runtime;
    const clientId = makiniSettingsOf(record)?.oauthClientId;
    if (!secrets?.refreshToken || !secrets.expiresAt || !secrets.clientSecret || !clientId) return;
    const expiresAt = Date.parse(secrets.expiresAt);
    const lifetime = expiresAt - Date.parse(secrets.obtainedAt);
    if (expiresAt - this.options.now() > Math.min(day, lifetime * 0.2)) return;
    try {
      const pair = await this.linkClient(record.baseUrl, clientId, secrets.clientSecret).refresh(secrets.refreshToken);
      const next = this.issue(pair, secrets.clientSecret, secrets.webhookSecret, secrets.relayToken);
      // Stored before it is used: a crash now leaves the new pair on disk, never neither.
      this.options.secrets.set(record.id, next);
      runtime.secrets = next;
      this.options.logger.info('refreshed the access token', { connectionId: record.id });
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPSTREAM_AUTH') throw error;
      if (expiresAt <= this.options.now()) throw error;
    }
  }
}
