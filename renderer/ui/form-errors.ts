import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/** Messages per field name. */
export type FieldMessages = Record<string, string>;

/** Field messages from a failed zod check, first message per field. */
export function fieldErrors(error: z.ZodError): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    fields[field] ??= issue.message;
  }
  return fields;
}

/** A message for the whole form from whatever main answered (unreachable host, refused token…), with the upstream request id. */
export function formError(error: unknown): string {
  if (error instanceof AppError) {
    const requestId = error.requestId ? ` (request id ${error.requestId})` : '';
    return `${error.message}${requestId}`;
  }
  return error instanceof Error ? error.message : String(error);
}
