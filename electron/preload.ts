// Sandboxed preload: exposes only the IPC contract's channels to the page, nothing of Node or Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, isMainChannel, isRendererChannel } from '../shared/ipc/channel-names';
import { preloadBridgeName, type RawTransport } from '../shared/ipc/raw-transport';
import { electronIpc } from './electron-ipc-names';

const unknownChannel = (channel: unknown) => ({
  ok: false,
  error: { code: 'IPC_UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel).slice(0, 80)}` },
});

const bridge: RawTransport = {
  invoke(channel, payload) {
    if (!isMainChannel(channel)) return Promise.resolve(unknownChannel(channel));
    return ipcRenderer.invoke(electronIpc.request(channel), payload);
  },
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, message: { channel?: unknown; payload?: unknown }) => {
      if (isEventChannel(message?.channel)) listener(message.channel, message.payload);
    };
    ipcRenderer.on(electronIpc.event, forward);
    return () => void ipcRenderer.removeListener(electronIpc.event, forward);
  },
  serveCalls(handler) {
    ipcRenderer.removeAllListeners(electronIpc.call);
    ipcRenderer.on(electronIpc.call, (_event, message: { id?: unknown; channel?: unknown; payload?: unknown }) => {
      if (typeof message?.id !== 'number') return;
      const answer = isRendererChannel(message.channel) ? handler(message.channel, message.payload) : Promise.resolve(unknownChannel(message.channel));
      void answer.then((result) => ipcRenderer.send(electronIpc.reply, { id: message.id, result }));
    });
  },
};

contextBridge.exposeInMainWorld(preloadBridgeName, bridge);
