/**
 * The untyped pipe under the IPC client: what the Electron preload exposes as `window.millwright`,
 * and what the web-mode WebSocket client implements. Everything through it is checked against
 * the contract by the IpcClient on top.
 */
export interface RawTransport {
  /** Sends a request on a main channel; resolves with its IpcResult, unchecked. */
  invoke(channel: string, payload: unknown): Promise<unknown>;
  onEvent(listener: (channel: string, payload: unknown) => void): () => void;
  /** Answers main's requests on renderer channels; the handler returns an IpcResult. */
  serveCalls(handler: (channel: string, payload: unknown) => Promise<unknown>): void;
}

export const preloadBridgeName = 'millwright';
