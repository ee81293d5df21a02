/** Whether a URL's host name names this computer (127.x.x.x, ::1, localhost): reachable from nowhere else. */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(hostname);
}

/** The host name of a URL, or '' when it is not one. */
export function hostnameOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : '';
}
