import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { AuthorizationCodes } from './authorization-codes';
import { authorizationErrorPage, consentPage } from './consent-page';
import { HttpRefusal } from '../core/http/http-refusal';
import { readBody, RequestBodyError, sendHtml, sendJson } from './http-io';
import { secretsEqual, type IssuedAccessToken, type TokenPair, type TokenRegistry } from './token-registry';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export const defaultOAuthClient: OAuthClient = { clientId: 'millwright-desktop', clientSecret: 'demo-plant-client-secret' };

export interface OAuthRoutesOptions {
  plantName: string;
  client: OAuthClient;
  tokens: TokenRegistry;
  now: () => number;
}

/** Paths served by Makini Link's flows, which take no bearer token. */
export function isOAuthPath(pathname: string): boolean {
  return pathname === '/link/token' || pathname.startsWith('/oauth/');
}

/**
 * Where codes may be sent: a loopback port (RFC 8252 §7.3) or Millwright's own URL scheme.
 * Fragments are refused, as OAuth requires.
 */
function isAllowedRedirectUri(uri: string): boolean {
  if (uri.includes('#') || !URL.canParse(uri)) return false;
  return uri.startsWith('millwright://') || /^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}\/\S*$/.test(uri);
}

function authorizeQuerySchema(clientId: string) {
  return z.object({
    response_type: z.literal('code', { error: 'response_type must be "code".' }),
    client_id: z.string({ error: 'client_id is missing.' }).refine((id) => id === clientId, 'Unknown client_id.'),
    redirect_uri: z
      .string({ error: 'redirect_uri is missing.' })
      .refine(isAllowedRedirectUri, 'redirect_uri must be http://127.0.0.1:<port>/…, http://localhost:<port>/… or millwright://….'),
    state: z.string().optional(),
  });
}
type AuthorizeQuery = z.infer<ReturnType<typeof authorizeQuerySchema>>;
const decisionSchema = z.enum(['allow', 'deny'], { error: 'decision must be "allow" or "deny".' });

const grantTypes = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
const clientFields = { client_id: z.string().min(1), client_secret: z.string().min(1) };
const tokenRequestSchema = z.discriminatedUnion('grant_type', [
  z.object({ grant_type: z.literal('authorization_code'), code: z.string().min(1), redirect_uri: z.string().min(1), ...clientFields }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1), ...clientFields }),
  z.object({ grant_type: z.literal('client_credentials'), ...clientFields }),
]);

/** Makini's token response: note `expires_in` is the Unix time (seconds) the access token expires, not a duration. */
export function makiniTokenResponse(issued: IssuedAccessToken | TokenPair) {
  return {
    access_token: issued.accessToken,
    ...('refreshToken' in issued ? { refresh_token: issued.refreshToken } : {}),
    token_type: 'bearer',
    expires_in: issued.expiresAt,
  };
}

async function readTokenRequest(req: IncomingMessage): Promise<unknown> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded' && contentType !== 'application/json') {
    throw new RequestBodyError('Send the parameters as application/x-www-form-urlencoded or application/json.');
  }
  const text = await readBody(req);
  if (contentType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestBodyError('Request body is not valid JSON.');
  }
}

