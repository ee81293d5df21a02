import type { MainChannel } from '../shared/ipc/contract';

/** Electron IPC channel names that carry the contract. */
export const electronIpc = {
  /** One ipcMain.handle channel per main channel of the contract. */
  request: (channel: MainChannel) => `millwright:${channel}`,
  event: 'millwright:event',
  call: 'millwright:call',
  reply: 'millwright:reply',
} as const;
