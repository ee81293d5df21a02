import { randomBytes } from 'node:crypto';
import { sha256 } from './token-registry';

const codeLifetimeMs = 10 * 60_000;

export interface Authorization {
  clientId: string;
  redirectUri: string;
}

/** Authorization codes awaiting exchange: single use, ten minutes, in memory only and known by hash. */
export class AuthorizationCodes {
  private readonly pending = new Map<string, Authorization & { expiresAtMs: number }>();

  issue(authorization: Authorization, nowMs: number): string {
    for (const [hash, { expiresAtMs }] of this.pending) if (expiresAtMs <= nowMs) this.pending.delete(hash);
    const code = randomBytes(24).toString('base64url');
    this.pending.set(sha256(code), { ...authorization, expiresAtMs: nowMs + codeLifetimeMs });
    return code;
  }

  /** The authorization a code stands for, or null; either way the code is spent. */
  redeem(code: string, nowMs: number): Authorization | null {
    const hash = sha256(code);
    const pending = this.pending.get(hash);
    this.pending.delete(hash);
    return pending && pending.expiresAtMs > nowMs ? { clientId: pending.clientId, redirectUri: pending.redirectUri } : null;
  }
}
