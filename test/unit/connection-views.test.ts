import { describe, expect, it } from 'vitest';
import type { ConnectionRuntime } from '../../electron/core/connections/connection-runtime';
import { ConnectionViews } from '../../electron/core/connections/connection-views';
import { makiniConnectorKind } from '../../electron/core/connectors/makini/makini-connector-kind';
import type { WebhookEndpoints } from '../../electron/core/webhooks/webhook-endpoints';
import { connectionViewSchema, type AppNotification, type ConnectionView } from '../../shared/connection-view';
import { AppError, toAppErrorShape } from '../../shared/errors';
import { writeCapabilities } from '../../shared/write-capabilities';
import { connectionRecord, describingKind, runtimeOf, tokenSecrets } from '../support/connection-runtime-fixtures';

const receiver: WebhookEndpoints = {
  endpointFor: (connectionId) => `http://127.0.0.1:4400/webhooks/${connectionId}`,
  status: () => ({ received: 3, verified: 3, rejected: 0, duplicate: 1, badRequests: 0, processed: 2, failures: 0, pending: 1, lastDeliveryAt: null, lastError: null, alerting: false, relay: null }),
  route: () => undefined,
};

function setup(webhooks: WebhookEndpoints | null = null) {
  const changed: ConnectionView[] = [];
  const notified: AppNotification[] = [];
  const views = new ConnectionViews({
    now: () => Date.parse('2026-01-05T08:00:00Z'),
    events: { changed: (view) => void changed.push(view), notify: (notification) => void notified.push(notification) },
    secretProtection: () => 'basic',
    webhooks: () => webhooks,
    computerOnline: () => true,
  });
  return { views, changed, notified };
}

const makini = (overrides: Parameters<typeof connectionRecord>[0] = {}, secrets = tokenSecrets('makini-token-0123456789-3f9a')): ConnectionRuntime =>
  runtimeOf(makiniConnectorKind, connectionRecord({ provider: 'demo-plant', ...overrides }), secrets);

describe('ConnectionViews', () => {
  it('shows what the renderer may know, in the shape the IPC contract checks: a token only as its last four characters', () => {
    const { views } = setup();
    const runtime = makini();
    runtime.described = true;
    const view = views.view(runtime);
    expect(connectionViewSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({ id: 'conn-test', kind: 'makini', authMethod: 'token', state: 'active', tokenPreview: '••••3f9a', secretProtection: 'basic', webhook: null });
    expect(JSON.stringify(view)).not.toContain('makini-token-0123456789');
  });

  it('tells a demo plant from the connector it speaks, and any other kind by its name', () => {
    const { views } = setup();
    expect(views.view(makini({ authMethod: 'demo', settings: { linkUrl: null, oauthClientId: null, demo: { seed: 1, workOrders: 10 } } })).kind).toBe('demo');
    const file = runtimeOf(describingKind(async () => ({ provider: 'file-import', companyName: null, syncStatus: null })), connectionRecord({ kind: 'file-import', provider: 'file-import' }));
    expect(views.view(file).kind).toBe('file-import');
  });

  it('offers the writes of the system behind a Makini connection, and none for a kind that only reads', () => {
    const { views } = setup();
    expect(views.view(makini({ provider: 'MAINTAIN-X' })).writes).toEqual(writeCapabilities('MAINTAIN-X'));
    const file = runtimeOf(describingKind(async () => ({ provider: 'file-import', companyName: null, syncStatus: null })), connectionRecord({ kind: 'file-import', provider: 'file-import' }));
    expect(views.view(file).writes.actions).toEqual([]);
  });

  it('says where it stands: connecting until the integration answers, then active, error after a failure, and the saved states as they are', () => {
    const { views } = setup();
    const runtime = makini();
    expect(views.view(runtime).state).toBe('connecting');
    runtime.described = true;
    expect(views.view(runtime).state).toBe('active');
    runtime.lastError = toAppErrorShape(new AppError('UPSTREAM_UNAVAILABLE', 'The plant is busy.'));
    expect(views.view(runtime).state).toBe('error');
    runtime.record.status = 'needs_reauth';
    expect(views.view(runtime).state).toBe('needs_reauth');
  });

  it('shows the webhook endpoint and counters while a receiver listens, none once disconnected', () => {
    const { views } = setup(receiver);
    const runtime = makini({}, tokenSecrets('makini-token-0123456789-3f9a', { webhookSecret: 'whsec-0123456789' }));
    expect(views.view(runtime).webhook).toMatchObject({ endpoint: 'http://127.0.0.1:4400/webhooks/conn-test', secretSet: true, received: 3, pending: 1 });
    runtime.record.status = 'disconnected';
    runtime.secrets = null;
    expect(views.view(runtime)).toMatchObject({ webhook: null, tokenPreview: null });
  });

  it('sends every view, and notifies once when a state worth it begins, in the status\'s own words', () => {
    const { views, changed, notified } = setup();
    const runtime = makini({ name: 'North mill' });
    runtime.described = true;
    views.emit(runtime);
    expect(notified).toEqual([]);
    runtime.record.status = 'needs_reauth';
    const view = views.emit(runtime);
    views.emit(runtime);
    expect(changed).toHaveLength(3);
    expect(notified).toEqual([{ level: 'warning', title: `North mill: ${view.status.label}`, body: view.status.sentence, connectionId: 'conn-test', statusKind: 'needs_reauth' }]);
  });
});
