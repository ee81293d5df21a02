import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { makiniEntityAdapters } from '../../electron/core/connectors/makini/makini-entity-adapters';
import { SyncEngine } from '../../electron/core/sync/sync-engine';
import { syncEntities, syncEntityLabels, type SyncEntity } from '../../shared/domain/sync-entity';
import { AppError, errorCodes } from '../../shared/errors';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { createTestDb } from '../support/test-db';

/**
 * The sync against a Makini-shaped server whose answers each test scripts per list: everything
 * the spec allows (float or negative `meta.total`, placeholder links, error bodies of other APIs)
 * and faults of one list. Real HTTP, real Dexie on fake-indexeddb; retry waits are recorded, not slept.
 */

type Answer = { status?: number; headers?: Record<string, string>; body: unknown };
/** Answers for a list path (without /api/eam/), given the request's query. */
type Script = (query: URLSearchParams) => Answer;

const connectionId = 'scripted';
let server: Server;
let baseUrl = '';
let scripts = new Map<string, Script>();
const requests: string[] = [];
let waits: number[] = [];
const dbs: MillwrightDb[] = [];

const pathOf = (entity: SyncEntity) => makiniEntityAdapters[entity].path.replace('/api/eam/', '');
const page = (data: unknown[], meta: unknown = { current_page: 1, last_page: 1, total: data.length }, links: unknown = { next: null }): Answer => ({ body: { data, links, meta } });
const at = (second: number) => new Date(Date.UTC(2026, 10, 1, 8, 0, second)).toISOString();

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  requests.push(`${url.pathname}?${url.searchParams.toString()}`);
  const path = url.pathname.replace('/api/eam/', '');
  const script = scripts.get(path);
  const answer = script ? script(url.searchParams) : page([]);
  response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
  response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
}

function engine(db: MillwrightDb, historyDays: number | null = null) {
  const connector = new MakiniConnector({ connectionId, baseUrl, getToken: () => 'token', timeoutMs: 5000 });
  return {
    engine: new SyncEngine({ connectionId, connector, perPage: 3, historyDays, sleep: async (ms) => void waits.push(ms), random: () => 0.5, now: () => new Date(at(0)) }),
    store: new DexieLocalStore(db),
  };
}

function newDb(): MillwrightDb {
  const db = createTestDb();
  dbs.push(db);
  return db;
}

const workOrder = (key: string, second: number, extra: Record<string, unknown> = {}) => ({ key, code: `WO-${key}`, title: `Work ${key}`, updatedAt: at(second), ...extra });

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  scripts = new Map();
  requests.length = 0;
  waits = [];
  for (const db of dbs.splice(0)) db.close();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Every user-facing text of a run: the error messages and notes of its history rows. */
async function shownTexts(db: MillwrightDb): Promise<string[]> {
  const rows = await db.syncHistory.toArray();
  const reasons = (await db.quarantine.toArray()).map((q) => q.reason);
  return [...rows.flatMap((row) => [row.error?.message ?? '', row.note ?? '']), ...reasons];
}

function expectNoInternalNames(texts: readonly string[]) {
  for (const text of texts) {
    for (const name of [...syncEntities, ...errorCodes]) expect(text, text).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(text, text).not.toMatch(/\/api\/eam/);
  }
}

