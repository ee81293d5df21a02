import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan, parseBoundedJson } from '../../electron/core/http/bounded-json';

const seed = Number(process.env.ATTACK_SEED ?? Date.now() % 2 ** 31);
console.log(`bounded-json: property seed ${seed} (replay with ATTACK_SEED=${seed})`);

/** How deep a value nests arrays and objects, computed on the value itself. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('bounded JSON', () => {
  it('measures nesting as the parsed value has it, strings with brackets and escapes included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.integer({ min: 0, max: 14 }), (value, limit) => {
        const bytes = Buffer.from(JSON.stringify(value));
        expect(nestsDeeperThan(bytes, limit)).toBe(depthOf(value) > limit);
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('reads what JSON.parse reads within the depth, and never throws on any bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.json({ maxDepth: 6 }).map((text) => Buffer.from(text))), (bytes) => {
        const parsed = parseBoundedJson(bytes, 64);
        let expected: { ok: true; value: unknown } | { ok: false };
        try {
          expected = { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
        } catch {
          expected = { ok: false };
        }
        expect(parsed.ok).toBe(expected.ok);
        if (parsed.ok && expected.ok) expect(parsed.value).toEqual(expected.value);
      }),
      { seed, numRuns: 5000 },
    );
  });

  it('refuses 200,000 levels without parsing them, and says why', () => {
    expect(parseBoundedJson(Buffer.from('['.repeat(200_000) + ']'.repeat(200_000)))).toEqual({ ok: false, reason: 'too-deep', message: 'The JSON nests deeper than 64 levels.' });
    expect(parseBoundedJson(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toMatchObject({ ok: false, reason: 'not-utf8' });
    expect(parseBoundedJson('{"a":')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(parseBoundedJson('{"a":"[[[[[[[[\\"]]]"}', 1)).toEqual({ ok: true, value: { a: '[[[[[[[["]]]' } });
  });
});
