import { describe, expect, it } from 'vitest';
import { connectorKind, connectorKinds, writeCapabilitiesOf } from '../../electron/core/connectors/connector-registry';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { makiniConnectorKind, makiniSettingsOf } from '../../electron/core/connectors/makini/makini-connector-kind';
import { fileImportConnectorKind } from '../../electron/core/connectors/file-import/file-import-connector-kind';
import { FileImportConnector } from '../../electron/core/connectors/file-import/file-import-connector';
import { writeCapabilities } from '../../shared/write-capabilities';
import { connectionRecord, describingKind } from '../support/connection-runtime-fixtures';

const context = (baseUrl: string) => ({ connectionId: 'conn-test', baseUrl: () => baseUrl, token: () => 'token-0123456789abcdef', settings: () => ({}), fetch: globalThis.fetch });

describe('the connector registry', () => {
  it("holds Makini (which every demo plant speaks) under 'makini', export files under 'file-import', and nothing under names it does not hold", () => {
    expect(connectorKind('makini')).toBe(makiniConnectorKind);
    expect(connectorKind('file-import')).toBe(fileImportConnectorKind);
    expect(connectorKinds).toEqual({ makini: makiniConnectorKind, 'file-import': fileImportConnectorKind });
    for (const unknown of ['demo', 'sap-direct', 'toString', '__proto__', 'constructor']) expect(connectorKind(unknown)).toBeNull();
  });

  it('gives a kind with a writer the capabilities of the system behind it, and a kind without one nothing to offer', () => {
    expect(writeCapabilitiesOf(makiniConnectorKind, 'MAINTAIN-X')).toEqual(writeCapabilities('MAINTAIN-X'));
    expect(writeCapabilitiesOf(makiniConnectorKind, null).actions.length).toBeGreaterThan(0);
    const readOnly = describingKind(() => Promise.resolve({ provider: 'file-import', companyName: null, syncStatus: null }));
    expect(writeCapabilitiesOf(readOnly, 'file-import')).toEqual({
      label: 'file-import',
      actions: [],
      unverifiedActions: [],
      createWorkOrderRequired: [],
      updateWorkOrderFields: [],
      updateWorkOrderRequired: [],
      assigneeField: 'laborAssignedKey',
      createPurchaseOrderRequired: [],
      createServiceRequestRequired: [],
    });
    expect(writeCapabilitiesOf(readOnly, null)).toMatchObject({ label: 'Unknown system', actions: [] });
    // A kind that names the system it reads is called so, whatever provider it reports.
    expect(writeCapabilitiesOf(fileImportConnectorKind, 'file-import')).toMatchObject({ label: 'An export file', actions: [], updateWorkOrderFields: [] });
  });
});

describe("the 'makini' kind", () => {
  it('builds a Makini connector and writer for a connection', () => {
    expect(makiniConnectorKind.createConnector(context('http://127.0.0.1:1'))).toBeInstanceOf(MakiniConnector);
    expect(makiniConnectorKind.writes?.createWriter(context('http://127.0.0.1:1'))).toBeDefined();
  });

  it('says in the Add dialog\'s words why a first contact failed', async () => {
    await expect(makiniConnectorKind.probe(context('http://127.0.0.1:1'))).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringContaining('Could not reach 127.0.0.1:1') });
  });

  it('reads the Makini settings of a Makini connection only', () => {
    const demo = { seed: 3, workOrders: 40 };
    expect(makiniSettingsOf(connectionRecord({ settings: { linkUrl: null, oauthClientId: null, demo } }))).toEqual({ linkUrl: null, oauthClientId: null, demo });
    expect(makiniSettingsOf(connectionRecord({ kind: 'file-import', settings: { linkUrl: null, oauthClientId: null, demo } }))).toBeNull();
  });
});

describe("the 'file-import' kind", () => {
  it('reads the file at the connection\'s address, writes nothing, and needs no secret', async () => {
    const file = new URL('../fixtures/file-import/plant-export.json', import.meta.url).pathname;
    const connector = fileImportConnectorKind.createConnector(context(file));
    expect(connector).toBeInstanceOf(FileImportConnector);
    expect((await connector.listPage('assets', { updatedSince: null, page: 1, perPage: 10 })).records.map((asset) => asset.key)).toEqual(['PRS-2', 'SAW-1', 'EXT-1']);
    expect(fileImportConnectorKind.writes).toBeUndefined();
    expect(fileImportConnectorKind.secretless).toBe(true);
  });

  it('says at first contact why a path cannot be read, in the Add dialog\'s words', async () => {
    await expect(fileImportConnectorKind.probe(context('/nowhere/export.csv'))).rejects.toMatchObject({ code: 'UPSTREAM_MALFORMED', message: expect.stringContaining('The export file /nowhere/export.csv cannot be found') });
    expect(await fileImportConnectorKind.probe(context(new URL('../fixtures/file-import/work-orders.csv', import.meta.url).pathname))).toEqual({ provider: 'file-import', companyName: 'work-orders.csv', syncStatus: null });
  });
});
