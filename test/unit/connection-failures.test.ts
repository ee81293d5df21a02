import { describe, expect, it } from 'vitest';
import { ConnectionFailures } from '../../electron/core/connections/connection-failures';
import { AppError } from '../../shared/errors';
import { connectionRecord, describingKind, recordingLogger, runtimeOf } from '../support/connection-runtime-fixtures';

function setup() {
  const calls: string[] = [];
  const logger = recordingLogger();
  const failures = new ConnectionFailures({
    logger,
    save: () => void calls.push('save'),
    quiet: () => void calls.push('quiet'),
    waitForNetwork: () => void calls.push('wait for network'),
  });
  const runtime = runtimeOf(describingKind(async () => ({ provider: null, companyName: null, syncStatus: null })), connectionRecord());
  return { failures, calls, logger, runtime };
}

describe('ConnectionFailures', () => {
  it('turns a refused token into "needs reauthorization", kept over a restart, with schedule and probe stopped', () => {
    const { failures, calls, runtime, logger } = setup();
    failures.fail(runtime, new AppError('UPSTREAM_AUTH', 'The token was refused.', { requestId: 'req-1' }));
    expect(runtime.record.status).toBe('needs_reauth');
    expect(runtime.lastError).toMatchObject({ code: 'UPSTREAM_AUTH', message: 'The token was refused.', requestId: 'req-1' });
    expect(calls).toEqual(['quiet', 'save']);
    expect(logger.lines).toEqual([{ level: 'warn', message: 'connection problem', fields: { connectionId: 'conn-test', code: 'UPSTREAM_AUTH', requestId: 'req-1' } }]);
  });

  it('waits for a plant that does not answer, and only records other failures', () => {
    const { failures, calls, runtime } = setup();
    failures.fail(runtime, new AppError('NETWORK', 'Could not reach the plant.'));
    expect(calls).toEqual(['wait for network']);
    failures.fail(runtime, new AppError('UPSTREAM_UNAVAILABLE', 'The plant is busy.'));
    failures.fail(runtime, new Error('something else'));
    expect(calls).toEqual(['wait for network']);
    expect(runtime.record.status).toBe('active');
    expect(runtime.lastError?.code).toBe('INTERNAL');
  });
});
