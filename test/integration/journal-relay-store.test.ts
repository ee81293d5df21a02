// The relay's embedded store on a real disk: what a restart reads back (after compactions too),
// what compaction and retention may drop, and subscriptions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalRelayStore } from '../../electron/relay/journal-relay-store';
import type { DesktopSubscription, RelayDesktop, StoredDelivery } from '../../electron/relay/relay-store';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const day = 24 * 60 * 60 * 1000;
const clock = { now: Date.parse('2026-12-07T08:00:00Z') };

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'millwright-relay-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dir: string, desktops: RelayDesktop[], compactAtBytes = 16 * 1024 * 1024): Promise<JournalRelayStore> {
  const store = await JournalRelayStore.open(dir, { desktops: () => desktops, compactAtBytes, maintenanceIntervalMs: 0, now: () => clock.now });
  cleanups.push(() => store.close());
  return store;
}

const delivery = (connectionId: string, id: string) => ({ connectionId, id, receivedAt: clock.now, scheme: 'makini' as const, payload: { event: 'work-orders.updated', id } });

/** Reads `count` deliveries from a subscription. */
async function take(subscription: DesktopSubscription, count: number): Promise<StoredDelivery[]> {
  const taken: StoredDelivery[] = [];
  if (count === 0) return taken;
  for await (const next of subscription.deliveries) {
    taken.push(next);
    if (taken.length === count) break;
  }
  return taken;
}

describe('the relay embedded store', () => {
  it('keeps what no desktop acknowledged across compactions and restarts, and its seqs keep rising', async () => {
    const dir = tempDir();
    const desk: RelayDesktop = { id: 'desk', connectionId: 'north', registeredAt: 0 };
    // Compacted after every write.
    let store = await open(dir, [desk], 1);
    for (let i = 0; i < 5; i += 1) await store.append(delivery('north', `msg-${i}`));
    const first = await store.subscribe(desk);
    const got = await take(first, 5);
    await first.ack(got.slice(0, 2).map((d) => d.seq));
    await store.append(delivery('north', 'msg-5'));
    await store.close();

    store = await open(dir, [desk], 1);
    expect(await store.pending(desk)).toBe(4);
    const again = await take(await store.subscribe(desk), 4);
    expect(again.map((d) => d.id)).toEqual(['msg-2', 'msg-3', 'msg-4', 'msg-5']);
    await store.append(delivery('north', 'msg-6'));
    await store.close();
    store = await open(dir, [desk]);
    const all = await take(await store.subscribe(desk), 5);
    expect(all.map((d) => d.id)).toEqual(['msg-2', 'msg-3', 'msg-4', 'msg-5', 'msg-6']);
    expect(all.every((d, i) => i === 0 || d.seq > all[i - 1]!.seq)).toBe(true);
  });

  it('compacts away what every desktop of a connection acknowledged, keeps what a connection with no desktop got, and ages out past retention', async () => {
    const dir = tempDir();
    const desks: RelayDesktop[] = [
      { id: 'a', connectionId: 'north', registeredAt: 0 },
      { id: 'b', connectionId: 'north', registeredAt: 0 },
    ];
    let store = await open(dir, desks);
    for (let i = 0; i < 4; i += 1) await store.append(delivery('north', `n-${i}`));
    await store.append(delivery('south', 's-0'));
    const a = await store.subscribe(desks[0]!);
    await a.ack((await take(a, 4)).map((d) => d.seq));
    const b = await store.subscribe(desks[1]!);
    await b.ack((await take(b, 2)).map((d) => d.seq));
    await store.close();
    // Compacted on open (a large file limit of 1 byte); b still needs n-2 and n-3; south has no desktop yet.
    store = await open(dir, desks, 1);
    await store.append(delivery('north', 'n-4'));
    await store.close();
    const southDesk: RelayDesktop = { id: 'c', connectionId: 'south', registeredAt: 0 };
    store = await open(dir, [...desks, southDesk]);
    expect((await take(await store.subscribe(desks[1]!), 3)).map((d) => d.id)).toEqual(['n-2', 'n-3', 'n-4']);
    expect((await take(await store.subscribe(southDesk), 1)).map((d) => d.id)).toEqual(['s-0']);
    expect(await store.pending(desks[0]!)).toBe(1);
    // Eight days on, nothing is kept for anyone.
    clock.now += 8 * day;
    expect(await store.pending(desks[1]!)).toBe(0);
    expect(await store.pending(southDesk)).toBe(0);
    clock.now -= 8 * day;
  });

  it("gives a desktop only its connection's deliveries from its registration on, and ends a subscription a newer one replaces", async () => {
    const dir = tempDir();
    const late: RelayDesktop = { id: 'late', connectionId: 'north', registeredAt: clock.now + 1 };
    const store = await open(dir, [late]);
    await store.append(delivery('north', 'before'));
    clock.now += 10;
    await store.append(delivery('south', 'other-connection'));
    await store.append(delivery('north', 'after'));
    const first = await store.subscribe(late);
    expect((await take(first, 1)).map((d) => d.id)).toEqual(['after']);
    const second = await store.subscribe(late);
    const ended: StoredDelivery[] = [];
    for await (const next of first.deliveries) ended.push(next);
    expect(ended).toEqual([]);
    expect((await take(second, 1)).map((d) => d.id)).toEqual(['after']);
    clock.now -= 10;
  });
});