describe('sync against a spec-valid upstream', () => {
  it('reads pages whose meta.total is a float, negative or missing, and whose links are placeholders', async () => {
    const db = newDb();
    scripts.set(pathOf('workOrders'), (query) => {
      const number = Number(query.get('page'));
      if (query.get('filter[updatedAt:gteq]') === null) {
        return page([workOrder('a', 1), workOrder('b', 2), workOrder('c', 3)], { total: 7657951.935586244, current_page: 56498633.36, last_page: -3 }, { next: 'ut ipsum labore' });
      }
      return number === 1 ? page([workOrder('c', 3), workOrder('d', 4)], { total: -5 }, { next: 'string' }) : page([], {});
    });
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store, { entities: ['workOrders'] });
    expect(summary.outcome).toBe('synced');
    expect((await db.workOrders.toArray()).map((wo) => wo.key).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(summary.entities[0]).toMatchObject({ received: 4, applied: 4, quarantined: 0 });
  });

  it('ends a read of full pages whose records are all set aside, naming the field in plain words', async () => {
    const db = newDb();
    let served = 0;
    scripts.set(pathOf('workOrderMaterials'), () => {
      served += 1;
      // Three full pages (3 a page) of records with no readable change time, then a short one.
      if (served > 4) return page([]);
      const count = served === 4 ? 1 : 3;
      return page(Array.from({ length: count }, (_, index) => ({ key: `m${served}-${index}`, updatedAt: 'deserunt' })), { total: 10.5 }, { next: served < 4 ? '/api/eam/work-orders/materials?page=2' : null });
    });
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store, { entities: ['workOrderMaterials'] });
    expect(summary.outcome).toBe('synced');
    expect(summary.entities[0]).toMatchObject({ outcome: 'synced', received: 10, applied: 0, quarantined: 10 });
    const skipped = await db.quarantine.toArray();
    expect(skipped).toHaveLength(10);
    for (const record of skipped) expect(record.reason).toBe('"updatedAt" (when it last changed) is not a date and time: "deserunt".');
    expectNoInternalNames(await shownTexts(db));
  });

  it('reads past more than a page of set-aside records whose change times are readable, from an upstream that honours the filters and pages', async () => {
    const db = newDb();
    // Two readable work orders, then seven without a key (set aside, though their change times read), then two more.
    const records = [
      workOrder('a', 1), workOrder('b', 1),
      ...Array.from({ length: 7 }, (_, index) => ({ code: `WO-x${index}`, title: `No key ${index}`, updatedAt: at(2 + index) })),
      workOrder('c', 9), workOrder('d', 10),
    ];
    scripts.set(pathOf('workOrders'), (query) => {
      const since = query.get('filter[updatedAt:gteq]');
      const before = query.get('filter[updatedAt:lt]');
      const matching = records.filter((record) => (!since || record.updatedAt >= since) && (!before || record.updatedAt < before));
      const perPage = Number(query.get('per_page'));
      const from = (Number(query.get('page')) - 1) * perPage;
      const more = from + perPage < matching.length;
      return page(matching.slice(from, from + perPage), { total: matching.length }, { next: more ? `?page=${Number(query.get('page')) + 1}` : null });
    });
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store, { entities: ['workOrders'] });
    expect(summary.outcome).toBe('synced');
    expect((await db.workOrders.toArray()).map((wo) => wo.key).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await db.quarantine.count()).toBe(7);
    expect(requests.filter((request) => request.startsWith('/api/eam/work-orders?')).length).toBeLessThan(12);
  });

  it('still stops an upstream that sends the very same page whatever page is asked for, saying so in plain words', async () => {
    const db = newDb();
    scripts.set(pathOf('workOrderMaterials'), () => page([{ key: 'x1', updatedAt: 'no' }, { key: 'x2', updatedAt: 'no' }, { key: 'x3', updatedAt: 'no' }], {}, { next: '?page=2' }));
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store, { entities: ['workOrderMaterials', 'workOrders'] });
    expect(summary.outcome).toBe('partial');
    const [failed] = summary.entities;
    expect(failed).toMatchObject({ outcome: 'failed', quarantined: 3, received: 3 });
    const row = (await db.syncHistory.toArray()).find((entry) => entry.entity === 'workOrderMaterials')!;
    expect(row.error).toMatchObject({ code: 'UPSTREAM_MALFORMED', list: 'Work-order parts', failedAt: 'makini' });
    expect(row.error!.message).toMatch(/^Work-order parts could not be read\. .*same work-order parts again/);
    expectNoInternalNames(await shownTexts(db));
  });

  it('goes on with the other lists when one is refused (422), ends partial, and keeps Makini\'s own code, type, request id and fields', async () => {
    const db = newDb();
    scripts.set(pathOf('teams'), () => ({
      status: 422,
      headers: { 'x-request-id': 'header-id' },
      body: { error: { code: 'VALIDATION_ERROR', type: 'invalid_request_error', message: 'The given data was invalid.', request_id: 'req-422', fields: { 'sort[updatedAt]': 'not sortable' } } },
    }));
    scripts.set(pathOf('workOrders'), (query) => (query.get('filter[updatedAt:gteq]') === null ? page([workOrder('w1', 1), workOrder('w2', 2)]) : page([])));
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store);
    expect(summary.outcome).toBe('partial');
    expect(summary.entities.map((e) => e.entity)).toEqual([...syncEntities]);
    expect(summary.entities.filter((e) => e.outcome === 'failed').map((e) => e.entity)).toEqual(['teams']);
    expect(summary.entities.find((e) => e.entity === 'teams')!.error).toMatchObject({ code: 'UPSTREAM_BAD_REQUEST', list: 'Teams', requestId: 'req-422' });
    expect(summary.entities.find((e) => e.entity === 'workOrders')!.error).toBeUndefined();
    expect(await db.workOrders.count()).toBe(2);
    const row = (await db.syncHistory.toArray()).find((entry) => entry.entity === 'teams')!;
    expect(row.error).toMatchObject({
      code: 'UPSTREAM_BAD_REQUEST',
      status: 422,
      requestId: 'req-422',
      upstreamCode: 'VALIDATION_ERROR',
      upstreamType: 'invalid_request_error',
      failedAt: 'makini',
      list: 'Teams',
      details: ['sort[updatedAt]: not sortable'],
    });
    expect(row.error!.message).toBe(
      'Teams could not be read. Makini answered HTTP 422 VALIDATION_ERROR: “The given data was invalid.” Fields named: sort[updatedAt]: not sortable. ' +
        'Makini refused what Millwright asked for; the other lists were still read. If it happens again, send Makini support this message with its request id.',
    );
    expectNoInternalNames(await shownTexts(db));
  });

  it('tells apart Makini\'s REAUTHORIZATION_REQUIRED and AUTHENTICATION_FAILED, and a refused sign-in still stops the run', async () => {
    for (const code of ['REAUTHORIZATION_REQUIRED', 'AUTHENTICATION_FAILED']) {
      const db = newDb();
      scripts.set(pathOf('sites'), () => ({ status: 401, body: { error: { code, type: 'authentication_error', message: 'Token refused.', request_id: `r-${code}` } } }));
      const { engine: sync, store } = engine(db);
      const error = (await sync.run(store).catch((e: unknown) => e)) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: code, upstreamType: 'authentication_error', requestId: `r-${code}`, list: 'Sites' });
      expect(requests.filter((r) => r.startsWith('/api/eam/locations'))).toEqual([]);
      requests.length = 0;
    }
  });

  it('shows another API\'s RFC 7807 problem details', async () => {
    const db = newDb();
    scripts.set(pathOf('assets'), () => ({
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
      body: { type: 'https://example.com/probs/filter', title: 'Bad filter', detail: 'filter[updatedAt:gteq] must be a date', status: 400, instance: '/req/77' },
    }));
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store, { entities: ['assets', 'sites'] });
    expect(summary.outcome).toBe('partial');
    const row = (await db.syncHistory.toArray()).find((entry) => entry.entity === 'assets')!;
    expect(row.error).toMatchObject({ code: 'UPSTREAM_BAD_REQUEST', upstreamType: 'https://example.com/probs/filter', requestId: '/req/77', list: 'Assets' });
    expect(row.error!.message).toContain('Bad filter: filter[updatedAt:gteq] must be a date');
  });

  it('shows a plain { message } error body', async () => {
    const db = newDb();
    scripts.set(pathOf('sites'), () => ({ status: 500, body: { message: 'Database is being migrated' } }));
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store, { entities: ['sites', 'teams'] });
    expect(summary.entities.map((e) => e.outcome)).toEqual(['failed', 'synced']);
    const row = (await db.syncHistory.toArray()).find((entry) => entry.entity === 'sites')!;
    expect(row.error!.message).toMatch(/^Sites could not be read\. Makini answered HTTP 500: “Database is being migrated\.”/);
  });

  it('waits as long as Retry-After says on a 503, as on a 429', async () => {
    const db = newDb();
    let sitesServed = 0;
    let teamsServed = 0;
    scripts.set(pathOf('sites'), () => (++sitesServed === 1 ? { status: 503, headers: { 'retry-after': '7' }, body: { error: { code: 'MAINTENANCE', message: 'Back soon' } } } : page([])));
    scripts.set(pathOf('teams'), () => (++teamsServed === 1 ? { status: 429, headers: { 'retry-after': '3' }, body: {} } : page([])));
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store, { entities: ['sites', 'teams'] });
    expect(summary.outcome).toBe('synced');
    expect(waits).toEqual([7000, 3000]);
    expect(summary.entities.map((e) => [e.retries, e.requests])).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it('fails a list whose "data" is not a list, naming the field, and reads the others', async () => {
    const db = newDb();
    scripts.set(pathOf('locations'), () => ({ body: { data: { key: 'l1' }, meta: { total: 1 } } }));
    const { engine: sync, store } = engine(db);
    const summary = await sync.run(store, { entities: ['locations', 'sites'] });
    expect(summary.entities.map((e) => e.outcome)).toEqual(['failed', 'synced']);
    const row = (await db.syncHistory.toArray()).find((entry) => entry.entity === 'locations')!;
    expect(row.error!.message).toMatch(/^Locations could not be read\. The page's "data" \(the list of records\) should be a list but is a group of fields\./);
  });

  it('counts a purchase order read by both the open-orders read and the main read once', async () => {
    const db = newDb();
    // A server that ignores filters: the open-orders read and the main read both bring the same order.
    scripts.set(pathOf('purchaseOrderStatuses'), () => page([{ key: 's-open', name: 'Approved', updatedAt: at(1) }]));
    scripts.set(pathOf('purchaseOrders'), () => page([{ key: 'po1', orderNo: 'PO-1', statusKey: 's-open', updatedAt: at(5) }]));
    const { engine: sync, store } = engine(db, 30);
    const summary = await sync.run(store, { entities: ['purchaseOrderStatuses', 'purchaseOrders'] });
    const orders = summary.entities.find((e) => e.entity === 'purchaseOrders')!;
    expect(orders).toMatchObject({ outcome: 'synced', received: 1, applied: 1, quarantined: 0 });
    expect(orders.requests).toBe(requests.length - 1); // all but the status list's own request
  });

  it('says plainly that work orders cannot be read when the status list fails, and notes a status list the system does not offer', async () => {
    const db = newDb();
    scripts.set(pathOf('workOrderStatuses'), () => ({ status: 500, body: { error: { code: 'INTERNAL', message: 'Status table unavailable' } } }));
    scripts.set(pathOf('workOrders'), () => page([workOrder('w1', 1)]));
    const { engine: sync, store } = engine(db, 30);
    const summary = await sync.run(store, { entities: ['workOrderStatuses', 'workOrders', 'sites'] });
    expect(summary.entities.map((e) => e.outcome)).toEqual(['failed', 'failed', 'synced']);
    const row = (await db.syncHistory.toArray()).find((entry) => entry.entity === 'workOrders')!;
    expect(row.error).toMatchObject({ list: 'Work orders', status: 500 });
    expect(row.error!.message).toMatch(/^Work orders could not be read\. Which work orders are still open cannot be told without the work-order statuses, and those could not be read\. Makini answered HTTP 500 INTERNAL: “Status table unavailable\.” Makini or/);
    // Nothing of work orders committed: the next run reads them as a first read again, open ones included.
    expect(await db.workOrders.count()).toBe(0);
    expect(await new DexieLocalStore(db).getCursor({ connectionId, entity: 'workOrders' })).toBeNull();

    const db2 = newDb();
    scripts.set(pathOf('workOrderStatuses'), () => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No such list' } } }));
    const second = engine(db2, 30);
    const noted = await second.engine.run(second.store, { entities: ['workOrderStatuses', 'workOrders'] });
    expect(noted.outcome).toBe('synced');
    expect(noted.entities.map((e) => e.outcome)).toEqual(['unsupported', 'synced']);
    expect(noted.entities[1]!.note).toBe(
      'Only work orders changed in the last 30 days were read: older ones still open could not be picked out, because the plant system does not offer the work-order statuses. A full re-sync reads them once it can.',
    );
    expect(await db2.workOrders.count()).toBe(1);
    expectNoInternalNames(await shownTexts(db2));
  });

  it('labels every list in plain words', () => {
    for (const entity of syncEntities) expect(syncEntityLabels[entity]).not.toMatch(/[a-z][A-Z]/);
  });
});
