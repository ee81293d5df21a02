import { describe, expect, it } from 'vitest';
import { advanceCursor, isAscendingByUpdatedAt, isCommitted } from '../../shared/domain/sync-cursor';

const at = (key: string, updatedAt: string) => ({ key, updatedAt });

describe('sync cursor', () => {
  it('advances to the newest instant and remembers every key committed at it', () => {
    const cursor = advanceCursor(null, [at('b', '2026-01-01T00:00:00Z'), at('a', '2026-01-01T00:00:05Z'), at('c', '2026-01-01T00:00:05Z')]);
    expect(cursor).toEqual({ updatedAt: '2026-01-01T00:00:05Z', keysAtUpdatedAt: ['a', 'c'] });
    expect(advanceCursor(cursor, [at('d', '2026-01-01T00:00:05Z')])?.keysAtUpdatedAt).toEqual(['a', 'c', 'd']);
    expect(advanceCursor(cursor, [at('e', '2026-01-01T00:00:06Z')])).toEqual({ updatedAt: '2026-01-01T00:00:06Z', keysAtUpdatedAt: ['e'] });
  });

  it('treats only already-committed versions as committed, so a same-second change is still picked up', () => {
    const cursor = { updatedAt: '2026-01-01T00:00:05Z', keysAtUpdatedAt: ['m'] };
    expect(isCommitted(cursor, at('m', '2026-01-01T00:00:05Z'))).toBe(true);
    expect(isCommitted(cursor, at('a', '2026-01-01T00:00:05Z'))).toBe(false);
    expect(isCommitted(cursor, at('z', '2026-01-01T00:00:04Z'))).toBe(true);
    expect(isCommitted(cursor, at('m', '2026-01-01T00:00:06Z'))).toBe(false);
    expect(isCommitted(null, at('m', '2026-01-01T00:00:05Z'))).toBe(false);
  });

  it('compares instants, not strings', () => {
    const cursor = { updatedAt: '2026-01-01T01:00:00+01:00', keysAtUpdatedAt: ['k'] };
    expect(isCommitted(cursor, at('k', '2026-01-01T00:00:00Z'))).toBe(true);
    expect(isAscendingByUpdatedAt([at('a', '2026-01-01T00:30:00Z'), at('b', '2026-01-01T01:00:00+01:00')])).toBe(false);
  });
});
