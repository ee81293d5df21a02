import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addRelayConnection, issueDesktopToken, readRelayConfig, RelayConfig, revokeDesktop } from '../../electron/relay/relay-config';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function configFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'millwright-relay-config-'));
  dirs.push(dir);
  return path.join(dir, 'relay-config.json');
}

describe("the relay's administration", () => {
  it('issues tokens it keeps only as hashes, finds a new one at once, and forgets revoked and replaced ones', () => {
    const file = configFile();
    addRelayConnection(file, 'north-mill', 'whsec-north-0123');
    const clock = { now: 1_000_000 };
    const config = new RelayConfig(file, () => clock.now);
    const token = issueDesktopToken(file, 'desk-anna', 'north-mill', 5);
    expect(token).toMatch(/^mwr_desk-anna\.[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(readRelayConfig(file))).not.toContain(token.split('.')[1]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Issued a moment ago: found without waiting for the next periodic look.
    expect(config.desktopFor(token)).toEqual({ id: 'desk-anna', connectionId: 'north-mill', registeredAt: 5 });
    // One character off (the last one, whatever it was: a token ends in "A" one time in sixteen).
    expect(config.desktopFor(`${token.slice(0, -1)}${token.endsWith('A') ? 'E' : 'A'}`)).toBeNull();
    expect(config.secretFor('north-mill')).toBe('whsec-north-0123');
    expect(config.secretFor('constructor')).toBeNull();

    const replaced = issueDesktopToken(file, 'desk-anna', 'north-mill', 9);
    clock.now += 1_000;
    expect(config.desktopFor(token)).toBeNull();
    // A new token for the same desktop and connection keeps what waits for it.
    expect(config.desktopFor(replaced)?.registeredAt).toBe(5);
    revokeDesktop(file, 'desk-anna');
    clock.now += 1_000;
    expect(config.desktopFor(replaced)).toBeNull();
  });

  it('keeps serving the configuration it read while the file is missing a moment', () => {
    const file = configFile();
    addRelayConnection(file, 'north-mill', 'whsec-north-0123');
    const token = issueDesktopToken(file, 'desk-anna', 'north-mill');
    const clock = { now: 1_000_000 };
    const config = new RelayConfig(file, () => clock.now);
    renameSync(file, `${file}.editing`);
    clock.now += 5_000;
    expect(config.desktopFor(token)?.id).toBe('desk-anna');
    expect(config.desktops()).toHaveLength(1);
    renameSync(`${file}.editing`, file);
  });

  it('refuses ids that could not name a key, a subject or a URL segment', () => {
    const file = configFile();
    for (const id of ['__proto__', '-lead', '', 'a b', 'x'.repeat(65), 'dot.ted']) expect(() => addRelayConnection(file, id, 'whsec-0123456789')).toThrow('is not');
    expect(() => issueDesktopToken(file, 'desk', 'nowhere')).toThrow('The relay has no connection "nowhere"');
    expect(readRelayConfig(file)).toEqual({ version: 1, connections: {}, desktops: {} });
  });
});
