import { defaultMaxJsonDepth, nestsDeeperThan } from '../../http/bounded-json';
import { CsvSyntaxError, parseCsv } from './csv-table';
import { ExportFileProblem } from './export-file-problem';
import { columnId, exportColumns, requiredColumns, type ExportKind } from './export-record-schemas';

/** One record of an export file as read, before it is validated. */
export interface ExportRow {
  /** Where it is in the file, for the Skipped records list: "line 12", "work order 3". */
  place: string;
  /** The record as written (its fields by the file's own names), kept with a skipped record. */
  written: unknown;
  /** Its values by column (as exportColumns names them); null when the record is not a group of fields. */
  values: Record<string, unknown> | null;
  /** The file's own name for each column the record has, so a problem names the column as the file does. */
  names: ReadonlyMap<string, string>;
  /** What is wrong with the record as a whole, when something is. */
  problem: string | null;
}

/** The records of each kind the file holds; null for a kind it does not hold (that list is not offered). */
export type ExportContents = Record<ExportKind, ExportRow[] | null>;

const columnPurposes: Record<(typeof requiredColumns)[number], string> = { code: "each record's identifier", updatedAt: 'when each record last changed' };
const notUtf8 = 'is not UTF-8 text: save it again as "CSV UTF-8" (or UTF-8 JSON).';

/** A kind's columns by `columnId` of every name they go by. */
const byId = (columns: Record<string, string[]>): ReadonlyMap<string, string> =>
  new Map(Object.entries(columns).flatMap(([column, aliases]) => [column, ...aliases].map((name) => [columnId(name), column] as const)));
const columnsById: Record<ExportKind, ReadonlyMap<string, string>> = { workOrders: byId(exportColumns.workOrders), assets: byId(exportColumns.assets) };

/** The columns `names` resolve to for `kind`, by the file's name, or the first two names that mean one column. */
function resolveColumns(kind: ExportKind, names: readonly string[]): { columns: (string | undefined)[]; twice: [string, string] | null } {
  const firstName = new Map<string, string>();
  let twice: [string, string] | null = null;
  const columns = names.map((name) => {
    const column = columnsById[kind].get(columnId(name));
    if (column === undefined) return undefined;
    const earlier = firstName.get(column);
    if (earlier !== undefined) twice ??= [earlier, name];
    else firstName.set(column, name);
    return column;
  });
  return { columns, twice };
}

/** What a CSV file holds, told by its first line: work orders have a title or status, assets a name. */
function csvKind(header: readonly string[]): ExportKind {
  const has = (kind: ExportKind, column: string) => resolveColumns(kind, header).columns.includes(column);
  if (has('workOrders', 'title') || has('workOrders', 'status')) return 'workOrders';
  if (has('assets', 'name')) return 'assets';
  throw new ExportFileProblem(
    'does not say what it holds: its first line should name the columns, such as code, title, status and updatedAt for work orders, or code, name and updatedAt for assets.',
  );
}

function readCsv(bytes: Uint8Array): ExportContents {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExportFileProblem(notUtf8);
  }
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ExportFileProblem(`cannot be split into rows: ${error.message}.`);
    throw error;
  }
  const [header, ...records] = rows;
  if (!header) throw new ExportFileProblem('is empty.');
  const headerNames = header.cells.map((cell) => cell.trim());
  const kind = csvKind(headerNames);
  const { columns, twice } = resolveColumns(kind, headerNames);
  if (twice) throw new ExportFileProblem(`names one column twice: "${twice[0]}" and "${twice[1]}" mean the same.`);
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    const described = missing.map((column) => `"${column}" (${columnPurposes[column]})`).join(' and ');
    throw new ExportFileProblem(`has no ${described} column; its first line names ${headerNames.map((name) => `"${name}"`).join(', ')}.`);
  }
  const names = new Map(columns.flatMap((column, index) => (column === undefined ? [] : [[column, headerNames[index]!] as const])));
  return {
    workOrders: null,
    assets: null,
    [kind]: records.map(({ line, cells }): ExportRow => {
      const values: Record<string, unknown> = {};
      const written: Record<string, string> = {};
      cells.forEach((cell, index) => {
        const column = columns[index];
        if (column !== undefined) values[column] = cell;
        if (index < headerNames.length) written[headerNames[index] || `column ${index + 1}`] = cell;
      });
      const problem =
        cells.length > headerNames.length
          ? `It has ${cells.length} values, but the first line names ${headerNames.length} columns: a value may be missing its quotes.`
          : null;
      return { place: `line ${line}`, written: problem ? cells : written, values, names, problem };
    }),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const placeWords: Record<ExportKind, string> = { workOrders: 'work order', assets: 'asset' };

function jsonRows(kind: ExportKind, list: readonly unknown[]): ExportRow[] {
  return list.map((written, index): ExportRow => {
    const place = `${placeWords[kind]} ${index + 1}`;
    if (!isRecord(written)) return { place, written, values: null, names: new Map(), problem: null };
    const fieldNames = Object.keys(written);
    const { columns, twice } = resolveColumns(kind, fieldNames);
    const values: Record<string, unknown> = {};
    const names = new Map<string, string>();
    columns.forEach((column, index) => {
      if (column === undefined || names.has(column)) return;
      values[column] = written[fieldNames[index]!];
      names.set(column, fieldNames[index]!);
    });
    const problem = twice ? `It names one field twice: "${twice[0]}" and "${twice[1]}" mean the same.` : null;
    return { place, written, values, names, problem };
  });
}

/** A list of work orders, or `{ "workOrders": [...], "assets": [...] }` (either may be left out). */
function readJson(bytes: Uint8Array): ExportContents {
  if (nestsDeeperThan(bytes, defaultMaxJsonDepth)) throw new ExportFileProblem(`nests deeper than ${defaultMaxJsonDepth} levels, which no export does.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExportFileProblem(notUtf8);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ExportFileProblem(`is not valid JSON (${(error as Error).message}).`);
  }
  if (Array.isArray(parsed)) return { workOrders: jsonRows('workOrders', parsed), assets: null };
  if (!isRecord(parsed)) throw new ExportFileProblem('holds neither a list of work orders nor "workOrders" and "assets".');
  const lists: ExportContents = { workOrders: null, assets: null };
  for (const [name, value] of Object.entries(parsed)) {
    const kind = (['workOrders', 'assets'] as const).find((candidate) => columnId(candidate) === columnId(name));
    if (kind === undefined) continue;
    if (!Array.isArray(value)) throw new ExportFileProblem(`has "${name}" that is not a list.`);
    lists[kind] = jsonRows(kind, value);
  }
  if (lists.workOrders === null && lists.assets === null) throw new ExportFileProblem('holds neither "workOrders" nor "assets".');
  return lists;
}

/**
 * The records of an export file: JSON when it starts with "[" or "{", CSV otherwise (one kind of
 * record per CSV file, told by its first line). A file that cannot be read as a whole throws
 * ExportFileProblem; a record that cannot be read is the caller's to skip.
 */
export function readExportContents(bytes: Uint8Array): ExportContents {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d)) start += 1;
  if (start === bytes.length) throw new ExportFileProblem('is empty.');
  return bytes[start] === 0x5b || bytes[start] === 0x7b ? readJson(bytes.subarray(start)) : readCsv(bytes);
}
