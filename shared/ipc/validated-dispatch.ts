import type { z } from 'zod';
import { AppError, describeIssues, toAppErrorShape } from '../errors';
import type { IpcResult } from './ipc-result';

type Schemas = Record<string, { request: z.ZodType; response: z.ZodType }>;
export type Handlers<M extends Schemas, Context = void> = {
  [C in keyof M]: (request: z.infer<M[C]['request']>, context: Context) => Promise<z.infer<M[C]['response']>>;
};

/**
 * Answers one incoming request: the channel must exist, the payload must match its schema, and
 * whatever the handler throws becomes a typed error result. Never throws.
 */
export async function dispatchValidated<M extends Schemas, Context>(
  schemas: M,
  handlers: Handlers<M, Context>,
  channel: unknown,
  payload: unknown,
  context: Context,
): Promise<IpcResult<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(schemas, channel)) {
    return { ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel).slice(0, 80)}` } };
  }
  const parsed = schemas[channel]!.request.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: new AppError('IPC_INVALID_PAYLOAD', `Invalid payload for ${channel}.`, { details: describeIssues(parsed.error) }).toShape(),
    };
  }
  try {
    const value = await handlers[channel as keyof M](parsed.data as z.infer<M[keyof M]['request']>, context);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toAppErrorShape(error) };
  }
}
