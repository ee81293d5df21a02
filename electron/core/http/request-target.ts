/** A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const hostHeaderPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** The Host header if it names a host (lower-cased), else null: `[`, `a/b`, `a b` or an empty one do not. */
export function readHostHeader(value: string | undefined): string | null {
  if (value === undefined || !hostHeaderPattern.test(value)) return null;
  try {
    new URL(`http://${value}`);
  } catch {
    return null;
  }
  return value.toLowerCase();
}

/**
 * The URL a request names, or null when it names none we can read. Node hands over the request
 * target untouched (`GET http://[ HTTP/1.1` gives "http://["), so `new URL` on it must never be
 * left to throw. Origin-form targets ("/path?query") are read against the request's own Host;
 * absolute-form ones ("http://host/path", as proxies send) only with http or https; anything
 * else ("*", "path", "//host/path" taken as a path) as the listener's path or not at all.
 */
export function parseRequestTarget(target: string | undefined, host: string, scheme: 'http' | 'https'): URL | null {
  if (target === undefined || target === '') return null;
  try {
    if (target.startsWith('/')) return new URL(`${scheme}://${host}${target}`);
    if (/^https?:\/\//i.test(target)) return new URL(target);
  } catch {
    return null;
  }
  return null;
}
