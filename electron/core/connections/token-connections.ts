import type { ConnectWithTokenRequest } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { AppError } from '../../../shared/errors';
import type { MakiniSettings } from '../connectors/makini/makini-connector-kind';
import type { ConnectionActivation } from './connection-activation';
import type { ConnectionCredentials } from './connection-credentials';
import type { ConnectionRuntime } from './connection-runtime';

/** A pasted token has no refresh token and no known expiry. */
const pasted = (token: string) => ({ accessToken: token, refreshToken: null, expiresAt: null });

/** Connections made with a pasted Makini connection token (cloud, self-hosted or on-premises Makini). */
export class TokenConnections {
  constructor(
    private readonly activation: ConnectionActivation,
    private readonly credentials: ConnectionCredentials,
  ) {}

  async connect(request: ConnectWithTokenRequest): Promise<ConnectionView> {
    const baseUrl = request.baseUrl.trim().replace(/\/+$/, '');
    const settings: MakiniSettings = { linkUrl: null, oauthClientId: null, demo: null };
    const info = await this.activation.probeMakini(baseUrl, request.token, settings);
    const runtime = this.activation.open(
      {
        name: request.name || info.companyName || new URL(baseUrl).host,
        kind: 'makini',
        authMethod: 'token',
        baseUrl,
        deployment: request.deployment ?? 'cloud',
        settings,
        provider: info.provider,
        companyName: info.companyName,
        ...(request.historyDays !== undefined ? { historyDays: request.historyDays } : {}),
      },
      this.credentials.issue(pasted(request.token), null),
    );
    return this.activation.activate(runtime, 'connected with a pasted token');
  }

  /** A new pasted token for a connection (any but a demo plant, which issues its own), first tried as its kind reaches it. */
  async reauthorize(runtime: ConnectionRuntime, token: string | undefined): Promise<ConnectionView> {
    if (runtime.kind.secretless) throw new AppError('NOT_ALLOWED', `${runtime.record.name} is read from a file and needs no sign-in: Sync now reads the file again.`);
    if (token === undefined) throw new AppError('NOT_ALLOWED', 'Paste a new token, or sign in through Makini Link again.');
    await this.activation.probe(runtime.kind, runtime.record.baseUrl, token, runtime.record.settings);
    return this.activation.replaceSecrets(runtime, this.credentials.issue(pasted(token), null), 'reauthorized with a pasted token');
  }
}
