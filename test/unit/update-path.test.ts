import { describe, expect, it } from 'vitest';
import type { RelayLink, WebhookStatus } from '../../shared/connection-view';
import { describeUpdatePath, intervalPhrase } from '../../shared/update-path';

const webhook = (overrides: Partial<WebhookStatus> = {}): WebhookStatus => ({
  endpoint: 'http://127.0.0.1:4400/webhooks/conn-1',
  secretSet: true,
  received: 0,
  verified: 0,
  rejected: 0,
  duplicate: 0,
  badRequests: 0,
  processed: 0,
  failures: 0,
  pending: 0,
  lastDeliveryAt: null,
  lastError: null,
  alerting: false,
  relay: null,
  ...overrides,
});
const now = Date.parse('2026-12-07T11:00:00Z');
const relay = (state: RelayLink['state'], message: string | null = null, lastDeliveryAt: string | null = '2026-12-07T10:55:00Z'): RelayLink => ({
  url: 'https://relay.example.com',
  state,
  since: '2026-12-07T10:42:00Z',
  message,
  endpoint: 'https://relay.example.com/webhooks/north-mill',
  lastDeliveryAt,
});
const time = (iso: string) => iso.slice(11, 16);
const scheduled = { kind: 'makini', syncIntervalMinutes: 15 as const, nextSyncAt: '2026-12-07T11:00:00Z', baseUrl: 'https://api.makini.io', status: { live: false } };
const unscheduled = { ...scheduled, nextSyncAt: null };

describe('how updates arrive, as the Connections page says it', () => {
  it('through a relay: live, connecting, unreachable or refused, with the polling that stands in', () => {
    expect(describeUpdatePath({ ...scheduled, webhook: webhook({ relay: relay('live') }) }, time, now)).toEqual({
      tone: 'live',
      headline: 'Live through the relay',
      detail: 'Changes arrive within seconds through the relay at relay.example.com; a sync every 15 minutes catches anything missed.',
    });
    // Linked, but nothing came through it lately (or ever): connected, not live.
    for (const last of [null, '2026-12-07T09:59:00Z']) {
      expect(describeUpdatePath({ ...scheduled, webhook: webhook({ relay: relay('live', null, last) }) }, time, now)).toEqual({
        tone: 'polling',
        headline: 'Connected to the relay',
        detail:
          'Nothing has come through it in the last hour: either nothing changed at the plant, or Makini does not send to https://relay.example.com/webhooks/north-mill yet. Meanwhile a sync every 15 minutes catches anything missed.',
      });
    }
    expect(describeUpdatePath({ ...scheduled, webhook: webhook({ relay: relay('connecting') }) }, time)?.headline).toBe('Connecting to the relay');
    const down = describeUpdatePath({ ...scheduled, webhook: webhook({ relay: relay('unreachable', 'Cannot reach the relay: the connection dropped.') }) }, time)!;
    expect(down).toMatchObject({ tone: 'trouble', headline: 'Relay unreachable since 10:42 — polling every 2 minutes' });
    expect(down.detail).toBe('Cannot reach the relay: the connection dropped. Changes still arrive by polling meanwhile; nothing the relay keeps is lost while it is away.');
    expect(describeUpdatePath({ ...scheduled, webhook: webhook({ relay: relay('refused', 'The relay does not accept this desktop token.') }) }, time)?.headline).toBe(
      'Relay refused this desktop since 10:42 — polling every 2 minutes',
    );
    // With nothing scheduled (the plant out of reach, or schedules off), it does not claim polling.
    expect(describeUpdatePath({ ...unscheduled, webhook: webhook({ relay: relay('unreachable', 'x') }) }, time)?.headline).toBe('Relay unreachable since 10:42 — no sync scheduled');
  });

  it('without a relay: polling, because Makini cannot reach a receiver on loopback; a demo plant is live; no webhooks, nothing to say', () => {
    expect(describeUpdatePath({ ...scheduled, webhook: webhook() }, time)).toMatchObject({ tone: 'polling', headline: 'Polling every 15 minutes' });
    expect(describeUpdatePath({ ...unscheduled, webhook: webhook() }, time)?.headline).toBe('Only Sync now brings changes');
    expect(describeUpdatePath({ ...scheduled, kind: 'demo', webhook: webhook() }, time)).toMatchObject({ tone: 'live', headline: 'Live from the demo plant' });
    // Webhooks came lately: they do reach this computer (a plant's API on this computer, or a receiver Makini can reach).
    expect(describeUpdatePath({ ...scheduled, status: { live: true }, webhook: webhook() }, time)).toEqual({
      tone: 'live',
      headline: 'Live: webhooks reach this computer',
      detail: 'Changes arrive as they happen, at http://127.0.0.1:4400/webhooks/conn-1; a sync every 15 minutes catches anything missed.',
    });
    // A receiver Makini could reach, or a plant on this computer, but none came in the last hour: it does not claim live.
    expect(describeUpdatePath({ ...scheduled, webhook: webhook({ endpoint: 'https://desk.plant.example:8443/webhooks/conn-1' }) }, time)).toEqual({
      tone: 'polling',
      headline: 'Waiting for webhooks to this computer',
      detail: 'None has arrived in the last hour: Makini must be able to reach https://desk.plant.example:8443/webhooks/conn-1. Meanwhile a sync every 15 minutes catches anything missed.',
    });
    expect(describeUpdatePath({ ...scheduled, baseUrl: 'http://127.0.0.1:4010', webhook: webhook() }, time)?.headline).toBe('Waiting for webhooks to this computer');
    expect(describeUpdatePath({ ...scheduled, webhook: webhook({ endpoint: 'https://desk.plant.example:8443/webhooks/conn-1', secretSet: false }) }, time)).toMatchObject({ tone: 'polling', detail: "No webhook secret is set yet, so webhooks are refused: add this address on Makini's Webhooks page and paste its secret in Settings." });
    expect(describeUpdatePath({ ...scheduled, webhook: null }, time)).toBeNull();
  });

  it('names intervals as a supervisor says them', () => {
    expect([2, 15, 60, 240, 1440].map(intervalPhrase)).toEqual(['2 minutes', '15 minutes', 'hour', '4 hours', 'day']);
  });
});
