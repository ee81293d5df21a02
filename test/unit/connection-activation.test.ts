import { describe, expect, it } from 'vitest';
import { newConnectionId } from '../../electron/core/connections/connection-activation';
import { AppError } from '../../shared/errors';
import { connectionParts } from '../support/connection-parts';
import { describingKind, tokenSecrets } from '../support/connection-runtime-fixtures';

const fields = { name: 'North mill', kind: 'makini', authMethod: 'token' as const, baseUrl: 'http://127.0.0.1:1', settings: { linkUrl: null, oauthClientId: null, demo: null } };

describe('ConnectionActivation', () => {
  it('opens a new connection with the product defaults, held but not saved until activated', () => {
    const { activation, runtimes, settings } = connectionParts({ now: () => Date.parse('2026-01-05T08:00:00Z') });
    const runtime = activation.open(fields, tokenSecrets());
    expect(runtime.record).toEqual({
      id: expect.stringMatching(/^conn-[0-9a-f]{8}$/),
      ...fields,
      deployment: 'cloud',
      provider: null,
      companyName: null,
      status: 'active',
      syncIntervalMinutes: 15,
      historyDays: 90,
      authorUserKey: null,
      webhookRelay: null,
      lastSyncAt: null,
      createdAt: '2026-01-05T08:00:00.000Z',
    });
    expect(runtimes.require(runtime.record.id)).toBe(runtime);
    expect(settings.read()).toEqual([]);
    expect(activation.open({ ...fields, historyDays: null }, tokenSecrets(), 'conn-chosen').record).toMatchObject({ id: 'conn-chosen', historyDays: null });
  });

  it('activates: secrets sealed and record saved, the step logged, a first sync asked for and the view sent', () => {
    const { activation, secrets, settings, logger, syncsAsked, emitted } = connectionParts();
    const runtime = activation.open(fields, tokenSecrets('north-token-0123456789'));
    const view = activation.activate(runtime, 'connected with a pasted token');
    expect(secrets.get(runtime.record.id)?.accessToken).toBe('north-token-0123456789');
    expect(settings.read()).toEqual([runtime.record]);
    expect(logger.lines).toContainEqual({ level: 'info', message: 'connected with a pasted token', fields: { connectionId: runtime.record.id } });
    expect(syncsAsked).toEqual([runtime.record.id]);
    expect(emitted).toEqual([view]);
  });

  it('swaps in a new token for a connection that needs it: active again, its last error gone, its webhook secret kept', () => {
    const { activation, secrets } = connectionParts();
    const runtime = activation.open(fields, tokenSecrets('old-token-0123456789', { webhookSecret: 'whsec-0123456789' }));
    runtime.record.status = 'needs_reauth';
    runtime.lastError = { code: 'UPSTREAM_AUTH', message: 'The token was refused.' };
    activation.replaceSecrets(runtime, tokenSecrets('new-token-0123456789'), 'reauthorized with a pasted token');
    expect(runtime).toMatchObject({ lastError: null, record: { status: 'active' }, secrets: { accessToken: 'new-token-0123456789', webhookSecret: 'whsec-0123456789' } });
    expect(secrets.get(runtime.record.id)).toEqual(runtime.secrets);
  });

  it('probes an address as the given kind, with the settings the connection would have', async () => {
    const { activation } = connectionParts();
    const seen: string[] = [];
    const kind = describingKind(async () => ({ provider: 'file-import', companyName: 'export.csv', syncStatus: null }));
    kind.probe = async (context) => {
      seen.push(`${context.baseUrl()} ${context.token()} ${JSON.stringify(context.settings())}`);
      return { provider: 'file-import', companyName: 'export.csv', syncStatus: null };
    };
    expect(await activation.probe(kind, '/exports/plant.csv', 'token-0123456789', { sheet: 1 })).toMatchObject({ companyName: 'export.csv' });
    expect(seen).toEqual(['/exports/plant.csv token-0123456789 {"sheet":1}']);
    await expect(activation.probeMakini('http://127.0.0.1:1', 'token-0123456789', fields.settings)).rejects.toThrow(AppError);
  });

  it('makes connection ids that differ', () => {
    expect(new Set(Array.from({ length: 50 }, newConnectionId)).size).toBe(50);
  });
});
