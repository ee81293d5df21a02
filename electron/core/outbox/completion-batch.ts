import type { OperationResult, OutboxStore } from '../../../shared/outbox-store';

/**
 * Collects the server's answers and stores them a batch at a time: one transaction (and, in the
 * app, one IPC call) for many operations instead of one each. Writes are group-committed: while
 * one batch is being stored, the answers arriving meanwhile wait and go together in the next, so
 * a slow store (a disk-backed IndexedDB across IPC) takes fewer, larger writes instead of falling
 * behind. An answer not yet stored when the app stops leaves its operation unfinished, and it is
 * sent again with the same Idempotency-Key.
 */
export class CompletionBatch {
  private waiting: OperationResult[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failure: unknown = null;
  /** Answers stored so far. */
  stored = 0;

  constructor(
    private readonly store: OutboxStore,
    /** Answers that start a write at once (else the first waits `maxDelayMs` for company). */
    private readonly startSize = 100,
    private readonly maxDelayMs = 15,
    /** The most answers one write takes. */
    private readonly maxSize = 500,
  ) {}

  add(result: OperationResult): void {
    this.waiting.push(result);
    if (this.waiting.length >= this.startSize) this.write();
    else this.timer ??= setTimeout(() => this.write(), this.maxDelayMs);
  }

  /** Stores what is waiting; resolves when every answer so far is stored, or rejects with the first failure. */
  async flush(): Promise<void> {
    this.write();
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }

  /** Starts the writer unless it runs already (it then takes what waits when its write is done). */
  private write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.writing || this.waiting.length === 0) return;
    this.writing = (async () => {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxSize);
        try {
          await this.store.completeOperations(batch);
          this.stored += batch.length;
        } catch (error) {
          this.failure ??= error;
        }
      }
      this.writing = null;
    })();
  }
}
