import type { OperationResult, OutboxStore } from '../../../shared/outbox-store';

/**
 * Collects the server's answers and stores them a batch at a time: one transaction (and, in the
 * app, one IPC call) for many operations instead of one each. An answer not yet stored when the
 * app stops leaves its operation unfinished, and it is sent again with the same Idempotency-Key.
 */
export class CompletionBatch {
  private waiting: OperationResult[] = [];
  private written: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private failure: unknown = null;
  /** Answers stored so far. */
  stored = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly maxSize = 100,
    private readonly maxDelayMs = 15,
  ) {}

  add(result: OperationResult): void {
    this.waiting.push(result);
    if (this.waiting.length >= this.maxSize) void this.flush().catch(() => undefined /* rethrown by the last flush */);
    else this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.maxDelayMs);
  }

  /** Stores what is waiting; resolves when every answer so far is stored, or rejects with the first failure. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting.splice(0);
    if (batch.length > 0) {
      this.written = this.written.then(async () => {
        try {
          await this.store.completeOperations(batch);
          this.stored += batch.length;
        } catch (error) {
          this.failure ??= error;
        }
      });
    }
    return this.written.then(() => {
      if (this.failure) throw this.failure;
    });
  }
}
