// millwright:// links: from the OS (a second launch's argv on Windows/Linux, open-url on macOS).
import path from 'node:path';
import type { App } from 'electron';

export const deepLinkScheme = 'millwright';

export type DeepLink =
  /** Brings Millwright to the front. */
  | { kind: 'open' }
  /** Brings it to the front and syncs every connection. */
  | { kind: 'sync' }
  /** An OAuth redirect (`millwright://oauth/callback?code=…&state=…`), handed to the sign-in that waits for it. */
  | { kind: 'oauth-callback'; params: URLSearchParams };

const maxLength = 4096;

/** What a millwright:// URL asks for; null for anything else (another scheme, an unknown action, junk). */
export function parseDeepLink(raw: string): DeepLink | null {
  if (raw.length > maxLength) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${deepLinkScheme}:`) return null;
  // millwright://oauth/callback parses as host "oauth", path "/callback"; millwright:oauth/callback as path only.
  const route = `${url.host}${url.pathname}`.replace(/^\/+|\/+$/g, '');
  switch (route) {
    case '':
    case 'open':
      return { kind: 'open' };
    case 'sync':
      return { kind: 'sync' };
    case 'oauth/callback':
      return url.searchParams.has('state') ? { kind: 'oauth-callback', params: url.searchParams } : null;
    default:
      return null;
  }
}

/** The millwright:// link among a launch's arguments (Windows and Linux pass it on the command line). */
export function findDeepLinkArgument(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${deepLinkScheme}:`)) ?? null;
}

/**
 * Makes Millwright the handler of millwright:// links. Installers declare the scheme too
 * (`protocols` in the electron-builder config); this covers a development run (`electron .`),
 * where the OS must start Electron with the app's path.
 */
export function registerDeepLinkScheme(app: Pick<App, 'setAsDefaultProtocolClient'>, processInfo: { defaultApp?: boolean; execPath: string; argv: string[] }): boolean {
  const appPath = processInfo.argv[1];
  // Registering the scheme is the point here; what a link may do is decided by parseDeepLink's
  // closed list (open, sync, oauth/callback with a state the waiting sign-in checks).
  if (processInfo.defaultApp && appPath) {
    return app.setAsDefaultProtocolClient(deepLinkScheme, processInfo.execPath, [path.resolve(appPath)]); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  }
  return app.setAsDefaultProtocolClient(deepLinkScheme); // eng-disable PROTOCOL_HANDLER_JS_CHECK
}
