import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { nodeHttpFetch } from '../http/node-http-fetch';

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
  token_type: z.string().optional(),
  expires_in: z.number().nonnegative().nullish(),
});

export interface TokenPair {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: string | null;
}

/**
 * Makini documents `expires_in` as a Unix timestamp (seconds), not a lifetime as OAuth has it.
 * Values past 2001 as a timestamp are read as one; smaller ones as seconds from now.
 */
export function expiryFromExpiresIn(expiresIn: number | null | undefined, nowMs: number): string | null {
  if (expiresIn === null || expiresIn === undefined) return null;
  const timestampThreshold = 1_000_000_000;
  return new Date(expiresIn >= timestampThreshold ? expiresIn * 1000 : nowMs + expiresIn * 1000).toISOString();
}

export interface MakiniLinkClientOptions {
  /** The API base (the token endpoint is `<baseUrl>/link/token`). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Makini Link's token endpoint: authorization-code exchange and refresh. */
export class MakiniLinkClient {
  constructor(private readonly options: MakiniLinkClientOptions) {}

  exchangeCode(code: string, redirectUri: string): Promise<TokenPair> {
    return this.post({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.post({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  private async post(grant: Record<string, string>): Promise<TokenPair> {
    const url = new URL('/link/token', this.options.baseUrl.replace(/\/+$/, '') + '/');
    const body = new URLSearchParams({ ...grant, client_id: this.options.clientId, client_secret: this.options.clientSecret });
    let response: Response;
    try {
      response = await (this.options.fetch ?? nodeHttpFetch)(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new AppError('NETWORK', `Could not reach ${url.host} to obtain a token.`);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const oauthError = z.object({ error: z.string(), error_description: z.string().optional() }).safeParse(json);
      const reason = oauthError.success ? (oauthError.data.error_description ?? oauthError.data.error) : `HTTP ${response.status}`;
      const code = response.status === 401 || (oauthError.success && ['invalid_grant', 'invalid_client'].includes(oauthError.data.error)) ? 'UPSTREAM_AUTH' : 'UPSTREAM_BAD_REQUEST';
      throw new AppError(code, `Makini Link refused the token request: ${reason}`, { status: response.status });
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) throw new AppError('UPSTREAM_MALFORMED', 'Makini Link answered the token request with an unexpected body.');
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token ?? null,
      expiresAt: expiryFromExpiresIn(parsed.data.expires_in, (this.options.now ?? Date.now)()),
    };
  }
}
