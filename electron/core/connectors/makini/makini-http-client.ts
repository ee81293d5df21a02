import { AppError, type ErrorCode } from '../../../../shared/errors';
import { parseBoundedJson } from '../../http/bounded-json';

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
    this.fetchImpl = options.fetch ?? fetch;
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
    return this.send(method, path, { body, headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey } });
  }

  private async send(
    method: 'GET' | 'DELETE' | 'PUT' | 'POST',
    path: string,
    request: { query?: Record<string, string | readonly string[]>; body?: unknown; headers?: Record<string, string> },
  ): Promise<unknown> {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (typeof value === 'string') url.searchParams.set(name, value);
      else for (const item of value) url.searchParams.append(name, item);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: { accept: 'application/json', authorization: `Bearer ${this.options.getToken()}`, ...request.headers },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new AppError('NETWORK', timedOut ? `${url.host} did not answer within ${this.timeoutMs / 1000} s.` : `Could not reach ${url.host}.`, { failedAt: 'network' });
    }
    const headerRequestId = response.headers.get('x-request-id') ?? undefined;
    let bytes: Uint8Array;
    try {
      bytes = await readBoundedBytes(response, maxResponseBytes);
    } catch (error) {
      if (error instanceof ResponseTooLarge) {
        throw new AppError('UPSTREAM_MALFORMED', `${url.host} sent more than ${maxResponseBytes / (1024 * 1024)} MiB in one answer; no page is that large.`, {
          status: response.status,
          failedAt: 'makini',
          ...(headerRequestId ? { requestId: headerRequestId } : {}),
        });
      }
      // The connection dropped while the body was arriving (a reset, or a timeout mid-body).
      throw new AppError('NETWORK', `The connection to ${url.host} broke while its answer was arriving.`, { failedAt: 'network' });
    }
    // Bounded in depth too: every step after JSON.parse (zod, the IPC frame) walks it recursively.
    const parsed = bytes.length === 0 ? null : parseBoundedJson(bytes);
    const isJson = parsed === null || parsed.ok;
    const body: unknown = parsed?.ok ? parsed.value : undefined;
    if (!response.ok) {
      const said = readUpstreamError(body);
      const requestId = said.requestId ?? headerRequestId;
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      const words = statusWords[response.status];
      throw new AppError(codeForStatus(response.status), said.message ?? `${url.host} answered HTTP ${response.status}${words ? ` (${words})` : ''}.`, {
        status: response.status,
        failedAt: 'makini',
        ...(requestId ? { requestId } : {}),
        ...(said.code ? { upstreamCode: said.code } : {}),
        ...(said.type ? { upstreamType: said.type } : {}),
        ...(said.fields ? { details: said.fields } : {}),
        ...(retryAfterSeconds !== null ? { retryAfterSeconds } : {}),
      });
    }
    if (!isJson || body === undefined) {
      throw new AppError('UPSTREAM_MALFORMED', `${url.host} sent an answer that is not JSON, so it cannot be read.`, {
        status: response.status,
        failedAt: 'makini',
        ...(headerRequestId ? { requestId: headerRequestId } : {}),
      });
    }
    return body;
  }
}
