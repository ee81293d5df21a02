import { connect } from 'node:net';

/** What an attacker sends on one TCP connection: chunks written one after another, maybe cut short by a reset. */
export interface RawExchange {
  chunks: Uint8Array[];
  /** Reset the connection (TCP RST) after writing this many chunks; null lets it finish. */
  resetAfter: number | null;
  /** Once everything is written, close the sending side (as a client that sends and stops), or leave it open and wait. */
  halfClose: boolean;
}

export interface ExchangeOutcome {
  /** What came back before the connection closed or the wait ended. */
  received: Buffer;
  /** The listener did not close the connection within the wait (the client then closed it). */
  stalled: boolean;
  /** Connecting was refused (ECONNREFUSED): nothing listens there. */
  refused: boolean;
  /** The connection was not accepted within the connect timeout, nor refused: the listener is there but takes no connections. */
  unaccepted: boolean;
}

/** How long a connection may take to be accepted: a busy machine's backlog is slow, not absent. */
export const connectTimeoutMs = 30_000;

/**
 * Plays one exchange against a listener on 127.0.0.1 and, once connected, waits at most `waitMs`
 * for it to close the connection. The wait starts at the connection, not before: on a loaded
 * machine the accept alone can take longer than the wait, and that is no failure of the
 * listener. A listener that has stopped shows as `refused`; one that never accepts as `unaccepted`.
 */
export function playExchange(port: number, exchange: RawExchange, waitMs = 3000): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const received: Buffer[] = [];
    let connected = false;
    let refused = false;
    let settled = false;
    const finish = (stalled: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ received: Buffer.concat(received), stalled: connected && stalled, refused, unaccepted: !connected && !refused });
    };
    let timer = setTimeout(() => finish(true), connectTimeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && error.code === 'ECONNREFUSED') refused = true;
      finish(false);
    });
    socket.on('close', () => finish(false));
    socket.on('connect', () => {
      connected = true;
      clearTimeout(timer);
      timer = setTimeout(() => finish(true), waitMs);
      let index = 0;
      const writeNext = () => {
        if (settled || socket.destroyed) return;
        if (exchange.resetAfter !== null && index >= exchange.resetAfter) {
          socket.resetAndDestroy();
          return;
        }
        if (index >= exchange.chunks.length) {
          if (exchange.halfClose) socket.end();
          return;
        }
        socket.write(exchange.chunks[index++]!, () => setImmediate(writeNext));
      };
      writeNext();
    });
  });
}

/** Sends one request whole (it should say `Connection: close`) and answers the status of its answer, or null when none came. */
export async function rawRequestStatus(port: number, request: string): Promise<number | null> {
  const { received } = await playExchange(port, { chunks: [Buffer.from(request, 'latin1')], resetAfter: null, halfClose: false });
  return answeredStatus(received);
}

/** The status code of the first HTTP answer in `received`, or null when none came. */
export function answeredStatus(received: Buffer): number | null {
  const match = /^HTTP\/1\.[01] (\d{3}) /.exec(received.subarray(0, 64).toString('latin1'));
  return match ? Number(match[1]) : null;
}
