import fc from 'fast-check';
import { answeredStatus, connectTimeoutMs, playExchange, type ExchangeOutcome, type RawExchange } from './raw-exchange';

export interface AttackOptions {
  /** Names the listener in what is printed. */
  name: string;
  port: () => number;
  exchanges: fc.Arbitrary<RawExchange>;
  /** How many exchanges in all (default 10,000), sent `concurrency` at a time. */
  total?: number;
  concurrency?: number;
  /** Runs after every batch: throws unless the target is alive and answers a normal request as it should. */
  stillServing(): Promise<void>;
  /** Waits at most this long for the listener to close each connection (default 1 s): a listener may rightly wait longer for a slow client. */
  waitMs?: number;
}

export interface AttackReport {
  seed: number;
  exchanges: number;
  /** Exchanges the listener answered with an HTTP status line (the rest were closed, reset or stalled). */
  answered: number;
  /** How many answers of each status: shows how deep the exchanges reached (a 400 stops at the parser, a 200 or 401 reached the handler). */
  statuses: Record<string, number>;
  /** Exchanges the listener left open until the client gave up: each is a slow path, not a failure. */
  stalled: number;
}

/** The seed every attack in this run uses: ATTACK_SEED to replay a failure, else a new one. Printed either way. */
export function attackSeed(): number {
  const fromEnv = process.env.ATTACK_SEED;
  return fromEnv !== undefined && /^-?\d+$/.test(fromEnv) ? Number(fromEnv) : (Date.now() ^ (process.pid << 8)) | 0;
}

/**
 * Sends `total` generated exchanges in batches of `concurrency`; after each batch the target
 * must still be serving. fast-check makes the batches from the printed seed, so a failure
 * replays with ATTACK_SEED=<seed>, and shrinks to the smallest batch that still fails.
 */
export async function runAttack(options: AttackOptions): Promise<AttackReport> {
  const seed = attackSeed();
  const total = options.total ?? 10_000;
  const concurrency = options.concurrency ?? 50;
  const report: AttackReport = { seed, exchanges: 0, answered: 0, statuses: {}, stalled: 0 };
  console.log(`${options.name}: attack seed ${seed} (replay with ATTACK_SEED=${seed}), ${total} exchanges, ${concurrency} at a time`);
  await fc.assert(
    fc.asyncProperty(fc.array(options.exchanges, { minLength: concurrency, maxLength: concurrency }), async (batch) => {
      const outcomes: ExchangeOutcome[] = await Promise.all(batch.map((exchange) => playExchange(options.port(), exchange, options.waitMs ?? 1000)));
      report.exchanges += outcomes.length;
      for (const outcome of outcomes) {
        const status = answeredStatus(outcome.received);
        if (status === null) continue;
        report.answered += 1;
        report.statuses[status] = (report.statuses[status] ?? 0) + 1;
      }
      report.stalled += outcomes.filter((outcome) => outcome.stalled).length;
      const refused = outcomes.filter((outcome) => outcome.refused).length;
      const unaccepted = outcomes.filter((outcome) => outcome.unaccepted).length;
      // A refused connection means nothing listens there: whether the process ended (stillServing
      // then says how, with what it printed) or only its listener went, the failure says which.
      if (refused > 0 || unaccepted > 0) {
        await options.stillServing();
        throw new Error(
          refused > 0
            ? `${options.name}: ${refused} of ${outcomes.length} connections were refused, yet the process runs and answers a normal request: its listener refused them`
            : `${options.name}: ${unaccepted} of ${outcomes.length} connections were neither accepted nor refused within ${connectTimeoutMs / 1000} s, yet the process answers a normal request`,
        );
      }
      await options.stillServing();
    }),
    { seed, numRuns: Math.ceil(total / concurrency), endOnFailure: process.env.ATTACK_SHRINK !== '1' },
  );
  console.log(
    `${options.name}: ${report.exchanges} exchanges, ${report.answered} answered with a status (${JSON.stringify(report.statuses)}), ${report.stalled} left open until the client gave up`,
  );
  return report;
}
