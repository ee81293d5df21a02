import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy, hardenSession, hardenWebContents, isTrustedFrame, openExternalSafely } from '../../electron/security-policy';

describe('security policy', () => {
  it('calls shell.openExternal only for http(s) URLs', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const opened: boolean[] = [];
    for (const url of ['https://example.com/a', 'http://127.0.0.1:8080/callback', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'ms-msdt:/id', 'smb://host/share', '//example.com', 'nonsense'])
      opened.push(await openExternalSafely(shell, url));
    expect(opened).toEqual([true, true, false, false, false, false, false, false]);
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/a'], ['http://127.0.0.1:8080/callback']]);
  });

  it('trusts only the top frame of app://millwright', () => {
    const top = { url: 'app://millwright/index.html', parent: null };
    expect(isTrustedFrame(top)).toBe(true);
    expect(isTrustedFrame({ url: 'app://millwright/x.html', parent: top } as never)).toBe(false);
    expect(isTrustedFrame({ url: 'file:///app/dist/renderer/index.html', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
  });

  it('guards a webContents once, however many times it is asked (no link opened twice)', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    const openExternal = vi.fn(async () => true);
    hardenWebContents(contents as unknown as WebContents, openExternal);
    hardenWebContents(contents as unknown as WebContents, openExternal);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-redirect', event, 'https://elsewhere.example/');
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });

  it("grants persistent storage to the app's own pages only, and denies every other permission, check and device", () => {
    const set: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (handler: never) => (set.request = handler),
      setPermissionCheckHandler: (handler: never) => (set.check = handler),
      setDevicePermissionHandler: (handler: never) => (set.device = handler),
    };
    hardenSession(session as unknown as Session);
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      (set.request as (c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void)({ getURL: () => requestingUrl }, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    const check = (permission: string, origin: string) => (set.check as (c: unknown, p: string, o: string) => boolean)(null, permission, origin);
    expect(request('persistent-storage', 'app://millwright/index.html')).toBe(true);
    expect(check('persistent-storage', 'app://millwright')).toBe(true);
    for (const url of ['https://evil.example/', 'app://elsewhere/index.html', 'file:///etc/passwd', 'not a url']) {
      expect(request('persistent-storage', url), url).toBe(false);
      expect(check('persistent-storage', url), url).toBe(false);
    }
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'storage-access']) {
      expect(request(permission, 'app://millwright/index.html'), permission).toBe(false);
      expect(check(permission, 'app://millwright'), permission).toBe(false);
    }
    expect((set.device as () => boolean)()).toBe(false);
  });

  it('has a CSP without inline script, eval, plugins or framing', () => {
    const directives = Object.fromEntries(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['script-src']).toBe("'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
  });
});
