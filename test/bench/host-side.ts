// The web host's share of a sync, measured in this (Node) process with the same code the host
// runs: the Makini connector and the sync engine, writing to a store that only counts.
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import type { ApplyPageBatch, LocalStore } from '../../shared/local-store';

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** `GET /api/eam/work-orders?per_page=1` from Node with the token: one empty round trip to the plant. */
export async function emptyPlantRoundTrips(url: string, token: string, times: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times + 2; i += 1) {
    const started = performance.now();
    const response = await fetch(`${url}/api/eam/work-orders?per_page=1`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    await response.json();
    if (!response.ok) throw new Error(`GET work-orders?per_page=1: HTTP ${response.status}`);
    if (i >= 2) samples.push(performance.now() - started); // the first two open and warm the connection
  }
  return samples;
}

export interface HostSideFigures {
  /** The engine's whole work-order pull with a store that only counts: fetch, JSON, validate, map, (de)paging. */
  fetchValidateMapMs: number;
  /** The same requests, fetch and JSON.parse only (a sample of them timed, scaled to all). */
  fetchParseMs: number;
  sampledRequests: number;
  /** JSON.stringify of every `store.applyPage` frame the host would send. */
  serializeFramesMs: number;
  requests: number;
  records: number;
  frameBytes: number;
}

/** What the web host does per initial sync before the page sees a byte, split into its parts. */
export async function measureHostSide(url: string, token: string, connectionId: string): Promise<HostSideFigures> {
  const urls: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    urls.push(String(input));
    return fetch(input, init);
  };
  const batches: ApplyPageBatch[] = [];
  const countingStore: LocalStore = {
    getCursor: async () => null,
    applyPage: async (batch) => {
      batches.push(batch);
      return { upserted: batch.records.filter((record) => record.deletedAt === null).length, deleted: 0 };
    },
    applyIfNewer: async () => ({ upserted: 0, deleted: 0 }),
    deleteConnection: async () => 0,
    sweepUnseen: async () => 0,
    recordSyncHistory: async () => undefined,
  };
  const connector = new MakiniConnector({ connectionId, baseUrl: url, getToken: () => token, fetch: recordingFetch });
  const engine = new SyncEngine({ connectionId, connector, historyDays: null });
  let started = performance.now();
  const summary = await engine.run(countingStore, { entities: ['workOrders'] });
  const fetchValidateMapMs = performance.now() - started;

  // Every k-th request again, fetch and JSON.parse only: the plant's and HTTP's share.
  const step = Math.max(1, Math.floor(urls.length / 25));
  const sample = urls.filter((_, index) => index % step === 0);
  started = performance.now();
  for (const address of sample) {
    const response = await fetch(address, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    JSON.parse(await response.text());
  }
  const fetchParseMs = ((performance.now() - started) * urls.length) / sample.length;

  let frameBytes = 0;
  started = performance.now();
  batches.forEach((payload, index) => {
    frameBytes += JSON.stringify({ type: 'call', id: index + 1, channel: 'store.applyPage', payload }).length;
  });
  const serializeFramesMs = performance.now() - started;
  return { fetchValidateMapMs, fetchParseMs, sampledRequests: sample.length, serializeFramesMs, requests: urls.length, records: summary.entities[0]!.received, frameBytes };
}
