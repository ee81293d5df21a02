/** One row of a CSV file: its cells, and the line of the file it starts on (for messages). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A CSV file that cannot be split into rows at all. */
export class CsvSyntaxError extends Error {}

const separators = [',', ';', '\t'] as const;

/**
 * The separator of the file: the one its first line uses most, outside quotes. Spreadsheets
 * save "CSV" with semicolons where the comma is the decimal mark, and some exports use tabs.
 */
function separatorOf(text: string): string {
  const counts = new Map<string, number>(separators.map((separator) => [separator, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return separators.reduce((best, separator) => (counts.get(separator)! > counts.get(best)! ? separator : best), ',');
}

/**
 * Splits CSV text into rows as RFC 4180 writes them: a field in double quotes may hold the
 * separator, line breaks and doubled quotes; lines end in CRLF, LF or CR. Blank lines are left
 * out. Cells are returned as written (not trimmed); what they mean is the caller's to read.
 * No library for reading CSV is among the app's dependencies, and this much of the format is
 * small enough to keep here.
 */
export function parseCsv(text: string): CsvRow[] {
  const separator = separatorOf(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new CsvSyntaxError(`a quoted value that starts on line ${quoteLine} never ends (a " is missing)`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
