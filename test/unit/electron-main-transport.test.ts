import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { ElectronMainTransport } from '../../electron/electron-main-transport';
import type { MainHandlers } from '../../electron/core/ipc/main-transport';
import { mainChannelNames } from '../../shared/ipc/contract';

/** Just enough of ipcMain and webContents to drive the transport without Electron. */
function fakeElectron() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const ipcMain = Object.assign(new EventEmitter(), {
    handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => handlers.set(channel, handler),
  });
  const sent: { channel: string; message: unknown }[] = [];
  const contents = Object.assign(new EventEmitter(), {
    id: 1,
    isDestroyed: () => false,
    send: (channel: string, message: unknown) => sent.push({ channel, message }),
  });
  const trusted = { url: 'file:///app/dist/renderer/index.html' } as WebFrameMain;
  const foreign = { url: 'https://evil.example/' } as WebFrameMain;
  return { handlers, ipcMain, contents, sent, trusted, foreign };
}

const notHere = async (): Promise<never> => {
  throw new Error('not in this test');
};
const services: MainHandlers = {
  'app.info': async () => ({ version: '1.0.0', shell: 'electron' }),
  'connections.list': async () => [],
  'connections.addDemo': notHere,
  'connections.connectWithToken': notHere,
  'connections.addFileImport': notHere,
  'connections.beginOAuth': notHere,
  'connections.completeOAuth': notHere,
  'connections.cancelOAuth': notHere,
  'connections.reauthorize': notHere,
  'connections.disconnect': notHere,
  'connections.deleteData': notHere,
  'connections.updateSettings': notHere,
  'connections.testRelay': notHere,
  'demoPlant.setCredentialsChanged': notHere,
  'sync.run': notHere,
  'outbox.push': notHere,
  'network.report': notHere,
  'documents.fetch': notHere,
  'documents.open': notHere,
  'store.attach': async (_request, peer) => {
    await peer.call('store.getCursor', { connectionId: 'c', entity: 'sites' });
  },
};

describe('Electron transport', () => {
  const setup = () => {
    const fake = fakeElectron();
    const transport = new ElectronMainTransport({
      ipcMain: fake.ipcMain as unknown as IpcMain,
      isTrustedFrame: (frame) => frame === fake.trusted,
      webContents: () => [fake.contents as unknown as WebContents],
    });
    transport.serve(services);
    return { ...fake, transport };
  };

  it('registers exactly one handler per main channel of the contract', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(mainChannelNames.map((c) => `millwright:${c}`).sort());
  });

  it('refuses messages from a foreign frame and validates payloads from ours', async () => {
    const { handlers, contents, trusted, foreign } = setup();
    const invoke = (frame: WebFrameMain, channel: string, payload: unknown) =>
      handlers.get(`millwright:${channel}`)!({ senderFrame: frame, sender: contents }, payload);
    expect(await invoke(foreign, 'app.info', undefined)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(await invoke(trusted, 'app.info', undefined)).toEqual({ ok: true, value: { version: '1.0.0', shell: 'electron' } });
    expect(await invoke(trusted, 'sync.run', { connectionId: 7 })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD' } });
  });

  it('routes calls to the renderer and takes replies only from trusted frames', async () => {
    const { handlers, ipcMain, contents, sent, trusted, foreign } = setup();
    const attached = handlers.get('millwright:store.attach')!({ senderFrame: trusted, sender: contents }, undefined);
    await new Promise((resolve) => setImmediate(resolve));
    const call = sent.find((s) => s.channel === 'millwright:call')!.message as { id: number; channel: string };
    expect(call.channel).toBe('store.getCursor');
    ipcMain.emit('millwright:reply', { senderFrame: foreign, sender: contents }, { id: call.id, result: { ok: true, value: 'forged' } });
    ipcMain.emit('millwright:reply', { senderFrame: trusted, sender: contents }, { id: call.id, result: { ok: true, value: null } });
    expect(await attached).toEqual({ ok: true, value: undefined });
  });

  it('broadcasts only events that match the contract', () => {
    const { transport, sent } = setup();
    transport.broadcast('sync.progress', { connectionId: 'c', entity: 'sites', phase: 'done', fetched: 3, total: 3, error: null });
    expect(sent.at(-1)).toMatchObject({ channel: 'millwright:event', message: { channel: 'sync.progress' } });
    expect(() => transport.broadcast('sync.progress', { connectionId: 'c' } as never)).toThrow();
  });

  it('lists the open renderers as peers, so the shell can ask them too', async () => {
    const { handlers, contents, trusted, transport } = setup();
    expect(transport.openPeers()).toEqual([]);
    await handlers.get('millwright:app.info')!({ senderFrame: trusted, sender: contents }, undefined);
    expect(transport.openPeers()).toHaveLength(1);
    contents.emit('destroyed');
    expect(transport.openPeers()).toEqual([]);
  });
});
