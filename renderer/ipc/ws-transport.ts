import { AppError } from '../../shared/errors';
import type { RawTransport } from '../../shared/ipc/raw-transport';
import { hostFrameSchema, type ClientFrame } from '../../shared/ipc/ws-frames';

/** The web-mode pipe to the Node host, over the loopback WebSocket the host guards with a token. */
export function connectWebSocketTransport(
  url: string,
  onClose: () => void,
  openSocket: (url: string) => WebSocket = (address) => new WebSocket(address),
): Promise<RawTransport> {
  const socket = openSocket(url);
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: AppError) => void }>();
  const listeners = new Set<(channel: string, payload: unknown) => void>();
  let callHandler: ((channel: string, payload: unknown) => Promise<unknown>) | null = null;
  let nextId = 1;
  const send = (frame: ClientFrame) => socket.send(JSON.stringify(frame));

  socket.addEventListener('message', (event) => {
    let parsed;
    try {
      parsed = hostFrameSchema.safeParse(JSON.parse(String(event.data)));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) return console.error('Millwright: ignored an unreadable frame from the host');
    const frame = parsed.data;
    if (frame.type === 'response') {
      pending.get(frame.id)?.resolve(frame.result);
      pending.delete(frame.id);
    } else if (frame.type === 'event') {
      for (const listener of listeners) listener(frame.channel, frame.payload);
    } else if (frame.type === 'call') {
      const handler = callHandler;
      const answer = handler
        ? handler(frame.channel, frame.payload)
        : Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The renderer is not serving calls yet.' } });
      void answer.then((result) => socket.readyState === socket.OPEN && send({ type: 'reply', id: frame.id, result }));
    } else {
      console.error(`Millwright host: ${frame.error.message}`);
    }
  });

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () =>
      resolve({
        invoke(channel, payload) {
          return new Promise((resolveCall, rejectCall) => {
            if (socket.readyState !== socket.OPEN) return rejectCall(new AppError('NETWORK', 'The Millwright host is not connected.'));
            const id = nextId++;
            pending.set(id, { resolve: resolveCall, reject: rejectCall });
            send({ type: 'request', id, channel, payload });
          });
        },
        onEvent(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        serveCalls(handler) {
          callHandler = handler;
        },
      }),
    );
    socket.addEventListener('close', () => {
      for (const call of pending.values()) call.reject(new AppError('NETWORK', 'The connection to the Millwright host closed.'));
      pending.clear();
      reject(new AppError('NETWORK', 'Could not connect to the Millwright host (is the token in the address right?).'));
      onClose();
    });
  });
}
