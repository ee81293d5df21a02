import { describe, expect, it } from 'vitest';
import { connectionParts } from '../support/connection-parts';
import { connectionRecord, tokenSecrets } from '../support/connection-runtime-fixtures';

describe('ConnectionRuntimes', () => {
  it('holds connections by id, built by their kind, and saves their records', () => {
    const { runtimes, settings } = connectionParts();
    const north = runtimes.open(connectionRecord({ id: 'conn-north' }), tokenSecrets());
    const south = runtimes.open(connectionRecord({ id: 'conn-south' }), null);
    expect(runtimes.size).toBe(2);
    expect(runtimes.all()).toEqual([north, south]);
    expect(runtimes.get('conn-north')).toBe(north);
    expect(runtimes.get('conn-east')).toBeUndefined();
    expect(north.pusher).not.toBeNull();
    runtimes.save();
    expect(settings.read()).toEqual([north.record, south.record]);
  });

  it('says which connection it does not hold, and which kind this version cannot read', () => {
    const { runtimes } = connectionParts();
    expect(() => runtimes.require('conn-east')).toThrow('No connection conn-east.');
    expect(() => runtimes.open(connectionRecord({ kind: 'sap-direct' }), null)).toThrow('This version of Millwright cannot read connections of the kind "sap-direct".');
    expect(runtimes.size).toBe(0);
  });

  it('tells a runtime still held from one deleted or replaced since', () => {
    const { runtimes } = connectionParts();
    const first = runtimes.open(connectionRecord(), tokenSecrets());
    expect(runtimes.isCurrent(first)).toBe(true);
    const second = runtimes.open(connectionRecord(), tokenSecrets());
    expect(runtimes.isCurrent(first)).toBe(false);
    runtimes.delete('conn-test');
    expect(runtimes.isCurrent(second)).toBe(false);
    expect(runtimes.size).toBe(0);
  });
});
