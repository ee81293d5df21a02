import { createContext, useContext } from 'react';
import type { IpcClient } from './ipc-client';

export const IpcClientContext = createContext<IpcClient | null>(null);

export function useIpcClient(): IpcClient {
  const client = useContext(IpcClientContext);
  if (!client) throw new Error('useIpcClient outside IpcClientContext');
  return client;
}
