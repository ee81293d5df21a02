import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../shared/csv';

/** A reader written separately from the writer (RFC 4180), to prove what a spreadsheet reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    }
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and ends every line with CRLF', () => {
    const text = toCsv([
      ['Code', 'Title', 'Notes'],
      ['WO-1', 'Replace seal, pump 3', 'He said "now"\nthen left'],
      ['WO-2', 'Plain', null],
    ]);
    expect(text).toBe('Code,Title,Notes\r\nWO-1,"Replace seal, pump 3","He said ""now""\nthen left"\r\nWO-2,Plain,\r\n');
    expect(parseCsv(text)).toEqual([
      ['Code', 'Title', 'Notes'],
      ['WO-1', 'Replace seal, pump 3', 'He said "now"\nthen left'],
      ['WO-2', 'Plain', ''],
    ]);
  });

  it('keeps a spreadsheet from running cells as formulas, but leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-check valve')).toBe("'-check valve");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(3.25)).toBe('3.25');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('keeps non-ASCII text as it is', () => {
    expect(parseCsv(toCsv([['Pompe à chaleur — Hall 2', '日本']]))).toEqual([['Pompe à chaleur — Hall 2', '日本']]);
  });
});
