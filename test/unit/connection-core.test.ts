import { describe, expect, it } from 'vitest';
import { attached } from '../../electron/core/connections/connection-core';

describe('attached', () => {
  it('gives what the attached window holds, or says that no window has the cache open', () => {
    const store = { name: 'cache' };
    expect(attached(() => store)).toBe(store);
    expect(() => attached(() => null)).toThrow(expect.objectContaining({ code: 'IPC_NO_RENDERER', message: 'No window has the local cache open.' }));
  });
});
