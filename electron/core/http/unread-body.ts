import type { ServerResponse } from 'node:http';

/** The most of an unread request body read and dropped to keep its connection; beyond it the connection is closed. */
export const maxDrainBytes = 16 * 1024 * 1024;

/**
 * Call before an answer's headers are written. When the request's body has not been read to its
 * end (answered before or while it arrived: a refusal, a 401 ahead of a write's body), what
 * remains is read and dropped, so the client, still sending, reads the answer instead of a reset
 * and the connection stays usable. A remainder over `maxDrainBytes` is not worth reading: the
 * answer then says `Connection: close` and the connection ends with it. A client that sends the
 * remainder too slowly meets the listener's request time limit.
 */
export function drainUnreadBody(res: ServerResponse): void {
  const req = res.req;
  if (req.complete || res.headersSent) return;
  const declared = Number(req.headers['content-length']);
  if (declared > maxDrainBytes) {
    res.setHeader('connection', 'close');
    return;
  }
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > maxDrainBytes) req.socket.destroy();
  });
  req.resume();
}
