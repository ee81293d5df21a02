// The Electron security checklist as code: what a page may load, open, navigate to and ask for.
import type { Session, Shell, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * Sent with every app:// response (and mirrored by the <meta> in renderer/index.html): only our
 * own scripts and styles, no inline script, no eval, no plugins, no framing, no form posts.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only web pages go to the system browser: never file:, javascript:, custom schemes or smb shares. */
export function isExternalHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Opens an http(s) URL in the system browser; anything else is refused (resolves false). */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  if (!isExternalHttpUrl(url)) return false;
  // The only openExternal call in Millwright, and the URL was just checked to be http(s):
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
}

/** IPC is taken only from the top frame of our own renderer (no iframe, no other origin). */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Applied to every webContents as it is created: new windows are denied (http(s) links open in
 * the system browser), navigation and redirects away from app:// are blocked, and <webview> is refused.
 */
const hardened = new WeakSet<WebContents>();

export function hardenWebContents(contents: WebContents, openExternal: (url: string) => Promise<boolean>): void {
  if (hardened.has(contents)) return; // once: a second set of guards would open each link twice
  hardened.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    void openExternal(url);
  };
  contents.on('will-navigate', (event, url) => stayInApp(event, url));
  contents.on('will-redirect', (event, url) => stayInApp(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The renderer needs one browser permission: persistent storage for the app's own pages, so the
 * system never clears the cache (and its queued edits) when the disk runs low. Everything else
 * (camera, geolocation, notifications come from main) is denied.
 */
export function hardenSession(session: Session): void {
  const allowed = (permission: string, url: string) => permission === 'persistent-storage' && isAppUrl(url);
  session.setPermissionRequestHandler((contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl ?? contents.getURL())));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
