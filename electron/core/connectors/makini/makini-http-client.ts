import { AppError, type ErrorCode } from '../../../../shared/errors';
import { parseBoundedJson } from '../../http/bounded-json';
import { nodeHttpFetch } from '../../http/node-http-fetch';

export interface MakiniHttpClientOptions {
  baseUrl: string;
  /** Read when each request is made, so a refreshed token is used at once. */
  getToken: () => string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The largest answer read from an upstream: a page of 1,000 work orders is about 2 MiB. A server
 * (or a proxy in its place) that sends more is cut off instead of filling memory.
 */
export const maxResponseBytes = 64 * 1024 * 1024;

class ResponseTooLarge extends Error {}

/** The body's bytes, refusing (ResponseTooLarge) as soon as they pass `limit`. */
async function readBoundedBytes(response: Response, limit: number): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel();
    throw new ResponseTooLarge();
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UPSTREAM_AUTH';
  if (status === 403) return 'UPSTREAM_FORBIDDEN';
  if (status === 404) return 'UPSTREAM_NOT_FOUND';
  if (status === 429) return 'UPSTREAM_RATE_LIMITED';
  if (status >= 500) return 'UPSTREAM_UNAVAILABLE';
  return 'UPSTREAM_BAD_REQUEST';
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** What an upstream's error body says, whichever of the common shapes it has. */
export interface UpstreamErrorBody {
  code?: string;
  type?: string;
  message?: string;
  requestId?: string;
  /** `field: problem` lines, when the body names fields. */
  fields?: string[];
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** `field: problem` lines from a map of fields ({ field: "problem" | ["problem", …] }) or a list of { name, reason }. */
function fieldLines(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    const lines = value
      .map((item) => {
        if (typeof item !== 'object' || item === null) return nonEmpty(item);
        const entry = item as Record<string, unknown>;
        const name = nonEmpty(entry.name) ?? nonEmpty(entry.field) ?? nonEmpty(entry.pointer);
        const reason = nonEmpty(entry.reason) ?? nonEmpty(entry.message) ?? nonEmpty(entry.detail);
        return name && reason ? `${name}: ${reason}` : (name ?? reason);
      })
      .filter((line): line is string => line !== undefined);
    return lines.length > 0 ? lines.slice(0, 10) : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const lines = Object.entries(value as Record<string, unknown>).map(([name, problem]) => {
    const said = Array.isArray(problem) ? problem.map(nonEmpty).filter(Boolean).join('; ') : nonEmpty(problem);
    return said ? `${name}: ${said}` : name;
  });
  return lines.length > 0 ? lines.slice(0, 10) : undefined;
}

/**
 * Reads an error body: Makini's structured error (`{ error: { code, type, message, request_id,
 * fields } }`, or the same fields flat), RFC 7807 problem details (`type`, `title`, `detail`,
 * `invalid-params`), or a plain `{ message }` / `{ error: "…" }`. Codes and types are kept as sent.
 */
export function readUpstreamError(body: unknown): UpstreamErrorBody {
  if (typeof body !== 'object' || body === null) return {};
  const outer = body as Record<string, unknown>;
  const inner = outer.error;
  const source = (typeof inner === 'object' && inner !== null ? inner : outer) as Record<string, unknown>;
  const result: UpstreamErrorBody = {};
  const code = nonEmpty(source.code) ?? (typeof source.code === 'number' ? String(source.code) : undefined);
  const type = nonEmpty(source.type);
  // RFC 7807: `detail` says what happened this time, `title` what kind of problem it is.
  const detail = nonEmpty(source.detail);
  const title = nonEmpty(source.title);
  const message = nonEmpty(source.message) ?? nonEmpty(inner) ?? (detail && title && !detail.includes(title) ? `${title.replace(/[.:]+$/, '')}: ${detail}` : (detail ?? title));
  const requestId = nonEmpty(source.request_id) ?? nonEmpty(source.requestId) ?? nonEmpty(outer.request_id) ?? nonEmpty(outer.requestId) ?? nonEmpty(source.instance);
  const fields = fieldLines(source.fields) ?? fieldLines(source['invalid-params']) ?? fieldLines(source.errors);
  if (code) result.code = code;
  if (type) result.type = type;
  if (message) result.message = message;
  if (requestId) result.requestId = requestId;
  if (fields) result.fields = fields;
  return result;
}

const statusWords: Record<number, string> = {
  400: 'bad request',
  401: 'not signed in',
  403: 'not allowed',
  404: 'not found',
  408: 'timed out',
  409: 'conflict',
  413: 'too large',
  422: 'refused the request',
  429: 'too many requests',
  500: 'internal error',
  502: 'bad gateway',
  503: 'unavailable',
  504: 'gateway timed out',
};

/**
 * GETs JSON from a Makini API with a bearer token, a timeout, and upstream failures turned into
 * AppErrors that keep the HTTP status and Makini's request id. Never logs the token.
 */
export class MakiniHttpClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: MakiniHttpClientOptions) {
    this.fetchImpl = options.fetch ?? nodeHttpFetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Read for each request: a connection's address can change (a restarted demo plant). */
  private get baseUrl(): string {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  /** A query value given as a list is sent once per item (`filter[key]=a&filter[key]=b`). */
  getJson(path: string, query: Record<string, string | readonly string[]> = {}): Promise<unknown> {
    return this.requestJson('GET', path, query);
  }

  async requestJson(method: 'GET' | 'DELETE', path: string, query: Record<string, string | readonly string[]> = {}): Promise<unknown> {
    return this.send(method, path, { query });
  }

  /** A write: the JSON body, with the Idempotency-Key that makes sending it again harmless. */
  writeJson(method: 'PUT' | 'POST', path: string, body: unknown, idempotencyKey: string): Promise<unknown> {
    return this.send(method, path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey } });
  }

