import { AppError, describeIssues } from '../../shared/errors';
import {
  eventChannels,
  isEventChannel,
  mainChannels,
  rendererChannels,
  type EventChannel,
  type EventOf,
  type MainChannel,
  type MainRequestInput,
  type MainResponse,
} from '../../shared/ipc/contract';
import { unwrapIpcResult } from '../../shared/ipc/ipc-result';
import type { RawTransport } from '../../shared/ipc/raw-transport';
import { dispatchValidated, type Handlers } from '../../shared/ipc/validated-dispatch';

type RequestArgs<C extends MainChannel> = MainRequestInput<C> extends undefined ? [] : [request: MainRequestInput<C>];

/** The renderer's typed view of the IPC contract, over whichever RawTransport the shell gives. */
export class IpcClient {
  constructor(private readonly raw: RawTransport) {}

  async invoke<C extends MainChannel>(channel: C, ...args: RequestArgs<C>): Promise<MainResponse<C>> {
    const value = unwrapIpcResult(await this.raw.invoke(channel, args[0]));
    const parsed = mainChannels[channel].response.safeParse(value);
    if (!parsed.success) {
      throw new AppError('IPC_INVALID_PAYLOAD', `Main answered ${channel} with the wrong shape.`, { details: describeIssues(parsed.error) });
    }
    return parsed.data as MainResponse<C>;
  }

  on<C extends EventChannel>(channel: C, listener: (payload: EventOf<C>) => void): () => void {
    return this.raw.onEvent((name, payload) => {
      if (!isEventChannel(name) || name !== channel) return;
      const parsed = eventChannels[channel].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventOf<C>);
      else console.error(`Millwright: dropped a malformed ${channel} event`);
    });
  }

  /** Answers main's requests on the renderer channels (the local store). */
  serve(handlers: Handlers<typeof rendererChannels>): void {
    this.raw.serveCalls((channel, payload) => dispatchValidated(rendererChannels, handlers, channel, payload, undefined));
  }
}
