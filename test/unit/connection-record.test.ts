import { describe, expect, it } from 'vitest';
import { readConnectionRecord } from '../../electron/core/connections/connection-record';
import { ConnectionSettingsStore } from '../../electron/core/connections/connection-settings-store';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { connectionRecord, recordingLogger } from '../support/connection-runtime-fixtures';

/** Connections as versions before connector kinds saved them: Makini fields beside the common ones. */
const savedDemoPlant = {
  id: 'conn-demo1',
  name: 'Demo plant',
  kind: 'demo',
  authMethod: 'demo',
  baseUrl: 'http://127.0.0.1:40123',
  linkUrl: null,
  oauthClientId: null,
  deployment: 'cloud',
  provider: 'demo-plant',
  companyName: 'Millwright Demo Plant',
  status: 'active',
  syncIntervalMinutes: 15,
  historyDays: null,
  lastSyncAt: '2026-01-04T08:00:00.000Z',
  demo: { seed: 7, workOrders: 500 },
  createdAt: '2026-01-01T08:00:00.000Z',
};
const savedLinkConnection = {
  id: 'conn-link1',
  name: 'North mill',
  kind: 'makini',
  authMethod: 'oauth',
  baseUrl: 'https://api.makini.io',
  linkUrl: 'https://link.makini.io',
  oauthClientId: 'millwright-desktop',
  deployment: 'on_prem',
  provider: 'MAINTAIN-X',
  companyName: 'North mill',
  status: 'needs_reauth',
  syncIntervalMinutes: 60,
  lastSyncAt: null,
  demo: null,
  createdAt: '2026-01-02T08:00:00.000Z',
};

describe('readConnectionRecord', () => {
  it("reads a connection saved before connector kinds as a 'makini' one, its Makini fields moved into its settings", () => {
    expect(readConnectionRecord(savedDemoPlant)).toEqual({
      id: 'conn-demo1',
      name: 'Demo plant',
      kind: 'makini',
      authMethod: 'demo',
      baseUrl: 'http://127.0.0.1:40123',
      deployment: 'cloud',
      provider: 'demo-plant',
      companyName: 'Millwright Demo Plant',
      status: 'active',
      syncIntervalMinutes: 15,
      historyDays: null,
      // Saved before notes named their writer: nobody chosen yet.
      authorUserKey: null,
      webhookRelay: null,
      lastSyncAt: '2026-01-04T08:00:00.000Z',
      createdAt: '2026-01-01T08:00:00.000Z',
      settings: { linkUrl: null, oauthClientId: null, demo: { seed: 7, workOrders: 500 } },
    });
    // Saved before the history window existed, too: the product default.
    expect(readConnectionRecord(savedLinkConnection)).toMatchObject({
      kind: 'makini',
      historyDays: 90,
      settings: { linkUrl: 'https://link.makini.io', oauthClientId: 'millwright-desktop', demo: null },
    });
    expect(readConnectionRecord(savedLinkConnection)).not.toHaveProperty('linkUrl');
  });

  it("reads a saved connection without any kind as a 'makini' one", () => {
    const withoutKind: Partial<typeof savedLinkConnection> = { ...savedLinkConnection };
    delete withoutKind.kind;
    expect(readConnectionRecord(withoutKind)).toMatchObject({ kind: 'makini', settings: { oauthClientId: 'millwright-desktop' } });
  });

  it('reads a connection saved with its kind and settings as it was written', () => {
    const record = connectionRecord({ settings: { linkUrl: 'https://link.makini.io', oauthClientId: 'app', demo: null } });
    expect(readConnectionRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('refuses a kind this version does not know, settings its kind does not accept, and what is not a connection', () => {
    expect(readConnectionRecord({ ...connectionRecord(), kind: 'sap-direct' })).toBeNull();
    expect(readConnectionRecord({ ...connectionRecord(), kind: 'toString' })).toBeNull();
    expect(readConnectionRecord({ ...connectionRecord(), settings: { linkUrl: 42 } })).toBeNull();
    expect(readConnectionRecord({ ...savedDemoPlant, demo: { seed: 'seven' } })).toBeNull();
    expect(readConnectionRecord('conn-demo1')).toBeNull();
    expect(readConnectionRecord(null)).toBeNull();
  });
});

describe('ConnectionSettingsStore', () => {
  it('reads old and new entries alike, skips the unreadable with a warning, and writes the new shape back', () => {
    const keyValues = new MemoryKeyValueStore();
    const logger = recordingLogger();
    const store = new ConnectionSettingsStore(keyValues, logger);
    keyValues.set('connections', [savedDemoPlant, { ...connectionRecord(), kind: 'sap-direct' }, connectionRecord()]);
    const records = store.read();
    expect(records.map((record) => [record.id, record.kind])).toEqual([
      ['conn-demo1', 'makini'],
      ['conn-test', 'makini'],
    ]);
    expect(logger.lines).toEqual([{ level: 'warn', message: 'skipped an unreadable saved connection', fields: undefined }]);

    store.write(records);
    expect(keyValues.get('connections')).toEqual(records);
    expect(new ConnectionSettingsStore(keyValues, logger).read()).toEqual(records);
  });
});
