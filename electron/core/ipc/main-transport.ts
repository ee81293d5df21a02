import type {
  EventChannel,
  EventOf,
  MainChannel,
  MainRequest,
  MainResponse,
  RendererChannel,
  RendererRequest,
  RendererResponse,
} from '../../../shared/ipc/contract';

/** One connected renderer (an Electron window, or a browser tab in web mode). */
export interface RendererPeer {
  readonly id: string;
  readonly closed: boolean;
  /** Asks the renderer something on a renderer channel; the answer is checked against the contract. */
  call<C extends RendererChannel>(channel: C, request: RendererRequest<C>): Promise<RendererResponse<C>>;
}

export type MainHandlers = {
  [C in MainChannel]: (request: MainRequest<C>, peer: RendererPeer) => Promise<MainResponse<C>>;
};

/** Carries the IPC contract between main and its renderers: Electron IPC or a loopback WebSocket. */
export interface MainTransport {
  serve(handlers: MainHandlers): void;
  broadcast<C extends EventChannel>(channel: C, payload: EventOf<C>): void;
}

/** How long main waits for a renderer to answer (a large page commit included). */
export const rendererCallTimeoutMs = 60_000;
