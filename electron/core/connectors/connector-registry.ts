import type { z } from 'zod';
import { readOnlyWriteCapabilities, type WriteCapabilities } from '../../../shared/write-capabilities';
import type { Connector, IntegrationInfo } from './connector';
import { fileImportConnectorKind } from './file-import/file-import-connector-kind';
import { makiniConnectorKind } from './makini/makini-connector-kind';
import type { RecordWriter } from './record-writer';

/**
 * What a connector is made for: one connection. Each function answers what holds now, so a
 * connector that calls them at each request follows a restarted demo plant's new address or a
 * refreshed token at once.
 */
export interface ConnectorContext {
  connectionId: string;
  /** Where the connection reads from: an API's address (or, for a kind that reads files, a file's path). */
  baseUrl(): string;
  /** The access token held now; '' when none is. */
  token(): string;
  /** The connection's own settings, as its kind's `settings` schema accepted them. */
  settings(): Readonly<Record<string, unknown>>;
  /** Every request goes through it: main watches the answers to tell when an unreachable system is back. */
  fetch: typeof fetch;
}

/** One kind of connection: how its records are read, written back and first reached. */
export interface ConnectorKind {
  /** Checks the settings only this kind keeps in a ConnectionRecord; a saved record they do not fit is skipped. */
  settings: z.ZodType<Record<string, unknown>>;
  /** What the user calls the system it reads, where the provider it reports does not say (a kind that only reads). */
  systemName?: string;
  /** Reached with no secret at all (a file on this computer): it holds no token and takes no webhooks. */
  secretless?: true;
  /** The reader of one connection. */
  createConnector(context: ConnectorContext): Connector;
  /**
   * First contact with an address and a token, before anything is saved: what the connection is,
   * or an AppError worded for the Add-connection dialog.
   */
  probe(context: Omit<ConnectorContext, 'connectionId'>): Promise<IntegrationInfo>;
  /**
   * How edits go back, and which the system accepts (by the provider its Connector's describe()
   * reports). A kind without it only reads: its outbox sends nothing and the UI offers no edits.
   */
  writes?: {
    createWriter(context: ConnectorContext): RecordWriter;
    capabilities(provider: string | null): WriteCapabilities;
  };
}

/**
 * Every kind of connection Millwright can hold, by the `kind` its ConnectionRecord carries. A demo
 * plant speaks Makini, so it is a 'makini' connection. A new kind is its own folder beside
 * `makini/` that exports a ConnectorKind, plus one line here.
 */
export const connectorKinds = {
  makini: makiniConnectorKind,
  'file-import': fileImportConnectorKind,
} as const satisfies Record<string, ConnectorKind>;

/** The registered kind of that name; null for a name this version does not know. */
export function connectorKind(name: string): ConnectorKind | null {
  return Object.hasOwn(connectorKinds, name) ? connectorKinds[name as keyof typeof connectorKinds] : null;
}

/** What a connection of this kind accepts; nothing for a kind that only reads. */
export function writeCapabilitiesOf(kind: ConnectorKind, provider: string | null): WriteCapabilities {
  return kind.writes?.capabilities(provider) ?? readOnlyWriteCapabilities(kind.systemName ?? provider ?? 'Unknown system');
}
