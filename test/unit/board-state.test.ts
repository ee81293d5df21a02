import { describe, expect, it } from 'vitest';
import { boardSituation, firstSyncRunning, type BoardConnection, type WorkOrderProgress } from '../../shared/board/board-state';

const plant = (fields: Partial<BoardConnection> = {}): BoardConnection => ({
  id: 'a', name: 'North plant', state: 'active', lastSyncAt: null, lastError: null, historyDays: 90, ...fields,
});
const progressOf = (entries: Record<string, WorkOrderProgress>) => (connectionId: string) => entries[connectionId];
const none = progressOf({});

describe('what the board says when it has no work order to show', () => {
  it('asks for a connection when there is none', () => {
    expect(boardSituation([], none)).toEqual({ kind: 'no-connections' });
  });

  it('says a first sync is running, with how far it got, only while it runs', () => {
    expect(boardSituation([plant({ state: 'syncing' })], none)).toMatchObject({ kind: 'syncing', firstTime: true, fetched: 0 });
    const running = progressOf({ a: { phase: 'running', fetched: 1200, total: 5000, error: null } });
    expect(boardSituation([plant({ state: 'syncing' })], running)).toMatchObject({ kind: 'syncing', firstTime: true, fetched: 1200, total: 5000 });
    expect(boardSituation([plant({ state: 'syncing', lastSyncAt: '2026-03-01T10:00:00Z' })], running)).toMatchObject({ kind: 'syncing', firstTime: false });
  });

  it('says the sync found nothing once it is over, never "syncing" forever', () => {
    const done = progressOf({ a: { phase: 'done', fetched: 0, total: 0, error: null } });
    // The work-order list is read; the run goes on with other lists: that is not "syncing work orders".
    expect(boardSituation([plant({ state: 'syncing' })], done)).toMatchObject({ kind: 'synced-empty', plants: ['North plant'], historyDays: 90 });
    expect(boardSituation([plant({ lastSyncAt: '2026-03-01T10:00:00Z' })], none)).toMatchObject({ kind: 'synced-empty', lastSyncAt: '2026-03-01T10:00:00Z' });
  });

  it('says why a sync failed, with the request id, and what to do', () => {
    const failed = progressOf({ a: { phase: 'failed', fetched: 0, total: null, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'The plant answered 500 to the work-order list.', requestId: 'req-1' } } });
    expect(boardSituation([plant()], failed)).toEqual({ kind: 'failed', plant: 'North plant', reason: 'The plant answered 500 to the work-order list.', requestId: 'req-1', needsReauth: false });
    const unreachable = plant({ state: 'error', lastError: { code: 'NETWORK', message: 'North plant cannot be reached.' } });
    expect(boardSituation([unreachable], none)).toMatchObject({ kind: 'failed', reason: 'North plant cannot be reached.', requestId: null });
    expect(boardSituation([plant({ state: 'needs_reauth' })], none)).toMatchObject({ kind: 'failed', needsReauth: true, reason: expect.stringContaining('signed in again') });
  });

  it('says when the plant gives no work-order list', () => {
    const skipped = progressOf({ a: { phase: 'skipped', fetched: 0, total: null, error: { code: 'UPSTREAM_FORBIDDEN', message: 'This token may not read work orders.' } } });
    expect(boardSituation([plant()], skipped)).toEqual({ kind: 'no-list', plant: 'North plant', reason: 'This token may not read work orders.' });
  });

  it('waits for a first sync that has not started, and says when every plant is disconnected', () => {
    expect(boardSituation([plant({ state: 'connecting' })], none)).toEqual({ kind: 'waiting', plant: 'North plant', connecting: true });
    expect(boardSituation([plant({ state: 'disconnected' })], none)).toEqual({ kind: 'disconnected', plant: 'North plant' });
  });

  it('puts a running sync before another plant’s failure', () => {
    const two = [plant({ state: 'error', lastError: { code: 'NETWORK', message: 'down' } }), plant({ id: 'b', name: 'South plant', state: 'syncing' })];
    expect(boardSituation(two, none)).toMatchObject({ kind: 'syncing', plant: 'South plant' });
  });
});

describe('whether the key figures are still loading', () => {
  it('is true only while a plant never synced is in its first sync', () => {
    expect(firstSyncRunning([plant({ state: 'syncing' })], none)).toBe(true);
    expect(firstSyncRunning([plant({ state: 'syncing', lastSyncAt: '2026-03-01T10:00:00Z' })], none)).toBe(false);
    expect(firstSyncRunning([plant({ state: 'error' })], none)).toBe(false);
    expect(firstSyncRunning([plant()], none)).toBe(false);
  });
});
