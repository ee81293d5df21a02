import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import type { RawExchange } from './raw-exchange';

/** One WebSocket frame as RFC 6455 lays it out, with every field free to be wrong. */
export interface FrameSpec {
  fin: boolean;
  /** RSV1..3 as three bits; a client may set none of them here (no extension is agreed). */
  rsv: number;
  opcode: number;
  /** Clients must mask; an unmasked client frame is a protocol error. */
  masked: boolean;
  payload: Uint8Array;
  /** The length the header declares, when it lies about the payload (more, or far more than allowed). */
  declaredLength?: number;
}

/** Encodes a frame: 7-, 16- or 64-bit length as the (declared) length needs, masked with a random key when asked. */
export function encodeFrame(spec: FrameSpec): Buffer {
  const length = spec.declaredLength ?? spec.payload.length;
  const lengthBytes = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const head = Buffer.alloc(2 + lengthBytes + (spec.masked ? 4 : 0));
  head[0] = (spec.fin ? 0x80 : 0) | ((spec.rsv & 7) << 4) | (spec.opcode & 0x0f);
  head[1] = (spec.masked ? 0x80 : 0) | (lengthBytes === 0 ? length : lengthBytes === 2 ? 126 : 127);
  if (lengthBytes === 2) head.writeUInt16BE(length, 2);
  if (lengthBytes === 8) head.writeBigUInt64BE(BigInt(length), 2);
  const payload = Buffer.from(spec.payload);
  if (spec.masked) {
    const key = randomBytes(4);
    key.copy(head, head.length - 4);
    for (let i = 0; i < payload.length; i += 1) payload[i]! ^= key[i % 4]!;
  }
  return Buffer.concat([head, payload]);
}

/** A close frame's payload: a 2-byte code and a reason. */
export const closePayload = (code: number, reason: Uint8Array = new Uint8Array()) => {
  const payload = Buffer.alloc(2 + reason.length);
  payload.writeUInt16BE(code & 0xffff, 0);
  Buffer.from(reason).copy(payload, 2);
  return payload;
};

/** The raw handshake of a client the host admits (right path, token and Origin). */
export function admittedHandshake(host: string, origin: string, token: string): Buffer {
  return Buffer.from(
    `GET /ipc?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nOrigin: ${origin}\r\n\r\n`,
    'latin1',
  );
}

const text = (value: string) => Buffer.from(value, 'utf8');
/** Channels a page may call that change nothing when their payload is wrong or names nothing that exists. */
const harmlessChannels = ['app.info', 'connections.list', 'sync.run', 'outbox.push', 'connections.cancelOAuth', 'connections.completeOAuth', 'fs.readFile', '__proto__', ''];

/** Payloads that hurt a frame's parser: contract-shaped frames with wrong parts, deep JSON, bad UTF-8, random bytes. */
const payloads: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .record({
      type: fc.constantFrom('request', 'reply', 'event', 'call', '__proto__', 7),
      id: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.constant(null)),
      channel: fc.oneof(fc.constantFrom(...harmlessChannels), fc.string({ maxLength: 30 })),
      payload: fc.jsonValue({ maxDepth: 3 }),
    })
    .map((frame) => text(JSON.stringify(frame))),
  fc.integer({ min: 65, max: 100_000 }).map((depth) => text('['.repeat(depth) + ']'.repeat(depth))),
  fc.integer({ min: 1, max: 100_000 }).map((depth) => text('{"type":"request","id":1,"channel":"app.info","payload":' + '['.repeat(depth))),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Uint8Array.from(bytes, (byte) => byte | 0x80)),
  fc.uint8Array({ maxLength: 1024 }),
  fc.json({ maxDepth: 4 }).map(text),
);

const frame: fc.Arbitrary<FrameSpec> = fc.oneof(
  // Mostly right, one thing wrong (or nothing: a valid frame lets a sequence reach its next one).
  {
    weight: 6,
    arbitrary: fc.record({
      fin: fc.boolean(),
      rsv: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }) }),
      opcode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0x1, 0x2) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 15 }) }),
      masked: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      payload: payloads,
    }),
  },
  // Close frames with any code, including those no one may send (0..999, 1004..1006, 1015, 5000+), and bad reasons.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 65_535 }), fc.uint8Array({ maxLength: 130 }), fc.boolean())
      .map(([code, reason, bad]) => ({ fin: true, rsv: 0, opcode: 0x8, masked: true, payload: bad ? reason.subarray(0, 1) : closePayload(code, reason) })),
  },
  // Ping and pong, sometimes over the 125 bytes a control frame may carry, sometimes fragmented.
  {
    weight: 1,
    arbitrary: fc.record({ fin: fc.boolean(), rsv: fc.constant(0), opcode: fc.constantFrom(0x9, 0xa), masked: fc.constant(true), payload: fc.uint8Array({ maxLength: 200 }) }),
  },
  // A header that declares more than it sends, or more than the host takes (64 MiB and far beyond).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(0x1, 0x2, 0x0), fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.constant(64 * 1024 * 1024 + 1), fc.constant(2 ** 53 - 1)))
      .map(([opcode, declaredLength]) => ({ fin: true, rsv: 0, opcode, masked: true, payload: new Uint8Array(), declaredLength })),
  },
);

/**
 * Frames a connected client sends after a proper handshake: sequences of one to five frames,
 * each mostly right with one thing wrong, in pieces, maybe cut off by a reset at any point.
 */
export function malformedFrameExchanges(handshake: () => Buffer): fc.Arbitrary<RawExchange> {
  return fc
    .record({
      frames: fc.array(frame, { minLength: 1, maxLength: 5 }),
      closing: fc.boolean(),
      randomTail: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 256 }) }),
      reset: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 6 }) }),
      halfClose: fc.boolean(),
    })
    .map(({ frames, closing, randomTail, reset, halfClose }) => ({
      // Half of them end as a page would, with a proper close frame, so the host closes too.
      chunks: [handshake(), ...frames.map(encodeFrame), ...(closing ? [encodeFrame({ fin: true, rsv: 0, opcode: 0x8, masked: true, payload: closePayload(1000) })] : []), ...(randomTail ? [randomTail] : [])],
      resetAfter: reset,
      // A sequence that ends neither with a close frame nor a reset ends with the client's FIN, so the host closes too.
      halfClose: halfClose || !closing,
    }));
}
