import type { z } from 'zod';
import { AppError } from '../../shared/errors';

export interface FormErrors {
  /** Messages per field name. */
  fields: Record<string, string>;
  /** A message for the whole form (unreachable host, refused token…), with the upstream request id. */
  form: string | null;
}

export const noErrors: FormErrors = { fields: {}, form: null };

/** Field messages from a failed zod check, first message per field. */
export function fieldErrors(error: z.ZodError): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    fields[field] ??= issue.message;
  }
  return { fields, form: null };
}

/** A message for the form from whatever main answered. */
export function formError(error: unknown): FormErrors {
  if (error instanceof AppError) {
    const requestId = error.requestId ? ` (request id ${error.requestId})` : '';
    return { fields: {}, form: `${error.message}${requestId}` };
  }
  return { fields: {}, form: error instanceof Error ? error.message : String(error) };
}
