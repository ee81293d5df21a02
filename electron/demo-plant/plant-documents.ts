/**
 * Documents as the plant answers and adds them (see this folder's README, "Documents"): records
 * kept without their `url`, which names the file on the plant's own current address when they are
 * answered, and documents uploaded through POST /api/eam/documents (document-upload.ts reads the
 * request) stored with their bytes (document-files.ts).
 */
import type { DocumentFiles } from './document-files';
import type { PlantDocument } from './plant-data';
import type { PlantState } from './plant-state';
import type { PlantRecord } from './record-collection';
import { inFieldOrder, type WriteRecord } from './write-records';

/** The spec's Document fields, in its order: answers list theirs so. */
const documentFieldOrder = ['key', 'entityKeys', 'name', 'url', 'type', 'contentType', 'description', 'notes', 'createdAt', 'updatedAt', 'deletedAt'] as const;

/** Where a document's file is downloaded: GET /files/documents/{key} on the plant's address. */
const documentFilePath = (key: string) => `/files/documents/${encodeURIComponent(key)}`;

/** The spec's Document `type`: "image" for image content, "document" for anything else. */
export const documentTypeOf = (contentType: string) => (/^image\//i.test(contentType) ? 'image' : 'document');

/** A document as the API answers it: with the `url` of its file on the plant at `origin` (e.g. "http://127.0.0.1:4010"). */
export function documentAnswer(record: PlantRecord, origin: string): WriteRecord {
  return inFieldOrder(documentFieldOrder, { ...record, url: origin + documentFilePath(record.key!) });
}

/** A document to add: checked (document-upload.ts), its name trimmed. */
export interface DocumentUpload {
  name: string;
  entityKeys: string[];
  contentType: string;
  bytes: Buffer;
}

/** Adds an uploaded document, stamped `stamp`: its bytes are kept first, so a record saved always has its file. */
export async function addDocument(state: PlantState, files: DocumentFiles, upload: DocumentUpload, stamp: string): Promise<PlantDocument> {
  const key = state.nextKey('documents');
  await files.store(key, upload.bytes);
  const document: PlantDocument = {
    key,
    entityKeys: upload.entityKeys,
    name: upload.name,
    type: documentTypeOf(upload.contentType),
    contentType: upload.contentType,
    description: '',
    notes: '',
    createdAt: stamp,
    updatedAt: stamp,
  };
  state.put('documents', document);
  return document;
}
