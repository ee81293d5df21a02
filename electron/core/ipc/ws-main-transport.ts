import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { AppError } from '../../../shared/errors';
import { eventChannels, mainChannels, type EventChannel, type EventOf } from '../../../shared/ipc/contract';
import type { PendingCalls } from '../../../shared/ipc/pending-calls';
import { dispatchValidated } from '../../../shared/ipc/validated-dispatch';
import { clientFrameSchema, type HostFrame } from '../../../shared/ipc/ws-frames';
import type { MainHandlers, MainTransport, RendererPeer } from './main-transport';
import { createRendererPeer } from './renderer-peer';

export interface WsMainTransportOptions {
  /** Per-launch secret; a client must present it as ?token= to connect. */
  token: string;
  /** The only page origin allowed to connect (the web host's own). */
  allowedOrigin: string;
  path?: string;
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The IPC contract over a WebSocket on the web host's loopback server (web mode). Only a page of
 * the host's own origin holding the per-launch token can connect, so other local pages cannot.
 */
export class WsMainTransport implements MainTransport {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  private readonly sockets = new Set<WebSocket>();
  private handlers: MainHandlers | null = null;

  constructor(
    server: Server,
    private readonly options: WsMainTransportOptions,
  ) {
    server.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head));
  }

  serve(handlers: MainHandlers): void {
    this.handlers = handlers;
  }

  broadcast<C extends EventChannel>(channel: C, payload: EventOf<C>): void {
    const frame = JSON.stringify({ type: 'event', channel, payload: eventChannels[channel].parse(payload) } satisfies HostFrame);
    for (const socket of this.sockets) if (socket.readyState === WebSocket.OPEN) socket.send(frame);
  }

  close(): void {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const allowed =
      url.pathname === (this.options.path ?? '/ipc') &&
      request.headers.origin === this.options.allowedOrigin &&
      sameSecret(url.searchParams.get('token') ?? '', this.options.token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.attach(ws));
  }

  private attach(ws: WebSocket): void {
    this.sockets.add(ws);
    const send = (frame: HostFrame) => ws.send(JSON.stringify(frame));
    const { peer, calls } = createRendererPeer({
      isClosed: () => ws.readyState !== WebSocket.OPEN,
      send: (message) => send({ type: 'call', ...message }),
    });
    ws.on('message', (data: RawData) => void this.receive(data, peer, calls, send));
    ws.on('close', () => {
      this.sockets.delete(ws);
      calls.rejectAll(new AppError('IPC_NO_RENDERER', 'The renderer disconnected.'));
    });
  }

  private async receive(data: RawData, peer: RendererPeer, calls: PendingCalls, send: (frame: HostFrame) => void): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      json = undefined;
    }
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) {
      const error = { code: 'IPC_INVALID_PAYLOAD', message: 'Unreadable frame.' } as const;
      const requestId = (json as { type?: unknown; id?: unknown } | undefined)?.id;
      // A request we can still match is answered, so its caller does not wait for ever.
      if ((json as { type?: unknown })?.type === 'request' && Number.isInteger(requestId) && (requestId as number) > 0) {
        send({ type: 'response', id: requestId as number, result: { ok: false, error } });
      } else {
        send({ type: 'protocol-error', error });
      }
      return;
    }
    if (frame.data.type === 'reply') {
      calls.settle(frame.data.id, frame.data.result);
      return;
    }
    const { id, channel, payload } = frame.data;
    if (!this.handlers) {
      send({ type: 'response', id, result: { ok: false, error: { code: 'INTERNAL', message: 'Main is still starting.' } } });
      return;
    }
    const result = await dispatchValidated(mainChannels, this.handlers, channel, payload, peer);
    send({ type: 'response', id, result });
  }
}
