import type { IncomingMessage } from 'node:http';
import { HttpRefusal } from './http-refusal';

/** The body did not arrive whole: the client went away or the connection failed mid-way. */
export class BodyIncomplete extends Error {}

/** 1 MiB: what every listener takes unless it says otherwise. */
export const defaultMaxBodyBytes = 1024 * 1024;

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);
const tooLarge = (limit: number) => new HttpRefusal(413, 'BODY_TOO_LARGE', `The request body is too large: this address takes at most ${sizeText(limit)}.`);

/**
 * Reads a request body, refusing it (HttpRefusal 413) as soon as it passes `limit`, or before
 * reading anything when Content-Length says it will; the rest is never buffered. Rejects with
 * BodyIncomplete when the client resets or stops half-way.
 */
export function readBoundedBody(req: IncomingMessage, limit = defaultMaxBodyBytes): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onAborted = () => {
      cleanup();
      reject(new BodyIncomplete('The client went away before sending the whole body.'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new BodyIncomplete(error.message));
    };
    const onClose = () => {
      if (req.complete) return;
      cleanup();
      reject(new BodyIncomplete('The connection closed before the whole body arrived.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
