import { describe, expect, it } from 'vitest';
import { boardLayoutSchema } from '../../renderer/stores/board-layout-store';
import { storedState } from '../../renderer/stores/stored-state';

describe('settings read back from this computer', () => {
  const options = storedState<{ layout: string; sort: unknown; widths: unknown; other: number }, typeof boardLayoutSchema>('test', boardLayoutSchema);
  const current = { layout: 'board', sort: { column: 'due', direction: 'ascending' }, widths: {}, other: 1 };

  it('takes a well-formed value, and writes only the schema\'s fields', () => {
    const stored = { layout: 'table', sort: { column: 'asset', direction: 'descending' }, widths: { title: 300 } };
    expect(options.merge!(stored, current)).toEqual({ ...current, ...stored });
    expect(options.partialize!(current)).toEqual({ layout: 'board', sort: current.sort, widths: {} });
  });

  it('keeps the defaults for anything malformed, hand-edited or from another shape', () => {
    for (const stored of [null, 'table', 42, [], { layout: 'grid' }, { layout: 'table', sort: { column: '__proto__', direction: 'up' }, widths: {} }, { layout: 'table', sort: current.sort, widths: { title: 1e9 } }]) {
      expect(options.merge!(stored, current)).toBe(current);
    }
  });
});