  /** A multipart write (an upload): fetch gives the form its boundary. */
  writeForm(path: string, form: FormData, idempotencyKey: string): Promise<unknown> {
    return this.send('POST', path, { body: form, headers: { 'idempotency-key': idempotencyKey } });
  }

  /**
   * A file's bytes at `address` (a document's url). The token goes only to the API's own origin;
   * a file kept elsewhere (a storage service's signed address) is fetched without it, and only
   * over https.
   */
  async getFile(address: string, limitBytes: number): Promise<{ contentType: string; bytes: Uint8Array }> {
    let url: URL;
    try {
      url = new URL(address, `${this.baseUrl}/`);
    } catch {
      throw new AppError('UPSTREAM_MALFORMED', `The plant names this file's address as “${address.slice(0, 200)}”, which is not an address.`, { failedAt: 'makini' });
    }
    const own = url.origin === new URL(this.baseUrl).origin;
    if (!own && url.protocol !== 'https:') {
      throw new AppError('UPSTREAM_MALFORMED', `The plant keeps this file at ${url.host} over an unencrypted connection; Millwright fetches files elsewhere only over https.`, { failedAt: 'makini' });
    }
    const { response, bytes } = await this.exchange(url, { method: 'GET', headers: own ? { authorization: `Bearer ${this.options.getToken()}` } : {} }, limitBytes, (answer) =>
      new AppError('UPSTREAM_MALFORMED', `This file is larger than ${Math.round(limitBytes / (1024 * 1024))} MB, too large to show here; open it in the plant’s system.`, { status: answer.status, failedAt: 'makini' }),
    );
    if (!response.ok) throw this.failure(url, response, bytes);
    return { contentType: response.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream', bytes };
  }

  private async send(
    method: 'GET' | 'DELETE' | 'PUT' | 'POST',
    path: string,
    request: { query?: Record<string, string | readonly string[]>; body?: string | FormData; headers?: Record<string, string> },
  ): Promise<unknown> {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (typeof value === 'string') url.searchParams.set(name, value);
      else for (const item of value) url.searchParams.append(name, item);
    }
    const init: RequestInit = {
      method,
      headers: { accept: 'application/json', authorization: `Bearer ${this.options.getToken()}`, ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
    };
    const { response, bytes } = await this.exchange(url, init, maxResponseBytes, (answer) => {
      const requestId = answer.headers.get('x-request-id');
      return new AppError('UPSTREAM_MALFORMED', `${url.host} sent more than ${maxResponseBytes / (1024 * 1024)} MiB in one answer; no page is that large.`, {
        status: answer.status,
        failedAt: 'makini',
        ...(requestId ? { requestId } : {}),
      });
    });
    if (!response.ok) throw this.failure(url, response, bytes);
    // Bounded in depth too: every step after JSON.parse (zod, the IPC frame) walks it recursively.
    const parsed = bytes.length === 0 ? null : parseBoundedJson(bytes);
    const body: unknown = parsed?.ok ? parsed.value : undefined;
    if (parsed === null || !parsed.ok || body === undefined) {
      const headerRequestId = response.headers.get('x-request-id') ?? undefined;
      throw new AppError('UPSTREAM_MALFORMED', `${url.host} sent an answer that is not JSON, so it cannot be read.`, {
        status: response.status,
        failedAt: 'makini',
        ...(headerRequestId ? { requestId: headerRequestId } : {}),
      });
    }
    return body;
  }

  /** One request and its whole answer, read up to `limitBytes`; a network failure or an answer too large becomes an AppError. */
  private async exchange(url: URL, init: RequestInit, limitBytes: number, tooLarge: (response: Response) => AppError): Promise<{ response: Response; bytes: Uint8Array }> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new AppError('NETWORK', timedOut ? `${url.host} did not answer within ${this.timeoutMs / 1000} s.` : `Could not reach ${url.host}.`, { failedAt: 'network' });
    }
    try {
      return { response, bytes: await readBoundedBytes(response, limitBytes) };
    } catch (error) {
      if (error instanceof ResponseTooLarge) {
        throw tooLarge(response);
      }
      // The connection dropped while the body was arriving (a reset, or a timeout mid-body).
      throw new AppError('NETWORK', `The connection to ${url.host} broke while its answer was arriving.`, { failedAt: 'network' });
    }
  }

  /** An answer that is not 2xx, as an AppError keeping its status, Makini's request id and what the body says. */
  private failure(url: URL, response: Response, bytes: Uint8Array): AppError {
    const parsed = bytes.length === 0 ? null : parseBoundedJson(bytes);
    const said = readUpstreamError(parsed?.ok ? parsed.value : undefined);
    const requestId = said.requestId ?? response.headers.get('x-request-id') ?? undefined;
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    const words = statusWords[response.status];
    return new AppError(codeForStatus(response.status), said.message ?? `${url.host} answered HTTP ${response.status}${words ? ` (${words})` : ''}.`, {
      status: response.status,
      failedAt: 'makini',
      ...(requestId ? { requestId } : {}),
      ...(said.code ? { upstreamCode: said.code } : {}),
      ...(said.type ? { upstreamType: said.type } : {}),
      ...(said.fields ? { details: said.fields } : {}),
      ...(retryAfterSeconds !== null ? { retryAfterSeconds } : {}),
    });
  }
}
