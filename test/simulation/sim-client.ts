import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { MakiniRecordWriter } from '../../electron/core/connectors/makini/makini-record-writer';
import { OutboxPusher } from '../../electron/core/outbox/outbox-pusher';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import type { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import { MillwrightDb } from '../../renderer/db/millwright-db';
import type { PushSummary } from '../../shared/outbox-store';
import { writeCapabilities } from '../../shared/write-capabilities';

export const simConnectionId = 'plant';

/** Where a crash cuts a push: before its next write leaves, or after the plant applied it but before its answer is back. */
export interface CrashPlan {
  /** Writes let through before the one the crash cuts. */
  writesBefore: number;
  afterApplied: boolean;
}

/**
 * One supervisor's desktop: the real sync engine, outbox pusher and Dexie cache (its own database
 * on fake-indexeddb), talking to the plant over HTTP through a fetch that can be cut. Offline,
 * every request fails as an unplugged network does. A crash closes the database where the push
 * stands (answers not yet stored are lost, as in a killed process) and leaves the pusher hanging
 * on a request that never answers; `restart` opens the same database with new parts, as the app
 * does when started again.
 */
export class SimClient {
  online = true;
  crashes = 0;
  private crashPlan: CrashPlan | null = null;
  private crashed: (() => void) | null = null;
  private generation = 0;
  db!: MillwrightDb;
  outbox!: DexieOutbox;
  private engine!: SyncEngine;
  private pusher!: OutboxPusher;

  constructor(
    readonly name: string,
    private readonly plant: { url: string; token: string },
    /** The plant's time; this desktop's clock is it plus `skewMs`. */
    private readonly plantNow: () => number,
    readonly skewMs: number,
    private readonly random: SeededRandom,
  ) {
    this.boot();
  }

  /** This desktop's clock (skewed from the plant's). */
  now(): Date {
    return new Date(this.plantNow() + this.skewMs);
  }

  private boot(): void {
    const generation = ++this.generation;
    this.db = new MillwrightDb(`sim-${this.name}`, { indexedDB, IDBKeyRange });
    this.outbox = new DexieOutbox(this.db, () => this.now());
    const http = { baseUrl: this.plant.url, getToken: () => this.plant.token, timeoutMs: 10_000, fetch: this.fetchFor(generation) };
    this.engine = new SyncEngine({
      connectionId: simConnectionId,
      connector: new MakiniConnector({ connectionId: simConnectionId, ...http }),
      perPage: 100,
      historyDays: null,
      now: () => this.now(),
      sleep: async () => undefined,
      random: () => this.random.next(),
    });
    this.pusher = new OutboxPusher({
      connectionId: simConnectionId,
      writer: new MakiniRecordWriter({ connectionId: simConnectionId, ...http }),
      store: this.outbox,
      capabilities: () => writeCapabilities('demo-plant'),
      // One record at a time, so a seed replays the same requests in the same order; answers are
      // stored when the push ends (not after a time), so a crash loses the same answers every run.
      concurrency: 1,
      answerDelayMs: 10 * 60_000,
      sleep: async () => undefined,
      random: () => this.random.next(),
    });
  }

  /** The network as this desktop sees it: cut while offline; the crash plan cuts the process itself. */
  private fetchFor(generation: number): typeof fetch {
    const never = new Promise<Response>(() => undefined);
    return async (input, init) => {
      // Requests of a crashed process's leftovers never answer: that process is gone.
      if (generation !== this.generation) return never;
      if (!this.online) throw new TypeError('fetch failed');
      const plan = this.crashPlan;
      const writing = (init?.method ?? 'GET') !== 'GET';
      if (!plan || !writing) return fetch(input, init);
      if (plan.writesBefore > 0) {
        plan.writesBefore -= 1;
        return fetch(input, init);
      }
      if (plan.afterApplied) await (await fetch(input, init)).arrayBuffer();
      this.crash();
      return never;
    };
  }

  private crash(): void {
    this.crashPlan = null;
    this.crashes += 1;
    this.generation += 1;
    // The process dies here: what it had not stored yet is gone, the database stays on disk.
    this.db.close();
    this.crashed?.();
  }

  /** Pulls what changed since the last sync; false when the plant could not be reached. */
  async sync(mode: 'incremental' | 'full' = 'incremental'): Promise<boolean> {
    try {
      const run = await this.engine.run(new DexieLocalStore(this.db), { mode });
      return run.outcome === 'synced';
    } catch (error) {
      if (!this.online) return false;
      throw error;
    }
  }

  /** Sends the queued edits; with a crash plan, the process may die part way ('crashed'). */
  async push(crash: CrashPlan | null = null): Promise<PushSummary | 'crashed'> {
    this.crashPlan = crash ? { ...crash } : null;
    const died = new Promise<'crashed'>((resolve) => (this.crashed = () => resolve('crashed')));
    try {
      const pushed = this.pusher.push();
      // A dead process's push is left hanging; its rejection (if any) is nobody's to handle.
      pushed.catch(() => undefined);
      return await Promise.race([pushed, died]);
    } finally {
      this.crashed = null;
      this.crashPlan = null;
    }
  }

  /** Starts the app again over the same database. */
  restart(): void {
    if (this.db.isOpen()) this.db.close();
    this.boot();
  }

  close(): void {
    this.generation += 1;
    this.db.close();
  }
}
