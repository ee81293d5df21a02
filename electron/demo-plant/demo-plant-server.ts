import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHardenedListener, listenOn } from '../core/http/hardened-listener';
import { HttpRefusal } from '../core/http/http-refusal';
import { controlRoutes } from './control-routes';
import { documentUploadRule, idempotencyKeyMaxLength, idempotencyKeysKept } from './demo-plant-write-rules';
import { documentFile, documentKeyOfFilePath, sendDocumentFile } from './document-download';
import { DocumentFiles } from './document-files';
import { readDocumentForm, validateDocumentUpload, type DocumentForm } from './document-upload';
import { FaultInjector, type FaultRule } from './fault-injector';
import { bearerToken, readJsonBody, RequestBodyError, sendError, sendJson, sendRefusal } from './http-io';
import { IdempotencyStore, requestFingerprint, type StoredAnswer } from './idempotency-store';
import { ListQueryError, parseListQuery } from './list-query';
import { defaultOAuthClient, isOAuthPath, oauthRoutes, type OAuthClient } from './oauth-routes';
import { defaultPlantSizes, sameSizes, type PlantSizes } from './plant-data';
import { addDocument, documentAnswer } from './plant-documents';
import { PlantState, plantRoutes, type PlantRoute } from './plant-state';
import { RecordCollection, type ListResult, type PlantRecord } from './record-collection';
import { loadPlantState, savePlantState } from './plant-state-file';
import { materialLinesOf } from './plant-work-order-materials';
import { isoSeconds } from './plant-time';
import { applyWrite, matchWriteRoute, type WriteResult } from './plant-writes';
import { SeededRandom } from './seeded-random';
import { TokenRegistry, type ApiAccess, type TokenPair } from './token-registry';
import { WebhookDispatcher, type WebhookOptions } from './webhook-dispatcher';
import { WriteError } from './write-error';
import { WriteLog } from './write-log';

export interface DemoPlantOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  seed?: number;
  sizes?: Partial<PlantSizes>;
  /** Work orders moved along their workflow per minute while running; 0 keeps the plant still. */
  changesPerMinute?: number;
  /** Where the plant keeps its state across restarts; null keeps it in memory only. */
  stateFile?: string | null;
  /**
   * The static admin token: accepted by the API like an issued token, and the only token the
   * control API accepts. By default the saved one, or a new random one.
   */
  token?: string;
  /**
   * Whether the state file keeps the admin token (the default: the command-line plant prints it
   * and it must survive restarts). Plants inside the app need it for nothing after a restart, so
   * they keep it in memory only and it is never on disk, in clear or otherwise.
   */
  saveToken?: boolean;
  /** Lifetime of access tokens the plant issues; Makini's is 30 days. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of refresh tokens the plant issues; Makini's is 31 days. */
  refreshTokenTtlSeconds?: number;
  /** The one OAuth client Makini Link's flows accept; by default Millwright's demo credentials. */
  oauthClient?: OAuthClient;
  /**
   * Outgoing webhooks (see this folder's README, "Webhooks"): targets subscribed from the start, fault
   * rates, and the batching and retry timings (tests shorten them).
   */
  webhooks?: WebhookOptions;
  now?: () => number;
}

export interface RunningDemoPlant {
  url: string;
  /** The static admin token (see DemoPlantOptions.token). */
  token: string;
  oauthClient: OAuthClient;
  state: PlantState;
  faults: FaultInjector;
  /** Every write applied and how many were replayed (also GET /__control/writes). */
  writes: WriteLog;
  /** Outgoing webhooks: targets, stats, fault rates (also /__control/webhooks); `idle()` waits for deliveries to settle. */
  webhooks: WebhookDispatcher;
  /** A new grant, like "issue new token pair" on Makini's Connections page; `expiresAt` is in Unix seconds. */
  issueToken(): TokenPair;
  /**
   * While on, grants issued before it was turned on answer /api/eam/* with 401
   * REAUTHORIZATION_REQUIRED and report sync_status "fail"; the admin token is unaffected.
   */
  setCredentialsChanged(changed: boolean): void;
  /** Requests to the API presented with this access token's grant, rejected ones included; 0 for an unknown token. */
  apiRequestsByToken(accessToken: string): number;
  close(): Promise<void>;
}

