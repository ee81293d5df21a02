import { open, readFile, rename, rm, truncate, type FileHandle } from 'node:fs/promises';
import type { Logger } from '../logging/logger';

/**
 * The webhook journal's file on disk: only ever appended to, except by compaction, which rewrites
 * it whole (temp file, fsync, rename, fsync of the directory).
 *
 * Appends are group-committed: lines queued while one write + fdatasync is under way go out in the
 * next one together, so many concurrent deliveries share a sync. An append resolves only once its
 * line is on disk, and only then is it applied to the journal's memory.
 */

interface QueuedWrite {
  line: string;
  /** Applies the line to memory once it is on disk. */
  apply(): void;
  resolve(): void;
  reject(error: unknown): void;
}

/** What the file asks of its journal between batches of appends. */
export interface JournalCompactor {
  /** Asked after each batch is on disk: whether to compact before the next one. */
  wantsCompaction(): boolean;
  /** Rewrites the file (through `replace`); runs between batches, when wanted or requested. */
  compact(): Promise<void>;
}

/** A journal file opened for appends, with the whole lines it held. */
export interface OpenedJournalFile {
  handle: FileHandle;
  size: number;
  lines: string[];
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes a rename or a new file's name durable. Not possible everywhere (Windows cannot open directories).
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Opens (or creates) `file` for appends and reads its lines back. A torn last line (a write cut
 * short by a crash, never acknowledged) is cut off; a new or empty file gets `header` first. A
 * compaction's temp file left by a crash before its rename is removed: the journal itself is whole.
 */
export async function openJournalFile(dir: string, file: string, header: string): Promise<OpenedJournalFile> {
  await rm(`${file}.tmp`, { force: true });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    bytes = Buffer.alloc(0);
  }
  const whole = bytes.length === 0 ? 0 : bytes.lastIndexOf(0x0a) + 1;
  if (whole < bytes.length) await truncate(file, whole);
  const handle = await open(file, 'a', 0o600);
  let size = whole;
  if (size === 0) {
    await handle.appendFile(header);
    await handle.datasync();
    await syncDirectory(dir);
    size = Buffer.byteLength(header);
  }
  return { handle, size, lines: bytes.subarray(0, whole).toString('utf8').split('\n') };
}

export class WebhookJournalFile {
  private queue: QueuedWrite[] = [];
  private writer: Promise<void> | null = null;
  private compactWanted = false;
  private brokenBy: Error | null = null;
  private closed = false;
  private handle: FileHandle;
  private bytes: number;
  private appends = 0;
  private syncs = 0;

  constructor(
    private readonly dir: string,
    private readonly file: string,
    opened: OpenedJournalFile,
    private readonly compactor: JournalCompactor,
    private readonly logger: Logger | undefined,
  ) {
    this.handle = opened.handle;
    this.bytes = opened.size;
  }

  /** The file's size now. */
  get size(): number {
    return this.bytes;
  }

  /** Why the file takes no more writes (a failed append could not be rolled back, or compaction could not reopen it); null while it is fine. */
  get broken(): Error | null {
    return this.brokenBy;
  }

  /** Lines written, and the fdatasync calls that made them durable (fewer when group commit batched them). */
  counts(): { appends: number; syncs: number } {
    return { appends: this.appends, syncs: this.syncs };
  }

  /** Appends a line; resolves once it is on disk, after `apply` has applied it to memory. */
  append(line: string, apply: () => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The webhook journal is closed.'));
    if (this.brokenBy) return Promise.reject(this.brokenBy);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, apply, resolve, reject });
      this.startWriter();
    });
  }

  /** Has the compactor run after the batch under way (at once if none is). */
  requestCompaction(): void {
    this.compactWanted = true;
    this.startWriter();
  }

  /** Runs `task` when no batch is being written (queued appends wait for it). */
  async runExclusive(task: () => Promise<void>): Promise<void> {
    while (this.writer) await this.writer;
    const run = task();
    this.writer = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      await run;
    } finally {
      this.writer = null;
      if (this.queue.length > 0 || this.compactWanted) this.startWriter();
    }
  }

  /**
   * Replaces the file's content with `text` (temp file, sync, rename over the journal, sync of the
   * directory) and reopens it for appends. Only for the compactor, between batches.
   */
  async replace(text: string): Promise<void> {
    const temp = `${this.file}.tmp`;
    const out = await open(temp, 'w', 0o600);
    try {
      await out.writeFile(text);
      await out.datasync();
    } finally {
      await out.close();
    }
    await rename(temp, this.file);
    await syncDirectory(this.dir);
    // From here the new file is the journal: appends must go to it.
    const previous = this.handle;
    try {
      this.handle = await open(this.file, 'a', 0o600);
    } catch (error) {
      this.brokenBy = new Error(`The webhook journal in ${this.dir} cannot be reopened after compaction: ${String(error)}`);
      throw error;
    } finally {
      await previous.close().catch(() => undefined);
    }
    this.bytes = Buffer.byteLength(text);
  }

  /** Finishes the writes under way, then closes the file. Later appends fail. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.writer) await this.writer;
    await this.handle.close().catch(() => undefined);
  }

  private startWriter(): void {
    if (this.writer) return;
    this.writer = this.writeLoop().finally(() => {
      this.writer = null;
      // Anything queued in the last turn of the loop.
      if (this.queue.length > 0 || this.compactWanted) this.startWriter();
    });
  }

  /** One write + fdatasync for everything queued, repeated while more comes; compactions run between batches. */
  private async writeLoop(): Promise<void> {
    while (this.queue.length > 0 || this.compactWanted) {
      if (this.compactWanted) {
        this.compactWanted = false;
        await this.compactor.compact().catch((error: unknown) => this.logger?.warn('webhook journal: compaction failed', { dir: this.dir, error: String(error) }));
        continue;
      }
      const batch = this.queue;
      this.queue = [];
      if (this.brokenBy) {
        for (const item of batch) item.reject(this.brokenBy);
        continue;
      }
      const text = batch.map((item) => item.line).join('');
      try {
        await this.handle.appendFile(text);
        await this.handle.datasync();
      } catch (error) {
        await this.rollBack();
        this.logger?.error('webhook journal: write failed', { dir: this.dir, error: String(error) });
        for (const item of batch) item.reject(error);
        continue;
      }
      this.bytes += Buffer.byteLength(text);
      this.appends += batch.length;
      this.syncs += 1;
      for (const item of batch) item.apply();
      for (const item of batch) item.resolve();
      if (this.compactor.wantsCompaction()) this.compactWanted = true;
    }
  }

  /** After a failed append: cuts the file back to its last whole line, or stops taking writes if even that fails. */
  private async rollBack(): Promise<void> {
    try {
      await this.handle.truncate(this.bytes);
      await this.handle.datasync();
    } catch (error) {
      this.brokenBy = new Error(`The webhook journal in ${this.dir} cannot be written: ${String(error)}`);
    }
  }
}
