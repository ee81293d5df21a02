/**
 * GET /files/documents/{key} (see this folder's README, "Documents"): which document a path names,
 * its file's bytes (a generated document's drawn from its record, an uploaded one's as kept), and
 * the answer. The server checks the token and plays faults first, as for the API.
 */
import type { ServerResponse } from 'node:http';
import { drainUnreadBody } from '../core/http/unread-body';
import type { DocumentFiles } from './document-files';
import type { PlantDocument } from './plant-data';
import type { PlantState } from './plant-state';
import { seededDocumentFile } from './seeded-document-files';

/** The key in a /files/documents/{key} path; null for any other path. */
export function documentKeyOfFilePath(pathname: string): string | null {
  const match = /^\/files\/documents\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!) || null;
  } catch {
    return null;
  }
}

/** A live document and its file; null when there is no such document, it was deleted, or its bytes are gone. */
export async function documentFile(state: PlantState, files: DocumentFiles, key: string): Promise<{ document: PlantDocument; bytes: Buffer } | null> {
  const document = state.collections.documents.get(key);
  if (!document || document.deletedAt) return null;
  const bytes = state.generatedDocumentKeys.has(key) ? seededDocumentFile(document) : await files.read(key);
  return bytes && { document, bytes };
}

/** RFC 8187's encoding of a header parameter value: percent-encoded UTF-8, attr-chars left as they are. */
const encodeParameter = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The file, shown in place (`inline`) under the document's name, as the type it was stored with and
 * nothing a browser might sniff instead; it runs nothing (a sandbox with no sources), whatever it is.
 */
export function sendDocumentFile(res: ServerResponse, document: PlantDocument, bytes: Buffer): void {
  drainUnreadBody(res);
  res.writeHead(200, {
    'content-type': document.contentType ?? 'application/octet-stream',
    'content-length': bytes.length,
    'content-disposition': `inline; filename*=UTF-8''${encodeParameter(document.name ?? document.key!)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  res.end(bytes);
}
