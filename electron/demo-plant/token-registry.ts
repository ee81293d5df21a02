import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const savedTokenSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), expiresAtMs: z.number() });

/** What the plant's state file keeps of its issued grants: hashes and times, never a usable token. */
export const savedAuthSchema = z.object({
  credentialsChangedAtMs: z.number().nullable(),
  grants: z.array(
    z.object({
      issuedAtMs: z.number(),
      accessTokens: z.array(savedTokenSchema),
      refreshToken: savedTokenSchema.nullable(),
    }),
  ),
});
export type SavedAuth = z.infer<typeof savedAuthSchema>;
type SavedToken = z.infer<typeof savedTokenSchema>;

/** An access token as Makini issues it; `expiresAt` is in Unix seconds, like Makini's `expires_in`. */
export interface IssuedAccessToken {
  accessToken: string;
  expiresAt: number;
}
export interface TokenPair extends IssuedAccessToken {
  refreshToken: string;
}

/** The outcome of presenting a bearer token to the API. */
export type ApiAccess =
  | { ok: false; message: string }
  | {
      ok: true;
      /** The grant predates a change of the plant's system credentials: the user must reconnect. */
      reauthorizationRequired: boolean;
      /** Disconnects: the grant's access and refresh tokens stop working. */
      revoke(): void;
    };

export interface TokenRegistryOptions {
  adminToken: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  now: () => number;
  saved: SavedAuth | null;
}

