import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { AppError } from '../../../shared/errors';
import { eventChannels, mainChannels, type EventChannel, type EventOf } from '../../../shared/ipc/contract';
import type { PendingCalls } from '../../../shared/ipc/pending-calls';
import { dispatchValidated } from '../../../shared/ipc/validated-dispatch';
import { clientFrameSchema, type HostFrame } from '../../../shared/ipc/ws-frames';
import { parseBoundedJson } from '../http/bounded-json';
import { refuseOnSocket } from '../http/raw-refusal';
import type { Logger } from '../logging/logger';
import type { MainHandlers, MainTransport, RendererPeer } from './main-transport';
import { createRendererPeer } from './renderer-peer';

export interface WsMainTransportOptions {
  /** Per-launch secret; a client must present it as ?token= to connect. */
  token: string;
  /** The only page origins allowed to connect (the web host's own, under each of its host names). */
  allowedOrigins: ReadonlySet<string>;
  path?: string;
  logger?: Logger;
}

/** The largest frame a page may send: a reply to a store call is a page of records, well under this. */
const maxFrameBytes = 64 * 1024 * 1024;

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The IPC contract over a WebSocket on the web host's loopback server (web mode). Only a page of
 * the host's own origin holding the per-launch token can connect, so other local pages cannot.
 * Whatever a connected page sends, the host answers or drops it: a frame that breaks the
 * WebSocket protocol (bad UTF-8, unmasked, unknown opcode, reserved bits, a bad close code, too
 * large) closes that socket with 1002, 1007 or 1009; a frame that is not the contract's JSON is
 * answered with a protocol error.
 */
export class WsMainTransport implements MainTransport {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  private readonly sockets = new Set<WebSocket>();
  private handlers: MainHandlers | null = null;

  constructor(private readonly options: WsMainTransportOptions) {}

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

  /** Takes a WebSocket handshake the web host's listener passed on (its socket already has an 'error' listener). */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    if (url.pathname !== (this.options.path ?? '/ipc')) {
      return refuseOnSocket(socket, 404, 'NOT_FOUND', 'There is no WebSocket at this path.');
    }
    if (!this.options.allowedOrigins.has(request.headers.origin ?? '')) {
      return refuseOnSocket(socket, 403, 'FOREIGN_ORIGIN', "Only Millwright's own page may connect.");
    }
    if (!sameSecret(url.searchParams.get('token') ?? '', this.options.token)) {
      return refuseOnSocket(socket, 403, 'BAD_TOKEN', 'Open Millwright with the address it printed when it started.');
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
    // ws closes the socket with the fitting code (1002, 1007, 1009) before emitting 'error'; with
    // no listener that 'error' would be thrown out of the socket's data handler.
    ws.on('error', (error) => this.options.logger?.warn('web host: closed a WebSocket that broke the protocol', { error: error.message }));
    ws.on('message', (data: RawData) =>
      this.receive(data, peer, calls, send).catch((error: unknown) =>
        this.options.logger?.error('web host: could not answer a frame', { error: error instanceof Error ? error.message : String(error) }),
      ),
    );
    ws.on('close', () => {
      this.sockets.delete(ws);
      calls.rejectAll(new AppError('IPC_NO_RENDERER', 'The renderer disconnected.'));
    });
  }

  private async receive(data: RawData, peer: RendererPeer, calls: PendingCalls, send: (frame: HostFrame) => void): Promise<void> {
    const parsed = parseBoundedJson(Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]));
    const json = parsed.ok ? parsed.value : undefined;
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) {
      const error = { code: 'IPC_INVALID_PAYLOAD', message: parsed.ok ? 'Unreadable frame.' : `Unreadable frame: ${parsed.message}` } as const;
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
