import { describe, expect, it, vi } from 'vitest';
import { listenForOAuthCallback } from '../../electron/core/connections/oauth-loopback';
import { findDeepLinkArgument, parseDeepLink, registerDeepLinkScheme } from '../../electron/deep-link';
import { OAuthCallbackRelay } from '../../electron/oauth-callback-relay';

describe('millwright:// links', () => {
  it('understands open, sync and the OAuth callback, and nothing else', () => {
    expect(parseDeepLink('millwright://')).toEqual({ kind: 'open' });
    expect(parseDeepLink('millwright://open')).toEqual({ kind: 'open' });
    expect(parseDeepLink('millwright://sync/')).toEqual({ kind: 'sync' });
    const callback = parseDeepLink('millwright://oauth/callback?code=abc&state=xyz');
    expect(callback?.kind).toBe('oauth-callback');
    expect(callback?.kind === 'oauth-callback' && callback.params.get('code')).toBe('abc');
    expect(parseDeepLink('millwright://oauth/callback?code=abc')).toBeNull(); // no state: nobody's sign-in
    expect(parseDeepLink('millwright://delete-everything')).toBeNull();
    expect(parseDeepLink('https://millwright/sync')).toBeNull();
    expect(parseDeepLink(`millwright://sync?${'x'.repeat(5000)}`)).toBeNull();
    expect(parseDeepLink('::::')).toBeNull();
  });

  it('finds the link among a launch’s arguments', () => {
    expect(findDeepLinkArgument(['C:\\Millwright\\Millwright.exe', '--allow-file-access', 'millwright://sync'])).toBe('millwright://sync');
    expect(findDeepLinkArgument(['/usr/bin/millwright'])).toBeNull();
  });

  it('registers the scheme with the app path in a development run', () => {
    const app = { setAsDefaultProtocolClient: vi.fn(() => true) };
    registerDeepLinkScheme(app, { defaultApp: true, execPath: '/usr/bin/electron', argv: ['/usr/bin/electron', '.'] });
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('millwright', '/usr/bin/electron', [process.cwd()]);
    registerDeepLinkScheme(app, { execPath: '/opt/Millwright/millwright', argv: ['/opt/Millwright/millwright'] });
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('millwright');
  });
});

describe('OAuth callback relay', () => {
  it('hands a millwright://oauth/callback link to the real loopback sign-in waiting for its state', async () => {
    const loopback = await listenForOAuthCallback('state-123', 10_000);
    const relay = new OAuthCallbackRelay();
    relay.noteOpenedUrl(`https://link.example/oauth/authorize?response_type=code&client_id=c&redirect_uri=${encodeURIComponent(loopback.redirectUri)}&state=state-123`);
    const link = parseDeepLink('millwright://oauth/callback?code=the-code&state=state-123');
    if (link?.kind !== 'oauth-callback') throw new Error('not a callback');
    expect(await relay.relay(link.params)).toBe(true);
    expect(await loopback.code).toBe('the-code');
  });

  it('passes on nothing for a state it never saw, and never reaches a non-loopback redirect', async () => {
    const fetchImpl = vi.fn(async () => new Response('ok'));
    const relay = new OAuthCallbackRelay(fetchImpl as unknown as typeof fetch);
    relay.noteOpenedUrl('https://link.example/oauth/authorize?response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2Fcallback&state=s1');
    relay.noteOpenedUrl('https://makini.io/docs?state=s2&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback'); // not an authorize request
    expect(await relay.relay(new URLSearchParams({ code: 'c', state: 's1' }))).toBe(false);
    expect(await relay.relay(new URLSearchParams({ code: 'c', state: 's2' }))).toBe(false);
    expect(await relay.relay(new URLSearchParams({ code: 'c', state: 'unknown' }))).toBe(false);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('forgets flows after 15 minutes, and uses each state once', async () => {
    let now = 0;
    const fetchImpl = vi.fn(async () => new Response('ok'));
    const relay = new OAuthCallbackRelay(fetchImpl as unknown as typeof fetch, () => now);
    const authorize = (state: string) => `https://l.example/oauth/authorize?response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback&state=${state}`;
    relay.noteOpenedUrl(authorize('old'));
    relay.noteOpenedUrl(authorize('fresh'));
    now = 16 * 60_000;
    expect(await relay.relay(new URLSearchParams({ code: 'c', state: 'old' }))).toBe(false);
    relay.noteOpenedUrl(authorize('new'));
    expect(await relay.relay(new URLSearchParams({ code: 'c', state: 'new' }))).toBe(true);
    expect(await relay.relay(new URLSearchParams({ code: 'c', state: 'new' }))).toBe(false);
    expect(String((fetchImpl.mock.calls[0] as unknown[])[0])).toBe('http://127.0.0.1:5555/callback?code=c&state=new');
  });
});
