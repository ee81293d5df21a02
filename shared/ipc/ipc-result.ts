import { z } from 'zod';
import { AppError, appErrorShapeSchema, type AppErrorShape } from '../errors';

/** Every answer crosses the boundary as a result, so typed errors survive any transport. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ipcResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown().optional() }), // JSON drops an undefined value
  z.object({ ok: z.literal(false), error: appErrorShapeSchema }),
]);

/** Reads a result that came over a transport: its value still needs its channel's schema. */
export function unwrapIpcResult(raw: unknown): unknown {
  const parsed = ipcResultSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('IPC_INVALID_PAYLOAD', 'The other side sent an answer of the wrong shape.');
  if (!parsed.data.ok) throw AppError.fromShape(parsed.data.error);
  return parsed.data.value;
}
