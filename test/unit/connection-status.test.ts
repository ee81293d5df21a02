import { describe, expect, it } from 'vitest';
import {
  deriveConnectionStatus,
  describeOutage,
  liveWindowMs,
  problemReference,
  statusNotification,
  statusTimeLabel,
  type ConnectionStatusInput,
  type ConnectionStatusKind,
} from '../../shared/connection-status';

const now = Date.parse('2026-12-04T13:30:00Z');
const quiet: ConnectionStatusInput = {
  name: 'North',
  provider: 'SAP',
  record: 'active',
  described: true,
  computerOnline: true,
  reachable: true,
  syncing: false,
  lastRun: { outcome: 'synced', failedLists: [], problem: null },
  lastError: null,
  lastSyncAt: '2026-12-04T13:04:00Z',
  lastWebhookAt: null,
  webhooksFailing: false,
  now,
};
const kind = (change: Partial<ConnectionStatusInput>) => deriveConnectionStatus({ ...quiet, ...change }).kind;
const network = { code: 'NETWORK', message: 'No answer from 127.0.0.1:4010.', failedAt: 'network' } as const;
const plantSystem = { code: 'UPSTREAM_UNAVAILABLE', message: 'Makini answers, but its last sync with SAP failed.', failedAt: 'plant_system', upstreamCode: 'sync_status: error' } as const;
const makini = { code: 'UPSTREAM_BAD_REQUEST', message: 'Makini refused the request.', requestId: 'req-9', upstreamCode: 'VALIDATION_ERROR', upstreamType: 'invalid_request_error', status: 422 } as const;
const storageFull = { code: 'STORAGE_FULL', message: "Work orders could not be stored. This computer has no room left for Millwright's cache.", failedAt: 'app' } as const;
const partial = { outcome: 'partial', failedLists: ['Teams', 'Work orders'], problem: makini } as const;
const recentWebhook = new Date(now - 60_000).toISOString();

