import { open, type FileHandle } from 'node:fs/promises';
import { ExportFileProblem } from './export-file-problem';

/**
 * The largest export file read: about 100,000 work orders in CSV. The whole file is parsed in
 * memory at each change, so a file far larger (a wrong file chosen, a log) is refused up front.
 */
export const defaultMaxExportBytes = 32 * 1024 * 1024;
const chunkBytes = 1024 * 1024;

const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/** `size`: how large the file is, as far as is known ("40.5 MB", or "over 32.0 MB" for one that grew while read). */
function tooLarge(size: string, maxBytes: number): ExportFileProblem {
  return new ExportFileProblem(`is ${size}, more than the ${megabytes(maxBytes)} Millwright reads: export fewer records (one site, or the last months) and save it again.`);
}

function openFailure(error: unknown): ExportFileProblem {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new ExportFileProblem('cannot be found: it was moved, renamed or deleted, or its drive is not connected.');
  if (code === 'EACCES' || code === 'EPERM') return new ExportFileProblem('may not be opened: its permissions do not let Millwright read it.');
  return new ExportFileProblem(`cannot be opened${code ? ` (${code})` : ''}.`);
}

/** The file's bytes, refusing a file over `maxBytes` before reading it, and one that grows past it while read. */
export async function readExportBytes(path: string, maxBytes = defaultMaxExportBytes): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw openFailure(error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new ExportFileProblem('is a folder, not a file.');
    if (!stats.isFile()) throw new ExportFileProblem('is not a file.');
    if (stats.size > maxBytes) throw tooLarge(megabytes(stats.size), maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(chunkBytes, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(`over ${megabytes(maxBytes)}`, maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ExportFileProblem) throw error;
    throw new ExportFileProblem(`could not be read to its end (${(error as NodeJS.ErrnoException | null)?.code ?? 'read failed'}).`);
  } finally {
    await handle.close();
  }
}
