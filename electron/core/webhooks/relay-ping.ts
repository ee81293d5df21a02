import { AppError } from '../../../shared/errors';
import { relayPingPath, relayPingSchema, type RelayPing } from './relay-frames';

/**
 * Tests a relay address and desktop token before they are saved: the relay answers with the
 * connection the token collects for and how many deliveries wait for this desktop. Every failure
 * is an AppError saying in plain words what is wrong.
 */
export async function pingRelay(url: string, token: string, fetchVia: typeof fetch = fetch, timeoutMs = 10_000): Promise<RelayPing> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetchVia(`${url.replace(/\/+$/, '')}${relayPingPath}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new AppError('NETWORK', `Cannot reach the relay at ${host} (${why}). Check the address, and that this computer may connect out to it.`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new AppError('UPSTREAM_AUTH', 'The relay does not accept this desktop token (mistyped, or revoked). Ask whoever runs the relay for a new one.', { status: response.status });
  }
  if (response.status === 404) {
    throw new AppError('UPSTREAM_NOT_FOUND', `${host} answers, but is not a Millwright relay (no ${relayPingPath}).`, { status: 404 });
  }
  if (!response.ok) throw new AppError('UPSTREAM_UNAVAILABLE', `The relay at ${host} answered HTTP ${response.status}; try again shortly.`, { status: response.status });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const ping = relayPingSchema.safeParse(body);
  if (!ping.success) throw new AppError('UPSTREAM_MALFORMED', `${host} answers, but not as a Millwright relay does.`);
  return ping.data;
}
