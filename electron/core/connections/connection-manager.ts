import { randomBytes, randomUUID } from 'node:crypto';
import type {
  AddDemoPlantRequest,
  BeginOAuthRequest,
  ConnectWithTokenRequest,
} from '../../../shared/connection-requests';
import { deriveConnectionStatus, statusNotification, type ConnectionStatusInput } from '../../../shared/connection-status';
import type { AppNotification, ConnectionView } from '../../../shared/connection-view';
import { syncEntityLabels, type SyncEntity } from '../../../shared/domain/sync-entity';
import { AppError, toAppErrorShape, type AppErrorShape } from '../../../shared/errors';
import type { FetchedRecords, LocalStore } from '../../../shared/local-store';
import type { OutboxStore, PushSummary } from '../../../shared/outbox-store';
import { writeCapabilities } from '../../../shared/write-capabilities';
import type { HistoryActivity } from '../../../shared/sync-history';
import type { SyncProgress, SyncRunSummary } from '../../../shared/sync-progress';
import { MakiniConnector } from '../connectors/makini/makini-connector';
import { MakiniRecordWriter } from '../connectors/makini/makini-record-writer';
import { OutboxPusher } from '../outbox/outbox-pusher';
import type { Logger } from '../logging/logger';
import { SyncEngine, type SyncRunRequest } from '../sync/sync-engine';
import type { WebhookEndpoints } from '../webhooks/webhook-endpoints';
import { describeConnectFailure } from './connect-failure';
import type { ConnectionRecord } from './connection-record';
import type { ConnectionSettingsStore } from './connection-settings-store';
import { redactToken } from './token-preview';
import type { DemoPlantHost } from './demo-plant-host';
import type { ActivityHistory } from './renderer-history-store';
import { MakiniLinkClient, type TokenPair } from './makini-link-client';
import { listenForOAuthCallback, type LoopbackCallback } from './oauth-loopback';
import type { ConnectionSecrets, SecretStore } from './secret-store';

export interface ConnectionEvents {
  changed(view: ConnectionView): void;
  removed(connectionId: string): void;
  notify(notification: AppNotification): void;
  progress(progress: SyncProgress): void;
}

export interface ConnectionManagerOptions {
  settings: ConnectionSettingsStore;
  secrets: SecretStore;
  demoPlants: DemoPlantHost;
  events: ConnectionEvents;
  logger: Logger;
  /** Opens the system browser; resolves false where main cannot (web mode: the renderer opens the page). */
  openExternal: (url: string) => Promise<boolean>;
  /** The attached renderer's cache, if a window has it open. */
  store: () => LocalStore | null;
  /** The attached renderer's outbox of offline edits. */
  outbox: () => OutboxStore | null;
  /** The attached renderer's Sync history, where failed probes, pushes and webhook fetches are recorded. */
  history?: () => ActivityHistory | null;
  now?: () => number;
  /** Background syncs and health checks; tests that drive each step by hand turn them off. */
  schedule?: boolean;
  healthCheckIntervalMs?: number;
  /** How often an unreachable upstream is tried again (then a catch-up sync runs at once). */
  reachabilityIntervalMs?: number;
  /** How often it is tried while edits wait to be sent (see `fastProbeIntervalMs` below). */
  fastProbeIntervalMs?: number;
  perPage?: number;
  oauthTimeoutMs?: number;
  fetch?: typeof fetch;
}

interface Runtime {
  record: ConnectionRecord;
  secrets: ConnectionSecrets | null;
  connector: MakiniConnector;
  engine: SyncEngine;
  pusher: OutboxPusher;
  /** Aborted when the connection is disconnected or the app quits: its sync stops where it is. */
  stop: AbortController;
  /** The integration answered at least once since start (else the view says "connecting"). */
  described: boolean;
  lastError: AppErrorShape | null;
  nextSyncAt: number | null;
  syncTimer: NodeJS.Timeout | null;
  /** Set while the upstream cannot be reached: schedules pause and a probe waits for it. */
  probeTimer: NodeJS.Timeout | null;
  /** The status kind last sent, so a notification is raised once when a state begins. */
  lastStatusKind: ConnectionView['status']['kind'] | null;
  /** A view update for webhook activity is due (they are sent at most a few times a second). */
  activityTimer: NodeJS.Timeout | null;
  /** False once a request found no answer, true again at the first answer; null before any. */
  reachable: boolean | null;
  /** When the current outage began (the first unanswered request), for the probe's pace. */
  outageSince: number | null;
  /** Edits wait to be sent while the upstream is out of reach: the probe goes faster. */
  editsWaiting: boolean;
  /** The last run that ended, and the first list failure of the run going on. */
  lastRun: ConnectionStatusInput['lastRun'];
  runProblem: AppErrorShape | null;
  /** Makini answers, but reports that its sync with the plant's system failed (`sync_status: error`). */
  plantSystemError: AppErrorShape | null;
  /** When a webhook last brought records that were stored. */
  lastWebhookAt: string | null;
  /** History rows of failures going on, by activity and code: repeats fold into the same row. */
  failureRows: Map<string, string>;
}

interface OAuthFlow {
  /** Where the new token goes: a new connection, or an existing one being reauthorized. */
  target:
    | { kind: 'new'; name: string | undefined; deployment: ConnectionRecord['deployment']; historyDays: ConnectionRecord['historyDays'] | undefined }
    | { kind: 'reauthorize'; connectionId: string };
  baseUrl: string;
  linkUrl: string;
  clientId: string;
  clientSecret: string;
  callback: LoopbackCallback;
}

const day = 86_400_000;
const activityEmitDelayMs = 250;
/**
 * While edits wait and the plant does not answer, it is asked again every second: the supervisor
 * expects them to leave the moment it is back (within 2 s), and one small
 * `GET /api/integrations/current` a second from one desk costs the API little (a refused
 * connection costs nothing). After ten minutes of outage this slows to every 5 s, so a plant down
 * for hours is not asked 3,600 times an hour; without waiting edits the normal pace (30 s) holds,
 * since a catch-up sync can wait that long.
 */
