// Lets a millwright://oauth/callback link finish a Makini Link sign-in that waits on its loopback port.

const flowLifetimeMs = 15 * 60_000;
const maxFlows = 16;

interface WaitingFlow {
  redirectUri: string;
  seenAt: number;
}

/**
 * The sign-in (electron/core) listens for its redirect on `http://127.0.0.1:<port>/callback` and
 * checks the `state` itself. This relay remembers, from each authorize URL main opens in the
 * browser, which loopback address belongs to which state; a millwright://oauth/callback link
 * carrying that state is then passed to the same address, so both ways end in the same check.
 */
export class OAuthCallbackRelay {
  private readonly flows = new Map<string, WaitingFlow>();

  constructor(
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called with every URL main opens externally; keeps the ones that are OAuth authorize requests with a loopback redirect. */
  noteOpenedUrl(raw: string): void {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return;
    }
    const state = url.searchParams.get('state');
    const redirect = url.searchParams.get('redirect_uri');
    if (url.searchParams.get('response_type') !== 'code' || !state || !redirect || !isLoopbackCallback(redirect)) return;
    this.prune();
    this.flows.set(state, { redirectUri: redirect, seenAt: this.now() });
    while (this.flows.size > maxFlows) this.flows.delete(this.flows.keys().next().value as string);
  }

  /** Passes the link's query to the waiting sign-in; false when no sign-in waits for its state. */
  async relay(params: URLSearchParams): Promise<boolean> {
    this.prune();
    const state = params.get('state');
    const flow = state ? this.flows.get(state) : undefined;
    if (!state || !flow) return false;
    this.flows.delete(state);
    const target = new URL(flow.redirectUri);
    for (const key of ['code', 'state', 'error', 'error_description']) {
      const value = params.get(key);
      if (value !== null) target.searchParams.set(key, value);
    }
    try {
      const answer = await this.fetchImpl(target, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      return answer.ok;
    } catch {
      return false;
    }
  }

  private prune(): void {
    const oldest = this.now() - flowLifetimeMs;
    for (const [state, flow] of this.flows) if (flow.seenAt < oldest) this.flows.delete(state);
  }
}

function isLoopbackCallback(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]') && url.pathname === '/callback';
  } catch {
    return false;
  }
}
