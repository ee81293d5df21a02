import { z } from 'zod';
import { appErrorShapeSchema, type AppErrorShape } from './errors';

/**
 * One connection-and-network state, derived in main from everything that is known about a
 * connection; the header, the offline banner, the connection cards, the tray and the
 * notifications all show this and nothing else, so they cannot disagree.
 */
export const connectionStatusKinds = [
  /** Connected; changes arrive with each scheduled sync. */
  'online',
  /** Connected, and webhooks bring changes as they happen. */
  'live',
  'syncing',
  /** The last sync read some lists but not others. */
  'partial',
  /** Added, and nothing has answered yet. */
  'connecting',
  /** The computer itself has no network (the operating system says so). */
  'computer_offline',
  /** The network is up but the plant's API does not answer. */
  'plant_unreachable',
  /** Makini answers, but the plant's system behind it failed (`sync_status: error`). */
  'plant_system_failed',
  'needs_reauth',
  /** This computer refused to store more of the cache: syncing stopped until the user syncs again. */
  'storage_full',
  /** Any other failure of the last attempt. */
  'error',
  'disconnected',
] as const;
export type ConnectionStatusKind = (typeof connectionStatusKinds)[number];

export const statusTones = ['ok', 'busy', 'warning', 'danger', 'muted'] as const;