const fastProbeIntervalMs = 1_000;
const slowedFastProbeIntervalMs = 5_000;
const fastProbeForMs = 10 * 60_000;

/**
 * Every connection's lifecycle in main: connecting (demo plant, pasted token, Makini Link OAuth),
 * tokens and their refresh, health, scheduled and manual syncs, reauthorization, disconnect and
 * deletion. Secrets stay here; the renderer gets ConnectionViews.
 */
export class ConnectionManager {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly flows = new Map<string, OAuthFlow>();
  private healthTimer: NodeJS.Timeout | null = null;
  private webhooks: WebhookEndpoints | null = null;
  /** start() has loaded the saved connections (until then, webhook deliveries wait). */
  private started = false;
  private readonly now: () => number;
  /** What the renderer's operating system says of the network; null until it reports. */
  private computerOnline: boolean | null = null;

  constructor(private readonly options: ConnectionManagerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Loads saved connections, restarts demo plants, and starts health checks and schedules. */
  async start(): Promise<void> {
    for (const record of this.options.settings.read()) {
      const runtime = this.createRuntime(record, record.status === 'disconnected' ? null : this.options.secrets.get(record.id));
      if (record.status !== 'disconnected' && runtime.secrets === null) record.status = 'needs_reauth';
      if (record.kind === 'demo' && record.demo && record.status !== 'disconnected') {
        const plant = await this.options.demoPlants.start(record.id, record.demo);
        record.baseUrl = plant.url;
        if (runtime.secrets && !runtime.secrets.webhookSecret) {
          runtime.secrets = { ...runtime.secrets, webhookSecret: newWebhookSecret() };
          this.options.secrets.set(record.id, runtime.secrets);
        }
        await this.subscribeDemoWebhooks(runtime);
      }
    }
    this.save();
    this.started = true;
    if (this.options.schedule !== false) {
      this.healthTimer = setInterval(() => this.checkAllHealth(), this.options.healthCheckIntervalMs ?? 5 * 60_000);
      this.healthTimer.unref();
    }
    this.checkAllHealth();
  }

  /**
   * The webhook receiver, once it listens: connections show their endpoint and counters, and demo
   * plants (now and when added later) send their webhooks to it. Attach before start().
   */
  attachWebhooks(webhooks: WebhookEndpoints): void {
    this.webhooks = webhooks;
  }

  list(): ConnectionView[] {
    return [...this.runtimes.values()].map((runtime) => this.view(runtime));
  }

  hasConnections(): boolean {
    return this.runtimes.size > 0;
  }

  async addDemo(request: AddDemoPlantRequest): Promise<ConnectionView> {
    const id = newConnectionId();
    const demo = { seed: request.seed, workOrders: request.workOrders ?? 5000 };
    const plant = await this.options.demoPlants.start(id, demo);
    const issued = plant.issueToken();
    const info = await this.probe(plant.url, issued.accessToken);
    const runtime = this.createRuntime(
      this.newRecord({
        id,
        name: request.name || `Demo plant ${request.seed}`,
        kind: 'demo',
        authMethod: 'demo',
        baseUrl: plant.url,
        demo,
        provider: info.provider,
        companyName: info.companyName,
        ...(request.historyDays !== undefined ? { historyDays: request.historyDays } : {}),
      }),
      this.secretsFrom({ accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt * 1000).toISOString() }, null, newWebhookSecret()),
    );
    runtime.described = true;
    await this.subscribeDemoWebhooks(runtime);
    return this.activate(runtime, 'connected the demo plant');
  }

  async connectWithToken(request: ConnectWithTokenRequest): Promise<ConnectionView> {
    const baseUrl = request.baseUrl.trim().replace(/\/+$/, '');
    const info = await this.probe(baseUrl, request.token);
    const runtime = this.createRuntime(
      this.newRecord({
        id: newConnectionId(),
        name: request.name || info.companyName || new URL(baseUrl).host,
        kind: 'makini',
        authMethod: 'token',
        baseUrl,
        deployment: request.deployment ?? 'cloud',
        ...(request.historyDays !== undefined ? { historyDays: request.historyDays } : {}),
      }),
      this.secretsFrom({ accessToken: request.token, refreshToken: null, expiresAt: null }, null),
    );
    runtime.record.provider = info.provider;
    runtime.record.companyName = info.companyName;
    return this.activate(runtime, 'connected with a pasted token');
  }

  async beginOAuth(request: BeginOAuthRequest): Promise<{ flowId: string; authorizeUrl: string; browserOpened: boolean }> {
    let flow: Omit<OAuthFlow, 'callback'>;
    if ('reauthorizeConnectionId' in request) {
      const { record, secrets } = this.runtime(request.reauthorizeConnectionId);
      if (record.authMethod !== 'oauth' || !record.linkUrl || !record.oauthClientId || !secrets?.clientSecret) {
        throw new AppError('NOT_ALLOWED', `${record.name} was not connected through Makini Link; reauthorize it with a token, or add it again.`);
      }
      flow = {
        target: { kind: 'reauthorize', connectionId: record.id },
        baseUrl: record.baseUrl,
        linkUrl: record.linkUrl,
        clientId: record.oauthClientId,
        clientSecret: secrets.clientSecret,
      };
    } else {
      flow = {
        target: { kind: 'new', name: request.name, deployment: request.deployment ?? 'cloud', historyDays: request.historyDays },
        baseUrl: request.baseUrl.trim().replace(/\/+$/, ''),
        linkUrl: request.linkUrl.trim().replace(/\/+$/, ''),
        clientId: request.clientId,
        clientSecret: request.clientSecret,
      };
    }
    const state = randomBytes(24).toString('base64url');
    const callback = await listenForOAuthCallback(state, this.options.oauthTimeoutMs ?? 10 * 60_000);
    const authorize = new URL(`${flow.linkUrl}/oauth/authorize`);
    authorize.search = new URLSearchParams({ response_type: 'code', client_id: flow.clientId, redirect_uri: callback.redirectUri, state }).toString();
    const flowId = randomUUID();
    this.flows.set(flowId, { ...flow, callback });
    const browserOpened = await this.options.openExternal(authorize.toString()).catch(() => false);
    return { flowId, authorizeUrl: authorize.toString(), browserOpened };
  }

