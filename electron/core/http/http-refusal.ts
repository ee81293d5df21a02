/**
 * A request a listener will not serve: an HTTP status, a short stable code and a plain sentence
 * saying why. Handlers throw it; the hardened listener answers it in the listener's error shape.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** More members of the error body, e.g. which fields are wrong. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}
