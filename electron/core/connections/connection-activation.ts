import { randomUUID } from 'node:crypto';
import type { ConnectionView } from '../../../shared/connection-view';
import type { IntegrationInfo } from '../connectors/connector';
import { connectorKinds, type ConnectorKind } from '../connectors/connector-registry';
import type { MakiniSettings } from '../connectors/makini/makini-connector-kind';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRecord } from './connection-record';
import type { ConnectionRuntime } from './connection-runtime';
import type { ConnectionRuntimes } from './connection-runtimes';
import type { ConnectionSecrets, SecretStore } from './secret-store';
import { nodeHttpFetch } from '../http/node-http-fetch';

export interface ConnectionActivationOptions extends Pick<ConnectionCore, 'now' | 'logger' | 'save' | 'emit'> {
  runtimes: Pick<ConnectionRuntimes, 'open'>;
  secrets: SecretStore;
  fetch?: typeof fetch;
  /** Runs a first sync once the call that connected has returned. */
  syncSoon(runtime: ConnectionRuntime): void;
}

export type NewConnection = Pick<ConnectionRecord, 'name' | 'kind' | 'authMethod' | 'baseUrl' | 'settings'> & Partial<Omit<ConnectionRecord, 'id' | 'createdAt'>>;

/** The steps every way of connecting shares: first contact, a new connection's record, and taking it (or a new token) into use. */
export class ConnectionActivation {
  constructor(private readonly options: ConnectionActivationOptions) {}

  /** First contact with an address and a token as a connection of that kind, before anything is saved. */
  probe(kind: ConnectorKind, baseUrl: string, token: string, settings: Readonly<Record<string, unknown>>): Promise<IntegrationInfo> {
    const fetchVia = this.options.fetch;
    return kind.probe({ baseUrl: () => baseUrl, token: () => token, settings: () => settings, fetch: (input, init) => (fetchVia ?? nodeHttpFetch)(input, init) });
  }

  /** First contact with a Makini API (or a demo plant). */
  probeMakini(baseUrl: string, token: string, settings: MakiniSettings): Promise<IntegrationInfo> {
    return this.probe(connectorKinds.makini, baseUrl, token, settings);
  }

  /** A new connection, held with the product's defaults for what `fields` leaves out (not yet saved: see activate); no secrets for a kind that needs none. */
  open(fields: NewConnection, secrets: ConnectionSecrets | null, id: string = newConnectionId()): ConnectionRuntime {
    return this.options.runtimes.open(
      {
        id,
        deployment: 'cloud',
        provider: null,
        companyName: null,
        status: 'active',
        syncIntervalMinutes: 15,
        historyDays: 90,
        authorUserKey: null,
        lastSyncAt: null,
        webhookRelay: null,
        createdAt: new Date(this.options.now()).toISOString(),
        ...fields,
      },
      secrets,
    );
  }

  /** Saves the connection and its secrets, and starts its first sync. */
  activate(runtime: ConnectionRuntime, what: string): ConnectionView {
    if (runtime.secrets) this.options.secrets.set(runtime.record.id, runtime.secrets);
    this.options.save();
    this.options.logger.info(what, { connectionId: runtime.record.id });
    this.options.syncSoon(runtime);
    return this.options.emit(runtime);
  }

  /** Swaps in a new token: cache, cursors and pending edits stay, and syncing resumes. */
  replaceSecrets(runtime: ConnectionRuntime, secrets: ConnectionSecrets, what: string): ConnectionView {
    // A new token does not change where webhooks come from.
    runtime.secrets = {
      ...secrets,
      webhookSecret: secrets.webhookSecret ?? runtime.secrets?.webhookSecret ?? null,
      relayToken: secrets.relayToken ?? runtime.secrets?.relayToken ?? null,
    };
    runtime.record.status = 'active';
    runtime.lastError = null;
    return this.activate(runtime, what);
  }
}

export function newConnectionId(): string {
  return `conn-${randomUUID().slice(0, 8)}`;
}