describe('the connection status model', () => {
  it.each<[string, Partial<ConnectionStatusInput>, ConnectionStatusKind]>([
    ['online', {}, 'online'],
    ['live through webhooks', { lastWebhookAt: recentWebhook }, 'live'],
    ['syncing', { syncing: true }, 'syncing'],
    ['partial', { lastRun: partial }, 'partial'],
    ['connecting', { described: false, lastRun: null }, 'connecting'],
    ['this computer offline', { computerOnline: false }, 'computer_offline'],
    ['plant unreachable', { reachable: false, lastError: network }, 'plant_unreachable'],
    ['plant system failed', { lastError: plantSystem }, 'plant_system_failed'],
    ['needs reauthorization', { record: 'needs_reauth' }, 'needs_reauth'],
    ['storage full', { lastError: storageFull }, 'storage_full'],
    ['error', { lastError: makini }, 'error'],
    ['disconnected', { record: 'disconnected' }, 'disconnected'],
  ])('%s', (_name, change, expected) => {
    const status = deriveConnectionStatus({ ...quiet, ...change });
    expect(status.kind).toBe(expected);
    expect(status.sentence).toMatch(/^[A-Z].*[.…]$/);
    expect(status.sentence).not.toMatch(/NETWORK|UPSTREAM_|STORAGE_/);
    expect(status.sentence).not.toMatch(/workOrders|\bentity\b|incremental/i);
  });

  it('puts what stops everything before what is going on, and that before what the last attempt left', () => {
    // Each row: the state wins over every state after it in this list.
    const order: [ConnectionStatusKind, Partial<ConnectionStatusInput>][] = [
      ['disconnected', { record: 'disconnected' }],
      ['needs_reauth', { record: 'needs_reauth' }],
      ['computer_offline', { computerOnline: false }],
      ['plant_unreachable', { reachable: false }],
      ['syncing', { syncing: true }],
      ['storage_full', { lastError: storageFull }],
      ['plant_system_failed', { lastError: plantSystem }],
      ['live', { lastWebhookAt: recentWebhook }],
    ];
    for (const [index, [winner, change]] of order.entries()) {
      // The winner's own fields last (two states may set the same field, e.g. the saved record).
      const all = Object.assign({}, ...order.slice(index + 1).map(([, later]) => later), change) as Partial<ConnectionStatusInput>;
      expect(kind(all), `${winner} over the rest`).toBe(winner);
    }
    expect(kind({ lastError: makini, lastRun: partial })).toBe('error');
    expect(kind({ lastRun: partial, lastWebhookAt: recentWebhook })).toBe('partial');
    expect(kind({ described: false, lastError: makini })).toBe('error');
  });

  it('says a full cache stopped syncing and what to do, and raises a notification', () => {
    const status = deriveConnectionStatus({ ...quiet, lastError: storageFull });
    expect(status).toMatchObject({ label: 'Storage full', tone: 'danger', attention: true, problem: storageFull });
    expect(status.sentence).toBe("This computer has no room left for North's data, so syncing it has stopped: what is shown is what was stored before. Free disk space, then press Sync now.");
    expect(statusNotification('North', status)).toEqual({ level: 'error', title: 'North: Storage full', body: status.sentence });
  });

  it('reads a NETWORK error as unreachable even before a probe said so', () => {
    expect(kind({ reachable: null, lastError: network })).toBe('plant_unreachable');
    expect(kind({ computerOnline: null })).toBe('online');
  });

  it('is live only while webhooks came lately and are not failing, and never while data cannot flow', () => {
    expect(kind({ lastWebhookAt: new Date(now - liveWindowMs - 1).toISOString() })).toBe('online');
    expect(kind({ lastWebhookAt: recentWebhook, webhooksFailing: true })).toBe('online');
    // With nothing scheduled it does not promise scheduled syncs (the panel says the same).
    expect(deriveConnectionStatus({ ...quiet, syncScheduled: false }).sentence).toContain('no sync is scheduled, so changes arrive when you sync');
    // The relay that brings them is away: none are arriving, whatever came lately.
    expect(kind({ lastWebhookAt: recentWebhook, webhookRelayDown: true })).toBe('online');
    expect(kind({ lastWebhookAt: recentWebhook, webhookRelayDown: false })).toBe('live');
    expect(deriveConnectionStatus({ ...quiet, lastWebhookAt: recentWebhook, computerOnline: false }).live).toBe(false);
    expect(deriveConnectionStatus({ ...quiet, lastWebhookAt: recentWebhook, syncing: true }).live).toBe(true);
  });

  it('labels its time', () => {
    const format = (iso: string) => iso.slice(11, 16);
    expect(statusTimeLabel(deriveConnectionStatus({ ...quiet, lastWebhookAt: recentWebhook }), format)).toBe('Last synced 13:04 · live');
    expect(statusTimeLabel(deriveConnectionStatus(quiet), format)).toBe('Last synced 13:04');
    expect(statusTimeLabel(deriveConnectionStatus({ ...quiet, lastSyncAt: null }), format)).toBe('Not synced yet');
  });

  it('names failed lists of a partial run, and carries the problem with its references', () => {
    const status = deriveConnectionStatus({ ...quiet, lastRun: partial });
    expect(status.sentence).toBe('The last sync of North read everything else, but Teams and Work orders could not be read. Makini refused the request.');
    expect(status.failedLists).toEqual(['Teams', 'Work orders']);
    const named = { ...makini, message: 'Teams could not be read. Makini answered HTTP 422.' };
    expect(deriveConnectionStatus({ ...quiet, lastRun: { outcome: 'partial', failedLists: ['Teams'], problem: named } }).sentence).toBe(
      'The last sync of North read everything else. Teams could not be read. Makini answered HTTP 422.',
    );
    expect(problemReference(status.problem!)).toBe('code VALIDATION_ERROR / invalid_request_error · HTTP 422 · request id req-9');
  });

  it('says when the plant system behind Makini failed, apart from Makini itself', () => {
    const status = deriveConnectionStatus({ ...quiet, lastError: plantSystem });
    expect(status.sentence).toContain("Makini answers, but the plant's system (SAP) behind it reported a failed sync");
    expect(deriveConnectionStatus({ ...quiet, lastError: makini }).sentence).toBe('The last sync of North failed. Makini refused the request.');
  });

  it('notifies in the status’s own words, only for states worth one', () => {
    const reauth = deriveConnectionStatus({ ...quiet, record: 'needs_reauth' });
    expect(statusNotification('North', reauth)).toEqual({ level: 'warning', title: 'North: Needs reauthorization', body: reauth.sentence });
    expect(statusNotification('North', deriveConnectionStatus({ ...quiet, lastError: makini }))?.level).toBe('error');
    expect(statusNotification('North', deriveConnectionStatus({ ...quiet, computerOnline: false }))).toBeNull();
    expect(statusNotification('North', deriveConnectionStatus(quiet))).toBeNull();
    expect(statusNotification('North', deriveConnectionStatus({ ...quiet, reachable: false }))?.level).toBe('warning');
  });

  it('gives the banner one sentence for the outage', () => {
    const of = (name: string, change: Partial<ConnectionStatusInput>) => ({ id: name, name, status: deriveConnectionStatus({ ...quiet, name, ...change }) });
    expect(describeOutage([of('A', {}), of('B', {})])).toBeNull();
    expect(describeOutage([of('A', { computerOnline: false }), of('B', { reachable: false })])).toMatchObject({ kind: 'computer_offline', connectionIds: ['A'] });
    const two = describeOutage([of('A', { reachable: false }), of('B', { reachable: false })])!;
    expect(two.sentence).toBe('A and B cannot be reached: cached data stays visible, and changes you make are kept and sent as soon as they answer.');
    expect(describeOutage([of('A', { reachable: false })])!.sentence).toBe(deriveConnectionStatus({ ...quiet, name: 'A', reachable: false }).sentence);
  });
});