export const connectionStatusSchema = z.object({
  kind: z.enum(connectionStatusKinds),
  /** The chip's word or two ("Connected", "Unreachable"). */
  label: z.string(),
  tone: z.enum(statusTones),
  /** One plain sentence: what is going on and what happens to edits. No times (see `timeLabel`). */
  sentence: z.string(),
  /** The user should know or act (tray attention icon; a notification when it begins). */
  attention: z.boolean(),
  lastSyncedAt: z.string().nullable(),
  /** Webhooks are keeping the cache current (see `liveWindowMs`). */
  live: z.boolean(),
  /** When the last change came in through a webhook. */
  lastWebhookAt: z.string().nullable(),
  /** Lists the last run could not read (plain labels such as "Teams"), when it was partial. */
  failedLists: z.array(z.string()),
  /** The failure behind the state, with the upstream's code, type and request id where known. */
  problem: appErrorShapeSchema.nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/** Everything main knows that bears on a connection's state. */
export interface ConnectionStatusInput {
  name: string;
  /** The plant's system behind Makini (e.g. "SAP"), once known. */
  provider: string | null;
  /** The saved state of the connection. */
  record: 'active' | 'needs_reauth' | 'disconnected';
  /** The plant's API has answered at least once since start. */
  described: boolean;
  /** What the operating system says of the network (renderer's `navigator.onLine`); null when not reported. */
  computerOnline: boolean | null;
  /** False after a request found no answer, until one is answered again; null when nothing was tried. */
  reachable: boolean | null;
  syncing: boolean;
  /** The last run that ended (a run that could not go on at all leaves `lastError` instead). */
  lastRun: { outcome: 'synced' | 'partial'; failedLists: readonly string[]; problem: AppErrorShape | null } | null;
  lastError: AppErrorShape | null;
  lastSyncAt: string | null;
  /** When a webhook last brought a change that was stored. */
  lastWebhookAt: string | null;
  /** Webhook processing keeps failing (past the alert threshold). */
  webhooksFailing: boolean;
  /** The relay that brings the connection's webhooks cannot be reached or refuses this desktop: none are arriving. */
  webhookRelayDown?: boolean;
  /** A scheduled sync is planned (false when schedules are off, or paused); unknown counts as planned. */
  syncScheduled?: boolean;
  now: number;
}

/**
 * How long after the last webhook a connection still counts as live. Webhooks only come when
 * something changes, so a quiet hour is normal for a small plant; past an hour without one we no
 * longer claim changes arrive as they happen (and the next scheduled sync still brings them).
 */
export const liveWindowMs = 60 * 60_000;

/** "A", "A and B", "A, B and C" */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const withDetail = (message: string | undefined) => (message ? ` ${message.replace(/\s+$/, '')}${/[.!?]$/.test(message.trim()) ? '' : '.'}` : '');

/**
 * The state, by precedence: what stops everything first (disconnected, sign-in refused, no
 * network, no answer), then what is going on (a sync), then what the last attempt left (a failure
 * of the plant's system, another error, a partial run), then how fresh the data is kept (live
 * through webhooks, or by scheduled syncs).
 */
export function deriveConnectionStatus(input: ConnectionStatusInput): ConnectionStatus {
  const live =
    input.record === 'active' &&
    !input.webhooksFailing &&
    !input.webhookRelayDown &&
    input.lastWebhookAt !== null &&
    input.now - Date.parse(input.lastWebhookAt) <= liveWindowMs;
  const base = { lastSyncedAt: input.lastSyncAt, live, lastWebhookAt: input.lastWebhookAt, failedLists: [] as string[], problem: null as AppErrorShape | null };
  const status = (kind: ConnectionStatusKind, label: string, tone: ConnectionStatus['tone'], sentence: string, attention: boolean, extra: Partial<ConnectionStatus> = {}): ConnectionStatus => ({
    ...base,
    kind,
    label,
    tone,
    sentence,
    attention,
    ...extra,
    // Live only where data is actually flowing: not while offline, unreachable or signed out.
    live: (extra.live ?? base.live) && ['online', 'live', 'syncing', 'partial'].includes(kind),
  });
  const { name, lastError } = input;
  const system = input.provider ? `the plant's system (${input.provider})` : "the plant's system";

  if (input.record === 'disconnected') {
    return status('disconnected', 'Disconnected', 'muted', `${name} is disconnected: its cached data stays visible, read-only, until you delete it.`, false);
  }
  if (input.record === 'needs_reauth') {
    const why = lastError?.code === 'UPSTREAM_AUTH' ? withDetail(lastError.message) : '';
    return status('needs_reauth', 'Needs reauthorization', 'danger', `${name} needs to be reauthorized before it can sync again; your changes are kept until then.${why}`, true, {
      problem: lastError,
    });
  }
  if (input.computerOnline === false) {
    return status('computer_offline', 'Offline', 'warning', 'This computer is offline: cached data stays visible, and changes you make are kept and sent when the network is back.', true);
  }
  if (input.reachable === false || lastError?.code === 'NETWORK') {
    return status('plant_unreachable', 'Unreachable', 'warning', `${name} cannot be reached: cached data stays visible, and changes you make are kept and sent as soon as it answers.`, true, {
      problem: lastError?.code === 'NETWORK' ? lastError : null,
    });
  }
  if (input.syncing) return status('syncing', 'Syncing', 'busy', `Syncing ${name} now.`, false);
  if (lastError?.code === 'STORAGE_FULL') {
    return status(
      'storage_full',
      'Storage full',
      'danger',
      `This computer has no room left for ${name}'s data, so syncing it has stopped: what is shown is what was stored before. Free disk space, then press Sync now.`,
      true,
      { problem: lastError },
    );
  }
  if (lastError?.failedAt === 'plant_system') {
    return status('plant_system_failed', 'Plant system failing', 'danger', `Makini answers, but ${system} behind it reported a failed sync: data from ${name} may be out of date until it recovers.`, true, {
      problem: lastError,
    });
  }
  if (lastError) {
    return status('error', 'Sync problem', 'danger', `The last sync of ${name} failed.${withDetail(lastError.message)}`, true, { problem: lastError });
  }
  if (!input.described) return status('connecting', 'Connecting', 'busy', `Connecting to ${name}…`, false);
  if (input.lastRun?.outcome === 'partial') {
    const lists = input.lastRun.failedLists;
    const which = lists.length > 0 ? `${listNames(lists)} could not be read` : 'some lists could not be read';
    const reason = input.lastRun.problem?.message;
    // The reason often names the list itself ("Teams could not be read. …"): then it is said once.
    const sentence =
      lists.length === 1 && reason?.startsWith(lists[0]!)
        ? `The last sync of ${name} read everything else.${withDetail(reason)}`
        : `The last sync of ${name} read everything else, but ${which}.${withDetail(reason)}`;
    return status('partial', 'Partly synced', 'warning', sentence, true, {
      failedLists: [...lists],
      problem: input.lastRun.problem,
    });
  }
  if (live) return status('live', 'Live', 'ok', `${name} is connected, and changes arrive as they happen through webhooks.`, false);
  return input.syncScheduled === false
    ? status('online', 'Connected', 'ok', `${name} is connected; no sync is scheduled, so changes arrive when you sync.`, false)
    : status('online', 'Connected', 'ok', `${name} is connected; changes arrive with each scheduled sync.`, false);
}

/** The connection's time, always labelled: "Last synced 13:04 · live", "Not synced yet". */
export function statusTimeLabel(status: Pick<ConnectionStatus, 'lastSyncedAt' | 'live'>, formatTime: (iso: string) => string): string {
  const synced = status.lastSyncedAt ? `Last synced ${formatTime(status.lastSyncedAt)}` : 'Not synced yet';
  return status.live ? `${synced} · live` : synced;
}

/** Kinds whose beginning raises a notification (the computer going offline is the OS's to say). */
export const notifyingKinds: ReadonlySet<ConnectionStatusKind> = new Set(['needs_reauth', 'plant_unreachable', 'plant_system_failed', 'storage_full', 'error', 'partial']);

/** The notification for a connection that has just entered `status`: its label and sentence, nothing else. */
export function statusNotification(name: string, status: ConnectionStatus): { level: 'warning' | 'error'; title: string; body: string } | null {
  if (!notifyingKinds.has(status.kind)) return null;
  // Reauthorizing is a request to act, not a failure: a warning, as ever.
  const level = status.tone === 'danger' && status.kind !== 'needs_reauth' ? 'error' : 'warning';
  return { level, title: `${name}: ${status.label}`, body: status.sentence };
}

/** What the offline banner says: null when every connection can be reached. */
export function describeOutage(connections: readonly { id: string; name: string; status: Pick<ConnectionStatus, 'kind' | 'sentence'> }[]):
  | { kind: 'computer_offline'; sentence: string; connectionIds: string[] }
  | { kind: 'plant_unreachable'; sentence: string; connectionIds: string[]; names: string[] }
  | null {
  const offline = connections.filter((c) => c.status.kind === 'computer_offline');
  if (offline.length > 0) return { kind: 'computer_offline', sentence: offline[0]!.status.sentence, connectionIds: offline.map((c) => c.id) };
  const unreachable = connections.filter((c) => c.status.kind === 'plant_unreachable');
  if (unreachable.length === 0) return null;
  const names = unreachable.map((c) => c.name);
  const sentence =
    unreachable.length === 1
      ? unreachable[0]!.status.sentence
      : `${listNames(names)} cannot be reached: cached data stays visible, and changes you make are kept and sent as soon as they answer.`;
  return { kind: 'plant_unreachable', sentence, connectionIds: unreachable.map((c) => c.id), names };
}

/** A failure in words a supervisor can pass on: upstream's own code and type and the request id, beside the sentence. */
export function problemReference(problem: AppErrorShape): string | null {
  const parts: string[] = [];
  const upstream = [problem.upstreamCode, problem.upstreamType].filter(Boolean).join(' / ');
  if (upstream) parts.push(`code ${upstream}`);
  if (problem.status !== undefined) parts.push(`HTTP ${problem.status}`);
  if (problem.requestId) parts.push(`request id ${problem.requestId}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}
