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
  /** Connecting failed: the listener is not there. */
  refused: boolean;
}

/**
 * Plays one exchange against a listener on 127.0.0.1 and waits at most `waitMs` for it to close
 * the connection. A listener that has stopped shows as `refused`.
 */
export function playExchange(port: number, exchange: RawExchange, waitMs = 3000): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const received: Buffer[] = [];
    let connected = false;
    let settled = false;
    const finish = (stalled: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ received: Buffer.concat(received), stalled, refused: !connected });
    };
    const timer = setTimeout(() => finish(true), waitMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('connect', () => {
      connected = true;
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
