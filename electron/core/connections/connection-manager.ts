import type { AddDemoPlantRequest, AddFileImportRequest, BeginOAuthRequest, ConnectWithTokenRequest } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import type { SyncEntity } from '../../../shared/domain/sync-entity';
import type { FetchedFile } from '../../../shared/documents/file-transfer';
import { AppError } from '../../../shared/errors';
import type { PushSummary } from '../../../shared/outbox-store';
import type { SyncRunSummary } from '../../../shared/sync-progress';
import type { SyncRunRequest } from '../sync/sync-engine';
import type { WebhookEndpoints } from '../webhooks/webhook-endpoints';
import { ActivityRecorder } from './activity-recorder';
import { ConnectionActivation } from './connection-activation';
import { ConnectionAdministration, type SettingsChange } from './connection-administration';
import { attached, type ConnectionCore } from './connection-core';
import { ConnectionCredentials } from './connection-credentials';
import { ConnectionFailures } from './connection-failures';
import { ConnectionHealth } from './connection-health';
import type { ConnectionManagerOptions } from './connection-manager-options';
import { ConnectionRuns } from './connection-runs';
import type { ConnectionRuntime } from './connection-runtime';
import { ConnectionRuntimes } from './connection-runtimes';
import { ConnectionViews } from './connection-views';
import { ConnectionWebhookBridge } from './connection-webhook-bridge';
import { DemoPlantConnections } from './demo-plant-connections';
import { connectFileImport } from './file-import-connections';
import { MakiniLinkSignIn } from './makini-link-sign-in';
import { Reachability } from './reachability';
import { SyncSchedule } from './sync-schedule';
import { TokenConnections } from './token-connections';
import { nodeHttpFetch } from '../http/node-http-fetch';

/**
 * Every connection's lifecycle in main, wired from its parts: the ways of connecting (demo plant,
 * pasted token, Makini Link, export file), tokens and their refresh, health, reachability, syncs and
 * pushes, webhooks, reauthorization, disconnect and deletion. Secrets stay here; the renderer gets views.
 */
export class ConnectionManager {
  private readonly runtimes: ConnectionRuntimes;
  private readonly views: ConnectionViews;
  private readonly schedule: SyncSchedule;
  private readonly reachability: Reachability;
  private readonly failures: ConnectionFailures;
  private readonly credentials: ConnectionCredentials;
  private readonly health: ConnectionHealth;
  private readonly runs: ConnectionRuns;
  private readonly webhooks: ConnectionWebhookBridge;
  private readonly demoPlants: DemoPlantConnections;
  private readonly signIn: MakiniLinkSignIn;
  private readonly tokens: TokenConnections;
  private readonly activation: ConnectionActivation;
  private readonly administration: ConnectionAdministration;
  /** start() has loaded the saved connections (until then, webhook deliveries wait). */
  private started = false;

