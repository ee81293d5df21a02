import type { ConnectionView } from './connection-view';

/** How a connection's changes reach this desktop, in the words the Connections page shows. */
export interface UpdatePath {
  /** live: changes arrive within seconds; polling: only scheduled syncs bring them; trouble: live updates are expected but not arriving. */
  tone: 'live' | 'polling' | 'trouble';
  /** e.g. "Live through the relay", "Relay unreachable since 10:42 — polling every 2 minutes". */
  headline: string;
  /** One or two plain sentences: why, and what catches anything missed. */
  detail: string;
}

/** How often a connection polls while its relay is down (main's SyncSchedule uses the same). */
export const relayDownPollMinutes = 2;

/** "15 minutes", "hour", "4 hours", "day". */
export function intervalPhrase(minutes: number): string {
  if (minutes === 60) return 'hour';
  if (minutes === 1440) return 'day';
  return minutes < 60 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${minutes / 60} hours`;
}

const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * How updates arrive for a connection, read from its view (its relay link, its receiver's
 * address, its schedule); null when it takes no webhooks (disconnected, or a file import).
 * `formatTime` shows a moment as the page does.
 */
export function describeUpdatePath(view: ConnectionView, formatTime: (iso: string) => string): UpdatePath | null {
  const webhook = view.webhook;
  if (!webhook) return null;
  const every = intervalPhrase(view.syncIntervalMinutes);
  const relay = webhook.relay;
  if (relay) {
    const host = URL.canParse(relay.url) ? new URL(relay.url).host : relay.url;
    const fallback = intervalPhrase(Math.min(view.syncIntervalMinutes, relayDownPollMinutes));
    switch (relay.state) {
      case 'live':
        return { tone: 'live', headline: 'Live through the relay', detail: `Changes arrive within seconds through the relay at ${host}; a sync every ${every} catches anything missed.` };
      case 'connecting':
        return { tone: 'polling', headline: 'Connecting to the relay', detail: `Reaching the relay at ${host}; until it answers, syncs every ${every} bring changes.` };
      case 'unreachable':
        return { tone: 'trouble', headline: `Relay unreachable since ${formatTime(relay.since)} — polling every ${fallback}`, detail: `${relay.message ?? ''} Changes still arrive by polling; nothing is lost while the relay is away.`.trim() };
      case 'refused':
        return { tone: 'trouble', headline: `Relay refused this desktop since ${formatTime(relay.since)} — polling every ${fallback}`, detail: relay.message ?? 'The relay does not accept this desktop token.' };
    }
  }
  if (view.kind === 'demo') {
    return { tone: 'live', headline: 'Live from the demo plant', detail: `The demo plant sends its webhooks to this computer; a sync every ${every} catches anything missed.` };
  }
  const receiverHost = URL.canParse(webhook.endpoint) ? new URL(webhook.endpoint).hostname : '';
  if (loopbackHost.test(receiverHost)) {
    return {
      tone: 'polling',
      headline: `Polling every ${every}`,
      detail: "Webhooks from Makini cannot reach this computer's receiver, which listens only on this computer. For changes within seconds, collect them through a relay (Settings).",
    };
  }
  return {
    tone: webhook.secretSet ? 'live' : 'polling',
    headline: webhook.secretSet ? `Webhooks to this computer, and polling every ${every}` : `Polling every ${every}`,
    detail: webhook.secretSet
      ? `Makini must be able to reach ${webhook.endpoint} from the internet; a sync every ${every} catches anything missed.`
      : 'No webhook secret is set yet, so webhooks are refused.',
  };
}
