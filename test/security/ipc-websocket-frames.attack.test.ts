import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admittedHandshake, closePayload, encodeFrame, malformedFrameExchanges, type FrameSpec } from '../support/attack/malformed-websocket-frames';
import { playExchange } from '../support/attack/raw-exchange';
import { runAttack } from '../support/attack/run-attack';
import { startWebModeTarget, type WebModeTarget } from '../support/attack/web-mode-target';

// A page admitted to web mode's IPC WebSocket (right origin, right token) that then sends frames
// breaking the WebSocket protocol or the contract. The host must close that socket (or answer a
// protocol error) and go on serving every other page.
let target: WebModeTarget;
let before: string;

const admitted = () => admittedHandshake(`127.0.0.1:${target.port}`, target.origin, target.token);

/** The code of the close frame the host sent after its 101, or null if it sent none. */
function closeCodeOf(received: Buffer): number | null {
  const headEnd = received.indexOf('\r\n\r\n');
  if (!received.subarray(0, 12).toString('latin1').startsWith('HTTP/1.1 101') || headEnd < 0) return null;
  let at = headEnd + 4;
  while (at + 2 <= received.length) {
    const opcode = received[at]! & 0x0f;
    let length = received[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = received.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? received.readUInt16BE(start) : 1005;
    at = start + length;
  }
  return null;
}

/** Sends frames on an admitted socket; waits for the host to close it, or `waitMs` for its answers to frames it kept. */
async function sendFrames(frames: FrameSpec[], waitMs = 3000): Promise<{ closeCode: number | null; received: Buffer }> {
  const { received } = await playExchange(target.port, { chunks: [admitted(), ...frames.map(encodeFrame)], resetAfter: null, halfClose: false }, waitMs);
  return { closeCode: closeCodeOf(received), received };
}

async function stillServing(): Promise<void> {
  target.assertAlive();
  expect(await target.client.invoke('app.info')).toMatchObject({ shell: 'web' });
}

const text = (value: string) => Buffer.from(value, 'utf8');
const masked = { fin: true, rsv: 0, masked: true } as const;

beforeAll(async () => {
  target = await startWebModeTarget();
  before = await target.fingerprint();
});
afterAll(async () => {
  await target?.stop();
});

describe('IPC WebSocket frames from an admitted page, under attack', () => {
  it('closes a socket that breaks the protocol with the code RFC 6455 names, and keeps serving the others', async () => {
    const cases: [string, FrameSpec, number][] = [
      ['invalid UTF-8 in a text frame', { ...masked, opcode: 0x1, payload: Buffer.from([0xc3, 0x28, 0xff]) }, 1007],
      ['an unmasked client frame', { fin: true, rsv: 0, masked: false, opcode: 0x1, payload: text('{}') }, 1002],
      ['opcode 3 (reserved)', { ...masked, opcode: 0x3, payload: text('x') }, 1002],
      ['RSV1 set with no extension agreed', { ...masked, rsv: 4, opcode: 0x1, payload: text('{}') }, 1002],
      ['close code 5', { ...masked, opcode: 0x8, payload: closePayload(5) }, 1002],
      ['a fragmented ping', { fin: false, rsv: 0, masked: true, opcode: 0x9, payload: text('p') }, 1002],
      ['a frame over the 64 MiB limit', { ...masked, opcode: 0x2, payload: new Uint8Array(), declaredLength: 64 * 1024 * 1024 + 1 }, 1009],
    ];
    for (const [what, frame, code] of cases) {
      expect((await sendFrames([frame])).closeCode, what).toBe(code);
      await stillServing();
    }
  });

  it('answers frames that are not the contract (deep, unreadable, wrong-shaped) with a protocol error and keeps the socket', async () => {
    const { received, closeCode } = await sendFrames([
      { ...masked, opcode: 0x1, payload: text('['.repeat(100_000) + ']'.repeat(100_000)) },
      { ...masked, opcode: 0x1, payload: text('{"type":"request","id":1,"channel":"app.info","payload":' + '['.repeat(50_000)) },
      { ...masked, opcode: 0x1, payload: text('{"type":"request","id":2,"channel":"__proto__"}') },
    ], 1000);
    const answers = received.toString('latin1');
    // Too deep to read, so its id cannot be read either: both get a protocol error, not an answer.
    expect(answers.match(/"type":"protocol-error","error":\{"code":"IPC_INVALID_PAYLOAD","message":"Unreadable frame: The JSON nests deeper than 64 levels\."/g)?.length).toBe(2);
    expect(answers).toContain('"id":2,"result":{"ok":false,"error":{"code":"IPC_UNKNOWN_CHANNEL"');
    expect(closeCode).toBeNull();
    await stillServing();
  });

  it('stays up through 10,000 generated malformed frame sequences, and the page\'s cache and outbox are unchanged', async () => {
    const report = await runAttack({
      name: 'IPC WebSocket frames',
      port: () => target.port,
      exchanges: malformedFrameExchanges(admitted),
      stillServing,
    });
    expect(report.exchanges).toBeGreaterThanOrEqual(10_000);
    await stillServing();
    expect(await target.fingerprint()).toBe(before);
  });
});