  constructor(private readonly options: ConnectionManagerOptions) {
    const { logger, secrets, events } = options;
    const now = options.now ?? Date.now;
    const scheduled = options.schedule !== false;
    const core: ConnectionCore = {
      now,
      logger,
      view: (runtime) => this.views.view(runtime),
      emit: (runtime) => this.views.emit(runtime),
      fail: (runtime, error) => this.failures.fail(runtime, error),
      save: () => this.runtimes.save(),
      ensureFreshToken: (runtime) => this.credentials.ensureFresh(runtime),
      history: new ActivityRecorder(() => options.history?.() ?? null, now),
    };
    const store = () => attached(options.store);
    const isCurrent = (runtime: ConnectionRuntime) => this.runtimes.isCurrent(runtime);
    const quiet = (runtime: ConnectionRuntime) => this.quiet(runtime);
    this.runtimes = new ConnectionRuntimes(options.settings, {
      fetch: (input, init) => (options.fetch ?? nodeHttpFetch)(input, init),
      answered: (runtime) => this.reachability.answered(runtime),
      outbox: () => attached(options.outbox),
      onProgress: (progress) => events.progress(progress),
      perPage: options.perPage,
    });
    const webhooks = () => this.webhooks.endpoints;
    this.views = new ConnectionViews({ ...core, events, webhooks, secretProtection: () => secrets.protection, computerOnline: () => this.reachability.computerOnline });
    const hasStore = () => options.store() !== null;
    const sync = (runtime: ConnectionRuntime, trigger: NonNullable<SyncRunRequest['trigger']>) => this.syncNow(runtime.record.id, { trigger });
    this.schedule = new SyncSchedule({ ...core, enabled: scheduled, hasStore, sync });
    this.reachability = new Reachability({
      ...core,
      schedule: scheduled,
      intervalMs: options.reachabilityIntervalMs,
      fastIntervalMs: options.fastProbeIntervalMs,
      isCurrent,
      pauseSchedule: (runtime) => this.schedule.stop(runtime),
      described: (runtime, info) => this.health.takeIntegrationStatus(runtime, info),
      push: (runtime) => void this.pushNow(runtime.record.id).catch(() => undefined /* on the connection's view */),
      hasStore,
      sync,
    });
    this.failures = new ConnectionFailures({ ...core, quiet, waitForNetwork: (runtime) => this.reachability.waitForNetwork(runtime) });
    this.credentials = new ConnectionCredentials({ ...core, secrets, fetch: options.fetch });
    this.health = new ConnectionHealth({ ...core, schedule: scheduled, intervalMs: options.healthCheckIntervalMs, runtimes: () => this.runtimes.all() });
    this.runs = new ConnectionRuns({ ...core, store, scheduleNext: (runtime) => this.schedule.next(runtime), editsWaiting: (runtime) => this.reachability.editsWaiting(runtime) });
    const probeNow = (runtime: ConnectionRuntime) => this.reachability.probeSoon(runtime, 0);
    this.webhooks = new ConnectionWebhookBridge({
      ...core,
      isCurrent,
      probeNow,
      store: options.store,
      started: () => this.started,
      runtime: (id) => this.runtimes.get(id),
      scheduleNext: (runtime) => this.schedule.next(runtime),
    });
    const activation = (this.activation = new ConnectionActivation({ ...core, fetch: options.fetch, runtimes: this.runtimes, secrets, syncSoon: (runtime) => this.schedule.soon(runtime) }));
    this.demoPlants = new DemoPlantConnections({ demoPlants: options.demoPlants, secrets, credentials: this.credentials, activation, webhooks });
    this.signIn = new MakiniLinkSignIn({ runtimes: this.runtimes, credentials: this.credentials, activation, openExternal: options.openExternal, timeoutMs: options.oauthTimeoutMs });
    this.tokens = new TokenConnections(activation, this.credentials);
    this.administration = new ConnectionAdministration({
      ...core,
      runtimes: this.runtimes,
      secrets,
      store,
      isDemoPlant: (runtime) => this.demoPlants.plantOf(runtime) !== null,
      stopDemoPlant: (runtime) => this.demoPlants.stop(runtime),
      quiet,
      scheduleNext: (runtime) => this.schedule.next(runtime),
      rerouteWebhooks: (runtime) => this.webhooks.reroute(runtime),
      removed: (connectionId) => {
        this.webhooks.unroute(connectionId);
        events.removed(connectionId);
      },
    });
  }

  /** Loads saved connections, restarts demo plants, and starts health checks and schedules. */
  async start(): Promise<void> {
    for (const record of this.options.settings.read()) {
      const runtime = this.runtimes.open(record, record.status === 'disconnected' ? null : this.options.secrets.get(record.id));
      if (record.status !== 'disconnected' && runtime.secrets === null && !runtime.kind.secretless) record.status = 'needs_reauth';
      await this.demoPlants.resume(runtime);
      this.webhooks.reroute(runtime);
    }
    this.runtimes.save();
    this.started = true;
    this.health.start();
  }

  /**
   * The webhook receiver, once it listens: connections show their endpoint and counters, and demo
   * plants (now and when added later) send their webhooks to it. Attach before start().
   */
  attachWebhooks(webhooks: WebhookEndpoints): void {
    this.webhooks.attach(webhooks);
  }

  list(): ConnectionView[] {
    return this.runtimes.all().map((runtime) => this.views.view(runtime));
  }

  addDemo(request: AddDemoPlantRequest): Promise<ConnectionView> {
    return this.demoPlants.add(request);
  }

  connectWithToken(request: ConnectWithTokenRequest): Promise<ConnectionView> {
    return this.tokens.connect(request);
  }

  addFileImport(request: AddFileImportRequest): Promise<ConnectionView> {
    return connectFileImport(this.activation, request);
  }

  beginOAuth(request: BeginOAuthRequest): Promise<{ flowId: string; authorizeUrl: string; browserOpened: boolean }> {
    return this.signIn.begin(request);
  }

