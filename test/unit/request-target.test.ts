import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestTarget, readHostHeader } from '../../electron/core/http/request-target';

const seed = Number(process.env.ATTACK_SEED ?? Date.now() % 2 ** 31);
console.log(`request-target: property seed ${seed} (replay with ATTACK_SEED=${seed})`);

describe('request target and Host', () => {
  it('never throws, whatever the target and Host, and reads origin-form targets as paths of the request\'s own host', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }), (target, hostText) => {
        const host = readHostHeader(hostText);
        if (host === null) return;
        const url = parseRequestTarget(target, host, 'http');
        if (url && target.startsWith('/')) expect(url.host).toBe(new URL(`http://${host}`).host);
      }),
      { seed, numRuns: 20_000 },
    );
  });

  it('gives null for the targets and Hosts that used to throw', () => {
    expect(parseRequestTarget('http://[', '127.0.0.1:1', 'http')).toBeNull();
    expect(parseRequestTarget('*', '127.0.0.1:1', 'http')).toBeNull();
    expect(parseRequestTarget('ftp://x/', '127.0.0.1:1', 'http')).toBeNull();
    expect(readHostHeader('[')).toBeNull();
    expect(readHostHeader('a/b')).toBeNull();
    expect(readHostHeader('a b')).toBeNull();
    expect(readHostHeader(undefined)).toBeNull();
  });

  it('keeps "//host/path" a path on the request\'s own host, and reads ordinary ones', () => {
    expect(parseRequestTarget('//evil.example/x', '127.0.0.1:8', 'http')?.href).toBe('http://127.0.0.1:8//evil.example/x');
    expect(parseRequestTarget('/a?b=1', 'localhost:8', 'https')?.href).toBe('https://localhost:8/a?b=1');
    expect(readHostHeader('LocalHost:8')).toBe('localhost:8');
    expect(readHostHeader('[::1]:5173')).toBe('[::1]:5173');
  });
});
