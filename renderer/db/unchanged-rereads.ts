import type { Table } from 'dexie';

type Stored = { key: string; syncRunId?: string };

/** A record's fields but the run that stored it, as JSON. */
const versionOf = (record: Stored) => JSON.stringify(record, (field, value: unknown) => (field === 'syncRunId' ? undefined : value));

/** The same version: every field equal but the run that stored it (JSON of records built the same way, so in the same field order). */
const sameVersion = (held: Stored, incoming: Stored) => versionOf(held) === versionOf(incoming);

/**
 * Keys of re-read records (see ApplyPageBatch.rereadKeys) that the table already holds exactly as
 * they came again, pending edits on top included: writing them would change nothing but cost a
 * put and its index updates. A record that differs in any field, or whose field order differs, is
 * written as usual.
 */
export async function unchangedRereads(table: Table, connectionId: string, records: readonly Stored[], rereadKeys: readonly string[]): Promise<Set<string>> {
  const reread = new Set(rereadKeys);
  const candidates = records.filter((record) => reread.has(record.key));
  if (candidates.length === 0) return new Set();
  const held = (await table.bulkGet(candidates.map((record) => [connectionId, record.key]))) as (Stored | undefined)[];
  return new Set(candidates.filter((record, index) => held[index] !== undefined && sameVersion(held[index], record)).map((record) => record.key));
}
