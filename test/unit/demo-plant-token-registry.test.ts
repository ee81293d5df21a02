import { describe, expect, it } from 'vitest';
import { TokenRegistry } from '../../electron/demo-plant/token-registry';

function registry(now: () => number) {
  return new TokenRegistry({ adminToken: 'admin-token-0123456789', accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 120, now, saved: null });
}

describe('token registry', () => {
  it('puts grants issued in the same millisecond as the credentials switch on the right side of it', () => {
    const tokens = registry(() => 1_000_000);
    const before = tokens.issuePair();
    tokens.setCredentialsChanged(true);
    const after = tokens.issuePair();
    expect(tokens.authenticate(before.accessToken)).toMatchObject({ ok: true, reauthorizationRequired: true });
    expect(tokens.authenticate(after.accessToken)).toMatchObject({ ok: true, reauthorizationRequired: false });
    expect(tokens.authenticate('admin-token-0123456789')).toMatchObject({ ok: true, reauthorizationRequired: false });
  });

  it('keeps the first instant when the switch is turned on again', () => {
    const tokens = registry(() => 1_000_000);
    tokens.setCredentialsChanged(true);
    const reconnected = tokens.issuePair();
    tokens.setCredentialsChanged(true);
    expect(tokens.authenticate(reconnected.accessToken)).toMatchObject({ ok: true, reauthorizationRequired: false });
  });

  it('saves hashes of live tokens only, and restores them', () => {
    let clock = 1_000_000;
    const tokens = registry(() => clock);
    const live = tokens.issuePair();
    const lone = tokens.issueAccessToken();
    const revoked = tokens.issuePair();
    const access = tokens.authenticate(revoked.accessToken);
    if (access.ok) access.revoke();
    clock += 61_000;

    const saved = tokens.snapshot();
    expect(JSON.stringify(saved)).not.toContain(live.refreshToken);
    expect(saved.grants).toHaveLength(1);
    expect(saved.grants[0]!.accessTokens).toEqual([]);

    const restored = new TokenRegistry({ adminToken: 'admin-token-0123456789', accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 120, now: () => clock, saved });
    expect(restored.authenticate(lone.accessToken)).toMatchObject({ ok: false });
    const rotated = restored.refresh(live.refreshToken);
    expect(rotated).not.toBeNull();
    expect(restored.authenticate(rotated!.accessToken)).toMatchObject({ ok: true });
    expect(restored.refresh(live.refreshToken)).toBeNull();
  });

  it('refuses token lifetimes that are not positive', () => {
    expect(() => new TokenRegistry({ adminToken: 'a', accessTokenTtlSeconds: 0, refreshTokenTtlSeconds: 1, now: Date.now, saved: null })).toThrow(RangeError);
  });
});
