import { randomBytes, randomUUID } from 'node:crypto';
import type { BeginOAuthRequest } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { AppError } from '../../../shared/errors';
import { makiniSettingsOf, type MakiniSettings } from '../connectors/makini/makini-connector-kind';
import type { ConnectionActivation } from './connection-activation';
import type { ConnectionCredentials } from './connection-credentials';
import type { ConnectionRecord } from './connection-record';
import type { ConnectionRuntimes } from './connection-runtimes';
import { listenForOAuthCallback, type LoopbackCallback } from './oauth-loopback';

export interface MakiniLinkSignInOptions {
  runtimes: Pick<ConnectionRuntimes, 'require'>;
  credentials: ConnectionCredentials;
  activation: ConnectionActivation;
  /** Opens the system browser; resolves false where main cannot (web mode: the renderer opens the page). */
  openExternal: (url: string) => Promise<boolean>;
  timeoutMs?: number;
}

interface SignInFlow {
  /** Where the new token goes: a new connection, or an existing one being reauthorized. */
  target:
    | { kind: 'new'; name: string | undefined; deployment: ConnectionRecord['deployment']; historyDays: ConnectionRecord['historyDays'] | undefined }
    | { kind: 'reauthorize'; connectionId: string };
  baseUrl: string;
  linkUrl: string;
  clientId: string;
  clientSecret: string;
  callback: LoopbackCallback;
}

const withoutTrailingSlashes = (url: string) => url.trim().replace(/\/+$/, '');

/**
 * Makini Link sign-in (OAuth authorization code): the system browser opens the authorize page,
 * the answer comes back on a random loopback port with its `state` checked, and the code is
 * exchanged for a token pair, for a new connection or one being reauthorized.
 */
export class MakiniLinkSignIn {
  private readonly flows = new Map<string, SignInFlow>();

  constructor(private readonly options: MakiniLinkSignInOptions) {}

  async begin(request: BeginOAuthRequest): Promise<{ flowId: string; authorizeUrl: string; browserOpened: boolean }> {
    let flow: Omit<SignInFlow, 'callback'>;
    if ('reauthorizeConnectionId' in request) {
      const { record, secrets } = this.options.runtimes.require(request.reauthorizeConnectionId);
      const link = makiniSettingsOf(record);
      if (record.authMethod !== 'oauth' || !link?.linkUrl || !link.oauthClientId || !secrets?.clientSecret) {
        throw new AppError('NOT_ALLOWED', `${record.name} was not connected through Makini Link; reauthorize it with a token, or add it again.`);
      }
      flow = { target: { kind: 'reauthorize', connectionId: record.id }, baseUrl: record.baseUrl, linkUrl: link.linkUrl, clientId: link.oauthClientId, clientSecret: secrets.clientSecret };
    } else {
      flow = {
        target: { kind: 'new', name: request.name, deployment: request.deployment ?? 'cloud', historyDays: request.historyDays },
        baseUrl: withoutTrailingSlashes(request.baseUrl),
        linkUrl: withoutTrailingSlashes(request.linkUrl),
        clientId: request.clientId,
        clientSecret: request.clientSecret,
      };
    }
    const state = randomBytes(24).toString('base64url');
    const callback = await listenForOAuthCallback(state, this.options.timeoutMs ?? 10 * 60_000);
    const authorize = new URL(`${flow.linkUrl}/oauth/authorize`);
    authorize.search = new URLSearchParams({ response_type: 'code', client_id: flow.clientId, redirect_uri: callback.redirectUri, state }).toString();
    const flowId = randomUUID();
    this.flows.set(flowId, { ...flow, callback });
    const browserOpened = await this.options.openExternal(authorize.toString()).catch(() => false);
    return { flowId, authorizeUrl: authorize.toString(), browserOpened };
  }

  async complete(flowId: string): Promise<ConnectionView> {
    const flow = this.flows.get(flowId);
    if (!flow) throw new AppError('NOT_FOUND', 'That sign-in is no longer running; start again.');
    const { activation, credentials } = this.options;
    try {
      const code = await flow.callback.code;
      const pair = await credentials.linkClient(flow.baseUrl, flow.clientId, flow.clientSecret).exchangeCode(code, flow.callback.redirectUri);
      const settings: MakiniSettings = { linkUrl: flow.linkUrl, oauthClientId: flow.clientId, demo: null };
      const info = await activation.probeMakini(flow.baseUrl, pair.accessToken, settings);
      const secrets = credentials.issue(pair, flow.clientSecret);
      if (flow.target.kind === 'reauthorize') {
        return activation.replaceSecrets(this.options.runtimes.require(flow.target.connectionId), secrets, 'reauthorized through Makini Link');
      }
      const runtime = activation.open(
        {
          name: flow.target.name || info.companyName || new URL(flow.baseUrl).host,
          kind: 'makini',
          authMethod: 'oauth',
          baseUrl: flow.baseUrl,
          deployment: flow.target.deployment,
          settings,
          provider: info.provider,
          companyName: info.companyName,
          ...(flow.target.historyDays !== undefined ? { historyDays: flow.target.historyDays } : {}),
        },
        secrets,
      );
      return activation.activate(runtime, 'connected through Makini Link');
    } finally {
      this.flows.delete(flowId);
    }
  }

  cancel(flowId: string): void {
    this.flows.get(flowId)?.callback.cancel();
    this.flows.delete(flowId);
  }

  /** Every sign-in still waiting stops (the app quits). */
  cancelAll(): void {
    for (const flowId of [...this.flows.keys()]) this.cancel(flowId);
  }
}
