import { z } from 'zod';
import { writeCapabilities } from '../../../../shared/write-capabilities';
import type { ConnectorContext, ConnectorKind } from '../connector-registry';
import { describeConnectFailure } from './makini-connect-failure';
import { MakiniConnector } from './makini-connector';
import type { MakiniHttpClientOptions } from './makini-http-client';
import { MakiniRecordWriter } from './makini-record-writer';

/** What only a Makini connection keeps beside the common fields of its ConnectionRecord. */
export const makiniSettingsSchema = z.object({
  /** Makini Link (its authorize page), for a connection signed in through it. */
  linkUrl: z.string().nullable(),
  oauthClientId: z.string().nullable(),
  /** The demo plant Millwright runs for this connection, if it is one (a demo plant speaks Makini). */
  demo: z.object({ seed: z.number().int(), workOrders: z.number().int() }).nullable(),
});
export type MakiniSettings = z.infer<typeof makiniSettingsSchema>;

function httpOptions(connectionId: string, context: Omit<ConnectorContext, 'connectionId'>): MakiniHttpClientOptions & { connectionId: string } {
  return {
    connectionId,
    // Read per request (a getter, never spread): the base URL of a restarted demo plant applies at once.
    get baseUrl() {
      return context.baseUrl();
    },
    getToken: context.token,
    fetch: context.fetch,
  };
}

/** Makini's unified API, and every demo plant: reads, writes back, and is first reached by its integration's description. */
export const makiniConnectorKind: ConnectorKind = {
  settings: makiniSettingsSchema,
  createConnector: (context) => new MakiniConnector(httpOptions(context.connectionId, context)),
  async probe(context) {
    try {
      return await new MakiniConnector(httpOptions('probe', context)).describe();
    } catch (error) {
      throw describeConnectFailure(error, context.baseUrl());
    }
  },
  writes: {
    createWriter: (context) => new MakiniRecordWriter(httpOptions(context.connectionId, context)),
    capabilities: writeCapabilities,
  },
};

/** A connection's Makini settings; null for a connection of another kind. */
export function makiniSettingsOf(record: { kind: string; settings: Readonly<Record<string, unknown>> }): MakiniSettings | null {
  if (record.kind !== 'makini') return null;
  const parsed = makiniSettingsSchema.safeParse(record.settings);
  return parsed.success ? parsed.data : null;
}
