import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { isImageDocument, type DocumentRecord } from '../../shared/domain/document';
import { isLocalKey } from '../../shared/domain/outbox-operation';
import { base64ToBytes } from '../../shared/documents/base64';
import { appDb } from '../db/app-db';
import type { DocumentFile } from '../db/document-file';
import type { IpcClient } from '../ipc/ipc-client';
import { useIpcClient } from '../ipc/ipc-client-context';
import { formError } from './form-errors';
import { objectUrlFor } from './document-object-urls';

/**
 * A document's bytes: from the cache when they are here (attached here, or fetched before), else
 * fetched from the plant through main and kept, so the file shows offline afterwards.
 */
export async function documentFile(client: IpcClient, document: DocumentRecord): Promise<DocumentFile> {
  const kept = await appDb.documentFiles.get([document.connectionId, document.key]);
  if (kept) return kept;
  if (isLocalKey(document.key) || !document.url) throw new Error(`“${document.name}” is not on this computer and the plant names no address for it.`);
  const fetched = await client.invoke('documents.fetch', { connectionId: document.connectionId, url: document.url });
  const file: DocumentFile = {
    connectionId: document.connectionId,
    key: document.key,
    name: document.name,
    contentType: fetched.contentType,
    bytes: base64ToBytes(fetched.base64),
    savedAt: new Date().toISOString(),
  };
  await appDb.documentFiles.put(file);
  return file;
}

export type Thumbnail = { state: 'loading' } | { state: 'shown'; url: string } | { state: 'failed'; message: string };

/** A picture's object URL for its thumbnail, fetched when it is not kept here yet. */
export function useThumbnail(document: DocumentRecord): Thumbnail {
  const client = useIpcClient();
  // null: not kept here; undefined: still reading.
  const kept = useLiveQuery(async () => (await appDb.documentFiles.get([document.connectionId, document.key])) ?? null, [document.connectionId, document.key]);
  const [failure, setFailure] = useState<string | null>(null);
  const image = isImageDocument(document);

  useEffect(() => {
    if (!image || kept !== null || failure !== null) return;
    documentFile(client, document).catch((error: unknown) => setFailure(formError(error)));
  }, [client, document, image, kept, failure]);

  if (kept) return { state: 'shown', url: objectUrlFor(kept) };
  return failure !== null ? { state: 'failed', message: failure } : { state: 'loading' };
}