/** One authorization of the client: its current refresh token and every access token issued under it. */
interface Grant {
  issuedAtMs: number;
  accessTokens: SavedToken[];
  refreshToken: SavedToken | null;
  revoked: boolean;
  apiRequests: number;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export function sha256(text: string): string {
  return digest(text).toString('hex');
}

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsEqual(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * The tokens the demo plant accepts: its static admin token, and the grants it issued through
 * Makini Link's flows. Issued tokens are known only by their SHA-256, so a lookup reveals nothing
 * through timing and the state file holds nothing a thief could present.
 */
export class TokenRegistry {
  private readonly now: () => number;
  private readonly accessTtlMs: number;
  private readonly refreshTtlMs: number;
  private readonly adminHash: Buffer;
  private adminRequests = 0;
  private readonly grants: Grant[] = [];
  private readonly accessByHash = new Map<string, { grant: Grant; token: SavedToken }>();
  private readonly refreshByHash = new Map<string, Grant>();
  private credentialsChangedAtMs: number | null;
  private lastStampMs = 0;
  private readonly changeListeners = new Set<() => void>();

  constructor(options: TokenRegistryOptions) {
    for (const [name, seconds] of [
      ['accessTokenTtlSeconds', options.accessTokenTtlSeconds],
      ['refreshTokenTtlSeconds', options.refreshTokenTtlSeconds],
    ] as const) {
      if (!(seconds > 0 && Number.isFinite(seconds))) throw new RangeError(`${name} must be a positive number of seconds, not ${seconds}.`);
    }
    this.now = options.now;
    this.accessTtlMs = options.accessTokenTtlSeconds * 1000;
    this.refreshTtlMs = options.refreshTokenTtlSeconds * 1000;
    this.adminHash = digest(options.adminToken);
    this.credentialsChangedAtMs = options.saved?.credentialsChangedAtMs ?? null;
    this.lastStampMs = this.credentialsChangedAtMs ?? 0;
    for (const saved of options.saved?.grants ?? []) {
      const grant: Grant = { ...saved, revoked: false, apiRequests: 0 };
      this.register(grant);
      this.lastStampMs = Math.max(this.lastStampMs, grant.issuedAtMs);
    }
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  isAdmin(presented: string | null): boolean {
    return presented !== null && timingSafeEqual(digest(presented), this.adminHash);
  }

  /** Checks a bearer token presented to the API, and counts the request against its grant. */
  authenticate(presented: string | null): ApiAccess {
    if (this.isAdmin(presented)) {
      this.adminRequests += 1;
      // The admin token survives a disconnect and a change of credentials: tests and the control
      // API (which accepts nothing else) must keep working whatever a client does to its connection.
      return { ok: true, reauthorizationRequired: false, revoke: () => {} };
    }
    const entry = presented === null ? undefined : this.accessByHash.get(sha256(presented));
    if (!entry) return { ok: false, message: 'Missing or invalid access token.' };
    const { grant, token } = entry;
    grant.apiRequests += 1;
    if (grant.revoked) return { ok: false, message: 'The access token was revoked.' };
    if (token.expiresAtMs <= this.now()) return { ok: false, message: 'The access token has expired.' };
    return {
      ok: true,
      reauthorizationRequired: this.credentialsChangedAtMs !== null && grant.issuedAtMs < this.credentialsChangedAtMs,
      revoke: () => {
        grant.revoked = true;
        this.changed();
      },
    };
  }

  /** API requests presented with this access token's grant (or with the admin token); 0 for a token never issued. */
  apiRequestsByToken(accessToken: string): number {
    if (this.isAdmin(accessToken)) return this.adminRequests;
    return this.accessByHash.get(sha256(accessToken))?.grant.apiRequests ?? 0;
  }

  issuePair(): TokenPair {
    const grant = this.newGrant();
    const refreshToken = this.addRefreshToken(grant);
    const pair = { ...this.addAccessToken(grant), refreshToken };
    this.changed();
    return pair;
  }

  /** A grant without a refresh token, as the client-credentials flow gives. */
  issueAccessToken(): IssuedAccessToken {
    const issued = this.addAccessToken(this.newGrant());
    this.changed();
    return issued;
  }

  /**
   * Rotates a refresh token: a new pair under the same grant, so a grant that predates a change of
   * credentials stays unusable (only a new authorization repairs it). Earlier access tokens keep
   * working until they expire. Null for an unknown, used, expired or revoked refresh token.
   */
  refresh(refreshToken: string): TokenPair | null {
    const hash = sha256(refreshToken);
    const grant = this.refreshByHash.get(hash);
    if (!grant || grant.revoked || grant.refreshToken!.expiresAtMs <= this.now()) return null;
    this.refreshByHash.delete(hash);
    const pair = { ...this.addAccessToken(grant), refreshToken: this.addRefreshToken(grant) };
    this.changed();
    return pair;
  }

  /**
   * While on, every grant issued before it was turned on needs reauthorization. Turning it on again
   * while on keeps the original instant, so grants made since (reconnects) keep working.
   */
  setCredentialsChanged(changed: boolean): void {
    if (changed === (this.credentialsChangedAtMs !== null)) return;
    this.credentialsChangedAtMs = changed ? this.stamp() : null;
    this.changed();
  }

  credentialsChanged(): boolean {
    return this.credentialsChangedAtMs !== null;
  }

  /** Live grants, with only their unexpired tokens; revoked and spent ones are not worth keeping. */
  snapshot(): SavedAuth {
    const nowMs = this.now();
    const grants = this.grants
      .filter((grant) => !grant.revoked)
      .map((grant) => ({
        issuedAtMs: grant.issuedAtMs,
        accessTokens: grant.accessTokens.filter((token) => token.expiresAtMs > nowMs),
        refreshToken: grant.refreshToken && grant.refreshToken.expiresAtMs > nowMs ? grant.refreshToken : null,
      }))
      .filter((grant) => grant.accessTokens.length > 0 || grant.refreshToken !== null);
    return { credentialsChangedAtMs: this.credentialsChangedAtMs, grants };
  }

  private newGrant(): Grant {
    const grant: Grant = { issuedAtMs: this.stamp(), accessTokens: [], refreshToken: null, revoked: false, apiRequests: 0 };
    this.register(grant);
    return grant;
  }

  private register(grant: Grant): void {
    this.grants.push(grant);
    for (const token of grant.accessTokens) this.accessByHash.set(token.sha256, { grant, token });
    if (grant.refreshToken) this.refreshByHash.set(grant.refreshToken.sha256, grant);
  }

  private addAccessToken(grant: Grant): IssuedAccessToken {
    const accessToken = `demo_at_${randomBytes(32).toString('base64url')}`;
    const token = { sha256: sha256(accessToken), expiresAtMs: this.now() + this.accessTtlMs };
    grant.accessTokens.push(token);
    this.accessByHash.set(token.sha256, { grant, token });
    return { accessToken, expiresAt: Math.floor(token.expiresAtMs / 1000) };
  }

  private addRefreshToken(grant: Grant): string {
    const refreshToken = `demo_rt_${randomBytes(32).toString('base64url')}`;
    grant.refreshToken = { sha256: sha256(refreshToken), expiresAtMs: this.now() + this.refreshTtlMs };
    this.refreshByHash.set(grant.refreshToken.sha256, grant);
    return refreshToken;
  }

  /**
   * now(), but strictly after every instant already recorded: clocks tie within a millisecond, and
   * a grant issued just before or after the credentials switch must fall on the right side of it.
   */
  private stamp(): number {
    this.lastStampMs = Math.max(this.now(), this.lastStampMs + 1);
    return this.lastStampMs;
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
