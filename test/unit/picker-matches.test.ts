import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickerMatches, type PickerOption } from '../../renderer/ui/picker';

const options: PickerOption[] = [
  { id: 'a1', label: 'Plastic Extruder EX-205', path: 'Millbrook Paper Mill › Loading Dock' },
  { id: 'a2', label: 'Plastic Extruder EX-218', path: 'Riverside Bottling › Line 2' },
  { id: 'a3', label: 'Belt Conveyor CV-308', path: 'Riverside Bottling › Extrusion Hall' },
];

describe('picker matching', () => {
  it('finds by words of the name and of where it stands, in any order and case', () => {
    expect(pickerMatches(options, 'ex-205').map((o) => o.id)).toEqual(['a1']);
    expect(pickerMatches(options, 'riverside extruder').map((o) => o.id)).toEqual(['a2']);
    expect(pickerMatches(options, '  LINE   plastic ').map((o) => o.id)).toEqual(['a2']);
    expect(pickerMatches(options, 'riverside').map((o) => o.id)).toEqual(['a2', 'a3']);
    expect(pickerMatches(options, 'pump')).toEqual([]);
    expect(pickerMatches(options, '   ')).toEqual(options);
  });

  it('keeps, in their order, only options holding every typed word; another word never finds more', () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.log(`picker matching: fast-check seed ${seed}`);
    const option = fc.record({ id: fc.uuid(), label: fc.string(), path: fc.option(fc.string(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(option), fc.string(), fc.string(), (list, typed, more) => {
        const found = pickerMatches(list, typed);
        expect(list.filter((o) => found.includes(o))).toEqual(found);
        for (const o of found) for (const word of typed.toLowerCase().split(/\s+/).filter(Boolean)) expect(`${o.label}\n${o.path ?? ''}`.toLowerCase()).toContain(word);
        const narrower = pickerMatches(list, `${typed} ${more}`);
        expect(narrower.every((o) => found.includes(o))).toBe(true);
      }),
      { seed, numRuns: 500 },
    );
  });
});
