/**
 * The bytes of one photo or file, kept in the cache under its document's key: a file attached
 * here waits under the document's `local:` key with its queued upload (and moves to the plant's
 * key when the plant has it); a file fetched from the plant is kept so it shows offline too.
 */
export interface DocumentFile {
  connectionId: string;
  /** The document's key. */
  key: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
  savedAt: string;
}
