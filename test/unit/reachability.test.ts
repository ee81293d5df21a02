import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityRecorder } from '../../electron/core/connections/activity-recorder';
import type { ConnectionRuntime } from '../../electron/core/connections/connection-runtime';
import { Reachability, type ReachabilityOptions } from '../../electron/core/connections/reachability';
import type { IntegrationInfo } from '../../electron/core/connectors/connector';
import { AppError } from '../../shared/errors';
import type { ActivityEntry } from '../../shared/sync-history';
import { connectionRecord, describingKind, recordingLogger, runtimeOf } from '../support/connection-runtime-fixtures';

const second = 1_000;
const minute = 60 * second;
const info: IntegrationInfo = { provider: 'demo-plant', companyName: 'North mill', syncStatus: 'ok' };

interface Setup {
  reachability: Reachability;
  runtime: ConnectionRuntime;
  calls: string[];
  history: ActivityEntry[];
  /** What the upstream does when it is probed: answer (as the connection's watched fetch would say), or fail. */
  upstream: { answers: boolean; failure: AppError };
}

function setup(overrides: Partial<ReachabilityOptions> = {}): Setup {
  const calls: string[] = [];
  const history: ActivityEntry[] = [];
  const upstream = { answers: false, failure: new AppError('NETWORK', 'Could not reach the plant.') };
  let reachability: Reachability | null = null;
  const runtime = runtimeOf(
    describingKind(async () => {
      calls.push('probe');
      if (!upstream.answers) throw upstream.failure;
      reachability!.answered(runtime);
      return info;
    }),
    connectionRecord({ name: 'North mill' }),
  );
  reachability = new Reachability({
    now: () => Date.now(),
    logger: recordingLogger(),
    schedule: true,
    isCurrent: () => true,
    pauseSchedule: () => void calls.push('pause schedule'),
    described: (_runtime, described) => void calls.push(`described ${described.syncStatus}`),
    fail: (_runtime, error) => void calls.push(`fail ${(error as AppError).code}`),
    emit: () => (calls.push('emit'), undefined as never),
    push: () => void calls.push('push'),
    hasStore: () => true,
    sync: async (_runtime, trigger) => void calls.push(`sync ${trigger}`),
    history: new ActivityRecorder(() => ({ recordActivity: async (entry) => void history.push(entry) }), () => Date.now()),
    ...overrides,
  });
  return { reachability, runtime, calls, history, upstream };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-05T08:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Reachability', () => {
  it('starts an outage at the first unanswered request: the schedule pauses and the plant is probed every 30 s', async () => {
    const { reachability, runtime, calls, history } = setup();
    reachability.waitForNetwork(runtime);
    expect(runtime.reach).toMatchObject({ reachable: false, outageSince: Date.now() });
    expect(calls).toEqual(['pause schedule']);
    await vi.advanceTimersByTimeAsync(29 * second);
    expect(calls).not.toContain('probe');
    await vi.advanceTimersByTimeAsync(1 * second);
    expect(calls.filter((call) => call === 'probe')).toHaveLength(1);
    // Still no answer: said in the history, once per outage (attempts fold into one row), and asked again.
    expect(runtime.lastError?.code).toBe('NETWORK');
    await vi.advanceTimersByTimeAsync(30 * second);
    expect(calls.filter((call) => call === 'probe')).toHaveLength(2);
    expect(history.map((entry) => [entry.activity, entry.outcome])).toEqual([
      ['probe', 'failed'],
      ['probe', 'failed'],
    ]);
    expect(new Set(history.map((entry) => entry.coalesceKey)).size).toBe(1);
  });

  it('probes every second while edits wait, every 5 s once the outage passes ten minutes', async () => {
    const { reachability, runtime, calls } = setup();
    reachability.waitForNetwork(runtime);
    reachability.editsWaiting(runtime);
    await vi.advanceTimersByTimeAsync(10 * second);
    expect(calls.filter((call) => call === 'probe')).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(10 * minute);
    const before = calls.filter((call) => call === 'probe').length;
    await vi.advanceTimersByTimeAsync(10 * second);
    expect(calls.filter((call) => call === 'probe').length - before).toBe(2);
  });

  it('probes only when nudged without a schedule (tests that drive each step)', async () => {
    const { reachability, runtime, calls } = setup({ schedule: false });
    reachability.waitForNetwork(runtime);
    await vi.advanceTimersByTimeAsync(5 * minute);
    expect(calls).not.toContain('probe');
    reachability.probeSoon(runtime, 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toContain('probe');
  });

  it('ends the outage at the first answer: the probe stops, waiting edits leave and a catch-up sync runs', async () => {
    const { reachability, runtime, calls, upstream } = setup();
    reachability.waitForNetwork(runtime);
    await vi.advanceTimersByTimeAsync(30 * second);
    expect(runtime.failureRows.size).toBe(1);
    upstream.answers = true;
    await vi.advanceTimersByTimeAsync(30 * second);
    expect(runtime.reach).toMatchObject({ reachable: true, outageSince: null, probeTimer: null });
    expect(runtime.lastError).toBeNull();
    expect(runtime.failureRows.size).toBe(0);
    expect(calls.slice(-3)).toEqual(['probe', 'described ok', 'emit']);
    // Once the request that answered has settled (its next turn).
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersToNextTimerAsync();
    expect(calls.slice(-3)).toEqual(['emit', 'push', 'sync reconnect']);
    await vi.advanceTimersByTimeAsync(10 * minute);
    expect(calls.filter((call) => call === 'probe')).toHaveLength(2);
  });

  it('takes a probe refused otherwise than by silence as the connection\'s failure', async () => {
    const { reachability, runtime, calls, upstream } = setup();
    upstream.failure = new AppError('UPSTREAM_AUTH', 'The token was refused.');
    reachability.waitForNetwork(runtime);
    await vi.advanceTimersByTimeAsync(30 * second);
    expect(calls.slice(-2)).toEqual(['fail UPSTREAM_AUTH', 'emit']);
  });

  it('shows the computer going offline on every connection, and tries every plant at once when it is back', async () => {
    const { reachability, runtime, calls } = setup();
    const reachable = runtimeOf(describingKind(async () => info), connectionRecord({ id: 'conn-other' }));
    const disconnected = runtimeOf(describingKind(async () => info), connectionRecord({ id: 'conn-gone', status: 'disconnected' }));
    reachability.waitForNetwork(runtime);
    calls.length = 0;
    reachability.reportNetwork(false, [runtime, reachable, disconnected]);
    expect(reachability.computerOnline).toBe(false);
    expect(calls).toEqual(['emit', 'emit', 'emit']);
    reachability.reportNetwork(false, [runtime, reachable, disconnected]);
    expect(calls).toHaveLength(3);

    reachability.reportNetwork(true, [runtime, reachable, disconnected]);
    expect(calls.slice(3)).toEqual(['emit', 'emit', 'push', 'emit']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.at(-1)).toBe('probe');
  });
});
