import { z } from 'zod';

/** A fault the demo plant plays back on matching API requests (see this folder's README, "Control API"). */
export const faultRuleSchema = z.object({
  /** Answer with this HTTP status and a Makini-style structured error. */
  status: z.number().int().min(400).max(599).optional(),
  /** Answer 200 with a body that is not JSON ("json") or a page whose records are of the wrong shape ("shape"). */
  malformed: z.enum(['json', 'shape']).optional(),
  /** Hold the answer this long first. */
  delayMs: z.number().int().min(0).max(60_000).optional(),
  /** Sent as Retry-After with a 429 or 503. */
  retryAfterSeconds: z.number().int().min(0).optional(),
  /**
   * Handle the request in full (a write is applied, and its answer kept under its Idempotency-Key),
   * then destroy the connection instead of answering: the client sees a reset, as if the server
   * crashed between applying a write and answering it. Other requests are simply dropped.
   */
  dropAfterApply: z.boolean().optional(),
  /** Only requests with this method are affected (e.g. "POST", or "PUT" to fail writes only); any method by default. */
  method: z
    .string()
    .transform((method) => method.toUpperCase())
    .pipe(z.enum(['GET', 'POST', 'PUT', 'DELETE']))
    .optional(),
  /** Requests whose path starts with this are affected: the API's (`/api/…`, the default) or documents' files (`/files/…`). */
  pathPrefix: z
    .string()
    .regex(/^\/(api|files)\//, 'must start with /api/ or /files/')
    .default('/api/'),
  /** Let this many matching requests through untouched first. */
  skip: z.number().int().min(0).default(0),
  /** How many matching requests the fault affects. */
  times: z.number().int().min(1).default(1),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  pending(): number {
    return this.rules.length;
  }

  /** The fault for this request, if any; consumes one use of it. */
  take(pathname: string, method = 'GET'): FaultRule | null {
    const rule = this.rules.find(
      (candidate) => pathname.startsWith(candidate.pathPrefix) && (candidate.method === undefined || candidate.method === method.toUpperCase()),
    );
    if (!rule) return null;
    if (rule.skip > 0) {
      rule.skip -= 1;
      return null;
    }
    rule.times -= 1;
    if (rule.times === 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule;
  }
}