/** Makini Link: the consent screen, its redirect back with a code, and the token endpoint. */
export function oauthRoutes({ plantName, client, tokens, now }: OAuthRoutesOptions) {
  const codes = new AuthorizationCodes();
  const querySchema = authorizeQuerySchema(client.clientId);

  /** The authorization request, or an error page: an unvalidated redirect_uri never receives anything. */
  const readAuthorizeQuery = (res: ServerResponse, url: URL): AuthorizeQuery | null => {
    const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
    if (query.success) return query.data;
    sendHtml(res, 400, authorizationErrorPage(plantName, query.error.issues[0]!.message));
    return null;
  };

  const decisionHref = (query: AuthorizeQuery, decision: z.infer<typeof decisionSchema>) => {
    const params = new URLSearchParams({ decision, response_type: query.response_type, client_id: query.client_id, redirect_uri: query.redirect_uri });
    if (query.state !== undefined) params.set('state', query.state);
    return `/oauth/authorize/decision?${params}`;
  };

  const authorize = (res: ServerResponse, url: URL) => {
    const query = readAuthorizeQuery(res, url);
    if (!query) return;
    sendHtml(
      res,
      200,
      consentPage({
        plantName,
        clientId: query.client_id,
        redirectUri: query.redirect_uri,
        allowHref: decisionHref(query, 'allow'),
        denyHref: decisionHref(query, 'deny'),
      }),
    );
  };

  // A plain GET decides, as the consent page's links do: the plant has no user sessions to
  // protect, so a forged "allow" could only hand a code to a redirect_uri validated above.
  const decide = (res: ServerResponse, url: URL) => {
    const query = readAuthorizeQuery(res, url);
    if (!query) return;
    const decision = decisionSchema.safeParse(url.searchParams.get('decision'));
    if (!decision.success) return sendHtml(res, 400, authorizationErrorPage(plantName, decision.error.issues[0]!.message));
    const target = new URL(query.redirect_uri);
    if (decision.data === 'allow') {
      target.searchParams.set('code', codes.issue({ clientId: query.client_id, redirectUri: query.redirect_uri }, now()));
    } else {
      target.searchParams.set('error', 'access_denied');
    }
    if (query.state !== undefined) target.searchParams.set('state', query.state);
    res.writeHead(302, { location: target.toString(), 'cache-control': 'no-store' });
    res.end();
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => sendJson(res, status, body, { 'cache-control': 'no-store', pragma: 'no-cache' });
    const fail = (status: number, error: string, description: string) => send(status, { error, error_description: description });
    let fields: unknown;
    try {
      fields = await readTokenRequest(req);
    } catch (error) {
      if (error instanceof RequestBodyError || error instanceof HttpRefusal) return fail(400, 'invalid_request', error.message);
      throw error;
    }
    const grantType = z.object({ grant_type: z.string() }).safeParse(fields);
    if (!grantType.success) return fail(400, 'invalid_request', 'grant_type is missing.');
    if (!grantTypes.some((known) => known === grantType.data.grant_type)) {
      return fail(400, 'unsupported_grant_type', `grant_type must be one of ${grantTypes.join(', ')}.`);
    }
    const request = tokenRequestSchema.safeParse(fields);
    if (!request.success) {
      const names = [...new Set(request.error.issues.map((issue) => issue.path.join('.')))];
      return fail(400, 'invalid_request', `Missing or invalid parameters: ${names.join(', ')}.`);
    }
    const body = request.data;
    if (body.client_id !== client.clientId || !secretsEqual(body.client_secret, client.clientSecret)) {
      return fail(401, 'invalid_client', 'Unknown client_id or wrong client_secret.');
    }
    switch (body.grant_type) {
      case 'authorization_code': {
        const authorized = codes.redeem(body.code, now());
        if (!authorized || authorized.clientId !== body.client_id) {
          return fail(400, 'invalid_grant', 'The authorization code is invalid, expired or already used.');
        }
        if (authorized.redirectUri !== body.redirect_uri) return fail(400, 'invalid_grant', 'redirect_uri differs from the one authorized.');
        return send(200, makiniTokenResponse(tokens.issuePair()));
      }
      case 'refresh_token': {
        const pair = tokens.refresh(body.refresh_token);
        if (!pair) return fail(400, 'invalid_grant', 'The refresh token is invalid, expired, revoked or already used.');
        return send(200, makiniTokenResponse(pair));
      }
      case 'client_credentials':
        return send(200, makiniTokenResponse(tokens.issueAccessToken()));
    }
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (url.pathname === '/link/token') {
      if (req.method === 'POST') return token(req, res);
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST.' });
    }
    const route = url.pathname === '/oauth/authorize' ? authorize : url.pathname === '/oauth/authorize/decision' ? decide : null;
    if (!route) return sendHtml(res, 404, authorizationErrorPage(plantName, `No such page: ${url.pathname}`));
    if (req.method !== 'GET') return sendHtml(res, 405, authorizationErrorPage(plantName, 'Use GET.'));
    route(res, url);
  };
}
