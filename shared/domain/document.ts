import { z } from 'zod';
import { syncedRecordSchema } from './synced-record';

/**
 * A photo or file kept in the plant's system (Makini `Document`), linked by `entityKeys` to the
 * work orders, service requests and assets it belongs to. `url` is where its bytes are; null for
 * one attached here and not yet uploaded.
 */
export const documentSchema = syncedRecordSchema.extend({
  name: z.string(),
  entityKeys: z.array(z.string()),
  url: z.string().nullable(),
  /** The kind as the system names it (the demo plant: image or document). */
  type: z.string().nullable(),
  contentType: z.string().nullable(),
  description: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type DocumentRecord = z.infer<typeof documentSchema>;

/** The most one attachment may be: what is kept here until it is uploaded, and what a plant is sent at once. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
/** The largest file fetched from a plant to be shown here (a long manual); larger ones are opened in the plant's system. */
export const maxFetchedFileBytes = 40 * 1024 * 1024;

/** Whether a file shows as a picture (thumbnail) rather than a line in a list. */
export const isImageDocument = (document: Pick<DocumentRecord, 'contentType' | 'type'>): boolean =>
  document.contentType?.toLowerCase().startsWith('image/') ?? document.type?.toLowerCase() === 'image';
