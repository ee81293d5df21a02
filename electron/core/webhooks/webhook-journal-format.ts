import { z } from 'zod';
import type { WebhookScheme } from './webhook-signature';

/**
 * The webhook journal's file format: JSON lines in `webhook-journal.jsonl`.
 *
 *     {"t":"journal","version":1}                                        first line
 *     {"t":"delivery","c":<connection>,"id":<id>,"at":<ms>,"scheme":"standard-webhooks"|"makini","payload":{…}}
 *     {"t":"processed","c":<connection>,"id":<id>,"at":<ms>}             the delivery is done
 *     {"t":"seen","c":<connection>,"id":<id>,"at":<ms received>}         written by compaction for processed ones
 */

export interface QueuedDelivery {
  connectionId: string;
  /** The Standard Webhooks `webhook-id`, or `sha256:<hex of the raw body>`. */
  id: string;
  /** When it was received, in Unix milliseconds. */
  receivedAt: number;
  scheme: WebhookScheme;
  /** The body, parsed (always a JSON object). */
  payload: Record<string, unknown>;
}

/** What names a delivery: its connection and id (ids are per connection). */
export interface DeliveryRef {
  connectionId: string;
  id: string;
}

export const journalFileName = 'webhook-journal.jsonl';
/** About what a seen line costs once a processed delivery is compacted to one. */
export const seenLineBytes = 90;
const maxIdLength = 512;

const refFields = { c: z.string().min(1), id: z.string().min(1), at: z.number() };
const journalLineSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('journal'), version: z.literal(1) }),
  z.object({
    t: z.literal('delivery'),
    ...refFields,
    scheme: z.enum(['standard-webhooks', 'makini']),
    payload: z.record(z.string(), z.unknown()),
  }),
  z.object({ t: z.literal('processed'), ...refFields }),
  z.object({ t: z.literal('seen'), ...refFields }),
]);
export type JournalLine = z.infer<typeof journalLineSchema>;

export const headerLine = `${JSON.stringify({ t: 'journal', version: 1 })}\n`;

/** A line of the file as written (without its newline), or null when it cannot be read. */
export function parseJournalLine(text: string): JournalLine | null {
  try {
    const parsed = journalLineSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const deliveryLine = ({ connectionId, id, receivedAt, scheme, payload }: QueuedDelivery): string =>
  `${JSON.stringify({ t: 'delivery', c: connectionId, id, at: receivedAt, scheme, payload })}\n`;

export const processedLine = ({ connectionId, id }: DeliveryRef, at: number): string => `${JSON.stringify({ t: 'processed', c: connectionId, id, at })}\n`;

export const seenLine = ({ connectionId, id }: DeliveryRef, at: number): string => `${JSON.stringify({ t: 'seen', c: connectionId, id, at })}\n`;

/** Connection and id in one map key; neither may hold a NUL (checked on append). */
export function keyOf(connectionId: string, id: string): string {
  return `${connectionId}\u0000${id}`;
}

export function splitKey(key: string): DeliveryRef {
  const at = key.indexOf('\u0000');
  return { connectionId: key.slice(0, at), id: key.slice(at + 1) };
}

/** Refuses a connection id or delivery id the file and the map keys cannot hold. */
export function checkRef(connectionId: string, id: string): void {
  if (!connectionId || connectionId.includes('\u0000')) throw new Error('A connection id must be non-empty text without NUL.');
  if (!id || id.length > maxIdLength || id.includes('\u0000')) throw new Error(`A delivery id must be 1–${maxIdLength} characters without NUL.`);
}
