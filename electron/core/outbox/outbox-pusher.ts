import PQueue from 'p-queue';
import { isCreateAction, type FieldValue, type OutboxOperation, type WritableEntity } from '../../../shared/domain/outbox-operation';
import type { SyncEntityRecord } from '../../../shared/domain/sync-entity';
import { AppError, toAppErrorShape } from '../../../shared/errors';
import type { OperationResult, OutboxStore, PushSummary } from '../../../shared/outbox-store';
import { reconcileOperation } from '../../../shared/reconcile/reconcile-operation';
import type { WriteCapabilities } from '../../../shared/write-capabilities';
import type { RecordWriter } from '../connectors/record-writer';
import { withRetries, type RetryPolicy } from '../sync/retry-policy';
import { CompletionBatch } from './completion-batch';

export interface OutboxPusherOptions {
  connectionId: string;
  writer: RecordWriter;
  store: OutboxStore;
  /** What the connected system accepts; read at each push. */
  capabilities: () => WriteCapabilities;
  /** Records pushed at once; each record's own operations always go one after another. */
  concurrency?: number;
  retryPolicy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** How long the first answer of a batch waits for company before it is stored (CompletionBatch). */
  answerDelayMs?: number;
}

const pushRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 3_000, maxRetryAfterMs: 30_000 };

/** Failures that say the request itself is wrong: retrying cannot help, the user must fix or discard. */
const refusals = new Set(['UPSTREAM_BAD_REQUEST', 'UPSTREAM_NOT_FOUND', 'UPSTREAM_FORBIDDEN']);

class PushStopped extends Error {}

type UpstreamRecord = SyncEntityRecord<WritableEntity>;

const isCreate = (operation: OutboxOperation) => isCreateAction(operation.action);

/**
 * Whether upstream may answer this write from its Idempotency-Key store: an operation tried
 * before (cut short by a crash, or its answer lost) may have been applied then, and is answered as
 * the record stood at that time. Stored, or reconciled against by the record's next edit, that
 * answer would hide what changed since (the record's own later edits included, often within the
 * same second, so times cannot tell), and the next sync would not bring it again.
 */
const mayBeReplayed = (operation: OutboxOperation) => operation.attempts > 0;

/**
 * Sends a connection's queued edits upstream. Operations of one record go strictly in order
 * (a conflict or refusal holds the ones behind it); different records go in parallel. Each
 * update is first reconciled against the record as upstream has it now; each write carries its
 * operation id as Idempotency-Key and is marked done only once its answer is stored locally.
 */
export class OutboxPusher {
  private running: Promise<PushSummary> | null = null;
  private again = false;

  constructor(private readonly options: OutboxPusherOptions) {}

  /** Pushes everything pending; a call during a push makes that push go round once more. */
  push(): Promise<PushSummary> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        const total: PushSummary = { done: 0, conflicts: 0, rejected: 0, deferred: 0, deferredBy: null, authFailure: null };
        do {
          this.again = false;
          const pass = await this.pass();
          // Deferrals count once, from the last pass: earlier ones were tried again.
          Object.assign(total, { done: total.done + pass.done, conflicts: total.conflicts + pass.conflicts, rejected: total.rejected + pass.rejected });
          Object.assign(total, { deferred: pass.deferred, deferredBy: pass.deferredBy, authFailure: pass.authFailure });
        } while (this.again && !total.authFailure);
        return total;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async pass(): Promise<PushSummary> {
    const summary: PushSummary = { done: 0, conflicts: 0, rejected: 0, deferred: 0, deferredBy: null, authFailure: null };
    const operations = await this.options.store.pendingOperations(this.options.connectionId);
    const byRecord = new Map<string, OutboxOperation[]>();
    for (const operation of operations) {
      const queue = byRecord.get(`${operation.entity}/${operation.key}`);
      if (queue) queue.push(operation);
      else byRecord.set(`${operation.entity}/${operation.key}`, [operation]);
    }
    if (operations.length > 0) await this.options.store.beginSending(operations.map((operation) => operation.id));
    const completions = new CompletionBatch(this.options.store, undefined, this.options.answerDelayMs);
    const queue = new PQueue({ concurrency: this.options.concurrency ?? 8 });
    const records = [...byRecord.values()].map((recordOperations) =>
      queue.add(async () => {
        await this.pushRecord(recordOperations, summary, completions);
      }),
    );
    await Promise.all(records);
    await completions.flush();
    summary.done = completions.stored;
    return summary;
  }

  /** One record's operations, in order, until one cannot go through. */
  private async pushRecord(operations: OutboxOperation[], summary: PushSummary, completions: CompletionBatch): Promise<void> {
    // After the first write, upstream's answer is the record as it stands: no need to read it again.
    let latest: UpstreamRecord | null = null;
    for (const [index, operation] of operations.entries()) {
      try {
        latest = await this.pushOne(operation, operations.slice(index + 1), latest, summary, completions);
      } catch (error) {
        if (!(error instanceof PushStopped)) throw error;
        summary.deferred += operations.length - index - 1;
        return;
      }
      if (isCreate(operation) && index < operations.length - 1) {
        // The store moved the record's later edits to the server's key and base: read them again.
        this.again = true;
        return;
      }
    }
  }

