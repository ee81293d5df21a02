import { z } from 'zod';

/** Every error that crosses a boundary (IPC, WebSocket, UI) carries one of these codes. */
export const errorCodes = [
  'IPC_INVALID_PAYLOAD',
  'IPC_UNKNOWN_CHANNEL',
  'IPC_FORBIDDEN_SENDER',
  'IPC_TIMEOUT',
  'IPC_NO_RENDERER',
  'UPSTREAM_AUTH',
  'UPSTREAM_FORBIDDEN',
  'UPSTREAM_NOT_FOUND',
  'UPSTREAM_BAD_REQUEST',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_MALFORMED',
  'NETWORK',
  'NOT_FOUND',
  'SYNC_IN_PROGRESS',
  /** The action does not fit the connection's state (e.g. deleting data of a connected one). */
  'NOT_ALLOWED',
  'CANCELLED',
  /** This computer refused to store more of the cache (IndexedDB's quota or the disk is full). */
  'STORAGE_FULL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorShapeSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Upstream request id (Makini's structured errors) for support enquiries. */
  requestId: z.string().optional(),
  /** HTTP status of the upstream answer, when there was one. */
  status: z.number().int().optional(),
  /** Short machine-made details, e.g. which fields failed validation. */
  details: z.array(z.string()).optional(),
  /** How long the upstream asked us to wait (HTTP Retry-After). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** The upstream's own error code, kept as sent (Makini's `error.code`, e.g. REAUTHORIZATION_REQUIRED). */
  upstreamCode: z.string().optional(),
  /** The upstream's own error type (Makini's `error.type`, e.g. authentication_error). */
  upstreamType: z.string().optional(),
  /**
   * Where the failure is: `makini` (the unified API itself answered with an error), `plant_system`
   * (Makini is fine but the plant's system behind it is not: `sync_status: error`), `network`
   * (nothing answered), `app` (this computer).
   */
  failedAt: z.enum(['makini', 'plant_system', 'network', 'app']).optional(),
  /** Which list (a plain label, e.g. "Work orders") the failure is about, when it is about one. */
  list: z.string().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorShapeSchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly requestId: string | undefined;
  readonly status: number | undefined;
  readonly details: string[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly upstreamCode: string | undefined;
  readonly upstreamType: string | undefined;
  readonly failedAt: AppErrorShape['failedAt'];
  readonly list: string | undefined;

  constructor(code: ErrorCode, message: string, extra: Omit<AppErrorShape, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.requestId = extra.requestId;
    this.status = extra.status;
    this.details = extra.details;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.upstreamCode = extra.upstreamCode;
    this.upstreamType = extra.upstreamType;
    this.failedAt = extra.failedAt;
    this.list = extra.list;
  }

  static fromShape(shape: AppErrorShape): AppError {
    const { code, message, ...extra } = shape;
    return new AppError(code, message, extra);
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.requestId !== undefined) shape.requestId = this.requestId;
    if (this.status !== undefined) shape.status = this.status;
    if (this.details !== undefined) shape.details = this.details;
    if (this.retryAfterSeconds !== undefined) shape.retryAfterSeconds = this.retryAfterSeconds;
    if (this.upstreamCode !== undefined) shape.upstreamCode = this.upstreamCode;
    if (this.upstreamType !== undefined) shape.upstreamType = this.upstreamType;
    if (this.failedAt !== undefined) shape.failedAt = this.failedAt;
    if (this.list !== undefined) shape.list = this.list;
    return shape;
  }
}

/** Turns anything thrown into a shape that is safe to send across a boundary: no stack, no secrets. */
export function toAppErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}

/** Summarises zod issues as `path: message` lines for an error's details. */
export function describeIssues(error: z.ZodError, limit = 5): string[] {
  return error.issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
