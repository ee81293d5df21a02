import { z } from 'zod';
import { maxAttachmentBytes, maxFetchedFileBytes } from '../domain/document';
import { base64Length } from './base64';

/** One file's bytes as they cross the IPC contract: base64, never more than `maxBytes`. */
const transferOf = (maxBytes: number) =>
  z.object({
    name: z.string().min(1).max(255),
    contentType: z.string().min(1).max(255),
    base64: z.string().max(base64Length(maxBytes)).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  });

/** A file attached here, on its way to the plant. */
export const attachmentTransferSchema = transferOf(maxAttachmentBytes);
/** A file to open in the computer's own viewer: attached here, or fetched from the plant. */
export const openFileTransferSchema = transferOf(maxFetchedFileBytes);
export type FileTransfer = z.infer<typeof attachmentTransferSchema>;
/** A file fetched from the plant to be shown: its bytes and their type, as the plant served them. */
export const fetchedFileSchema = transferOf(maxFetchedFileBytes).omit({ name: true });
export type FetchedFile = z.infer<typeof fetchedFileSchema>;
