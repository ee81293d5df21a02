import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Refuses on a raw socket, where there is no ServerResponse: a refused upgrade (e.g. a WebSocket
 * handshake) or a request Node could not parse. A complete HTTP answer with a JSON body, then the
 * connection closed, at the latest a second later. The socket must already have an 'error'
 * listener (the hardened listener adds one), so a client that resets meanwhile is harmless.
 */
export function refuseOnSocket(socket: Duplex, status: number, code: string, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  const timer = setTimeout(() => socket.destroy(), 1000);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
