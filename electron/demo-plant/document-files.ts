import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A key the plant made (digits, letters, - and _): safe as a file name. Other keys are never stored. */
const storableKey = /^[0-9A-Za-z_-]{1,100}$/;

/**
 * The bytes of the documents uploaded through the API (a generated document's are drawn when
 * asked: seeded-document-files.ts). A plant with a state file keeps each in a private file (0600)
 * named by its key, in a private folder (0700) beside the state file: `<state file>.documents`
 * without the file's `.json`. So they survive restarts as the records do, and never bloat the
 * state file. An ephemeral plant keeps them in memory.
 */
export class DocumentFiles {
  private readonly memory = new Map<string, Buffer>();

  /** `dir` null: in memory only. */
  private constructor(private readonly dir: string | null) {}

  /** The store of a plant with this state file (null: ephemeral). */
  static beside(stateFile: string | null): DocumentFiles {
    return new DocumentFiles(stateFile === null ? null : `${stateFile.replace(/\.json$/, '')}.documents`);
  }

  /** Keeps a document's bytes; written whole (a temporary file renamed) before this resolves. */
  async store(key: string, bytes: Buffer): Promise<void> {
    if (!storableKey.test(key)) throw new Error(`The document key ${JSON.stringify(key)} cannot name a file.`);
    if (this.dir === null) return void this.memory.set(key, bytes);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, key);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, file);
  }

  /** A document's bytes; null when none are kept for the key. */
  async read(key: string): Promise<Buffer | null> {
    if (!storableKey.test(key)) return null;
    if (this.dir === null) return this.memory.get(key) ?? null;
    try {
      return await readFile(path.join(this.dir, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Forgets a document's bytes (its record was purged). */
  async remove(key: string): Promise<void> {
    this.memory.delete(key);
    if (this.dir !== null && storableKey.test(key)) await rm(path.join(this.dir, key), { force: true });
  }

  /** Forgets every document's bytes: the plant they belonged to was replaced by a fresh one. */
  async clear(): Promise<void> {
    this.memory.clear();
    if (this.dir !== null) await rm(this.dir, { recursive: true, force: true });
  }
}
