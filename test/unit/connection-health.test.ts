import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionHealth, type ConnectionHealthOptions } from '../../electron/core/connections/connection-health';
import type { IntegrationInfo } from '../../electron/core/connectors/connector';
import type { ConnectionView } from '../../shared/connection-view';
import { AppError } from '../../shared/errors';
import { connectionRecord, describingKind, runtimeOf } from '../support/connection-runtime-fixtures';

function setup(answer: () => Promise<IntegrationInfo>, overrides: Partial<ConnectionHealthOptions> = {}) {
  const calls: string[] = [];
  const failures: AppError[] = [];
  const runtime = runtimeOf(describingKind(async () => (calls.push('describe'), answer())), connectionRecord({ provider: 'SAP', companyName: 'North mill' }));
  const health = new ConnectionHealth({
    schedule: false,
    runtimes: () => [runtime],
    ensureFreshToken: async () => void calls.push('fresh token'),
    fail: (_runtime, error) => void failures.push(error as AppError),
    save: () => void calls.push('save'),
    view: (held) => (calls.push('view'), { id: held.record.id } as ConnectionView),
    emit: (held) => (calls.push('emit'), { id: held.record.id } as ConnectionView),
    ...overrides,
  });
  return { health, runtime, calls, failures };
}

const says = (syncStatus: string | null, provider: string | null = 'MAINTAIN-X') => async (): Promise<IntegrationInfo> => ({ provider, companyName: 'North mill (Makini)', syncStatus });

describe('ConnectionHealth', () => {
  it('describes the integration with a fresh token, keeps what it says of the system, saves and shows it', async () => {
    const { health, runtime, calls, failures } = setup(says('ok'));
    await health.check(runtime);
    expect(calls).toEqual(['fresh token', 'describe', 'save', 'emit']);
    expect(failures).toEqual([]);
    expect(runtime).toMatchObject({ described: true, plantSystemError: null, record: { provider: 'MAINTAIN-X', companyName: 'North mill (Makini)' } });
  });

  it('keeps the provider it knew when the integration names none', async () => {
    const { health, runtime } = setup(says('ok', null));
    await health.check(runtime);
    expect(runtime.record.provider).toBe('SAP');
  });

  it("takes `sync_status: fail` as the plant system's credentials refused (reauthorize), `error` as its last sync failed", async () => {
    const failing = setup(says('fail'));
    await failing.health.check(failing.runtime);
    expect(failing.failures).toHaveLength(1);
    expect(failing.failures[0]).toMatchObject({ code: 'UPSTREAM_AUTH', failedAt: 'plant_system', upstreamCode: 'sync_status: fail', message: expect.stringContaining('Makini can no longer sign in to MAINTAIN-X') });

    const erring = setup(says('error'));
    await erring.health.check(erring.runtime);
    expect(erring.failures).toEqual([]);
    expect(erring.runtime.plantSystemError).toEqual({ code: 'UPSTREAM_UNAVAILABLE', message: 'Makini answers, but its last sync with MAINTAIN-X failed.', failedAt: 'plant_system', upstreamCode: 'sync_status: error' });
    erring.health.takeIntegrationStatus(erring.runtime, { provider: null, syncStatus: 'ok' });
    expect(erring.runtime.plantSystemError).toBeNull();
  });

  it('hands a failed description to the connection, and leaves a connection not in use alone', async () => {
    const refused = new AppError('UPSTREAM_AUTH', 'The token was refused.');
    const { health, runtime, calls, failures } = setup(() => Promise.reject(refused));
    await health.check(runtime);
    expect(failures).toEqual([refused]);
    expect(calls.at(-1)).toBe('emit');
    calls.length = 0;
    runtime.record.status = 'disconnected';
    await health.check(runtime);
    expect(calls).toEqual(['view']);
  });

  describe('on a schedule', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('checks every connection at start, then every interval until stopped', async () => {
      const { health, calls } = setup(says('ok'), { schedule: true, intervalMs: 60_000 });
      const described = () => calls.filter((call) => call === 'describe').length;
      health.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(described()).toBe(1);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(described()).toBe(3);
      health.stop();
      await vi.advanceTimersByTimeAsync(600_000);
      expect(described()).toBe(3);
    });
  });
});
