// A relay's desktop session over a store that hands deliveries out of seq order (as JetStream does
// with a delivery redelivered late after a failover): the desktop gets every one, and the store is
// told exactly which were stored, never one that was only sent.
import { afterEach, expect, it } from 'vitest';
import { RelayClient } from '../../electron/core/webhooks/relay-client';
import { RelayServer } from '../../electron/relay/relay-server';
import type { DesktopSubscription, RelayDesktop, RelayStore, StoredDelivery } from '../../electron/relay/relay-store';
import { until } from '../support/desktop-engine';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Hands out seqs 1..count, each tenth one after the next nine (a late redelivery), and records acknowledgements. */
function reorderingStore(count: number): RelayStore & { acked: number[][] } {
  const order: number[] = [];
  for (let block = 0; block < count; block += 10) {
    const seqs = Array.from({ length: Math.min(10, count - block) }, (_, i) => block + i + 1);
    order.push(...seqs.slice(1), seqs[0]!);
  }
  const acked: number[][] = [];
  return {
    acked,
    append: async () => undefined,
    pending: async () => 0,
    health: () => ({ ok: true }),
    close: async () => undefined,
    async subscribe(desktop: RelayDesktop): Promise<DesktopSubscription> {
      let open = true;
      return {
        deliveries: (async function* (): AsyncGenerator<StoredDelivery> {
          for (const seq of order) {
            if (!open) return;
            yield { seq, connectionId: desktop.connectionId, id: `msg-${seq}`, receivedAt: Date.now(), scheme: 'makini', payload: { event: 'work-orders.updated' } };
          }
          await new Promise<void>(() => undefined);
        })(),
        ack: async (seqs) => void acked.push([...seqs]),
        close: async () => void (open = false),
      };
    },
  };
}

it('delivers every delivery handed out late, acknowledges exactly what was stored, and never stalls its window', async () => {
  const count = 2_000; // well past the 512 a session sends ahead of acknowledgements
  const store = reorderingStore(count);
  const token = `mwr_desk.${'A'.repeat(43)}`;
  const server = await RelayServer.start({ secretFor: () => null, desktopFor: (t) => (t === token ? { id: 'desk', connectionId: 'north-mill', registeredAt: 0 } : null), store });
  cleanups.push(() => server.close());
  const stored: number[] = [];
  const link = new RelayClient({
    url: server.url,
    token,
    connectionId: 'local',
    sink: { enqueueRelayed: async (delivery) => (stored.push(Number(delivery.id.slice(4))), 'queued') },
    onState: () => undefined,
  });
  cleanups.push(() => link.stop());
  link.start();
  await until(() => store.acked.flat().length === count, 'every delivery is acknowledged', 30_000);
  expect(new Set(stored).size).toBe(count);
  const acknowledged = store.acked.flat();
  expect(new Set(acknowledged).size).toBe(count);
  // Each acknowledgement names only deliveries the desktop had stored by then.
  let storedSoFar = 0;
  for (const batch of store.acked) {
    storedSoFar += batch.length;
    expect(storedSoFar).toBeLessThanOrEqual(stored.length);
  }
});