const plantName = 'Millwright Demo Plant';
const day = 24 * 60 * 60;

/** An error answer in Makini's structured form, for the write path (which may drop it instead of sending it). */
function errorAnswer(requestId: string, status: number, code: string, type: string, message: string, details: Record<string, unknown> = {}): StoredAnswer {
  return { status, body: { error: { code, type, message, request_id: requestId, ...details } } };
}

function resolveEamRoute(rest: string): { route: PlantRoute; key: string | null } | null {
  if (Object.hasOwn(plantRoutes, rest)) return { route: rest as PlantRoute, key: null };
  const slash = rest.lastIndexOf('/');
  const prefix = rest.slice(0, slash);
  const key = decodeURIComponent(rest.slice(slash + 1));
  if (slash > 0 && key && Object.hasOwn(plantRoutes, prefix)) return { route: prefix as PlantRoute, key };
  return null;
}

/** The work order whose lines `GET work-orders/{key}/materials` asks for; null for any other path. */
function workOrderOfMaterialsPath(eamPath: string): string | null {
  const match = /^work-orders\/([^/]+)\/materials$/.exec(eamPath);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!) || null;
  } catch {
    return null;
  }
}

/** A write ready to apply: what its Idempotency-Key compares (`body`) and how it is applied at a time. */
interface PendingWrite {
  body: unknown;
  apply(nowMs: number): WriteResult | Promise<WriteResult>;
}

/**
 * Plays a fault on a request before it is served: holds it `delayMs`, then answers the fault's
 * status, if it has one, in Makini's error shape. True when it answered.
 */
async function playFault(res: ServerResponse, requestId: string, fault: FaultRule | null): Promise<boolean> {
  if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (!fault?.status) return false;
  if (fault.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(fault.retryAfterSeconds));
  const [code, type] =
    fault.status === 401
      ? ['AUTHENTICATION_FAILED', 'authentication_error']
      : fault.status === 429
        ? ['RATE_LIMIT_EXCEEDED', 'rate_limit_error']
        : fault.status >= 500
          ? ['SERVICE_UNAVAILABLE', 'api_error']
          : ['INVALID_REQUEST', 'invalid_request_error'];
  sendError(res, requestId, fault.status, code, type, `Injected fault: HTTP ${fault.status}.`);
  return true;
}

/** A page of a list in Makini's `data` / `links` / `meta` envelope (records of the wrong shape under the fault `malformed: "shape"`). */
function sendList(res: ServerResponse, url: URL, result: ListResult<PlantRecord>, answered: (record: PlantRecord) => PlantRecord, fault: FaultRule | null): void {
  const pageUrl = (page: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(page));
    return next.toString();
  };
  const from = result.data.length ? (result.page - 1) * result.perPage + 1 : null;
  sendJson(res, 200, {
    data: fault?.malformed === 'shape' ? result.data.map((record) => ({ ...record, key: 12345, updatedAt: null })) : result.data.map(answered),
    links: {
      first: pageUrl(1),
      last: pageUrl(result.lastPage),
      prev: result.page > 1 ? pageUrl(result.page - 1) : null,
      next: result.page < result.lastPage ? pageUrl(result.page + 1) : null,
    },
    meta: {
      current_page: result.page,
      from,
      last_page: result.lastPage,
      path: `${url.origin}${url.pathname}`,
      per_page: result.perPage,
      to: from === null ? null : from + result.data.length - 1,
      total: result.total,
    },
  });
}

/**
 * A Makini-compatible EAM server with seeded plant data: the default connection for a new user,
 * and the upstream every sync test runs against.
 */