  async completeOAuth(flowId: string): Promise<ConnectionView> {
    const flow = this.flows.get(flowId);
    if (!flow) throw new AppError('NOT_FOUND', 'That sign-in is no longer running; start again.');
    try {
      const code = await flow.callback.code;
      const pair = await this.linkClient(flow.baseUrl, flow.clientId, flow.clientSecret).exchangeCode(code, flow.callback.redirectUri);
      const info = await this.probe(flow.baseUrl, pair.accessToken);
      const secrets = this.secretsFrom(pair, flow.clientSecret);
      if (flow.target.kind === 'reauthorize') {
        return this.replaceSecrets(this.runtime(flow.target.connectionId), secrets, 'reauthorized through Makini Link');
      }
      const runtime = this.createRuntime(
        this.newRecord({
          id: newConnectionId(),
          name: flow.target.name || info.companyName || new URL(flow.baseUrl).host,
          kind: 'makini',
          authMethod: 'oauth',
          baseUrl: flow.baseUrl,
          deployment: flow.target.deployment,
          linkUrl: flow.linkUrl,
          oauthClientId: flow.clientId,
          provider: info.provider,
          companyName: info.companyName,
          ...(flow.target.historyDays !== undefined ? { historyDays: flow.target.historyDays } : {}),
        }),
        secrets,
      );
      return this.activate(runtime, 'connected through Makini Link');
    } finally {
      this.flows.delete(flowId);
    }
  }

  cancelOAuth(flowId: string): void {
    this.flows.get(flowId)?.callback.cancel();
    this.flows.delete(flowId);
  }

