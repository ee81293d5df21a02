import fc from 'fast-check';
import type { RawExchange } from './raw-exchange';

/** What a listener under attack is: the paths it serves and the headers that reach its deeper code. */
export interface HttpAttackSurface {
  /** Paths (with queries) the listener really serves, so requests get past the router. */
  paths: string[];
  /** The Host a normal client sends (`127.0.0.1:<port>`). */
  host: string;
  /** The methods it serves (GET and POST by default). */
  methods?: string[];
  /** Headers a normal client of this listener sends for a body (e.g. its signature, an Origin), added to some requests. */
  headersFor?(body: Uint8Array): Record<string, string>;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** Request targets that broke listeners, or could: unparsable URLs, traversal, bad escapes, NULs, huge. */
const hostileTargets = [
  'http://[', 'http://[/', 'http://[::1', 'https://[]/x', '*', '', ' ', '//', '///etc/passwd', '//evil.example/x',
  '/%', '/%zz', '/%00', '/%E0%A4%A', '/%C0%AF', '/..%2f..%2fetc%2fpasswd', '/../../package.json', '/\u0000',
  'http://user:pass@127.0.0.1/', 'http://127.0.0.1:99999/', 'ftp://x/', 'javascript:alert(1)', 'file:///etc/passwd',
  '/?a=%E0%A4%A&b=%', '/#frag', '/?' + 'q'.repeat(9000), '/' + 'a'.repeat(20_000), 'http://a/' + '%'.repeat(100),
];
const hostileHosts = ['[', '[::1', ']', 'a b', 'a/b', '', ' ', 'evil.example', 'localhost:0', '127.0.0.1:99999', '::1', 'x'.repeat(300), '\u00ff', '127.0.0.1:80:80', '@', '%00'];
const methods = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'PRI', 'BREW', 'get', 'G ET', '', 'GET\u0000', 'X'.repeat(300)];
const versions = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'http/1.1', 'HTTP/1', 'HTTP/1.1 ', 'HTTP/9.9', ''];
const lineEnds = ['\r\n', '\r\n', '\r\n', '\n', '\r', ''];
const headerNames = [
  'Host', 'Content-Length', 'Transfer-Encoding', 'Content-Type', 'Connection', 'Upgrade', 'Origin', 'Authorization',
  'Expect', 'Sec-WebSocket-Key', 'Sec-WebSocket-Version', 'Sec-WebSocket-Extensions', 'Cookie', 'webhook-id',
  'webhook-timestamp', 'webhook-signature', 'X-Webhook-Signature', 'Idempotency-Key', 'Accept-Encoding', 'Content-Encoding',
];
const headerValues = [
  '', ' ', '[', '-1', '0', '1e9', '99999999999999999999', '0x10', 'chunked', 'chunked, chunked', 'gzip, chunked', 'identity',
  'application/json', 'application/json; charset=latin1', 'text/plain', 'multipart/form-data; boundary=', 'websocket', 'Upgrade',
  'keep-alive', 'close', '100-continue', 'Bearer ', 'Bearer x', 'v1,AAAA', 'v1,', '1700000000', 'msg_1', 'permessage-deflate; client_max_window_bits=99',
  'x'.repeat(20_000), '\u0000', '\u00ff\u00fe',
];
/** Bodies that hurt parsers: deep nesting, invalid UTF-8, truncation, JSON that is not an object, prototype keys. */
const hostileBodies: fc.Arbitrary<Uint8Array>[] = [
  fc.integer({ min: 1, max: 200_000 }).map((depth) => latin1('['.repeat(depth))),
  fc.integer({ min: 60, max: 5_000 }).map((depth) => latin1('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))),
  fc.constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '"string"', 'null', '[]', '1e999', '{"a":', '{"a":"\\ud800"}').map(latin1),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Uint8Array.from(bytes, (byte) => byte | 0x80)),
  fc.json({ maxDepth: 4 }).map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 2048 }),
];

const oneOfText = (values: string[]) => fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

/** Writes a request's text the way it would go over the wire (latin1: one byte per code unit below 256, cut above). */
function requestHead(method: string, target: string, version: string, headers: [string, string][], eol: string): Buffer {
  const line = version === '' ? `${method} ${target}` : `${method} ${target} ${version}`;
  return latin1(line + eol + headers.map(([name, value]) => `${name}: ${value}${eol}`).join('') + eol);
}

