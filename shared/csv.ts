/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted and their quotes doubled; lines
 * end in CRLF. A text cell that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or CR, and not a plain number) gets a leading apostrophe, as OWASP advises against CSV
 * injection. Numbers are written as they are.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
