import { z } from 'zod';
import type { QuarantinedRecord } from '../../../../shared/domain/quarantined-record';
import type { SyncEntity, SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import { describeRecordProblems } from '../makini/record-problems';
import type { ExportContents, ExportRow } from './export-file-contents';
import { exportRecordSchemas, type ExportKind } from './export-record-schemas';

/** How much of a skipped record is kept for inspection (as the Makini connector keeps). */
const quarantinedRawLimit = 4096;

/** One entry of a list as the connector serves it: a readable record, or one set aside with the reason. */
export type ListEntry =
  | { kind: 'record'; key: string; changedAt: number; statusKey: string | null; record: SyncEntityRecord<SyncEntity> }
  | { kind: 'skipped'; key: string | null; quarantined: QuarantinedRecord };

/** A list as served: unreadable records first (in file order), then records oldest change first (then by key). */
export type ListEntries = readonly ListEntry[];

/** The lists an export file offers; a list that is absent is not offered. */
export type ExportSnapshot = Partial<Record<SyncEntity, ListEntries>>;

type Readable = Extract<ListEntry, { kind: 'record' }>;

const codeOf = (row: ExportRow): string | null => {
  const code = row.values?.code;
  if (typeof code === 'number') return String(code);
  return typeof code === 'string' && code.trim() ? code.trim() : null;
};

function skipped(row: ExportRow, recordRef: string, reason: string): ListEntry {
  return {
    kind: 'skipped',
    key: recordRef === row.place ? null : recordRef,
    quarantined: { recordRef, reason, raw: `${row.place}: ${JSON.stringify(row.written) ?? 'nothing'}`.slice(0, quarantinedRawLimit) },
  };
}

/** A zod error naming each column as the file names it ("Updated At"), not as the schema does. */
function inFileNames(error: z.ZodError, names: ReadonlyMap<string, string>): z.ZodError {
  return new z.ZodError(error.issues.map((issue) => (issue.path.length === 0 ? issue : { ...issue, path: [names.get(String(issue.path[0])) ?? issue.path[0]!, ...issue.path.slice(1)] })));
}

/**
 * Each row validated into its domain record, or skipped with the reason naming the column. A
 * code used by more than one row is read from the row changed last (the later one in the file
 * when they changed together); the others are skipped saying so, by their place in the file (a
 * skipped record under the code would hide the one that was read).
 */
function readRows(kind: ExportKind, rows: readonly ExportRow[], connectionId: string): ListEntry[] {
  const uses = new Map<string, number>();
  for (const row of rows) {
    const code = codeOf(row);
    if (code !== null) uses.set(code, (uses.get(code) ?? 0) + 1);
  }
  const entries: ListEntry[] = [];
  const kept = new Map<string, { row: ExportRow; entry: Readable }>();
  for (const row of rows) {
    const code = codeOf(row);
    const recordRef = code !== null && uses.get(code) === 1 ? code : row.place;
    if (row.problem !== null) {
      entries.push(skipped(row, recordRef, row.problem));
      continue;
    }
    const parsed = exportRecordSchemas[kind].safeParse(row.values ?? row.written);
    if (!parsed.success) {
      entries.push(skipped(row, recordRef, describeRecordProblems(inFileNames(parsed.error, row.names), row.written)));
      continue;
    }
    const record = { ...parsed.data, connectionId } as SyncEntityRecord<SyncEntity>;
    const entry: Readable = { kind: 'record', key: record.key, changedAt: Date.parse(record.updatedAt), statusKey: 'statusKey' in record ? record.statusKey : null, record };
    const earlier = kept.get(record.key);
    if (earlier === undefined) {
      kept.set(record.key, { row, entry });
      continue;
    }
    const [older, newer] = entry.changedAt >= earlier.entry.changedAt ? [earlier, { row, entry }] : [{ row, entry }, earlier];
    kept.set(record.key, newer);
    const column = older.row.names.get('code') ?? 'code';
    entries.push(skipped(older.row, older.row.place, `"${column}" "${record.key}" is used again at ${newer.row.place}, which changed last and is read instead.`));
  }
  return [...entries, ...[...kept.values()].map(({ entry }) => entry)];
}

/**
 * A reference list made from the names the records use (statuses, sites, assignees), so the
 * board has its columns and names to show. Each name's change time is the earliest of the records
 * naming it: it stays put while the file does, and a newly used name comes with its first record.
 */
function namedList<E extends SyncEntity>(names: readonly (readonly [string | null, number])[], make: (name: string, updatedAt: string) => SyncEntityRecord<E>): ListEntry[] {
  const earliest = new Map<string, number>();
  for (const [name, changedAt] of names) if (name !== null) earliest.set(name, Math.min(changedAt, earliest.get(name) ?? Infinity));
  return [...earliest].map(([name, changedAt]): ListEntry => ({ kind: 'record', key: name, changedAt, statusKey: null, record: make(name, new Date(changedAt).toISOString()) }));
}

const served = (entries: ListEntry[]): ListEntries =>
  [...entries].sort((a, b) => {
    if (a.kind === 'skipped' || b.kind === 'skipped') return (a.kind === 'skipped' ? 0 : 1) - (b.kind === 'skipped' ? 0 : 1);
    return a.changedAt - b.changedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });

/**
 * The lists of an export file: work orders and assets as the file holds them; work-order
 * statuses and technicians from the names its work orders use, sites from those of its work
 * orders and assets. Records marked deleted name nothing.
 */
export function snapshotOf(contents: ExportContents, connectionId: string): ExportSnapshot {
  const snapshot: ExportSnapshot = {};
  const live = (entries: readonly ListEntry[] | undefined) =>
    (entries ?? []).filter((entry): entry is Readable => entry.kind === 'record' && entry.record.deletedAt === null).map((entry) => entry.record as Record<string, unknown> & { updatedAt: string });
  const named = (records: readonly (Record<string, unknown> & { updatedAt: string })[], field: string) =>
    records.map((record) => [typeof record[field] === 'string' ? record[field] : null, Date.parse(record.updatedAt)] as const);
  if (contents.workOrders) snapshot.workOrders = readRows('workOrders', contents.workOrders, connectionId);
  if (contents.assets) snapshot.assets = readRows('assets', contents.assets, connectionId);
  const workOrders = live(snapshot.workOrders);
  const assets = live(snapshot.assets);
  if (contents.workOrders) {
    snapshot.workOrderStatuses = namedList<'workOrderStatuses'>(named(workOrders, 'statusKey'), (name, updatedAt) => ({ connectionId, key: name, updatedAt, deletedAt: null, name, code: null, isActive: true }));
    snapshot.labors = namedList<'labors'>(named(workOrders, 'laborAssignedKey'), (name, updatedAt) => ({
      connectionId,
      key: name,
      updatedAt,
      deletedAt: null,
      name,
      code: null,
      teamKey: null,
      siteKeys: [],
      userKey: null,
      roleName: null,
      isActive: true,
    }));
  }
  snapshot.sites = namedList<'sites'>([...named(workOrders, 'siteKey'), ...named(assets, 'siteKey')], (name, updatedAt) => ({ connectionId, key: name, updatedAt, deletedAt: null, code: null, name }));
  for (const entity of Object.keys(snapshot) as SyncEntity[]) snapshot[entity] = served([...snapshot[entity]!]);
  return snapshot;
}