  /**
   * Sends one operation, reconciled with `latest` (or upstream's current record when not known);
   * answers the record as upstream holds it afterwards. Throws PushStopped when the rest of the
   * record must wait.
   */
  private async pushOne(operation: OutboxOperation, later: OutboxOperation[], latest: UpstreamRecord | null, summary: PushSummary, completions: CompletionBatch): Promise<UpstreamRecord> {
    const { store, writer } = this.options;
    // Once upstream refused the token or could not be reached, the other records wait too.
    if (summary.authFailure || summary.deferredBy?.code === 'NETWORK') {
      summary.deferred += 1;
      throw new PushStopped();
    }
    try {
      const upstream = isCreate(operation) ? null : (latest ?? (await this.retrying(() => writer.fetchRecord(operation.entity, operation.key))));
      const fields = await this.fieldsToSend(operation, later, upstream, summary);
      if (!fields) throw new PushStopped();
      // An attachment's file is read from the renderer's cache only now, when it is sent.
      const attachment = operation.action === 'attachDocument' ? await store.attachmentOf(operation.connectionId, operation.key) : null;
      const answer = await this.retrying(() => writer.write({ operation, fields, upstream, ...(attachment ? { attachment } : {}) }));
      const record = mayBeReplayed(operation) ? await this.readBack(operation, answer) : answer;
      completions.add({ id: operation.id, entity: operation.entity, record } as OperationResult);
      return record;
    } catch (error) {
      if (error instanceof PushStopped) throw error;
      const failure = error instanceof AppError ? error : new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
      if (failure.code === 'UPSTREAM_AUTH') {
        summary.authFailure = toAppErrorShape(failure);
        await store.updateOperation({ id: operation.id, state: 'pending', error: toAppErrorShape(failure) });
      } else if (refusals.has(failure.code)) {
        summary.rejected += 1;
        await store.updateOperation({ id: operation.id, state: 'rejected', error: toAppErrorShape(failure) });
      } else {
        summary.deferred += 1;
        summary.deferredBy = toAppErrorShape(failure);
        await store.updateOperation({ id: operation.id, state: 'pending', error: toAppErrorShape(failure) });
      }
      throw new PushStopped();
    }
  }

  /**
   * The record as upstream holds it after a write that may have been answered from its
   * idempotency store (see mayBeReplayed). Unreadable for lack of reach, the operation waits and
   * is sent again (harmless: same key); refused (an account that may write a record but not read
   * it), the answer is all there is.
   */
  private async readBack(operation: OutboxOperation, answer: UpstreamRecord): Promise<UpstreamRecord> {
    try {
      return (await this.retrying(() => this.options.writer.fetchRecord(operation.entity, answer.key))) ?? answer;
    } catch (error) {
      if (error instanceof AppError && refusals.has(error.code)) return answer;
      throw error;
    }
  }

  /**
   * The fields to write, after reconciling an update with upstream's current record: null when
   * the operation went to the Conflicts inbox or was rejected instead.
   */
  private async fieldsToSend(operation: OutboxOperation, later: OutboxOperation[], upstream: UpstreamRecord | null, summary: PushSummary): Promise<Record<string, FieldValue> | null> {
    const reconciliation = reconcileOperation(operation, upstream, later);
    if (reconciliation.outcome === 'conflict') {
      summary.conflicts += 1;
      await this.options.store.updateOperation({ id: operation.id, state: 'conflict', conflicts: reconciliation.conflicts, error: null });
      return null;
    }
    if (reconciliation.outcome === 'gone') {
      summary.rejected += 1;
      const error = new AppError('UPSTREAM_NOT_FOUND', 'The record was deleted in the source system, so this change cannot be applied.');
      await this.options.store.updateOperation({ id: operation.id, state: 'rejected', error: toAppErrorShape(error) });
      return null;
    }
    const fields: Record<string, FieldValue> = { ...reconciliation.changes };
    if (operation.action === 'updateWorkOrder' && upstream) {
      // Some systems want certain fields on every update, changed or not: send upstream's values.
      const current: Record<string, unknown> = upstream;
      for (const field of this.options.capabilities().updateWorkOrderRequired) {
        if (!(field in fields)) fields[field] = (current[field] as FieldValue | undefined) ?? null;
      }
    }
    // Fields the system names differently (MaintainX's assignee is a user account) go as it names them.
    for (const [field, sent] of Object.entries(operation.sendAs ?? {})) {
      if (!(field in fields)) continue;
      delete fields[field];
      fields[sent.field] = sent.value;
    }
    return fields;
  }

  /** A busy or flaky upstream is tried again briefly; a longer outage waits for the next push. */
  private retrying<T>(call: () => Promise<T>): Promise<T> {
    return withRetries(call, this.options.retryPolicy ?? pushRetryPolicy, {
      sleep: this.options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: this.options.random ?? Math.random,
    });
  }
}