/** Splits bytes into pieces at the given points (a slow or fragmenting client). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  if (bytes.length === 0) return [bytes];
  const points = [...new Set(cuts.map((cut) => cut % bytes.length))].filter((point) => point > 0).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(bytes.subarray(start, point));
    start = point;
  }
  pieces.push(bytes.subarray(start));
  return pieces;
}

type Mutation = 'target' | 'host' | 'method' | 'version' | 'lineEnds' | 'headers' | 'framing' | 'body';
const mutations: Mutation[] = ['target', 'host', 'method', 'version', 'lineEnds', 'headers', 'framing', 'body'];

/**
 * Malformed and hostile HTTP exchanges against one listener. Each starts as a request the
 * listener serves (its methods, paths, Host and headers, a JSON body framed by Content-Length)
 * and then gets none to three things wrong — request target, Host, method, version, line ends,
 * extra or oversized or duplicated headers, framing, body — so most reach its routing and body
 * parsing rather than stopping at Node's parser; one in ten is raw random bytes. Any of them may
 * arrive in pieces and be cut off by a reset at a random point.
 */
export function malformedHttpExchanges(surface: HttpAttackSurface): fc.Arbitrary<RawExchange> {
  const mutation = fc.constantFrom(...mutations);
  const chosen = fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
    { weight: 3, arbitrary: fc.uniqueArray(mutation, { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.uniqueArray(mutation, { minLength: 2, maxLength: 3 }) },
  );
  const request = fc
    .record({
      wrong: chosen,
      method: fc.constantFrom(...(surface.methods ?? ['GET', 'POST'])),
      path: fc.constantFrom(...surface.paths),
      badTarget: fc.oneof(
        fc.constantFrom(...hostileTargets),
        fc.tuple(fc.constantFrom(...surface.paths), fc.string({ unit: 'binary', maxLength: 30 })).map(([path, tail]) => path + tail),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string({ unit: 'binary', maxLength: 60 }),
      ),
      badHost: fc.oneof(fc.constantFrom(...hostileHosts, null), fc.string({ maxLength: 20 })),
      badMethod: oneOfText(methods),
      badVersion: fc.constantFrom(...versions.slice(1)),
      badEol: fc.constantFrom(...lineEnds.filter((eol) => eol !== '\r\n')),
      extra: fc.array(fc.tuple(oneOfText(headerNames), oneOfText(headerValues)), { minLength: 1, maxLength: 8 }),
      framing: fc.constantFrom('length-short', 'length-long', 'length-twice', 'chunked', 'chunked-bad', 'none'),
      goodBody: fc.json({ maxDepth: 3 }).map((text) => Buffer.from(text)),
      badBody: fc.oneof(...hostileBodies),
    })
    .map((r) => {
      const wrong = new Set(r.wrong);
      const method = wrong.has('method') ? r.badMethod : r.method;
      const payload: Uint8Array = wrong.has('body') ? r.badBody : method === 'GET' || method === 'HEAD' ? new Uint8Array() : r.goodBody;
      const headers: [string, string][] = [];
      if (!wrong.has('host')) headers.push(['Host', surface.host]);
      else if (r.badHost !== null) headers.push(['Host', r.badHost]);
      if (surface.headersFor) headers.push(...Object.entries(surface.headersFor(payload)));
      if (wrong.has('headers')) headers.push(...r.extra);
      let tail: Uint8Array = payload;
      const framing = wrong.has('framing') ? r.framing : 'length';
      if (framing === 'length') headers.push(['Content-Length', String(payload.length)]);
      if (framing === 'length-short') headers.push(['Content-Length', String(Math.max(0, payload.length - 7))]);
      if (framing === 'length-long') headers.push(['Content-Length', String(payload.length + 1000)]);
      if (framing === 'length-twice') headers.push(['Content-Length', String(payload.length)], ['Content-Length', '3']);
      if (framing === 'chunked' || framing === 'chunked-bad') headers.push(['Transfer-Encoding', 'chunked']);
      if (framing === 'chunked') tail = Buffer.concat([latin1(`${payload.length.toString(16)}\r\n`), payload, latin1('\r\n0\r\n\r\n')]);
      if (framing === 'chunked-bad') tail = Buffer.concat([latin1('fffffffffffffffff\r\n'), payload]);
      headers.push(['Connection', 'close']);
      const head = requestHead(method, wrong.has('target') ? r.badTarget : r.path, wrong.has('version') ? r.badVersion : 'HTTP/1.1', headers, wrong.has('lineEnds') ? r.badEol : '\r\n');
      return Buffer.concat([head, tail]);
    });
  const bytes = fc.oneof({ weight: 9, arbitrary: request }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4096 }) });
  return fc
    .record({
      bytes,
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
      reset: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 5 }) }),
      halfClose: fc.boolean(),
    })
    .map(({ bytes: wire, cuts, reset, halfClose }) => ({ chunks: split(wire, cuts), resetAfter: reset, halfClose }));
}
