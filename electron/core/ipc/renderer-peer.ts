import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { rendererChannels, type RendererChannel, type RendererRequest, type RendererResponse } from '../../../shared/ipc/contract';
import { PendingCalls } from '../../../shared/ipc/pending-calls';
import { rendererCallTimeoutMs, type RendererPeer } from './main-transport';

export interface RendererCallMessage {
  id: number;
  channel: RendererChannel;
  payload: unknown;
}

/**
 * A renderer as main calls it, whatever carries the messages: `send` transmits a call, and the
 * transport hands each reply to `calls.settle`, which checks it against the contract.
 */
export function createRendererPeer(transport: { isClosed: () => boolean; send: (message: RendererCallMessage) => void }): {
  peer: RendererPeer;
  calls: PendingCalls;
} {
  const calls = new PendingCalls(rendererCallTimeoutMs);
  const peer: RendererPeer = {
    id: randomUUID(),
    get closed() {
      return transport.isClosed();
    },
    call: <C extends RendererChannel>(channel: C, request: RendererRequest<C>) =>
      calls.start(rendererChannels[channel].response as unknown as z.ZodType<RendererResponse<C>>, channel, (id) => {
        if (transport.isClosed()) throw new Error('the renderer is gone');
        transport.send({ id, channel, payload: request });
      }),
  };
  return { peer, calls };
}
