import { describe, expect, it } from 'vitest';
import { ActivityRecorder } from '../../electron/core/connections/activity-recorder';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { AppErrorShape } from '../../shared/errors';
import { connectionRecord, describingKind, runtimeOf } from '../support/connection-runtime-fixtures';
import { createTestDb } from '../support/test-db';

const unreachable: AppErrorShape = { code: 'NETWORK', message: 'Could not reach the plant.', failedAt: 'network' };
const refused: AppErrorShape = { code: 'UPSTREAM_AUTH', message: 'The token was refused.' };
const runtime = () => runtimeOf(describingKind(async () => ({ provider: null, companyName: null, syncStatus: null })), connectionRecord());

describe('ActivityRecorder, into the renderer\'s Sync history (Dexie)', () => {
  it('folds the same failure again into one row while it lasts, and starts a new row after a success or once cleared', async () => {
    const db = createTestDb();
    let clock = Date.parse('2026-01-05T08:00:00Z');
    const recorder = new ActivityRecorder(() => new DexieLocalStore(db), () => clock);
    const held = runtime();
    const rows = () => db.syncHistory.orderBy('id').toArray();

    recorder.recordFailure(held, 'push', unreachable, '2026-01-05T08:00:00.000Z', 'Pending changes wait: Test plant does not answer.');
    clock += 1_000;
    recorder.recordFailure(held, 'push', unreachable, '2026-01-05T08:00:01.000Z', 'Pending changes wait: Test plant does not answer.');
    recorder.recordFailure(held, 'push', refused, '2026-01-05T08:00:01.000Z', 'Pending changes could not be sent.');
    await expect.poll(async () => (await rows()).map((row) => [row.activity, row.outcome, row.error?.code, row.attempts])).toEqual([
      ['push', 'failed', 'NETWORK', 2],
      ['push', 'failed', 'UPSTREAM_AUTH', 1],
    ]);
    expect((await rows())[0]).toMatchObject({ connectionId: 'conn-test', finishedAt: '2026-01-05T08:00:01.000Z', summary: 'Pending changes wait: Test plant does not answer.' });

    recorder.recordSuccess(held, 'push', '2026-01-05T08:00:02.000Z', '2 pending changes sent to Test plant.', 2);
    recorder.clearFailures(held, 'push');
    recorder.recordFailure(held, 'push', unreachable, '2026-01-05T08:00:03.000Z', 'Pending changes wait: Test plant does not answer.');
    await expect.poll(async () => (await rows()).map((row) => [row.outcome, row.error?.code ?? null, row.applied, row.attempts])).toEqual([
      ['failed', 'NETWORK', 0, 2],
      ['failed', 'UPSTREAM_AUTH', 0, 1],
      ['synced', null, 2, 1],
      ['failed', 'NETWORK', 0, 1],
    ]);
    db.close();
  });

  it('clears one activity\'s failures or all of them, and records nothing while no window holds the history', () => {
    const recorder = new ActivityRecorder(() => null, () => Date.now());
    const held = runtime();
    recorder.recordFailure(held, 'probe', unreachable, '2026-01-05T08:00:00.000Z', 'Test plant did not answer.');
    recorder.recordFailure(held, 'webhook', unreachable, '2026-01-05T08:00:00.000Z', 'Changes a webhook announced could not be fetched.', 'workOrders');
    expect([...held.failureRows.keys()]).toEqual(['probe:NETWORK', 'webhook:NETWORK']);
    recorder.clearFailures(held, 'probe');
    expect([...held.failureRows.keys()]).toEqual(['webhook:NETWORK']);
    recorder.clearAllFailures(held);
    expect(held.failureRows.size).toBe(0);
  });
});
