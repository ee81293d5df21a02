import type { z } from 'zod';
import { AppError, describeIssues } from '../errors';
import { unwrapIpcResult } from './ipc-result';

interface Pending {
  schema: z.ZodType;
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Requests sent over a transport and awaiting their answer, matched by id, with a timeout. */
export class PendingCalls {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly timeoutMs: number) {}

  /** Registers a call; `send` transmits it with the id it is given. */
  start<T>(schema: z.ZodType<T>, label: string, send: (id: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AppError('IPC_TIMEOUT', `${label} got no answer within ${Math.round(this.timeoutMs / 1000)} s.`));
      }, this.timeoutMs);
      this.pending.set(id, { schema, resolve: resolve as (value: unknown) => void, reject, timer });
      try {
        send(id);
      } catch (error) {
        this.settleWithError(id, new AppError('IPC_NO_RENDERER', `${label} could not be sent: ${(error as Error).message}`));
      }
    });
  }

  /** Settles a call with the raw result that came back; unknown ids are ignored. */
  settle(id: number, rawResult: unknown): void {
    const call = this.pending.get(id);
    if (!call) return;
    try {
      const value = unwrapIpcResult(rawResult);
      const parsed = call.schema.safeParse(value);
      if (!parsed.success) {
        throw new AppError('IPC_INVALID_PAYLOAD', 'The answer did not match the contract.', { details: describeIssues(parsed.error) });
      }
      this.finish(id);
      call.resolve(parsed.data);
    } catch (error) {
      this.settleWithError(id, error instanceof AppError ? error : new AppError('INTERNAL', String(error)));
    }
  }

  rejectAll(error: AppError): void {
    for (const id of [...this.pending.keys()]) this.settleWithError(id, error);
  }

  private settleWithError(id: number, error: AppError): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.finish(id);
    call.reject(error);
  }

  private finish(id: number): void {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
  }
}
