import { isIP } from 'node:net';

/** Whether an address to listen on is this computer's own (127.x.x.x, ::1, localhost): nothing beyond it can connect. */
export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}
