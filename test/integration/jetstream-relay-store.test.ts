// The relay's JetStream store against a real 3-node nats-server cluster on loopback: 2,000
// concurrent appends while the stream's leader is SIGKILLed, duplicate appends, a desktop offline
// for a burst, a desktop moving between two relay instances, registration time, a desktop moved to
// another connection, unreadable messages and the pending count.
import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../electron/core/logging/logger';
import { JetStreamRelayStore, type JetStreamRelayStoreOptions } from '../../electron/relay/jetstream-relay-store';
import type { DesktopSubscription, RelayDesktop, StoredDelivery } from '../../electron/relay/relay-store';
import { NatsCluster, natsServerMissing, natsServerPath } from '../support/nats-cluster';

const available = natsServerPath() !== null;
if (!available) console.warn(`Skipping the JetStream relay store tests: ${natsServerMissing}`);

let cluster: NatsCluster;
/** Nodes a test killed: started again after it. */
const down = new Set<number>();
const stores: JetStreamRelayStore[] = [];
const subscriptions: DesktopSubscription[] = [];

describe.skipIf(!available)('JetStream relay store on a 3-node cluster', () => {
  beforeAll(async () => {
    cluster = await NatsCluster.start(3);
  }, 60_000);

  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((subscription) => subscription.close()));
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const node of down) await cluster.restart(node);
    down.clear();
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('stores 2,000 concurrent deliveries while the stream leader is SIGKILLed, and two desktops get every one', async () => {
    const deployment = uniqueName('kill');
    const store = await openStore({ deployment });
    const desktops = [desktop('desk-a', 'conn-1', 0), desktop('desk-b', 'conn-1', 0)];
    const readers = await Promise.all(desktops.map(async (d) => read(await subscribe(store, d))));

    const leader = await streamLeader(deployment);
    const all = ids('delivery', 2000);
    let next = 0;
    let stored = 0;
    let storedAfterKill = 0;
    let retried = 0;
    let killed: Promise<void> | null = null;
    let handedOutBeforeKill: number[] = [];
    let slowestAppendMs = 0;
    const started = Date.now();
    // 50 at a time, as the relay's HTTPS listener would take them; the stream's leader dies after the 500th.
    const sender = async () => {
      while (next < all.length) {
        const id = all[next++]!;
        // As Makini: an append that throws is a 500, and the delivery comes again.
        for (;;) {
          const appendStarted = Date.now();
          try {
            await store.append(delivery('conn-1', id));
            slowestAppendMs = Math.max(slowestAppendMs, Date.now() - appendStarted);
            break;
          } catch {
            retried++;
          }
        }
        if (killed) storedAfterKill++;
        if (++stored === 500) {
          handedOutBeforeKill = readers.map((reader) => reader.received.length);
          down.add(leader);
          killed = cluster.kill(leader);
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, sender));
    const appendMs = Date.now() - started;
    expect(killed).not.toBeNull();
    await killed;
    expect(storedAfterKill).toBeGreaterThanOrEqual(1000);

    // A desktop whose consumer's leader died waits for a new leader and for its client to notice (two missed heartbeats) and pull again.
    for (const reader of readers) await reader.until(() => all.every((id) => reader.ids.has(id)), 'every delivery', 90_000);
    readers.forEach((reader, i) => {
      const seqs = reader.received.map((d) => d.seq);
      // Nothing is handed out twice within a subscription, not even what the failover made the server send again.
      expect(new Set(seqs).size).toBe(seqs.length);
      // In stream order until the failover; after it, a delivery lost on its way from the dying server comes again after the ack wait, behind newer ones.
      expect(increasing(seqs.slice(0, handedOutBeforeKill[i]))).toBe(true);
      expect(reader.received.every((d) => d.connectionId === 'conn-1')).toBe(true);
    });
    // Each stored once, whatever publishes were retried.
    expect(await streamMessages(deployment)).toBe(all.length);
    for (const d of desktops) await expect.poll(() => store.pending(d), { timeout: 20_000, interval: 250 }).toBe(0);
    console.log(
      `2,000 appends in ${appendMs} ms (slowest ${slowestAppendMs} ms) with n${leader + 1} (the stream leader) killed after 500; ` +
        `${retried} appends thrown and sent again; per desktop, handed out of order: ${readers.map((reader) => outOfOrder(reader.received.map((d) => d.seq))).join(', ')}, ` +
        `acknowledgements not confirmed: ${readers.map((reader) => reader.ackFailures).join(', ')}`,
    );
  }, 180_000);

  it('stores a delivery appended again (a publish retried after a lost acknowledgement) once', async () => {
    const deployment = uniqueName('dupe');
    const store = await openStore({ deployment });
    await appendAll(store, 'conn-1', ['same', 'same', 'other']);
    // Ids are per connection: the same id on another connection is another delivery.
    await appendAll(store, 'conn-2', ['same']);
    expect(await streamMessages(deployment)).toBe(3);
  });

  it('gives a desktop that was offline the whole burst on its next subscription, and nothing it had acknowledged', async () => {
    const store = await openStore({ deployment: uniqueName('offline') });
    const d = desktop('desk-a', 'conn-1', 0);
    const before = ids('before', 10);
    const first = read(await subscribe(store, d));
    await appendAll(store, 'conn-1', before);
    await first.until(() => first.received.length === before.length, 'the first deliveries');
    await first.subscription.close();
    await first.finished;
    expect(first.received.map((x) => x.id)).toEqual(before);

    const burst = ids('burst', 300);
    await appendAll(store, 'conn-1', burst);
    const second = read(await subscribe(store, d));
    const fence = await appendFence(store, 'conn-1');
    await second.until(() => second.ids.has(fence), 'the fence');
    expect(second.received.map((x) => x.id)).toEqual([...burst, fence]);
    expect(increasing(second.received.map((x) => x.seq))).toBe(true);
  });

  it('moves a desktop from one relay instance to another: the second gets exactly what it had not acknowledged, at once', async () => {
    const deployment = uniqueName('move');
    // An ack wait longer than the test: what the first instance hands back must come back by its nak, not by the timer.
    // Both open (create or update the stream) at once.
    const [a, b] = await Promise.all([openStore({ deployment, ackWaitMs: 120_000 }), openStore({ deployment, ackWaitMs: 120_000 })]);
    const d = desktop('desk-a', 'conn-1', 0);
    const all = ids('moving', 50);
    await appendAll(a, 'conn-1', all);

    const throughA = read(await subscribe(a, d), { ack: false });
    await throughA.until(() => throughA.received.length === all.length, 'all 50 through A');
    await throughA.subscription.ack(throughA.received.slice(0, 20).map((x) => x.seq));
    await throughA.subscription.close();

    const throughB = read(await subscribe(b, d));
    const fence = await appendFence(b, 'conn-1');
    await throughB.until(() => throughB.ids.has(fence), 'the fence through B', 60_000);
    expect(throughB.received.map((x) => x.id)).toEqual([...all.slice(20), fence]);
    await expect.poll(() => b.pending(d)).toBe(0);
  }, 90_000);

  it('does not give a desktop what was stored before it was registered', async () => {
    const store = await openStore({ deployment: uniqueName('registered') });
    const old = ids('old', 5);
    await appendAll(store, 'conn-1', old);
    const registeredAt = await nextMillisecond();
    const fresh = ids('fresh', 5);
    await appendAll(store, 'conn-1', fresh);
    const d = desktop('desk-late', 'conn-1', registeredAt);
    await expect.poll(() => store.pending(d)).toBe(fresh.length);

    const reader = read(await subscribe(store, d));
    const fence = await appendFence(store, 'conn-1');
    await reader.until(() => reader.ids.has(fence), 'the fence');
    expect(reader.received.map((x) => x.id)).toEqual([...fresh, fence]);
    // One registered from the start gets both.
    await expect.poll(() => store.pending(desktop('desk-early', 'conn-1', 0))).toBe(old.length + fresh.length + 1);
  });

  it('gives a desktop moved to another connection that connection\'s deliveries, from its registration', async () => {
    const store = await openStore({ deployment: uniqueName('moved') });
    await appendAll(store, 'conn-1', ids('one', 3));
    await appendAll(store, 'conn-2', ids('two', 2));
    await expect.poll(() => store.pending(desktop('desk-a', 'conn-1', 0))).toBe(3);

    const reader = read(await subscribe(store, desktop('desk-a', 'conn-2', 0)));
    const fence = await appendFence(store, 'conn-2');
    await reader.until(() => reader.ids.has(fence), 'the fence');
    expect(reader.received.map((x) => x.id)).toEqual([...ids('two', 2), fence]);
    expect(reader.received.every((x) => x.connectionId === 'conn-2')).toBe(true);
  });

  it('skips messages on the subject that are not deliveries, and keeps delivering', async () => {
    const deployment = uniqueName('junk');
    const logger = new MemoryLogger();
    const store = await openStore({ deployment, logger });
    const d = desktop('desk-a', 'conn-1', 0);
    const reader = read(await subscribe(store, d));

    const nc = await connect({ servers: cluster.urls });
    try {
      const js = jetstream(nc);
      const subject = `millwright.${deployment}.webhooks.conn-1`;
      await appendAll(store, 'conn-1', ['good-1']);
      await js.publish(subject, 'not json');
      await appendAll(store, 'conn-1', ['good-2']);
      await js.publish(subject, JSON.stringify({ id: 'no-scheme', receivedAt: 1, payload: {} }));
      await js.publish(subject, JSON.stringify([1, 2, 3]));
      await js.publish(subject, new Uint8Array([0xff, 0xfe, 0x00]));
      await appendAll(store, 'conn-1', ['good-3']);
    } finally {
      await nc.close();
    }
    await reader.until(() => reader.ids.has('good-3'), 'the third delivery');
    expect(reader.received.map((x) => x.id)).toEqual(['good-1', 'good-2', 'good-3']);
    expect(logger.warnings.filter((w) => w.message.includes('unreadable'))).toHaveLength(4);

    await appendAll(store, 'conn-1', ['good-4']);
    await reader.until(() => reader.ids.has('good-4'), 'the fourth delivery');
    // The skipped ones were terminated: nothing stays pending.
    await expect.poll(() => store.pending(d)).toBe(0);
  });

  it('counts what a desktop has not acknowledged', async () => {
    const store = await openStore({ deployment: uniqueName('pending') });
    const d = desktop('desk-a', 'conn-1', 0);
    expect(await store.pending(d)).toBe(0);
    await appendAll(store, 'conn-1', ids('one', 7));
    await appendAll(store, 'conn-2', ids('two', 4));
    // Consumer state is read on the consumer's leader, whose copy of the stream may trail the publish acknowledgement by a moment.
    await expect.poll(() => store.pending(d)).toBe(7);
    // A desktop whose consumer does not exist yet: counted from its registration.
    await expect.poll(() => store.pending(desktop('desk-b', 'conn-2', 0))).toBe(4);

    const reader = read(await subscribe(store, d), { ack: false });
    await reader.until(() => reader.received.length === 7, 'the seven deliveries');
    expect(await store.pending(d)).toBe(7);
    await reader.subscription.ack(reader.received.slice(0, 3).map((x) => x.seq));
    expect(await store.pending(d)).toBe(4);
    await reader.subscription.close();
    expect(await store.pending(d)).toBe(4);

    const again = read(await subscribe(store, d));
    await again.until(() => again.received.length === 4, 'the four unacknowledged');
    expect(await store.pending(d)).toBe(0);
  });
});

