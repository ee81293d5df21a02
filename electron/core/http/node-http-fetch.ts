import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Readable, pipeline, type Transform } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Connections kept open between requests, per scheme. A push sends up to 8 records at once and
 * a sync one page after another, so a few sockets per plant are reused for everything.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
};
const maxRedirects = 20;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const nullBodyStatuses = new Set([204, 205, 304]);

interface EncodedBody {
  bytes: Buffer;
  /** The content type fetch would give it when the caller names none. */
  type: string | null;
}

/** The bodies the app's requests carry; anything else (a form with files, a stream) goes through the platform's fetch. */
function encodeBody(body: RequestInit['body']): EncodedBody | null | undefined {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return { bytes: Buffer.from(body), type: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams) return { bytes: Buffer.from(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof ArrayBuffer) return { bytes: Buffer.from(body), type: null };
  if (ArrayBuffer.isView(body)) return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength), type: null };
  return undefined;
}

const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });

function decoderFor(encoding: string | undefined): Transform | null {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

interface Outgoing {
  url: URL;
  method: string;
  headers: Headers;
  body: EncodedBody | null;
  signal: AbortSignal | null;
}

/** Reads, which sending twice cannot change anything by. */
const safeMethods = new Set(['GET', 'HEAD']);

/**
 * One request on a kept-open connection. A connection the server closed while it sat idle fails
 * at once on reuse, before any answer: a read is then sent again, once, on a new connection. A
 * write is not: the server may have applied it before the connection broke, so it fails as a
 * network failure and the outbox sends it again later with its Idempotency-Key.
 */
function exchange(request: Outgoing, retried = false): Promise<IncomingMessage> {
  const { url, method, headers, body, signal } = request;
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, { method, headers: Object.fromEntries(headers), agent: agents[url.protocol as keyof typeof agents] });
    const onAbort = () => req.destroy(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    req.once('response', (response) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(response);
    });
    req.once('error', (error: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(signal.reason);
      else if (!retried && req.reusedSocket && error.code === 'ECONNRESET' && safeMethods.has(method)) resolve(exchange(request, true));
      else reject(fetchFailed(error));
    });
    req.end(body?.bytes);
  });
}

/** The answer as a web Response whose body streams (decoded) as it arrives; aborting the signal errors the body. */
function toResponse(answer: IncomingMessage, request: Outgoing): Response {
  const status = answer.statusCode ?? 0;
  const headers = new Headers();
  for (let index = 0; index + 1 < answer.rawHeaders.length; index += 2) headers.append(answer.rawHeaders[index]!, answer.rawHeaders[index + 1]!);
  if (request.method === 'HEAD' || nullBodyStatuses.has(status)) {
    answer.resume();
    return new Response(null, { status, statusText: answer.statusMessage ?? '', headers });
  }
  const { signal } = request;
  const onAbort = () => answer.destroy(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  answer.once('close', () => signal?.removeEventListener('abort', onAbort));
  const decoder = decoderFor(answer.headers['content-encoding']);
  const source: Readable = decoder ? pipeline(answer, decoder, () => undefined) : answer;
  return new Response(Readable.toWeb(source) as ReadableStream<Uint8Array>, { status, statusText: answer.statusMessage ?? '', headers });
}

async function follow(request: Outgoing, redirects: number): Promise<Response> {
  request.signal?.throwIfAborted();
  if (request.url.protocol !== 'http:' && request.url.protocol !== 'https:') throw fetchFailed(new Error(`${request.url.protocol} addresses cannot be fetched`));
  const answer = await exchange(request);
  const status = answer.statusCode ?? 0;
  const location = answer.headers.location;
  if (redirectStatuses.has(status) && location !== undefined) {
    answer.resume();
    if (redirects >= maxRedirects) throw fetchFailed(new Error('redirect count exceeded'));
    let url: URL;
    try {
      url = new URL(location, request.url);
    } catch (error) {
      throw fetchFailed(error);
    }
    const next: Outgoing = { ...request, url, headers: new Headers(request.headers) };
    // As fetch does: a 303 (or a 301/302 after a POST) turns into a GET without the body.
    if ((status === 303 && request.method !== 'GET' && request.method !== 'HEAD') || ((status === 301 || status === 302) && request.method === 'POST')) {
      Object.assign(next, { method: 'GET', body: null });
      for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) next.headers.delete(name);
    }
    // Credentials never follow a redirect to another origin.
    if (url.origin !== request.url.origin) for (const name of ['authorization', 'proxy-authorization', 'cookie']) next.headers.delete(name);
    return follow(next, redirects + 1);
  }
  try {
    return toResponse(answer, request);
  } catch (error) {
    // A status fetch cannot represent (below 200, above 599) or a header it refuses.
    answer.destroy();
    throw fetchFailed(error);
  }
}

/**
 * `fetch`, for the requests main makes upstream (sync pages, reads and writes of the outbox
 * push, probes, token exchanges), over Node's own HTTP client: the same answers as the
 * platform's fetch (redirects followed without credentials across origins, gzip/deflate/br
 * decoded, the body streamed, `AbortSignal.timeout` rejecting with its TimeoutError) at a
 * third of its processor time per request, which is what a push of many small writes spends.
 * Bodies it does not encode itself (a file upload's form) go through the platform's fetch.
 */
export const nodeHttpFetch: typeof fetch = async (input, init = {}) => {
  const body = encodeBody(init.body);
  if (!(typeof input === 'string' || input instanceof URL) || body === undefined || (init.redirect !== undefined && init.redirect !== 'follow')) return fetch(input, init);
  let url: URL;
  try {
    url = new URL(input);
  } catch (error) {
    throw new TypeError(`“${String(input).slice(0, 200)}” is not an address`, { cause: error });
  }
  const method = (init.method ?? 'GET').toUpperCase();
  if (body && (method === 'GET' || method === 'HEAD')) throw new TypeError(`A ${method} request cannot have a body`);
  const headers = new Headers(init.headers);
  if (body?.type && !headers.has('content-type')) headers.set('content-type', body.type);
  if (body) headers.set('content-length', String(body.bytes.length));
  if (!headers.has('accept')) headers.set('accept', '*/*');
  if (!headers.has('accept-encoding')) headers.set('accept-encoding', 'gzip, deflate, br');
  if (!headers.has('user-agent')) headers.set('user-agent', 'Millwright');
  return follow({ url, method, headers, body, signal: init.signal ?? null }, 0);
};