  async reauthorize(connectionId: string, token: string | undefined): Promise<ConnectionView> {
    const runtime = this.runtime(connectionId);
    const { record } = runtime;
    if (record.status === 'disconnected') throw new AppError('NOT_ALLOWED', 'A disconnected connection cannot be reauthorized; add it again.');
    if (record.kind === 'demo' && record.demo) {
      const plant = await this.options.demoPlants.start(record.id, record.demo);
      record.baseUrl = plant.url;
      const issued = plant.issueToken();
      const pair = { accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt * 1000).toISOString() };
      const view = this.replaceSecrets(runtime, this.secretsFrom(pair, null), 'reauthorized the demo plant');
      await this.subscribeDemoWebhooks(runtime);
      return view;
    }
    if (token === undefined) throw new AppError('NOT_ALLOWED', 'Paste a new token, or sign in through Makini Link again.');
    await this.probe(record.baseUrl, token);
    return this.replaceSecrets(runtime, this.secretsFrom({ accessToken: token, refreshToken: null, expiresAt: null }, null), 'reauthorized with a pasted token');
  }

  async disconnect(connectionId: string): Promise<ConnectionView> {
    const runtime = this.runtime(connectionId);
    if (runtime.record.status === 'disconnected') return this.view(runtime);
    this.stopSchedule(runtime);
    this.stopProbe(runtime);
    // A sync going now stops; a later reconnect gets a fresh signal.
    runtime.stop.abort();
    runtime.stop = new AbortController();
    if (runtime.secrets) {
      await runtime.connector.revoke().catch((error: unknown) => {
        const shape = toAppErrorShape(error);
        // A token the upstream already refuses is as good as revoked; anything else is worth saying.
        if (shape.code !== 'UPSTREAM_AUTH') {
          runtime.lastError = { ...shape, message: `Disconnected here, but the token could not be revoked upstream: ${shape.message}` };
        }
      });
    }
    this.options.secrets.delete(connectionId);
    runtime.secrets = null;
    runtime.record.status = 'disconnected';
    if (runtime.record.kind === 'demo') await this.options.demoPlants.stop(connectionId);
    this.save();
    this.options.logger.info('disconnected', { connectionId });
    return this.emit(runtime);
  }

  async deleteData(connectionId: string): Promise<{ deleted: number }> {
    const runtime = this.runtime(connectionId);
    if (runtime.record.status !== 'disconnected') throw new AppError('NOT_ALLOWED', 'Disconnect the connection before deleting its data.');
    const store = this.requireStore();
    const deleted = await store.deleteConnection(connectionId);
    this.runtimes.delete(connectionId);
    this.save();
    this.options.events.removed(connectionId);
    this.options.logger.info('deleted connection data', { connectionId, deleted });
    return { deleted };
  }

  updateSettings(
    connectionId: string,
    change: {
      name?: string | undefined;
      syncIntervalMinutes?: ConnectionRecord['syncIntervalMinutes'] | undefined;
      historyDays?: ConnectionRecord['historyDays'] | undefined;
      webhookSecret?: string | null | undefined;
    },
  ): ConnectionView {
    const runtime = this.runtime(connectionId);
    if (change.webhookSecret !== undefined) {
      if (!runtime.secrets) throw new AppError('NOT_ALLOWED', `${runtime.record.name} is disconnected: it takes no webhooks.`);
      if (runtime.record.kind === 'demo') throw new AppError('NOT_ALLOWED', 'A demo plant keeps the webhook secret it was given.');
      runtime.secrets = { ...runtime.secrets, webhookSecret: change.webhookSecret };
      this.options.secrets.set(connectionId, runtime.secrets);
    }
    if (change.name !== undefined) runtime.record.name = change.name;
    if (change.historyDays !== undefined) runtime.record.historyDays = change.historyDays;
    if (change.syncIntervalMinutes !== undefined) {
      runtime.record.syncIntervalMinutes = change.syncIntervalMinutes;
      this.scheduleNext(runtime);
    }
    this.save();
    return this.emit(runtime);
  }

  async setDemoCredentialsChanged(connectionId: string, changed: boolean): Promise<void> {
    const runtime = this.runtime(connectionId);
    const plant = runtime.record.kind === 'demo' ? this.options.demoPlants.get(connectionId) : null;
    if (!plant) throw new AppError('NOT_ALLOWED', 'Only a running demo plant has a credentials switch.');
    (await plant).setCredentialsChanged(changed);
  }

  /** One sync of a connection into the attached renderer's cache. */
  async syncNow(connectionId: string, request: SyncRunRequest = {}): Promise<SyncRunSummary> {
    const runtime = this.runtime(connectionId);
    if (runtime.record.status === 'disconnected') throw new AppError('NOT_ALLOWED', `${runtime.record.name} is disconnected.`);
    if (runtime.record.status === 'needs_reauth') throw new AppError('UPSTREAM_AUTH', `${runtime.record.name} needs to be reauthorized before it can sync.`);
    const store = this.requireStore();
    try {
      await this.ensureFreshToken(runtime);
      if (!runtime.engine.running) runtime.runProblem = null;
      const run = runtime.engine.run(store, { ...request, signal: runtime.stop.signal });
      this.emit(runtime); // now "syncing"
      const summary = await run;
      runtime.record.lastSyncAt = summary.finishedAt;
      runtime.lastError = null;
      runtime.described = true;
      runtime.lastRun = {
        outcome: summary.outcome,
        failedLists: summary.entities.filter((entity) => entity.outcome === 'failed').map((entity) => syncEntityLabels[entity.entity]),
        problem: summary.outcome === 'partial' ? runtime.runProblem : null,
      };
      this.save();
      // Upstream answers: edits queued while it did not go now.
      void this.pushNow(connectionId).catch(() => undefined /* on the connection's view */);
      return summary;
    } catch (error) {
      this.fail(runtime, error);
      throw error;
    } finally {
      this.scheduleNext(runtime);
      this.emit(runtime);
    }
  }

  /**
   * Sends the connection's queued edits. While the connection is not usable (disconnected,
   * needs reauthorizing, upstream out of reach) nothing is sent and every edit stays queued.
   */
  async pushNow(connectionId: string): Promise<PushSummary> {
    const runtime = this.runtime(connectionId);
    const idle: PushSummary = { done: 0, conflicts: 0, rejected: 0, deferred: 0, deferredBy: null, authFailure: null };
    if (runtime.record.status !== 'active') return idle;
    if (runtime.reachable === false) {
      // Asked while out of reach (an edit was just queued): it cannot be sent, and the history
      // says so; the probe goes at its fast pace, and the first answer sends it.
      const reason = runtime.lastError?.code === 'NETWORK' ? runtime.lastError : { code: 'NETWORK' as const, message: `${runtime.record.name} cannot be reached.`, failedAt: 'network' as const };
      this.recordFailure(runtime, 'push', reason, new Date(this.now()).toISOString(), `Pending changes wait: ${runtime.record.name} does not answer.`);
      if (!runtime.editsWaiting) {
        runtime.editsWaiting = true;
        this.probeSoon(runtime);
      }
      return idle;
    }
    const startedAt = new Date(this.now()).toISOString();
    try {
      await this.ensureFreshToken(runtime);
      const summary = await runtime.pusher.push();
      // Out of reach: the probe that waits for upstream pushes again once it answers.
      const failure = summary.authFailure ?? summary.deferredBy;
      runtime.editsWaiting = summary.deferred > 0;
      if (failure) {
        this.recordFailure(runtime, 'push', failure, startedAt, `${plural(summary.deferred, 'pending change', 'pending changes')} could not be sent.`);
        if (summary.authFailure || failure.code === 'NETWORK') {
          this.fail(runtime, AppError.fromShape(failure));
          this.emit(runtime);
        }
      } else {
        this.clearFailures(runtime, 'push');
      }
      if (summary.done > 0) {
        this.recordSuccess(runtime, 'push', startedAt, `${plural(summary.done, 'pending change', 'pending changes')} sent to ${runtime.record.name}.`, summary.done);
      }
      return summary;
    } catch (error) {
      this.recordFailure(runtime, 'push', toAppErrorShape(error), startedAt, 'Pending changes could not be sent.');
      this.fail(runtime, error);
      this.emit(runtime);
      throw error;
    }
  }

  /**
   * What the renderer's operating system says of the network. Going offline shows at once on
   * every connection; coming back tries every plant at once (no wait for the next probe), and
   * edits queued meanwhile leave with the first answer.
   */
  reportNetwork(online: boolean): void {
    if (this.computerOnline === online) return;
    this.computerOnline = online;
    this.options.logger.info(online ? 'the network is back' : 'the network is gone', {});
    for (const runtime of this.runtimes.values()) {
      this.emit(runtime);
      if (!online || runtime.record.status !== 'active') continue;
      if (runtime.reachable === false) this.probeSoon(runtime, 0);
      else void this.pushNow(runtime.record.id).catch(() => undefined /* on the connection's view */);
    }
  }

  /** Called when a renderer attaches its cache: every usable connection catches up. */
  syncAll(trigger: NonNullable<SyncRunRequest['trigger']>): void {
    for (const runtime of this.runtimes.values()) {
      if (runtime.record.status === 'active') this.syncNow(runtime.record.id, { trigger }).catch(() => undefined /* on the connection's view */);
    }
  }

  /** Polls `GET /api/integrations/current`: Makini's sync_status `fail` means the system credentials no longer work. */
  async checkHealth(connectionId: string): Promise<ConnectionView> {
    const runtime = this.runtime(connectionId);
    if (runtime.record.status !== 'active') return this.view(runtime);
    try {
      await this.ensureFreshToken(runtime);
      const info = await runtime.connector.describe();
      runtime.described = true;
      runtime.record.provider = info.provider ?? runtime.record.provider;
      runtime.record.companyName = info.companyName ?? runtime.record.companyName;
      this.takeIntegrationStatus(runtime, info);
      this.save();
    } catch (error) {
      this.fail(runtime, error);
    }
    return this.emit(runtime);
  }

  /** What `GET /api/integrations/current` says of the plant's system behind Makini. */
  private takeIntegrationStatus(runtime: Runtime, info: { provider: string | null; syncStatus: string | null }): void {
    const system = info.provider ?? runtime.record.provider ?? "the plant's system";
    if (info.syncStatus === 'fail') {
      this.fail(
        runtime,
        new AppError('UPSTREAM_AUTH', `Makini can no longer sign in to ${system}: its credentials changed. Reauthorize the connection.`, { failedAt: 'plant_system', upstreamCode: 'sync_status: fail' }),
      );
    } else if (info.syncStatus === 'error') {
      runtime.plantSystemError = {
        code: 'UPSTREAM_UNAVAILABLE',
        message: `Makini answers, but its last sync with ${system} failed.`,
        failedAt: 'plant_system',
        upstreamCode: 'sync_status: error',
      };
    } else {
      runtime.plantSystemError = null;
    }
  }

  /** The secret the connection's webhooks are signed with; null refuses them (unknown, disconnected, or none set). */
  webhookSecret(connectionId: string): string | null {
    const runtime = this.runtimes.get(connectionId);
    return runtime && runtime.record.status !== 'disconnected' ? (runtime.secrets?.webhookSecret ?? null) : null;
  }

  /** Whether the connection's webhook deliveries can be acted on now (see WebhookHandler.readiness). */
  webhookReadiness(connectionId: string): 'ready' | 'wait' | 'drop' {
    if (!this.started) return 'wait';
    const runtime = this.runtimes.get(connectionId);
    if (!runtime || runtime.record.status === 'disconnected') return 'drop';
    return runtime.record.status === 'active' && this.options.store() ? 'ready' : 'wait';
  }

  /**
   * A webhook named these records: fetch their current versions and store each where it is not
   * older than the cache, so a late or repeated delivery never puts an older version back.
   */
  async refreshFromWebhook(connectionId: string, entity: SyncEntity, keys: readonly string[]): Promise<void> {
    const runtime = this.runtime(connectionId);
    const store = this.requireStore();
    const startedAt = new Date(this.now()).toISOString();
    try {
      await this.ensureFreshToken(runtime);
      const page = await runtime.connector.fetchByKeys(entity, keys);
      if (page.records.length > 0) await store.applyIfNewer({ connectionId, entity, records: page.records } as FetchedRecords);
      if (page.quarantined.length > 0) {
        this.options.logger.warn('webhook: fetched records failed validation; the next sync quarantines them', { connectionId, entity, count: page.quarantined.length });
      }
      this.clearFailures(runtime, 'webhook');
      const wasLive = runtime.lastWebhookAt !== null;
      runtime.lastWebhookAt = new Date(this.now()).toISOString();
      if (!wasLive) this.emit(runtime);
    } catch (error) {
      const shape = toAppErrorShape(error);
      this.recordFailure(runtime, 'webhook', shape, startedAt, `Changes a webhook announced (${syncEntityLabels[entity]}) could not be fetched; they are tried again.`, entity);
      if (shape.code === 'UPSTREAM_AUTH' || shape.code === 'NETWORK') {
        this.fail(runtime, error);
        this.emit(runtime);
      }
      throw error;
    }
  }

  /** Webhook counters changed: the connection's view follows, a few times a second at most. */
  webhookActivity(connectionId: string): void {
    const runtime = this.runtimes.get(connectionId);
    if (!runtime) return;
    // A delivery from the plant's side while we cannot reach it: ask it again now.
    if (runtime.reachable === false && runtime.record.status === 'active') this.probeSoon(runtime, 0);
    if (runtime.activityTimer) return;
    runtime.activityTimer = setTimeout(() => {
      runtime.activityTimer = null;
      if (this.runtimes.get(connectionId) === runtime) this.emit(runtime);
    }, activityEmitDelayMs);
    runtime.activityTimer.unref();
  }

  async dispose(): Promise<void> {
    if (this.healthTimer) clearInterval(this.healthTimer);
    for (const runtime of this.runtimes.values()) {
      if (runtime.activityTimer) clearTimeout(runtime.activityTimer);
      this.stopSchedule(runtime);
      this.stopProbe(runtime);
      runtime.reachable = null;
      runtime.stop.abort();
    }
    for (const flowId of [...this.flows.keys()]) this.cancelOAuth(flowId);
    // Stopped runs end at their next step; a page being committed finishes first (quit waits for it).
    await Promise.allSettled([...this.runtimes.values()].map((runtime) => runtime.engine.idle()));
    await this.options.demoPlants.stopAll();
  }

  private checkAllHealth(): void {
    for (const runtime of this.runtimes.values()) void this.checkHealth(runtime.record.id);
  }

  private runtime(connectionId: string): Runtime {
    const runtime = this.runtimes.get(connectionId);
    if (!runtime) throw new AppError('NOT_FOUND', `No connection ${connectionId}.`);
    return runtime;
  }

  private requireOutbox(): OutboxStore {
    const outbox = this.options.outbox();
    if (!outbox) throw new AppError('IPC_NO_RENDERER', 'No window has the local cache open.');
    return outbox;
  }

  private requireStore(): LocalStore {
    const store = this.options.store();
    if (!store) throw new AppError('IPC_NO_RENDERER', 'No window has the local cache open.');
    return store;
  }

  private createRuntime(record: ConnectionRecord, secrets: ConnectionSecrets | null): Runtime {
    const runtime: Runtime = {
      record,
      secrets,
      connector: undefined as unknown as MakiniConnector,
      engine: undefined as unknown as SyncEngine,
      pusher: undefined as unknown as OutboxPusher,
      stop: new AbortController(),
      described: false,
      lastError: null,
      nextSyncAt: null,
      syncTimer: null,
      probeTimer: null,
      lastStatusKind: null,
      activityTimer: null,
      reachable: null,
      outageSince: null,
      editsWaiting: false,
      lastRun: null,
      runProblem: null,
      plantSystemError: null,
      lastWebhookAt: null,
      failureRows: new Map(),
    };
    // Every request of this connection (sync pages, probes, pushes, webhook fetches) goes through
    // here: the first answer after an outage ends it at once, whichever request it was.
    const baseFetch = this.options.fetch ?? globalThis.fetch;
    const watchedFetch: typeof fetch = async (input, init) => {
      const response = await baseFetch(input, init);
      if (this.runtimes.get(record.id) === runtime) this.answered(runtime);
      return response;
    };
    runtime.connector = new MakiniConnector({
      connectionId: record.id,
      // Read per request: the base URL of a restarted demo plant and a refreshed token apply at once.
      get baseUrl() {
        return runtime.record.baseUrl;
      },
      getToken: () => runtime.secrets?.accessToken ?? '',
      fetch: watchedFetch,
    });
    runtime.pusher = new OutboxPusher({
      connectionId: record.id,
      writer: new MakiniRecordWriter({
        connectionId: record.id,
        get baseUrl() {
          return runtime.record.baseUrl;
        },
        getToken: () => runtime.secrets?.accessToken ?? '',
        fetch: watchedFetch,
      }),
      store: {
        pendingOperations: (connectionId) => this.requireOutbox().pendingOperations(connectionId),
        beginSending: (ids) => this.requireOutbox().beginSending(ids),
        updateOperation: (update) => this.requireOutbox().updateOperation(update),
        completeOperations: (results) => this.requireOutbox().completeOperations(results),
      },
      capabilities: () => writeCapabilities(runtime.record.provider),
    });
    runtime.engine = new SyncEngine({
      connectionId: record.id,
      connector: runtime.connector,
      ...(this.options.perPage ? { perPage: this.options.perPage } : {}),
      onProgress: (progress) => {
        if (progress.phase === 'failed' && progress.error) runtime.runProblem ??= progress.error;
        this.options.events.progress(progress);
      },
      historyDays: () => runtime.record.historyDays,
    });
    this.runtimes.set(record.id, runtime);
    return runtime;
  }

  private newRecord(fields: Pick<ConnectionRecord, 'id' | 'name' | 'kind' | 'authMethod' | 'baseUrl'> & Partial<ConnectionRecord>): ConnectionRecord {
    return {
      linkUrl: null,
      oauthClientId: null,
      deployment: 'cloud',
      provider: null,
      companyName: null,
      status: 'active',
      syncIntervalMinutes: 15,
      // A demo plant is small and meant to be seen whole; real plants start with 90 days of history.
      historyDays: fields.kind === 'demo' ? null : 90,
      lastSyncAt: null,
      demo: null,
      createdAt: new Date(this.now()).toISOString(),
      ...fields,
    };
  }

  private secretsFrom(pair: TokenPair, clientSecret: string | null, webhookSecret: string | null = null): ConnectionSecrets {
    return { ...pair, obtainedAt: new Date(this.now()).toISOString(), clientSecret, webhookSecret };
  }

  /** Has the connection's demo plant send its webhooks to the receiver (once per plant run). */
  private async subscribeDemoWebhooks(runtime: Runtime): Promise<void> {
    const secret = runtime.secrets?.webhookSecret;
    const running = runtime.record.kind === 'demo' ? this.options.demoPlants.get(runtime.record.id) : null;
    if (!this.webhooks || !secret || !running) return;
    const plant = await running;
    const url = this.webhooks.endpointFor(runtime.record.id);
    if (!plant.webhooks.list().some((target) => target.url === url)) plant.webhooks.subscribe({ url, secret, scheme: 'makini' });
  }

  private linkClient(baseUrl: string, clientId: string, clientSecret: string): MakiniLinkClient {
    return new MakiniLinkClient({ baseUrl, clientId, clientSecret, now: this.now, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
  }

  /** First contact with an API and a token, before anything is saved. */
  private async probe(baseUrl: string, token: string) {
    const connector = new MakiniConnector({ connectionId: 'probe', baseUrl, getToken: () => token, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
    try {
      return await connector.describe();
    } catch (error) {
      throw describeConnectFailure(error, baseUrl);
    }
  }

  private activate(runtime: Runtime, what: string): ConnectionView {
    if (runtime.secrets) this.options.secrets.set(runtime.record.id, runtime.secrets);
    this.save();
    this.options.logger.info(what, { connectionId: runtime.record.id });
    this.syncSoon(runtime);
    return this.emit(runtime);
  }

  /** Swaps in a new token: cache, cursors and pending edits stay, and syncing resumes. */
  private replaceSecrets(runtime: Runtime, secrets: ConnectionSecrets, what: string): ConnectionView {
    // A new token does not change where webhooks come from.
    runtime.secrets = { ...secrets, webhookSecret: secrets.webhookSecret ?? runtime.secrets?.webhookSecret ?? null };
    runtime.record.status = 'active';
    runtime.lastError = null;
    return this.activate(runtime, what);
  }

  private syncSoon(runtime: Runtime): void {
    if (!this.options.store()) return;
    setTimeout(() => void this.syncNow(runtime.record.id, { trigger: 'startup' }).catch(() => undefined), 0);
  }

  /** Refreshes an OAuth token once most of its life is spent (a fifth left, at most a day before expiry). */
  private async ensureFreshToken(runtime: Runtime): Promise<void> {
    const { secrets, record } = runtime;
    if (!secrets?.refreshToken || !secrets.expiresAt || !secrets.clientSecret || !record.oauthClientId) return;
    const expiresAt = Date.parse(secrets.expiresAt);
    const lifetime = expiresAt - Date.parse(secrets.obtainedAt);
    if (expiresAt - this.now() > Math.min(day, lifetime * 0.2)) return;
    try {
      const pair = await this.linkClient(record.baseUrl, record.oauthClientId, secrets.clientSecret).refresh(secrets.refreshToken);
      const next = this.secretsFrom(pair, secrets.clientSecret, secrets.webhookSecret);
      // Stored before it is used: a crash now leaves the new pair on disk, never neither.
      this.options.secrets.set(record.id, next);
      runtime.secrets = next;
      this.options.logger.info('refreshed the access token', { connectionId: record.id });
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPSTREAM_AUTH') throw error;
      // Could not refresh (offline?): carry on with the current token while it lasts.
      if (expiresAt <= this.now()) throw error;
    }
  }

  private fail(runtime: Runtime, error: unknown): void {
    const shape = toAppErrorShape(error);
    runtime.lastError = shape;
    if (shape.code === 'UPSTREAM_AUTH') {
      runtime.record.status = 'needs_reauth';
      this.stopSchedule(runtime);
      this.stopProbe(runtime);
      this.save();
    } else if (shape.code === 'NETWORK') {
      this.waitForNetwork(runtime);
    }
    this.options.logger.warn('connection problem', { connectionId: runtime.record.id, code: shape.code, requestId: shape.requestId });
  }

  /**
   * The upstream is out of reach (offline plant, VPN down): scheduled syncs pause, a cheap probe
   * (`GET /api/integrations/current`) runs now and then (every second while edits wait, see
   * `fastProbeIntervalMs`), and the first answer to any request — probe, sync page, push or
   * webhook fetch — ends the outage: waiting edits leave and a catch-up sync runs at once.
   */
  private waitForNetwork(runtime: Runtime): void {
    if (runtime.reachable !== false) {
      runtime.reachable = false;
      runtime.outageSince = this.now();
    }
    this.stopSchedule(runtime);
    if (!runtime.probeTimer) this.probeSoon(runtime);
  }

  /** The next probe of an unreachable upstream, after `delayMs` (by default at the pace that fits). */
  private probeSoon(runtime: Runtime, delayMs?: number): void {
    if (runtime.reachable !== false || runtime.record.status !== 'active') return;
    // Without a schedule (tests that drive each step) only an explicit nudge probes.
    if (delayMs === undefined && this.options.schedule === false) return;
    const normal = this.options.reachabilityIntervalMs ?? 30_000;
    const fast = Math.min(normal, this.options.fastProbeIntervalMs ?? (this.now() - (runtime.outageSince ?? this.now()) < fastProbeForMs ? fastProbeIntervalMs : slowedFastProbeIntervalMs));
    this.stopProbe(runtime);
    runtime.probeTimer = setTimeout(() => void this.probeAgain(runtime), delayMs ?? (runtime.editsWaiting ? fast : normal));
    runtime.probeTimer.unref();
  }

  private async probeAgain(runtime: Runtime): Promise<void> {
    runtime.probeTimer = null;
    if (runtime.reachable !== false || runtime.record.status !== 'active' || this.runtimes.get(runtime.record.id) !== runtime) return;
    const startedAt = new Date(this.now()).toISOString();
    try {
      // Any answer ends the outage (see answered()); this one also says how the plant's system is.
      const info = await runtime.connector.describe();
      this.takeIntegrationStatus(runtime, info);
      this.emit(runtime);
    } catch (error) {
      const shape = toAppErrorShape(error);
      if (runtime.reachable === false && shape.code === 'NETWORK') {
        this.recordFailure(runtime, 'probe', shape, startedAt, `${runtime.record.name} did not answer; it is asked again until it does.`);
        runtime.lastError = shape;
        this.probeSoon(runtime);
      } else {
        this.fail(runtime, error);
        this.emit(runtime);
      }
    }
  }

  /**
   * A request of this connection was answered. After an outage that is the end of it: the probe
   * stops, waiting edits are sent at once and a catch-up sync runs.
   */
  private answered(runtime: Runtime): void {
    if (runtime.reachable !== false) {
      runtime.reachable = true;
      return;
    }
    const downForMs = this.now() - (runtime.outageSince ?? this.now());
    runtime.reachable = true;
    runtime.outageSince = null;
    this.stopProbe(runtime);
    if (runtime.lastError?.code === 'NETWORK') runtime.lastError = null;
    runtime.failureRows.clear();
    this.options.logger.info('upstream reachable again; sending waiting edits and catching up', { connectionId: runtime.record.id, downForMs });
    // After the request that answered has settled (this runs inside its fetch).
    setTimeout(() => {
      if (runtime.record.status !== 'active') return;
      this.emit(runtime);
      void this.pushNow(runtime.record.id).catch(() => undefined /* on the connection's view */);
      if (!runtime.engine.running && this.options.store()) void this.syncNow(runtime.record.id, { trigger: 'reconnect' }).catch(() => undefined);
    }, 0);
  }

  private stopProbe(runtime: Runtime): void {
    if (runtime.probeTimer) clearTimeout(runtime.probeTimer);
    runtime.probeTimer = null;
  }

  /**
   * A failed attempt in the Sync history, with its reason and request id. The same failure again
   * (same activity and code) while it lasts folds into the same row: attempts add up, the last
   * time moves on. A success of that activity (or the end of an outage) starts a new row next time.
   */
  private recordFailure(runtime: Runtime, activity: HistoryActivity, error: AppErrorShape, startedAt: string, summary: string, entity: SyncEntity | null = null): void {
    const key = `${activity}:${error.code}`;
    let rowKey = runtime.failureRows.get(key);
    if (!rowKey) {
      rowKey = `${runtime.record.id}:${activity}:${randomUUID()}`;
      runtime.failureRows.set(key, rowKey);
    }
    this.recordActivity(runtime, { activity, rowKey, startedAt, outcome: 'failed', error, summary, entity, applied: 0 });
  }

  private recordSuccess(runtime: Runtime, activity: HistoryActivity, startedAt: string, summary: string, applied: number): void {
    this.recordActivity(runtime, { activity, rowKey: `${runtime.record.id}:${activity}:${randomUUID()}`, startedAt, outcome: 'synced', error: null, summary, entity: null, applied });
  }

  private clearFailures(runtime: Runtime, activity: HistoryActivity): void {
    for (const key of [...runtime.failureRows.keys()]) if (key.startsWith(`${activity}:`)) runtime.failureRows.delete(key);
  }

  private recordActivity(
    runtime: Runtime,
    row: { activity: HistoryActivity; rowKey: string; startedAt: string; outcome: 'synced' | 'failed'; error: AppErrorShape | null; summary: string; entity: SyncEntity | null; applied: number },
  ): void {
    const history = this.options.history?.();
    if (!history) return;
    void history
      .recordActivity({
        activity: row.activity,
        coalesceKey: row.rowKey,
        runId: row.rowKey,
        connectionId: runtime.record.id,
        entity: row.entity,
        outcome: row.outcome,
        mode: 'incremental',
        trigger: row.activity === 'push' ? 'manual' : 'schedule',
        startedAt: row.startedAt,
        finishedAt: new Date(this.now()).toISOString(),
        requests: 1,
        received: 0,
        applied: row.applied,
        deleted: 0,
        quarantined: 0,
        retries: 0,
        attempts: 1,
        error: row.error,
        summary: row.summary,
      })
      .catch(() => undefined /* no window holds the history now */);
  }

  private scheduleNext(runtime: Runtime): void {
    this.stopSchedule(runtime);
    if (this.options.schedule === false || runtime.record.status !== 'active' || runtime.reachable === false) return;
    // ±10% jitter, so many connections (and many desks) do not pull at the same instant.
    const delay = runtime.record.syncIntervalMinutes * 60_000 * (0.9 + Math.random() * 0.2);
    runtime.nextSyncAt = this.now() + delay;
    runtime.syncTimer = setTimeout(() => void this.syncNow(runtime.record.id, { trigger: 'schedule' }).catch(() => undefined), delay);
    runtime.syncTimer.unref();
  }

  private stopSchedule(runtime: Runtime): void {
    if (runtime.syncTimer) clearTimeout(runtime.syncTimer);
    runtime.syncTimer = null;
    runtime.nextSyncAt = null;
  }

  private save(): void {
    this.options.settings.write([...this.runtimes.values()].map((runtime) => runtime.record));
  }

  private view(runtime: Runtime): ConnectionView {
    const { record, secrets } = runtime;
    const state: ConnectionView['state'] =
      record.status !== 'active'
        ? record.status
        : runtime.engine.running
          ? 'syncing'
          : runtime.lastError
            ? 'error'
            : runtime.described
              ? 'active'
              : 'connecting';
    const webhook =
      this.webhooks && record.status !== 'disconnected'
        ? { endpoint: this.webhooks.endpointFor(record.id), secretSet: Boolean(secrets?.webhookSecret), ...this.webhooks.status(record.id) }
        : null;
    const status = deriveConnectionStatus({
      name: record.name,
      provider: record.provider,
      record: record.status,
      described: runtime.described,
      computerOnline: this.computerOnline,
      reachable: runtime.reachable,
      syncing: runtime.engine.running,
      lastRun: runtime.lastRun,
      lastError: runtime.lastError ?? runtime.plantSystemError,
      lastSyncAt: record.lastSyncAt,
      lastWebhookAt: runtime.lastWebhookAt,
      webhooksFailing: webhook?.alerting ?? false,
      now: this.now(),
    });
    return {
      id: record.id,
      name: record.name,
      kind: record.kind,
      authMethod: record.authMethod,
      baseUrl: record.baseUrl,
      deployment: record.deployment,
      provider: record.provider,
      companyName: record.companyName,
      state,
      status,
      lastSyncAt: record.lastSyncAt,
      nextSyncAt: runtime.nextSyncAt === null ? null : new Date(runtime.nextSyncAt).toISOString(),
      syncIntervalMinutes: record.syncIntervalMinutes,
      historyDays: record.historyDays,
      lastError: runtime.lastError,
      tokenPreview: secrets ? redactToken(secrets.accessToken) : null,
      tokenExpiresAt: secrets?.expiresAt ?? null,
      secretProtection: this.options.secrets.protection,
      webhook,
    };
  }

  /**
   * Sends the connection's view, and a notification when a state worth one begins: its words are
   * the status's own label and sentence, so the notification says what the screen says.
   */
  private emit(runtime: Runtime): ConnectionView {
    const view = this.view(runtime);
    if (view.status.kind !== runtime.lastStatusKind) {
      const notification = statusNotification(view.name, view.status);
      if (notification) this.options.events.notify({ ...notification, connectionId: view.id, statusKind: view.status.kind });
    }
    runtime.lastStatusKind = view.status.kind;
    this.options.events.changed(view);
    return view;
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

function newConnectionId(): string {
  return `conn-${randomUUID().slice(0, 8)}`;
}
