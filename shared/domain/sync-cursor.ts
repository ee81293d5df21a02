import { z } from 'zod';

/**
 * High-water mark of an incremental pull: the newest `updatedAt` committed, and every key
 * committed at exactly that instant. Upstream lists are page-based, timestamps often have only
 * second precision, and many records can share one: the keys let the next pull re-read that
 * instant (`filter[updatedAt:gteq]`) and skip only what is already committed, so a record changed
 * later within the same second is still picked up.
 */
export const syncCursorSchema = z.object({
  updatedAt: z.string().min(1),
  keysAtUpdatedAt: z.array(z.string().min(1)),
});
export type SyncCursor = z.infer<typeof syncCursorSchema>;

interface Position {
  key: string;
  updatedAt: string;
}

const instant = (iso: string) => Date.parse(iso);

/** True when the record (in this exact version) was committed before the cursor was stored. */
export function isCommitted(cursor: SyncCursor | null, record: Position): boolean {
  if (cursor === null) return false;
  const difference = instant(record.updatedAt) - instant(cursor.updatedAt);
  return difference < 0 || (difference === 0 && cursor.keysAtUpdatedAt.includes(record.key));
}

/** The cursor after committing `records` (given in ascending updatedAt order) on top of `cursor`. */
export function advanceCursor(cursor: SyncCursor | null, records: readonly Position[]): SyncCursor | null {
  let next = cursor;
  for (const record of records) {
    const difference = next === null ? 1 : instant(record.updatedAt) - instant(next.updatedAt);
    if (difference > 0) next = { updatedAt: record.updatedAt, keysAtUpdatedAt: [record.key] };
    else if (difference === 0 && !next!.keysAtUpdatedAt.includes(record.key)) {
      next = { updatedAt: next!.updatedAt, keysAtUpdatedAt: [...next!.keysAtUpdatedAt, record.key] };
    }
  }
  return next;
}

export function isAscendingByUpdatedAt(records: readonly Position[]): boolean {
  for (let index = 1; index < records.length; index += 1) {
    if (instant(records[index]!.updatedAt) < instant(records[index - 1]!.updatedAt)) return false;
  }
  return true;
}