export async function startDemoPlant(options: DemoPlantOptions = {}): Promise<RunningDemoPlant> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const sizes: PlantSizes = { ...defaultPlantSizes, ...options.sizes };
  const stateFile = options.stateFile ?? null;
  const saved = stateFile ? await loadPlantState(stateFile) : null;
  const sameIdentity = saved !== null && saved.identity.seed === seed && sameSizes(saved.identity.sizes, sizes);
  const state = sameIdentity
    ? new PlantState(saved.identity, saved.overrides, saved.tombstones)
    : new PlantState({ seed, sizes, epochMs: now() });
  const saveToken = options.saveToken ?? true;
  const token = options.token ?? (saveToken && sameIdentity && saved.token !== null ? saved.token : `demo_${randomBytes(24).toString('hex')}`);
  const tokens = new TokenRegistry({
    adminToken: token,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 30 * day,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 31 * day,
    now,
    saved: sameIdentity ? saved.auth : null,
  });
  const oauthClient = { ...(options.oauthClient ?? defaultOAuthClient) };
  const faults = new FaultInjector();
  const idempotency = new IdempotencyStore(idempotencyKeysKept, sameIdentity ? saved.idempotency : [], now);
  const writes = new WriteLog();
  const activity = new SeededRandom(seed ^ 0x5eed);
  const webhooks = new WebhookDispatcher(seed, options.webhooks);
  const documentFiles = DocumentFiles.beside(stateFile);
  // A fresh plant in place of a saved one: the saved plant's uploaded files go with it.
  if (stateFile && !sameIdentity) await documentFiles.clear();
  /** The plant's own address, where its documents' files are (set once it listens, before any request). */
  let origin = '';

  let saveTimer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    if (!stateFile) return saving;
    saving = saving.then(() =>
      savePlantState(stateFile, {
        identity: state.identity,
        token: saveToken ? token : null,
        overrides: state.overridesSnapshot(),
        tombstones: state.tombstonesSnapshot(),
        auth: tokens.snapshot(),
        idempotency: idempotency.snapshot(),
      }),
    );
    return saving;
  };
  const scheduleSave = () => {
    if (!stateFile || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void save();
    }, 500);
  };
  const unsubscribers = [
    state.onChange(scheduleSave),
    state.onChange((collection, key, kind) => webhooks.record(collection, key, kind)),
    tokens.onChange(scheduleSave),
    idempotency.onChange(scheduleSave),
    // A purged document's file goes too (a failure only leaves a file no key will name again: keys are never reused).
    state.onChange((collection, key, kind) => {
      if (collection === 'documents' && kind === 'deleted') documentFiles.remove(key).catch(() => undefined);
    }),
  ];
  // A new plant is written at once; so is one whose file held an admin token it must no longer keep.
  if (stateFile && (!sameIdentity || (!saveToken && saved.token !== null))) await save();

  /**
   * A POST or PUT under /api/eam/ (see this folder's README, "Writes"): validated and applied at most
   * once per Idempotency-Key, then answered, or (fault dropAfterApply) the connection dropped.
   */
  const serveWrite = async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, write: PendingWrite, fault: FaultRule | null) => {
    const method = req.method ?? 'POST';
    const header = req.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' ? header : null;
    let answer: StoredAnswer & { headers?: Record<string, string> };
    if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > idempotencyKeyMaxLength)) {
      answer = errorAnswer(requestId, 400, 'INVALID_REQUEST', 'invalid_request_error', `Idempotency-Key must be 1 to ${idempotencyKeyMaxLength} characters.`);
    } else {
      const execute = async (): Promise<StoredAnswer> => {
        const result = await write.apply(now());
        writes.recordApplied({ idempotencyKey, method, path: url.pathname, key: result.key, at: new Date(now()).toISOString() });
        return { status: 200, body: { data: result.data } };
      };
      try {
        if (idempotencyKey === null) answer = await execute();
        else {
          const outcome = await idempotency.run(idempotencyKey, requestFingerprint(method, url.pathname, write.body), execute);
          if (outcome.kind === 'reused') {
            const message = 'This Idempotency-Key was already used for a different request (method, path or body); use a new key for a new request.';
            answer = errorAnswer(requestId, 422, 'IDEMPOTENCY_KEY_REUSED', 'invalid_request_error', message);
          } else if (outcome.kind === 'replayed') {
            writes.recordReplay();
            answer = { ...outcome.answer, headers: { 'idempotent-replayed': 'true' } };
          } else answer = outcome.answer;
        }
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        answer = errorAnswer(requestId, error.status, error.code, 'invalid_request_error', error.message, error.fields ? { fields: error.fields } : {});
      }
    }
    if (fault?.dropAfterApply) return void res.destroy();
    if (fault?.malformed === 'json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"data": {"key": "trunc');
    }
    const data = (answer.body as { data?: Record<string, unknown> }).data;
    const sent = fault?.malformed === 'shape' && data ? { data: { ...data, key: 12345, updatedAt: null } } : answer.body;
    sendJson(res, answer.status, sent, answer.headers);
  };

  /** Records answered otherwise than as kept: parts with their inventories, documents with the URL of their file. */
  const answeredAs: Partial<Record<PlantRoute, (record: PlantRecord) => PlantRecord>> = {
    materials: (record) => state.withInventories(record),
    documents: (record) => documentAnswer(record, origin),
  };

  /** POST /api/eam/documents: the form checked, then the document and its file added. */
  const uploadDocument = async (form: DocumentForm, nowMs: number): Promise<WriteResult> => {
    const document = await addDocument(state, documentFiles, validateDocumentUpload(state, form), isoSeconds(nowMs));
    return { data: documentAnswer(document, origin), key: document.key! };
  };

  const serveApi = async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, access: ApiAccess) => {
    if (!access.ok) return sendError(res, requestId, 401, 'AUTHENTICATION_FAILED', 'authentication_error', access.message);
    const eamPath = url.pathname.startsWith('/api/eam/') ? url.pathname.slice('/api/eam/'.length) : null;
    if (eamPath !== null && access.reauthorizationRequired) {
      const message = "The plant's system credentials changed; reconnect through Makini Link.";
      return sendError(res, requestId, 401, 'REAUTHORIZATION_REQUIRED', 'authentication_error', message);
    }
    const method = req.method ?? 'GET';
    const write = eamPath !== null && method !== 'GET' ? matchWriteRoute(method, eamPath) : null;
    // A write's body is read before anything is answered, so no answer leaves a request half-read.
    const body = write && write !== 'method-not-allowed' ? await readJsonBody(req) : undefined;
    const form = url.pathname === documentUploadRule.path && method === documentUploadRule.method ? await readDocumentForm(req) : null;
    const fault = faults.take(url.pathname, method);
    if (await playFault(res, requestId, fault)) return;
    if (write === 'method-not-allowed') {
      return sendError(res, requestId, 405, 'METHOD_NOT_ALLOWED', 'invalid_request_error', `${method} is not served at ${url.pathname}.`);
    }
    if (write) return serveWrite(req, res, url, requestId, { body, apply: (nowMs) => applyWrite(state, write, body, nowMs) }, fault);
    if (form) return serveWrite(req, res, url, requestId, { body: form.fingerprint, apply: (nowMs) => uploadDocument(form, nowMs) }, fault);
    if (fault?.dropAfterApply) return void res.destroy();
    if (fault?.malformed === 'json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"data": [{"key": "trunc');
    }
    if (url.pathname === '/api/integrations/current' && req.method === 'DELETE') {
      access.revoke();
      return sendJson(res, 200, {});
    }
    if (method !== 'GET') return sendError(res, requestId, 405, 'METHOD_NOT_ALLOWED', 'invalid_request_error', `${method} is not served at ${url.pathname}.`);

    if (url.pathname === '/api/integrations/current') {
      return sendJson(res, 200, {
        data: {
          id: `demo-${state.identity.seed}`,
          company_name: plantName,
          email: 'demo@millwright.invalid',
          provider: 'demo-plant',
          updated_at: new Date(state.identity.epochMs).toISOString(),
          sync_status: access.reauthorizationRequired ? 'fail' : 'done',
          sync_updated_at: new Date(now()).toISOString(),
        },
      });
    }
    const workOrderKey = eamPath === null ? null : workOrderOfMaterialsPath(eamPath);
    if (workOrderKey !== null) {
      // GET work-orders/{key}/materials: that work order's lines, listed like any route.
      if (!state.collections.workOrders.get(workOrderKey)) return sendError(res, requestId, 404, 'NOT_FOUND', 'invalid_request_error', `No work-orders record with key ${workOrderKey}.`);
      const lines = new RecordCollection(materialLinesOf(state, workOrderKey));
      return sendList(res, url, lines.list(parseListQuery(url.searchParams)), (record) => record, fault);
    }
    const eam = eamPath === null ? null : resolveEamRoute(eamPath);
    if (!eam) return sendError(res, requestId, 404, 'NOT_FOUND', 'invalid_request_error', `No such endpoint: ${url.pathname}`);
    const collection = state.collections[plantRoutes[eam.route]];
    const answered = answeredAs[eam.route] ?? ((record: PlantRecord) => record);
    if (eam.key !== null) {
      const record = collection.get(eam.key);
      if (!record) return sendError(res, requestId, 404, 'NOT_FOUND', 'invalid_request_error', `No ${eam.route} record with key ${eam.key}.`);
      return sendJson(res, 200, { data: answered(record) });
    }
    return sendList(res, url, collection.list(parseListQuery(url.searchParams)), answered, fault);
  };

  /** GET /files/documents/{key}: a document's file, for the API's bearer tokens, with the API's faults (those whose pathPrefix is under /files/). */
  const serveDocumentFile = async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, access: ApiAccess) => {
    if (!access.ok) return sendError(res, requestId, 401, 'AUTHENTICATION_FAILED', 'authentication_error', access.message);
    if (access.reauthorizationRequired) {
      return sendError(res, requestId, 401, 'REAUTHORIZATION_REQUIRED', 'authentication_error', "The plant's system credentials changed; reconnect through Makini Link.");
    }
    const method = req.method ?? 'GET';
    const fault = faults.take(url.pathname, method);
    if (await playFault(res, requestId, fault)) return;
    if (method !== 'GET') return sendError(res, requestId, 405, 'METHOD_NOT_ALLOWED', 'invalid_request_error', `${method} is not served at ${url.pathname}.`);
    if (fault?.dropAfterApply) return void res.destroy();
    const key = documentKeyOfFilePath(url.pathname);
    const file = key === null ? null : await documentFile(state, documentFiles, key);
    if (!file) return sendError(res, requestId, 404, 'NOT_FOUND', 'invalid_request_error', `No document file at ${url.pathname}.`);
    // A malformed answer (either kind) is a 200 whose body is not the whole file: its first half.
    sendDocumentFile(res, file.document, fault?.malformed ? file.bytes.subarray(0, file.bytes.length >> 1) : file.bytes);
  };

  const serveOAuth = oauthRoutes({ plantName, client: oauthClient, tokens, now });
  const serveControl = controlRoutes({ state, faults, tokens, writes, webhooks, activity, now });

  const server = createHardenedListener({
    name: 'demo plant',
    writeRefusal: sendRefusal,
    async handle(req, res, url) {
      const requestId = randomUUID();
      res.setHeader('x-request-id', requestId);
      const presented = bearerToken(req.headers.authorization);
      try {
        if (isOAuthPath(url.pathname)) return await serveOAuth(req, res, url);
        if (url.pathname.startsWith('/__control/')) {
          if (!tokens.isAdmin(presented)) {
            return sendError(res, requestId, 401, 'AUTHENTICATION_FAILED', 'authentication_error', 'The control API takes the admin token.');
          }
          return await serveControl(req, res, url);
        }
        if (url.pathname.startsWith('/files/')) return await serveDocumentFile(req, res, url, requestId, tokens.authenticate(presented));
        return await serveApi(req, res, url, requestId, tokens.authenticate(presented));
      } catch (error) {
        if (error instanceof ListQueryError) throw new HttpRefusal(400, error.code, error.message, {}, error.fields ? { fields: error.fields } : {});
        if (error instanceof RequestBodyError) throw new HttpRefusal(400, 'INVALID_REQUEST', error.message);
        throw error;
      }
    },
  });
  const address = await listenOn(server, options.port ?? 0, options.host ?? '127.0.0.1');
  origin = `http://${address.address}:${address.port}`;

  const changesPerMinute = options.changesPerMinute ?? 0;
  const ticker =
    changesPerMinute > 0 ? setInterval(() => state.advanceWorkOrders(1, activity, now()), 60_000 / changesPerMinute) : null;
  ticker?.unref();

  return {
    url: origin,
    token,
    oauthClient,
    state,
    faults,
    writes,
    webhooks,
    issueToken: () => tokens.issuePair(),
    setCredentialsChanged: (changed) => tokens.setCredentialsChanged(changed),
    apiRequestsByToken: (accessToken) => tokens.apiRequestsByToken(accessToken),
    async close() {
      if (ticker) clearInterval(ticker);
      for (const unsubscribe of unsubscribers) unsubscribe();
      if (saveTimer) clearTimeout(saveTimer);
      await webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await save();
    },
  };
}
