import type { DocumentFile } from '../db/document-file';

/** How many pictures keep an object URL at once: those shown in a drawer, and a few drawers back. */
const kept = 24;
const urls = new Map<string, string>();

/**
 * An object URL for a kept file's bytes, made once per version of the file and shared by every
 * render that shows it; the least recently used beyond `kept` are revoked, so the page does not
 * hold every picture it ever showed.
 */
export function objectUrlFor(file: DocumentFile): string {
  const id = `${file.connectionId}\u0000${file.key}\u0000${file.savedAt}`;
  const known = urls.get(id);
  if (known) {
    urls.delete(id);
    urls.set(id, known);
    return known;
  }
  const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType }));
  urls.set(id, url);
  for (const [oldest, oldUrl] of urls) {
    if (urls.size <= kept) break;
    urls.delete(oldest);
    URL.revokeObjectURL(oldUrl);
  }
  return url;
}