  completeOAuth(flowId: string): Promise<ConnectionView> {
    return this.signIn.complete(flowId);
  }

  cancelOAuth = (flowId: string): void => this.signIn.cancel(flowId);

  async reauthorize(connectionId: string, token: string | undefined): Promise<ConnectionView> {
    const runtime = this.runtimes.require(connectionId);
    if (runtime.record.status === 'disconnected') throw new AppError('NOT_ALLOWED', 'A disconnected connection cannot be reauthorized; add it again.');
    return this.demoPlants.plantOf(runtime) ? this.demoPlants.reauthorize(runtime) : this.tokens.reauthorize(runtime, token);
  }

  async disconnect(connectionId: string): Promise<ConnectionView> {
    return this.administration.disconnect(this.runtimes.require(connectionId));
  }

  async deleteData(connectionId: string): Promise<{ deleted: number }> {
    return this.administration.deleteData(this.runtimes.require(connectionId));
  }

  updateSettings(connectionId: string, change: SettingsChange): ConnectionView {
    return this.administration.updateSettings(this.runtimes.require(connectionId), change);
  }

  async setDemoCredentialsChanged(connectionId: string, changed: boolean): Promise<void> {
    await this.demoPlants.setCredentialsChanged(this.runtimes.require(connectionId), changed);
  }

  /** One sync of a connection into the attached renderer's cache. */
  async syncNow(connectionId: string, request: SyncRunRequest = {}): Promise<SyncRunSummary> {
    return this.runs.sync(this.runtimes.require(connectionId), request);
  }

  /** Sends the connection's queued edits (none while it is not usable or out of reach). */
  async pushNow(connectionId: string): Promise<PushSummary> {
    return this.runs.push(this.runtimes.require(connectionId));
  }

  /** A photo's or file's bytes from the connection's system, to be shown. */
  async fetchDocumentFile(connectionId: string, url: string): Promise<FetchedFile> {
    const { connector } = this.runtimes.require(connectionId);
    if (!connector.fetchFile) throw new AppError('NOT_ALLOWED', 'This connection reads a file of records and keeps no photos or files.');
    return connector.fetchFile(url);
  }

  /** Called when a renderer attaches its cache: every usable connection catches up. */
  syncAll(trigger: NonNullable<SyncRunRequest['trigger']>): void {
    for (const runtime of this.runtimes.all()) {
      if (runtime.record.status === 'active') this.syncNow(runtime.record.id, { trigger }).catch(() => undefined /* on the connection's view */);
    }
  }

  /** What the renderer's operating system says of the network (see Reachability.reportNetwork). */
  reportNetwork(online: boolean): void {
    this.reachability.reportNetwork(online, this.runtimes.all());
  }

  /** Describes the connection's integration now (as the health poll does every few minutes). */
  async checkHealth(connectionId: string): Promise<ConnectionView> {
    return this.health.check(this.runtimes.require(connectionId));
  }

  webhookSecret(connectionId: string): string | null {
    return this.webhooks.secretFor(connectionId);
  }

  webhookReadiness(connectionId: string): 'ready' | 'wait' | 'drop' {
    return this.webhooks.readiness(connectionId);
  }

  async refreshFromWebhook(connectionId: string, entity: SyncEntity, keys: readonly string[]): Promise<void> {
    await this.webhooks.refresh(this.runtimes.require(connectionId), attached(this.options.store), entity, keys);
  }

  webhookActivity(connectionId: string): void {
    this.webhooks.activity(connectionId);
  }

  async dispose(): Promise<void> {
    this.health.stop();
    const runtimes = this.runtimes.all();
    this.webhooks.stop(runtimes);
    for (const runtime of runtimes) {
      this.quiet(runtime);
      runtime.reach.reachable = null;
      runtime.stop.abort();
    }
    this.signIn.cancelAll();
    // Stopped runs end at their next step; a page being committed finishes first (quit waits for it).
    await Promise.allSettled(runtimes.map((runtime) => runtime.engine.idle()));
    await this.options.demoPlants.stopAll();
  }

  /** No scheduled syncs or probes for the connection (it needs reauthorizing, is disconnected, or the app quits). */
  private quiet(runtime: ConnectionRuntime): void {
    this.schedule.stop(runtime);
    this.reachability.stop(runtime);
  }
}
