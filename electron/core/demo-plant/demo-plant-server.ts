import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { FaultInjector, faultRuleSchema, type FaultRule } from './fault-injector';
import { ListQueryError, parseListQuery } from './list-query';
import { defaultPlantSizes, type PlantSizes } from './plant-data-generator';
import { PlantState, plantRoutes, type PlantRoute } from './plant-state';
import { loadPlantState, savePlantState } from './plant-state-file';
import { SeededRandom } from './seeded-random';

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
  /** Access token to accept; by default the saved one, or a new random one. */
  token?: string;
  now?: () => number;
}

export interface RunningDemoPlant {
  url: string;
  token: string;
  state: PlantState;
  faults: FaultInjector;
  close(): Promise<void>;
}

const controlMutateSchema = z.object({
  entity: z.literal('work-orders'),
  count: z.number().int().min(1).max(10_000),
});

const maxBodyBytes = 1024 * 1024;

/** Makini's structured error body (code, type, message, request id), as the seeds describe it. */
function sendError(res: ServerResponse, requestId: string, status: number, code: string, type: string, message: string): void {
  sendJson(res, status, { error: { code, type, message, request_id: requestId } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new ListQueryError('Request body is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ListQueryError('Request body is not valid JSON.');
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

function resolveEamRoute(rest: string): { route: PlantRoute; key: string | null } | null {
  if (Object.hasOwn(plantRoutes, rest)) return { route: rest as PlantRoute, key: null };
  const slash = rest.lastIndexOf('/');
  const prefix = rest.slice(0, slash);
  const key = decodeURIComponent(rest.slice(slash + 1));
  if (slash > 0 && key && Object.hasOwn(plantRoutes, prefix)) return { route: prefix as PlantRoute, key };
  return null;
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
  const sameIdentity = saved !== null && saved.identity.seed === seed && JSON.stringify(saved.identity.sizes) === JSON.stringify(sizes);
  const state = sameIdentity
    ? new PlantState(saved.identity, saved.overrides)
    : new PlantState({ seed, sizes, epochMs: now() });
  const token = options.token ?? (sameIdentity ? saved.token : `demo_${randomBytes(24).toString('hex')}`);
  const faults = new FaultInjector();
  const activity = new SeededRandom(seed ^ 0x5eed);

  let saveTimer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    if (!stateFile) return saving;
    saving = saving.then(() => savePlantState(stateFile, { identity: state.identity, token, overrides: state.overridesSnapshot() }));
    return saving;
  };
  const unsubscribe = state.onChange(() => {
    if (!stateFile || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void save();
    }, 500);
  });
  if (stateFile && !sameIdentity) await save();

  const serveApi = async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, fault: FaultRule | null) => {
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.status) {
      if (fault.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(fault.retryAfterSeconds));
      const [code, type] =
        fault.status === 401
          ? ['AUTHENTICATION_FAILED', 'authentication_error']
          : fault.status === 429
            ? ['RATE_LIMIT_EXCEEDED', 'rate_limit_error']
            : fault.status >= 500
              ? ['SERVICE_UNAVAILABLE', 'api_error']
              : ['INVALID_REQUEST', 'invalid_request_error'];
      return sendError(res, requestId, fault.status, code, type, `Injected fault: HTTP ${fault.status}.`);
    }
    if (fault?.malformed === 'json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"data": [{"key": "trunc');
    }
    if (req.method !== 'GET') return sendError(res, requestId, 405, 'METHOD_NOT_ALLOWED', 'invalid_request_error', 'Only GET is served here.');

    if (url.pathname === '/api/integrations/current') {
      return sendJson(res, 200, {
        data: {
          id: `demo-${state.identity.seed}`,
          company_name: 'Millwright Demo Plant',
          email: 'demo@millwright.invalid',
          provider: 'demo-plant',
          updated_at: new Date(state.identity.epochMs).toISOString(),
          sync_status: 'done',
          sync_updated_at: new Date(now()).toISOString(),
        },
      });
    }
    const eam = url.pathname.startsWith('/api/eam/') ? resolveEamRoute(url.pathname.slice('/api/eam/'.length)) : null;
    if (!eam) return sendError(res, requestId, 404, 'NOT_FOUND', 'invalid_request_error', `No such endpoint: ${url.pathname}`);
    const collection = state.collections[plantRoutes[eam.route]];
    if (eam.key !== null) {
      const record = collection.get(eam.key);
      if (!record) return sendError(res, requestId, 404, 'NOT_FOUND', 'invalid_request_error', `No ${eam.route} record with key ${eam.key}.`);
      return sendJson(res, 200, { data: record });
    }
    const query = parseListQuery(url.searchParams);
    const result = collection.list(query);
    const pageUrl = (page: number) => {
      const next = new URL(url);
      next.searchParams.set('page', String(page));
      return next.toString();
    };
    const from = result.data.length ? (result.page - 1) * result.perPage + 1 : null;
    return sendJson(res, 200, {
      data: fault?.malformed === 'shape' ? result.data.map((record) => ({ ...record, key: 12345, updatedAt: null })) : result.data,
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
  };

  const serveControl = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const action = `${req.method} ${url.pathname}`;
    if (action === 'GET /__control/stats') return sendJson(res, 200, state.stats());
    if (action === 'POST /__control/mutate') {
      const body = controlMutateSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: 'body must be {"entity":"work-orders","count":1..10000}' });
      return sendJson(res, 200, { keys: state.advanceWorkOrders(body.data.count, activity, now()) });
    }
    if (action === 'POST /__control/faults') {
      const body = faultRuleSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: z.prettifyError(body.error) });
      faults.add(body.data);
      return sendJson(res, 200, { pending: faults.pending() });
    }
    if (action === 'DELETE /__control/faults') {
      faults.clear();
      return sendJson(res, 200, { pending: 0 });
    }
    return sendJson(res, 404, { error: `unknown control action ${action}` });
  };

  const server = createServer((req, res) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (!tokenMatches(req.headers.authorization, token)) {
      return sendError(res, requestId, 401, 'AUTHENTICATION_FAILED', 'authentication_error', 'Missing or invalid access token.');
    }
    const handle = url.pathname.startsWith('/__control/')
      ? serveControl(req, res, url)
      : serveApi(req, res, url, requestId, faults.take(url.pathname));
    handle.catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof ListQueryError) return sendError(res, requestId, 400, 'INVALID_REQUEST', 'invalid_request_error', error.message);
      sendError(res, requestId, 500, 'INTERNAL_ERROR', 'api_error', 'The demo plant failed to answer.');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;

  const changesPerMinute = options.changesPerMinute ?? 0;
  const ticker =
    changesPerMinute > 0 ? setInterval(() => state.advanceWorkOrders(1, activity, now()), 60_000 / changesPerMinute) : null;
  ticker?.unref();

  return {
    url: `http://${address.address}:${address.port}`,
    token,
    state,
    faults,
    async close() {
      if (ticker) clearInterval(ticker);
      unsubscribe();
      if (saveTimer) clearTimeout(saveTimer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await save();
    },
  };
}
