import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/** Kinds of file handed to the computer's viewer: pictures, PDFs, text and office documents. Nothing that runs. */
const viewable = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff', 'heic', 'pdf', 'txt', 'csv', 'rtf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp']);

/** A file name safe on every system: no folders, no reserved characters, not too long. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((character) => (character.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(character) ? '_' : character))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(-120);
  return cleaned || 'file';
}

export const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? null;

/**
 * Opens a photo or file in the computer's own viewer: written to a private temporary folder
 * (mkdtemp makes it 0700; the file is 0600) under its own name, then handed to `openPath` (Electron's shell). Only
 * viewable kinds are opened; a program or script from a plant's system is refused, never run.
 */
export class FileViewer {
  private folder: Promise<string> | null = null;

  constructor(
    private readonly openPath: (file: string) => Promise<boolean>,
    private readonly tempRoot: string = os.tmpdir(),
  ) {}

  async open(file: { name: string; bytes: Uint8Array }): Promise<boolean> {
    const name = safeFileName(file.name);
    const extension = extensionOf(name);
    if (!extension || !viewable.has(extension)) {
      throw new AppError('NOT_ALLOWED', `Millwright opens photos, PDFs, text and office documents; “${name}” is another kind of file, so it is not opened here. Open it in the plant’s system.`);
    }
    this.folder ??= mkdtemp(path.join(this.tempRoot, 'millwright-files-'));
    // Each file in a folder of its own, so two files of the same name do not overwrite each other.
    const folder = await mkdtemp(path.join(await this.folder, 'f-'));
    const target = path.join(folder, name);
    await writeFile(target, file.bytes, { mode: 0o600 });
    return this.openPath(target);
  }
}
