/**
 * POST /api/eam/documents as the plant reads it (see this folder's README, "Documents"): the
 * spec's multipart/form-data body, read with a bound and parsed by the platform's own multipart
 * parser (fetch's `Response.formData()`), then checked against documentUploadRule and the plant's
 * records. Nothing here changes the plant (plant-documents.ts adds the document).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MIMEType } from 'node:util';
import { readBoundedBody } from '../core/http/bounded-body';
import { HttpRefusal } from '../core/http/http-refusal';
import { documentUploadRule } from './demo-plant-write-rules';
import { RequestBodyError } from './http-io';
import type { DocumentUpload } from './plant-documents';
import type { PlantState } from './plant-state';
import { throwIfInvalid } from './write-error';
import { live } from './write-records';

const mebibyte = 1024 * 1024;

interface SentFile {
  filename: string;
  /** The part's Content-Type as the parser gives it: a file part sent without one reads as text/plain (the multipart/form-data rules fetch follows). */
  contentType: string;
  bytes: Buffer;
}

/** One part of the form, in the order sent: text, or a file (a part with a filename). */
type FormPart = { field: string; text: string } | { field: string; file: SentFile };

export interface DocumentForm {
  parts: FormPart[];
  /**
   * The request as an Idempotency-Key compares it: each part in order, a file by its name, type,
   * size and SHA-256. The multipart boundary, which differs on every retry, plays no part.
   */
  fingerprint: unknown;
}

/** The content type of a file sent as application/octet-stream (what fetch sends for a Blob without a type), by its file name's extension. */
const contentTypesByExtension = new Map([
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['gif', 'image/gif'],
  ['webp', 'image/webp'],
  ['heic', 'image/heic'],
  ['pdf', 'application/pdf'],
  ['txt', 'text/plain'],
  ['csv', 'text/csv'],
]);

const fileTooLarge = () =>
  new HttpRefusal(413, 'FILE_TOO_LARGE', `The file is too large: a document may be at most ${documentUploadRule.maxFileBytes / mebibyte} MiB.`);

/** A Content-Type as the plant serves it back (lower-case type and subtype), or null when it is not one. */
function mimeType(text: string | undefined): MIMEType | null {
  try {
    return text ? new MIMEType(text) : null;
  } catch {
    return null;
  }
}

/**
 * Reads the form: 415 UNSUPPORTED_MEDIA_TYPE for another content type; 413 FILE_TOO_LARGE for a
 * file over the limit, or a body over it by more than 1 MiB (read no further than that); 400
 * INVALID_REQUEST (RequestBodyError) for a body that is not multipart/form-data.
 */
export async function readDocumentForm(req: IncomingMessage): Promise<DocumentForm> {
  const contentType = req.headers['content-type'];
  if (mimeType(contentType)?.essence !== 'multipart/form-data') {
    throw new HttpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'Documents are uploaded as multipart/form-data: a part "file", a part "name" and any number of parts "entityKeys[]".');
  }
  let body: Buffer;
  try {
    body = await readBoundedBody(req, documentUploadRule.maxFileBytes + mebibyte);
  } catch (error) {
    throw error instanceof HttpRefusal && error.status === 413 ? fileTooLarge() : error;
  }
  let form: FormData;
  try {
    // (A Buffer from Buffer.concat is over a plain ArrayBuffer, never a shared one.)
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType! } }).formData();
  } catch {
    throw new RequestBodyError('The request body is not readable multipart/form-data.');
  }
  const parts: FormPart[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      parts.push({ field, text: value });
      continue;
    }
    if (value.size > documentUploadRule.maxFileBytes) throw fileTooLarge();
    parts.push({ field, file: { filename: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) } });
  }
  const fingerprint = parts.map((part) => {
    if ('text' in part) return [part.field, part.text];
    const { filename, contentType: type, bytes } = part.file;
    return [part.field, { filename, type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }];
  });
  return { parts, fingerprint };
}

/** The part's own Content-Type, or for application/octet-stream (or none) the one its file name's extension says, or else application/octet-stream. */
function contentTypeOf(file: SentFile): string {
  const sent = mimeType(file.contentType);
  if (sent && sent.essence !== 'application/octet-stream') return sent.toString();
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.filename)?.[1]?.toLowerCase();
  return (extension && contentTypesByExtension.get(extension)) ?? 'application/octet-stream';
}

const isEntityKey = (state: PlantState, key: string) =>
  live(state, 'workOrders', key) !== undefined || live(state, 'assets', key) !== undefined || live(state, 'serviceRequests', key) !== undefined;

/** The document the form asks for; 422 VALIDATION_ERROR naming every part that is wrong. */
export function validateDocumentUpload(state: PlantState, form: DocumentForm): DocumentUpload {
  const { parts: taken, maxNameLength, maxEntityKeys } = documentUploadRule;
  // No prototype: a part named `__proto__` is a field like any other.
  const errors = Object.create(null) as Record<string, string>;
  const fail = (field: string, problem: string) => void (errors[field] ??= problem);
  const byField = new Map<string, FormPart[]>();
  for (const part of form.parts) {
    if (!(taken as readonly string[]).includes(part.field)) fail(part.field, 'is not a field this request takes');
    else byField.set(part.field, [...(byField.get(part.field) ?? []), part]);
  }
  const single = (field: string): FormPart | undefined => {
    const sent = byField.get(field) ?? [];
    if (sent.length === 0) fail(field, 'is required');
    if (sent.length > 1) fail(field, 'is sent more than once');
    return sent.length === 1 ? sent[0] : undefined;
  };

  const filePart = single('file');
  const file = filePart && 'file' in filePart ? filePart.file : undefined;
  if (filePart && !file) fail('file', 'must be a file (a part with a filename)');
  else if (file?.bytes.length === 0) fail('file', 'is empty');

  const namePart = single('name');
  const name = namePart && 'text' in namePart ? namePart.text.trim() : '';
  if (namePart && !('text' in namePart)) fail('name', 'must be text, not a file');
  else if (namePart && name === '') fail('name', 'is required');
  else if ([...name].length > maxNameLength) fail('name', `must be at most ${maxNameLength} characters`);
  else if (/\p{Cc}/u.test(name)) fail('name', 'must not contain control characters');

  const entityKeys: string[] = [];
  const keyParts = byField.get('entityKeys[]') ?? [];
  if (keyParts.length > maxEntityKeys) fail('entityKeys[]', `names ${keyParts.length} records; a document belongs to at most ${maxEntityKeys}`);
  else {
    keyParts.forEach((part, index) => {
      const field = `entityKeys[${index}]`;
      if (!('text' in part)) fail(field, 'must be text, not a file');
      else if (entityKeys.includes(part.text)) fail(field, `names "${part.text}" a second time`);
      else if (!isEntityKey(state, part.text)) fail(field, `no work order, asset or service request with key "${part.text}"`);
      else entityKeys.push(part.text);
    });
  }
  throwIfInvalid(errors);
  // With no errors, the file part is there and is a file.
  return { name, entityKeys, contentType: contentTypeOf(file!), bytes: file!.bytes };
}
