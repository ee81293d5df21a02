import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBoundedBody } from '../core/http/bounded-body';
import { parseBoundedJson } from '../core/http/bounded-json';
import type { HttpRefusal } from '../core/http/http-refusal';
import { drainUnreadBody } from '../core/http/unread-body';

/** A request body the demo plant cannot read: not in the format it asked for. (Too large is an HttpRefusal 413.) */
export class RequestBodyError extends Error {}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  drainUnreadBody(res);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Makini's structured error body (code, type, message, request id), as the seeds describe it; `details` adds fields such as `fields`. */
export function sendError(
  res: ServerResponse,
  requestId: string,
  status: number,
  code: string,
  type: string,
  message: string,
  details: Record<string, unknown> = {},
): void {
  sendJson(res, status, { error: { code, type, message, request_id: requestId, ...details } });
}

/** Pages for a person's browser: nothing from elsewhere may load, frame or script them. */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  drainUnreadBody(res);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text: at most 1 MiB (else HttpRefusal 413, the rest left unread), in UTF-8. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const bytes = await readBoundedBody(req);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new RequestBodyError('Request body is not valid UTF-8.');
  }
}

/** The JSON body, at most 1 MiB and 64 levels deep; an empty body reads as {}. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const bytes = await readBoundedBody(req);
  if (bytes.length === 0) return {};
  const parsed = parseBoundedJson(bytes);
  if (!parsed.ok) throw new RequestBodyError(`Request body is not readable: ${parsed.message}`);
  return parsed.value;
}

/** A refusal by the listener (bad Host, request target, too large a body…) in Makini's error shape. */
export function sendRefusal(res: ServerResponse, refusal: HttpRefusal): void {
  const requestId = String(res.getHeader('x-request-id') ?? randomUUID());
  res.setHeader('x-request-id', requestId);
  const [code, type] = refusal.status >= 500 ? ['INTERNAL_ERROR', 'api_error'] : [refusal.code, 'invalid_request_error'];
  sendError(res, requestId, refusal.status, code, type, refusal.message, refusal.details);
}

export function bearerToken(header: string | undefined): string | null {
  return /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? null;
}
