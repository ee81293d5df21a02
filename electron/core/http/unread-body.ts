import type { IncomingMessage, ServerResponse } from 'node:http';

/** After answering a request whose body is still arriving, how long its remainder is read and dropped. */
export const lingerMs = 1000;

/**
 * Reads and drops what remains of a request body answered early (refused before or while it was
 * read), for at most `lingerMs`, then closes the connection. Closing at once would make the
 * client, still sending, see a reset instead of the answer; reading on for ever would let it
 * keep the connection.
 */
export function dropUnreadBody(req: IncomingMessage): void {
  req.resume();
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), lingerMs);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Call before an answer's headers are written: when the request's body has not been read to its
 * end, the answer says `Connection: close` and, once sent, the rest of the body is dropped.
 */
export function closeIfBodyUnread(res: ServerResponse): void {
  if (res.req.complete || res.headersSent) return;
  res.setHeader('connection', 'close');
  res.once('finish', () => dropUnreadBody(res.req));
}