/** A store on the test cluster (3 replicas, a short ack wait unless told), closed after the test. */
async function openStore(options: Omit<JetStreamRelayStoreOptions, 'servers'>): Promise<JetStreamRelayStore> {
  const store = await JetStreamRelayStore.open({ servers: cluster.urls, replicas: 3, ackWaitMs: 5_000, ...options });
  stores.push(store);
  return store;
}

async function subscribe(store: JetStreamRelayStore, d: RelayDesktop): Promise<DesktopSubscription> {
  const subscription = await store.subscribe(d);
  subscriptions.push(subscription);
  return subscription;
}

interface Reader {
  subscription: DesktopSubscription;
  received: StoredDelivery[];
  ids: Set<string>;
  /** Acknowledgements the server did not confirm (during a failover). */
  ackFailures: number;
  /** Resolves once `done()` holds; rejects after `timeoutMs` (or if the deliveries end or fail first) saying what was missing. */
  until(done: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Settles when the deliveries end. */
  finished: Promise<void>;
}

/** Reads a subscription as a desktop would, acknowledging each delivery as it is stored (unless `ack` is false). */
function read(subscription: DesktopSubscription, { ack = true } = {}): Reader {
  const waiters = new Set<() => void>();
  const reader: Reader = {
    subscription,
    received: [],
    ids: new Set(),
    ackFailures: 0,
    until(done, what, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => fail(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}: ${reader.received.length} received`)), timeoutMs);
        const fail = (error: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          reject(error);
        };
        const check = () => {
          if (done()) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          } else if (ended) {
            fail(new Error(`The deliveries ended before ${what}: ${reader.received.length} received (${String(ended)})`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    finished: Promise.resolve(),
  };
  let ended: string | null = null;
  reader.finished = (async () => {
    try {
      for await (const d of subscription.deliveries) {
        reader.received.push(d);
        reader.ids.add(d.id);
        if (ack) await subscription.ack([d.seq]).catch(() => reader.ackFailures++);
        for (const check of [...waiters]) check();
      }
      ended = 'ended';
    } catch (error) {
      ended = String(error);
    }
    for (const check of [...waiters]) check();
  })();
  return reader;
}

function desktop(id: string, connectionId: string, registeredAt: number): RelayDesktop {
  return { id, connectionId, registeredAt };
}

function delivery(connectionId: string, id: string) {
  return { connectionId, id, receivedAt: Date.now(), scheme: 'standard-webhooks' as const, payload: { event: 'work-orders.updated', data: { id } } };
}

function ids(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
}

/** Appends one after the other, so their sequence order is the list's. */
async function appendAll(store: JetStreamRelayStore, connectionId: string, list: string[]): Promise<void> {
  for (const id of list) await store.append(delivery(connectionId, id));
}

/** A last delivery: once a desktop has it, it has everything stored before it that it is going to get. */
async function appendFence(store: JetStreamRelayStore, connectionId: string): Promise<string> {
  const id = `fence-${randomBytes(4).toString('hex')}`;
  await store.append(delivery(connectionId, id));
  return id;
}

function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** The index of the node leading the deployment's stream. */
async function streamLeader(deployment: string): Promise<number> {
  const nc = await connect({ servers: cluster.urls });
  try {
    const info = await (await jetstreamManager(nc)).streams.info(`millwright-relay-${deployment}`);
    const leader = info.cluster?.leader;
    if (!leader) throw new Error('The stream has no leader.');
    return Number(leader.slice(1)) - 1;
  } finally {
    await nc.close();
  }
}

async function streamMessages(deployment: string): Promise<number> {
  const nc = await connect({ servers: cluster.urls });
  try {
    return (await (await jetstreamManager(nc)).streams.info(`millwright-relay-${deployment}`)).state.messages;
  } finally {
    await nc.close();
  }
}

function increasing(seqs: number[]): boolean {
  return seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!);
}

/** How many were handed out after a later one. */
function outOfOrder(seqs: number[]): number {
  let highest = 0;
  let count = 0;
  for (const seq of seqs) {
    if (seq < highest) count++;
    highest = Math.max(highest, seq);
  }
  return count;
}

/** Waits for the clock to pass the current millisecond and returns the new time, so what was stored before is strictly earlier. */
async function nextMillisecond(): Promise<number> {
  const now = Date.now();
  while (Date.now() <= now + 1) await new Promise((resolve) => setImmediate(resolve));
  return Date.now();
}

/** Keeps warnings and errors. */
class MemoryLogger implements Logger {
  readonly warnings: { message: string; fields?: LogFields }[] = [];

  info(): void {}

  warn(message: string, fields?: LogFields): void {
    this.warnings.push({ message, fields });
  }

  error(message: string, fields?: LogFields): void {
    this.warnings.push({ message, fields });
  }

  addSecret(): void {}
}
