import type { ConnectionView } from './connection-view';
import { liveWindowMs } from './connection-status';
import { hostnameOf, isLoopbackHost } from './loopback-host';

/** How a connection's changes reach this desktop, in the words the Connections page shows. */
export interface UpdatePath {
  /** live: changes arrive within seconds; polling: only scheduled syncs bring them; trouble: live updates are expected but not arriving. */
  tone: 'live' | 'polling' | 'trouble';
  /** e.g. "Live through the relay", "Relay unreachable since 10:42 — polling every 2 minutes". */
  headline: string;
  /** One or two plain sentences: why, and what catches anything missed. */
  detail: string;
}

/** What of a connection's view decides how its updates arrive. */
export type UpdatePathInput = Pick<ConnectionView, 'webhook' | 'kind' | 'syncIntervalMinutes' | 'nextSyncAt' | 'baseUrl'> & { status: Pick<ConnectionView['status'], 'live'> };

/** How often a connection polls while its relay is down (main's SyncSchedule uses the same). */
export const relayDownPollMinutes = 2;

/** "15 minutes", "hour", "4 hours", "day". */
export function intervalPhrase(minutes: number): string {
  if (minutes === 60) return 'hour';
  if (minutes === 1440) return 'day';
  return minutes < 60 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${minutes / 60} hours`;
}

/**
 * How updates arrive for a connection, read from its view (its relay link, its receiver's
 * address, its schedule); null when it takes no webhooks (disconnected, or a file import).
 * `formatTime` shows a moment as the page does.
 */
export function describeUpdatePath(view: UpdatePathInput, formatTime: (iso: string) => string, now: number = Date.now()): UpdatePath | null {
  const webhook = view.webhook;
  if (!webhook) return null;
  // Scheduled syncs run only while the connection is usable and its plant answers (nextSyncAt says when the next is).
  const scheduled = view.nextSyncAt !== null;
  const every = intervalPhrase(view.syncIntervalMinutes);
  const backup = scheduled ? `a sync every ${every} catches anything missed` : 'no sync is scheduled now, so Sync now catches anything missed';
  const relay = webhook.relay;
  if (relay) {
    const host = URL.canParse(relay.url) ? new URL(relay.url).host : relay.url;
    const polling = scheduled ? `polling every ${intervalPhrase(Math.min(view.syncIntervalMinutes, relayDownPollMinutes))}` : 'no sync scheduled';
    const meanwhile = scheduled ? 'Changes still arrive by polling meanwhile' : 'Sync now brings changes meanwhile';
    switch (relay.state) {
      case 'live':
        // Connected is not live: only a delivery lately shows Makini sends to the relay.
        return relay.lastDeliveryAt !== null && now - Date.parse(relay.lastDeliveryAt) <= liveWindowMs
          ? { tone: 'live', headline: 'Live through the relay', detail: `Changes arrive within seconds through the relay at ${host}; ${backup}.` }
          : {
              tone: 'polling',
              headline: 'Connected to the relay',
              detail: `Nothing has come through it in the last hour: either nothing changed at the plant, or Makini does not send to ${relay.endpoint ?? 'the relay'} yet. Meanwhile ${backup}.`,
            };
      case 'connecting':
        return { tone: 'polling', headline: 'Connecting to the relay', detail: `Reaching the relay at ${host}; ${scheduled ? `until it answers, syncs every ${every} bring changes` : 'until it answers, Sync now brings changes'}.` };
      case 'unreachable':
        return {
          tone: 'trouble',
          headline: `Relay unreachable since ${formatTime(relay.since)} — ${polling}`,
          detail: `${relay.message ?? ''} ${meanwhile}; nothing the relay keeps is lost while it is away.`.trim(),
        };
      case 'refused':
        return { tone: 'trouble', headline: `Relay refused this desktop since ${formatTime(relay.since)} — ${polling}`, detail: `${relay.message ?? 'The relay does not accept this desktop token.'} ${meanwhile}.` };
    }
  }
  if (view.kind === 'demo') {
    return { tone: 'live', headline: 'Live from the demo plant', detail: `The demo plant sends its webhooks to this computer; ${backup}.` };
  }
  if (view.status.live) {
    return { tone: 'live', headline: 'Live: webhooks reach this computer', detail: `Changes arrive as they happen, at ${webhook.endpoint}; ${backup}.` };
  }
  // A receiver on loopback is reachable only from this computer: from a plant's API running here, never from Makini's cloud.
  if (isLoopbackHost(hostnameOf(webhook.endpoint)) && !isLoopbackHost(hostnameOf(view.baseUrl))) {
    return {
      tone: 'polling',
      headline: scheduled ? `Polling every ${every}` : 'Only Sync now brings changes',
      detail: `Webhooks from Makini cannot reach this computer's receiver, which listens only on this computer. For changes within seconds, collect them through a relay (Settings).${scheduled ? '' : ' No sync is scheduled now.'}`,
    };
  }
  if (!webhook.secretSet) {
    return { tone: 'polling', headline: scheduled ? `Polling every ${every}` : 'Only Sync now brings changes', detail: "No webhook secret is set yet, so webhooks are refused: add this address on Makini's Webhooks page and paste its secret in Settings." };
  }
  return {
    tone: 'polling',
    headline: 'Waiting for webhooks to this computer',
    detail: `None has arrived in the last hour: Makini must be able to reach ${webhook.endpoint}. Meanwhile ${backup}.`,
  };
}
