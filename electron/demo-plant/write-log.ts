/** One write the plant applied (replays are not applied, so not listed). */
export interface AppliedWrite {
  idempotencyKey: string | null;
  method: string;
  path: string;
  /** The key of the record the answer describes: the one created or updated. */
  key: string;
  /** When it was applied: ISO-8601 with milliseconds. */
  at: string;
}

export interface WriteLogSnapshot {
  applied: AppliedWrite[];
  /** Requests answered from the Idempotency-Key store without applying anything. */
  replayed: number;
}

/**
 * The server-side record of writes, for tests (GET /__control/writes): every edit that reached
 * the plant, so a test can assert each one arrived exactly once. In memory only; keeps the newest
 * `limit` entries.
 */
export class WriteLog {
  private applied: AppliedWrite[] = [];
  private replayed = 0;

  constructor(private readonly limit = 100_000) {}

  recordApplied(write: AppliedWrite): void {
    this.applied.push(write);
    if (this.applied.length > this.limit) this.applied.splice(0, this.applied.length - this.limit);
  }

  recordReplay(): void {
    this.replayed += 1;
  }

  snapshot(): WriteLogSnapshot {
    return { applied: [...this.applied], replayed: this.replayed };
  }

  clear(): void {
    this.applied = [];
    this.replayed = 0;
  }
}
