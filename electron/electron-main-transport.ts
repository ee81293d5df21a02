import { randomUUID } from 'node:crypto';
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { z } from 'zod';
import { AppError } from '../shared/errors';
import {
  eventChannels,
  mainChannelNames,
  mainChannels,
  rendererChannels,
  type EventChannel,
  type EventOf,
  type RendererChannel,
  type RendererRequest,
  type RendererResponse,
} from '../shared/ipc/contract';
import { PendingCalls } from '../shared/ipc/pending-calls';
import { dispatchValidated } from '../shared/ipc/validated-dispatch';
import { rendererCallTimeoutMs, type MainHandlers, type MainTransport, type RendererPeer } from './core/ipc/main-transport';
import { electronIpc } from './electron-ipc-names';

export interface ElectronMainTransportOptions {
  ipcMain: IpcMain;
  /** True for frames that show our own renderer; messages from any other frame are refused. */
  isTrustedFrame: (frame: WebFrameMain | null) => boolean;
  /** The windows that receive events. */
  webContents: () => WebContents[];
}

/** The IPC contract over Electron IPC, every message's sender frame checked. */
export class ElectronMainTransport implements MainTransport {
  private readonly peers = new Map<number, { peer: RendererPeer; calls: PendingCalls }>();

  constructor(private readonly options: ElectronMainTransportOptions) {
    options.ipcMain.on(electronIpc.reply, (event: IpcMainEvent, message: { id?: unknown; result?: unknown }) => {
      if (!options.isTrustedFrame(event.senderFrame) || typeof message?.id !== 'number') return;
      this.peers.get(event.sender.id)?.calls.settle(message.id, message.result);
    });
  }

  serve(handlers: MainHandlers): void {
    for (const channel of mainChannelNames) {
      this.options.ipcMain.handle(electronIpc.request(channel), async (event: IpcMainInvokeEvent, payload: unknown) => {
        if (!this.options.isTrustedFrame(event.senderFrame)) {
          return { ok: false, error: { code: 'IPC_FORBIDDEN_SENDER', message: 'This frame may not use Millwright IPC.' } };
        }
        return dispatchValidated(mainChannels, handlers, channel, payload, this.peerFor(event.sender));
      });
    }
  }

  broadcast<C extends EventChannel>(channel: C, payload: EventOf<C>): void {
    const message = { channel, payload: eventChannels[channel].parse(payload) };
    for (const contents of this.options.webContents()) if (!contents.isDestroyed()) contents.send(electronIpc.event, message);
  }

  private peerFor(contents: WebContents): RendererPeer {
    const known = this.peers.get(contents.id);
    if (known) return known.peer;
    const calls = new PendingCalls(rendererCallTimeoutMs);
    const peer: RendererPeer = {
      id: randomUUID(),
      get closed() {
        return contents.isDestroyed();
      },
      call: <C extends RendererChannel>(channel: C, request: RendererRequest<C>) =>
        calls.start(rendererChannels[channel].response as unknown as z.ZodType<RendererResponse<C>>, channel, (id) => {
          if (contents.isDestroyed()) throw new Error('the window is closed');
          contents.send(electronIpc.call, { id, channel, payload: request });
        }),
    };
    this.peers.set(contents.id, { peer, calls });
    contents.once('destroyed', () => {
      calls.rejectAll(new AppError('IPC_NO_RENDERER', 'The window closed.'));
      this.peers.delete(contents.id);
    });
    return peer;
  }
}
