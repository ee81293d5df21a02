/** A write the plant refuses: 404 NOT_FOUND for an unknown record, 422 VALIDATION_ERROR for a bad body. */
export class WriteError extends Error {
  constructor(
    readonly status: 400 | 404 | 422,
    readonly code: 'INVALID_REQUEST' | 'NOT_FOUND' | 'VALIDATION_ERROR',
    message: string,
    /** Per field (e.g. "siteKey", "lineItems[0].quantity"), what is wrong with it. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const plainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as an object; 400 INVALID_REQUEST for anything else. */
export function requireBody(body: unknown): Record<string, unknown> {
  if (!plainObject(body)) throw new WriteError(400, 'INVALID_REQUEST', 'The request body must be a JSON object.');
  return body;
}

/** Throws 422 with every field's problem if any was found. */
export function throwIfInvalid(errors: Record<string, string>): void {
  const entries = Object.entries(errors);
  if (entries.length === 0) return;
  const message = `Invalid ${entries.length === 1 ? 'field' : 'fields'}: ${entries.map(([name, problem]) => `${name}: ${problem}`).join('; ')}.`;
  throw new WriteError(422, 'VALIDATION_ERROR', message, errors);
}
