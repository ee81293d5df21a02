import type { IncomingMessage, ServerResponse } from 'node:http';

const maxBodyBytes = 1024 * 1024;

/** A request the demo plant cannot read: too large, or not in the format it asked for. */
export class RequestBodyError extends Error {}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
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
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new RequestBodyError('Request body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON body; an empty body reads as {}. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestBodyError('Request body is not valid JSON.');
  }
}

export function bearerToken(header: string | undefined): string | null {
  return /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? null;
}
