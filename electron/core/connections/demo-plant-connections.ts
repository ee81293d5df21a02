import type { AddDemoPlantRequest } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { AppError } from '../../../shared/errors';
import type { RunningDemoPlant } from '../../demo-plant/demo-plant-server';
import { makiniSettingsOf, type MakiniSettings } from '../connectors/makini/makini-connector-kind';
import type { WebhookEndpoints } from '../webhooks/webhook-endpoints';
import { newConnectionId, type ConnectionActivation } from './connection-activation';
import { newWebhookSecret, type ConnectionCredentials } from './connection-credentials';
import type { ConnectionRuntime } from './connection-runtime';
import type { DemoPlantHost } from './demo-plant-host';
import type { SecretStore } from './secret-store';

export interface DemoPlantConnectionsOptions {
  demoPlants: DemoPlantHost;
  secrets: SecretStore;
  credentials: ConnectionCredentials;
  activation: ConnectionActivation;
  /** The webhook receiver, once it listens: demo plants send their webhooks to it. */
  webhooks(): WebhookEndpoints | null;
}

/** The plant's token as a connection keeps it (the plant, like Makini, answers `expiresAt` in Unix seconds). */
function tokenPairOf(plant: RunningDemoPlant) {
  const issued = plant.issueToken();
  return { accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt * 1000).toISOString() };
}

/** Connections to demo plants that Millwright runs itself: added, restarted with the app, reauthorized, stopped. */
export class DemoPlantConnections {
  constructor(private readonly options: DemoPlantConnectionsOptions) {}

  /** The demo plant a connection runs, if it is one. */
  plantOf(runtime: ConnectionRuntime): MakiniSettings['demo'] {
    return makiniSettingsOf(runtime.record)?.demo ?? null;
  }

  async add(request: AddDemoPlantRequest): Promise<ConnectionView> {
    const id = newConnectionId();
    const demo = { seed: request.seed, workOrders: request.workOrders ?? 5000 };
    const settings: MakiniSettings = { linkUrl: null, oauthClientId: null, demo };
    const plant = await this.options.demoPlants.start(id, demo);
    const pair = tokenPairOf(plant);
    const info = await this.options.activation.probeMakini(plant.url, pair.accessToken, settings);
    const runtime = this.options.activation.open(
      {
        name: request.name || `Demo plant ${request.seed}`,
        kind: 'makini',
        authMethod: 'demo',
        baseUrl: plant.url,
        settings,
        provider: info.provider,
        companyName: info.companyName,
        // A demo plant is small and meant to be seen whole; real plants start with 90 days of history.
        historyDays: request.historyDays ?? null,
      },
      this.options.credentials.issue(pair, null, newWebhookSecret()),
      id,
    );
    runtime.described = true;
    await this.subscribeWebhooks(runtime);
    return this.options.activation.activate(runtime, 'connected the demo plant');
  }

  /** At start: runs the plant of a saved demo connection again (on a new port), its webhooks subscribed. */
  async resume(runtime: ConnectionRuntime): Promise<void> {
    const demo = this.plantOf(runtime);
    if (!demo || runtime.record.status === 'disconnected') return;
    const plant = await this.options.demoPlants.start(runtime.record.id, demo);
    runtime.record.baseUrl = plant.url;
    if (runtime.secrets && !runtime.secrets.webhookSecret) {
      runtime.secrets = { ...runtime.secrets, webhookSecret: newWebhookSecret() };
      this.options.secrets.set(runtime.record.id, runtime.secrets);
    }
    await this.subscribeWebhooks(runtime);
  }

  /** The plant issues a new token, as reconnecting through Makini would. */
  async reauthorize(runtime: ConnectionRuntime): Promise<ConnectionView> {
    const demo = this.plantOf(runtime);
    if (!demo) throw new AppError('NOT_ALLOWED', `${runtime.record.name} is not a demo plant.`);
    const plant = await this.options.demoPlants.start(runtime.record.id, demo);
    runtime.record.baseUrl = plant.url;
    const view = this.options.activation.replaceSecrets(runtime, this.options.credentials.issue(tokenPairOf(plant), null), 'reauthorized the demo plant');
    await this.subscribeWebhooks(runtime);
    return view;
  }

  async stop(runtime: ConnectionRuntime): Promise<void> {
    if (this.plantOf(runtime)) await this.options.demoPlants.stop(runtime.record.id);
  }

  /** The demo's switch for "the plant's system credentials changed" (Makini then reports `sync_status: fail`). */
  async setCredentialsChanged(runtime: ConnectionRuntime, changed: boolean): Promise<void> {
    const plant = this.plantOf(runtime) ? this.options.demoPlants.get(runtime.record.id) : null;
    if (!plant) throw new AppError('NOT_ALLOWED', 'Only a running demo plant has a credentials switch.');
    (await plant).setCredentialsChanged(changed);
  }

  /** Has the connection's demo plant send its webhooks to the receiver (once per plant run). */
  async subscribeWebhooks(runtime: ConnectionRuntime): Promise<void> {
    const secret = runtime.secrets?.webhookSecret;
    const webhooks = this.options.webhooks();
    const running = this.plantOf(runtime) ? this.options.demoPlants.get(runtime.record.id) : null;
    if (!webhooks || !secret || !running) return;
    const plant = await running;
    const url = webhooks.endpointFor(runtime.record.id);
    if (!plant.webhooks.list().some((target) => target.url === url)) plant.webhooks.subscribe({ url, secret, scheme: 'makini' });
  }
}
