import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../electron/core/connectors/file-import/csv-table';

describe('reading CSV rows for a file import', () => {
  it('reads quoted values with separators, doubled quotes and line breaks, numbering each row by the line it starts on', () => {
    const text = 'code,title,status\r\nWO-1,"Pump, seal ""A""",Open\r\nWO-2,"two\r\nlines",Closed\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['code', 'title', 'status'] },
      { line: 2, cells: ['WO-1', 'Pump, seal "A"', 'Open'] },
      { line: 3, cells: ['WO-2', 'two\r\nlines', 'Closed'] },
    ]);
  });

  it('takes the separator the first line uses most: semicolons from spreadsheets where the comma is the decimal mark, or tabs', () => {
    expect(parseCsv('code;title\nWO-1;Oil 2,5 l\n').map((row) => row.cells)).toEqual([['code', 'title'], ['WO-1', 'Oil 2,5 l']]);
    expect(parseCsv('code\ttitle\nWO-1\tA, B\n').map((row) => row.cells)).toEqual([['code', 'title'], ['WO-1', 'A, B']]);
  });

  it('leaves out blank lines, reads LF and lone CR line ends, keeps empty cells and a last line without its line end', () => {
    expect(parseCsv('a,b\n\n1,\r2,3')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', ''] },
      { line: 4, cells: ['2', '3'] },
    ]);
  });

  it('keeps a quote inside an unquoted value as written', () => {
    expect(parseCsv('size\n5" pipe\n')[1]!.cells).toEqual(['5" pipe']);
  });

  it('refuses text whose quoted value never ends, naming the line it starts on', () => {
    expect(() => parseCsv('code,title\nWO-1,ok\nWO-2,"never closed\n')).toThrow(new CsvSyntaxError('a quoted value that starts on line 3 never ends (a " is missing)'));
  });
});
