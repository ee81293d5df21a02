import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { AppError } from '../shared/errors';
import { eventChannels, mainChannelNames, mainChannels, type EventChannel, type EventOf } from '../shared/ipc/contract';
import type { PendingCalls } from '../shared/ipc/pending-calls';
import { dispatchValidated } from '../shared/ipc/validated-dispatch';
import type { MainHandlers, MainTransport, RendererPeer } from './core/ipc/main-transport';
import { createRendererPeer } from './core/ipc/renderer-peer';
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

  /** The renderers that are open now, so the shell can ask them too (the tray's queued-edit count). */
  openPeers(): RendererPeer[] {
    return [...this.peers.values()].map(({ peer }) => peer).filter((peer) => !peer.closed);
  }

  private peerFor(contents: WebContents): RendererPeer {
    const known = this.peers.get(contents.id);
    if (known) return known.peer;
    const { peer, calls } = createRendererPeer({
      isClosed: () => contents.isDestroyed(),
      send: (message) => contents.send(electronIpc.call, message),
    });
    this.peers.set(contents.id, { peer, calls });
    contents.once('destroyed', () => {
      calls.rejectAll(new AppError('IPC_NO_RENDERER', 'The window closed.'));
      this.peers.delete(contents.id);
    });
    return peer;
  }
}
