import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { workEndsStop } from '../../electron/demo-plant/plant-asset-downtimes';
import { isoSeconds } from '../../electron/demo-plant/plant-time';

/** Asset downtime on the demo plant, over HTTP: lists, paging, by key, incremental reads, stops ended by completed work, control edits and faults, restarts. */

type Data = Record<string, unknown> & { key: string; updatedAt: string; createdAt: string };
interface ApiError {
  code: string;
  message: string;
  request_id: string;
  fields?: Record<string, string>;
}
interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}
interface Page {
  data: Data[];
  links: { first: string; last: string; prev: string | null; next: string | null };
  meta: { current_page: number; last_page: number; per_page: number; total: number; from: number | null; to: number | null };
}

/** A plant whose last two days' work has seven assets still down, breakdowns and corrective work both. */
const options = { seed: 13, sizes: { workOrders: 1500 } };
/** The spec's AssetDowntime fields, in its order. */
const specFields = ['key', 'assetKey', 'description', 'startedAt', 'endedAt', 'categoryName', 'severity', 'notes', 'createdAt', 'updatedAt'];
let plant: RunningDemoPlant;

async function call(target: RunningDemoPlant, method: string, route: string, body?: unknown): Promise<Answer> {
  const response = await fetch(target.url + route, {
    method,
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}
const api = (method: string, route: string, body?: unknown) => call(plant, method, route, body);

function data(answer: Answer): Data {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return (answer.json as { data: Data }).data;
}
function apiError(answer: Answer, status: number, code: string): ApiError {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  const error = (answer.json as { error: ApiError }).error;
  expect(error.code).toBe(code);
  expect(error.request_id).toBe(answer.headers.get('x-request-id'));
  return error;
}
async function page(target: RunningDemoPlant, route: string, query: string): Promise<Page> {
  const answer = await call(target, 'GET', `/api/eam/${route}?${query}`);
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json as Page;
}
const list = async (target: RunningDemoPlant, route: string, query = '') => (await page(target, route, `per_page=1000${query}`)).data;
/** Every record of a route, page by page. */
async function listAll(target: RunningDemoPlant, route: string): Promise<Data[]> {
  const records: Data[] = [];
  for (let number = 1, last = 1; number <= last; number++) {
    const answer = await page(target, route, `per_page=1000&page=${number}`);
    records.push(...answer.data);
    last = answer.meta.last_page;
  }
  return records;
}
const maxUpdatedAt = (records: Data[]) => records.map((record) => record.updatedAt).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
/** Waits until the clock is past the second `cursor` names, so a write now is strictly after it, as an incremental sync needs. */
async function pastSecond(cursor: string): Promise<void> {
  while (Math.floor(Date.now() / 1000) * 1000 <= Date.parse(cursor)) await new Promise((resolve) => setTimeout(resolve, 50));
}
const stats = async (target: RunningDemoPlant) => (await call(target, 'GET', '/__control/stats')).json as { counts: Record<string, number> };

const isRunning = (stop: Data) => stop.endedAt === undefined;
/** Stops still running, of this category. */
const runningStops = async (target: RunningDemoPlant, categoryName: string) => (await list(target, 'assets-downtime', `&filter[categoryName]=${categoryName}`)).filter(isRunning);
/** The unplanned work on a stop's asset not yet done that was raised once it began: what ends it when completed. */
async function openWorkFor(target: RunningDemoPlant, stop: Data): Promise<Data> {
  const work = await list(target, 'work-orders', `&filter[assetKey]=${String(stop.assetKey)}&filter[categoryName]=${String(stop.categoryName)}`);
  const open = work.find((workOrder) => workOrder.completedAt === undefined && Date.parse(workOrder.createdAt) >= Date.parse(String(stop.startedAt)));
  expect(open, `open work for ${stop.key}`).toBeDefined();
  return open!;
}
let statusKeys: Map<string, string>;
const statusKey = (name: string) => statusKeys.get(name)!;

beforeAll(async () => {
  plant = await startDemoPlant({ ...options, stateFile: null });
  statusKeys = new Map((await list(plant, 'statuses/work-orders')).map((status) => [String(status.name), status.key]));
});
afterAll(() => plant.close());

describe('demo plant asset downtime: reading', () => {
  it('lists every stop page by page in change order, each one also served by key; an unknown key is 404', async () => {
    const count = (await stats(plant)).counts['assets-downtime']!;
    expect(count).toBeGreaterThan(300);
    const first = await page(plant, 'assets-downtime', 'per_page=100');
    expect(first.meta).toMatchObject({ current_page: 1, per_page: 100, total: count, last_page: Math.ceil(count / 100), from: 1, to: 100 });
    expect(first.links.prev).toBeNull();
    const seen = [...first.data];
    for (let next = first.links.next; next !== null; ) {
      const body = (await call(plant, 'GET', next.slice(plant.url.length))).json as Page;
      seen.push(...body.data);
      next = body.links.next;
    }
    expect(seen).toHaveLength(count);
    expect(new Set(seen.map((stop) => stop.key)).size).toBe(count);
    const order = seen.map((stop) => [Date.parse(stop.updatedAt), stop.key] as const);
    expect([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))).toEqual(order);

    const one = seen[11]!;
    expect(one.key).toMatch(/^21\d{12}$/);
    expect(data(await api('GET', `/api/eam/assets-downtime/${one.key}`))).toEqual(one);
    const missing = apiError(await api('GET', '/api/eam/assets-downtime/21999999999999'), 404, 'NOT_FOUND');
    expect(missing.message).toContain('21999999999999');
  });

  it('serves the spec\'s fields in its order: an ended stop with endedAt, one still running without it', async () => {
    const stops = await listAll(plant, 'assets-downtime');
    const assets = new Set((await list(plant, 'assets')).map((asset) => asset.key));
    for (const stop of stops) {
      expect(Object.keys(stop)).toEqual(specFields.filter((field) => field !== 'endedAt' || !isRunning(stop)));
      expect(assets.has(String(stop.assetKey))).toBe(true);
      expect(['Breakdown', 'Corrective', 'Planned']).toContain(stop.categoryName);
      expect(['Low', 'Medium', 'High', 'Critical']).toContain(stop.severity);
      expect(stop.createdAt).toBe(stop.startedAt);
      if (!isRunning(stop)) expect(Date.parse(String(stop.endedAt))).toBeGreaterThan(Date.parse(String(stop.startedAt)));
      expect(stop.updatedAt).toBe(stop.endedAt ?? stop.startedAt);
    }
    const running = stops.filter(isRunning);
    expect(running.length).toBeGreaterThanOrEqual(3);
    expect(running.every((stop) => stop.categoryName !== 'Planned' && String(stop.description).startsWith('Stopped: '))).toBe(true);
    expect(stops.filter((stop) => stop.categoryName === 'Planned').every((stop) => String(stop.description).startsWith('Planned stop: ') && stop.severity === 'Low')).toBe(true);
  });

  it('filters and sorts like the other lists', async () => {
    const breakdowns = await list(plant, 'assets-downtime', '&filter[categoryName]=Breakdown&sort[startedAt]=1');
    expect(breakdowns.length).toBeGreaterThan(0);
    expect(breakdowns.every((stop) => stop.categoryName === 'Breakdown')).toBe(true);
    const starts = breakdowns.map((stop) => Date.parse(String(stop.startedAt)));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    const assetKey = String(breakdowns[0]!.assetKey);
    const onAsset = await list(plant, 'assets-downtime', `&filter[assetKey]=${assetKey}`);
    expect(onAsset.length).toBeGreaterThan(0);
    expect(onAsset.every((stop) => stop.assetKey === assetKey)).toBe(true);
    const since = isoSeconds(Date.now() - 7 * 86_400_000);
    const recent = await list(plant, 'assets-downtime', `&filter[startedAt:gteq]=${since}`);
    expect(recent.every((stop) => Date.parse(String(stop.startedAt)) >= Date.parse(since))).toBe(true);
  });

  it('answers an incremental read with only what changed after the cursor, and refuses a cursor that is not a date', async () => {
    const cursor = maxUpdatedAt(await listAll(plant, 'assets-downtime'));
    expect(await list(plant, 'assets-downtime', `&filter[updatedAt:gt]=${cursor}`)).toEqual([]);
    await pastSecond(cursor);
    // Control edits reach downtime like any other route: a new note and updatedAt.
    const [touched] = ((await call(plant, 'POST', '/__control/touch', { route: 'assets-downtime', count: 1 })).json as { keys: string[] }).keys;
    const changed = await list(plant, 'assets-downtime', `&filter[updatedAt:gt]=${cursor}`);
    expect(changed.map((stop) => stop.key)).toEqual([touched]);
    expect(String(changed[0]!.notes)).toMatch(/^Reviewed /);
    const refused = apiError(await api('GET', '/api/eam/assets-downtime?filter[updatedAt:gt]=garbage'), 400, 'VALIDATION_ERROR');
    expect(refused.fields).toHaveProperty(['filter[updatedAt:gt]']);
  });

  it('has no write route (the spec has none), takes injected faults, and is counted in the stats', async () => {
    const [stop] = await list(plant, 'assets-downtime', '&per_page=1');
    apiError(await api('POST', '/api/eam/assets-downtime', { assetKey: stop!.assetKey }), 405, 'METHOD_NOT_ALLOWED');
    apiError(await api('PUT', `/api/eam/assets-downtime/${stop!.key}`, { endedAt: isoSeconds(Date.now()) }), 405, 'METHOD_NOT_ALLOWED');
    apiError(await api('DELETE', `/api/eam/assets-downtime/${stop!.key}`), 405, 'METHOD_NOT_ALLOWED');

    expect((await call(plant, 'POST', '/__control/faults', { status: 503, retryAfterSeconds: 2, pathPrefix: '/api/eam/assets-downtime' })).status).toBe(200);
    const faulted = await api('GET', '/api/eam/assets-downtime');
    apiError(faulted, 503, 'SERVICE_UNAVAILABLE');
    expect(faulted.headers.get('retry-after')).toBe('2');
    expect(data(await api('GET', `/api/eam/assets-downtime/${stop!.key}`)).key).toBe(stop!.key);

    const count = (await stats(plant)).counts['assets-downtime'];
    expect(count).toBe((await page(plant, 'assets-downtime', 'per_page=1')).meta.total);
  });
});

describe('demo plant asset downtime: stops ended by completed work', () => {
  it('ends a running stop when its breakdown work order is completed with PUT; an incremental read sees the stop change', async () => {
    const [stop] = await runningStops(plant, 'Breakdown');
    const workOrder = await openWorkFor(plant, stop!);
    const cursor = isoSeconds(Date.now());
    await pastSecond(cursor);
    const completed = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, { statusKey: statusKey('Completed') }));
    expect(completed.completedAt).toBe(completed.updatedAt);

    const ended = data(await api('GET', `/api/eam/assets-downtime/${stop!.key}`));
    expect(ended).toEqual({ ...stop, endedAt: completed.completedAt, updatedAt: completed.updatedAt });
    expect(Object.keys(ended)).toEqual(specFields);
    expect((await list(plant, 'assets-downtime', `&filter[updatedAt:gt]=${cursor}`)).map((record) => record.key)).toEqual([stop!.key]);

    // Later edits of the work order leave the ended stop as it is.
    await pastSecond(ended.updatedAt);
    data(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { notes: 'Coupling replaced.', statusKey: statusKey('Closed') }));
    expect(data(await api('GET', `/api/eam/assets-downtime/${stop!.key}`))).toEqual(ended);
  });

  it('leaves a stop running when preventive work on the asset is completed, and ends it at the completion new unplanned work on it was given', async () => {
    const [stop] = await runningStops(plant, 'Corrective');
    const asset = data(await api('GET', `/api/eam/assets/${String(stop!.assetKey)}`));
    const preventive = { title: 'Lubricate while it is down', siteKey: asset.siteKey, assetKey: asset.key, categoryName: 'Preventive', statusKey: statusKey('Completed') };
    expect(data(await api('POST', '/api/eam/work-orders', preventive)).completedAt).toBeDefined();
    expect(data(await api('GET', `/api/eam/assets-downtime/${stop!.key}`))).toEqual(stop);

    const repair = data(await api('POST', '/api/eam/work-orders', { title: 'Replace the coupling', siteKey: asset.siteKey, assetKey: asset.key, categoryName: 'Corrective' }));
    expect(data(await api('GET', `/api/eam/assets-downtime/${stop!.key}`))).toEqual(stop);
    // Completed a while ago, as the technician reports it: the asset ran again from then.
    const completedAt = isoSeconds((Date.parse(String(stop!.startedAt)) + Date.now()) / 2);
    const completed = data(await api('PUT', `/api/eam/work-orders/${repair.key}`, { completedAt, statusKey: statusKey('Completed') }));
    expect(completed.completedAt).toBe(completedAt);
    expect(data(await api('GET', `/api/eam/assets-downtime/${stop!.key}`))).toEqual({ ...stop, endedAt: completedAt, updatedAt: completed.updatedAt });
  });

  it('ends the stop a work order names in assetDowntimeKey, and refuses a key the plant does not have', async () => {
    const stop = (await list(plant, 'assets-downtime')).find(isRunning)!;
    const asset = data(await api('GET', `/api/eam/assets/${String(stop.assetKey)}`));
    const unknown = apiError(await api('POST', '/api/eam/work-orders', { title: 'x', siteKey: asset.siteKey, assetDowntimeKey: '21999999999999' }), 422, 'VALIDATION_ERROR');
    expect(unknown.fields).toEqual({ assetDowntimeKey: 'no asset downtime with key "21999999999999"' });

    // Named, even preventive work ends it.
    const named = data(await api('POST', '/api/eam/work-orders', { title: 'Restore after the stop', siteKey: asset.siteKey, assetKey: asset.key, categoryName: 'Preventive', assetDowntimeKey: stop.key }));
    expect(named.assetDowntimeKey).toBe(stop.key);
    expect(data(await api('GET', `/api/eam/assets-downtime/${stop.key}`))).toEqual(stop);
    const completed = data(await api('PUT', `/api/eam/work-orders/${named.key}/status`, { statusKey: statusKey('Closed') }));
    expect(data(await api('GET', `/api/eam/assets-downtime/${stop.key}`))).toEqual({ ...stop, endedAt: completed.completedAt, updatedAt: completed.updatedAt });
  });

  it('ends stops when the plant\'s own activity completes their work', async () => {
    const busy = await startDemoPlant({ ...options, stateFile: null });
    try {
      const before = (await listAll(busy, 'assets-downtime')).filter(isRunning);
      expect(before.length).toBeGreaterThanOrEqual(3);
      // Every work order not closed moves one step per round: six take waiting work to Closed.
      for (let round = 0; round < 6; round++) expect((await call(busy, 'POST', '/__control/mutate', { entity: 'work-orders', count: 10_000 })).status).toBe(200);
      const after = await listAll(busy, 'assets-downtime');
      expect(after.filter(isRunning)).toEqual([]);
      const workOrders = await listAll(busy, 'work-orders');
      for (const stop of before) {
        const ended = after.find((record) => record.key === stop.key)!;
        expect(ended.updatedAt).toBe(ended.endedAt);
        // Ended at the earliest completion of work that ends it by the plant's rule.
        const endings = workOrders.filter((workOrder) => workOrder.assetKey === stop.assetKey && workEndsStop(workOrder, Date.parse(String(stop.startedAt))));
        expect(ended.endedAt).toBe(endings.map((workOrder) => String(workOrder.completedAt)).sort()[0]);
      }
    } finally {
      await busy.close();
    }
  });
});

describe('demo plant asset downtime: restarts', () => {
  it('keeps a stop ended by a write across a restart; a plant saved before it kept downtime gains it, with the stops its saved work ended', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-downtime-'));
    const stateFile = path.join(dir, 'plant.json');
    const first = await startDemoPlant({ ...options, stateFile });
    const [stop] = await runningStops(first, 'Breakdown');
    const workOrder = await openWorkFor(first, stop!);
    const completedKey = ((await call(first, 'GET', '/api/eam/statuses/work-orders?per_page=100')).json as Page).data.find((status) => status.name === 'Completed')!.key;
    data(await call(first, 'PUT', `/api/eam/work-orders/${workOrder.key}/status`, { statusKey: completedKey }));
    const before = await listAll(first, 'assets-downtime');
    const ended = before.find((record) => record.key === stop!.key)!;
    expect(ended.endedAt).toBeDefined();
    await first.close();

    const second = await startDemoPlant({ ...options, stateFile });
    try {
      expect(await listAll(second, 'assets-downtime')).toEqual(before);
    } finally {
      await second.close();
    }

    // The file as a plant without downtime wrote it: the work order's change, none to downtime.
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { overrides: Record<string, unknown[]> };
    expect(saved.overrides.assetDowntimes).toHaveLength(1);
    delete saved.overrides.assetDowntimes;
    await writeFile(stateFile, JSON.stringify(saved));
    const third = await startDemoPlant({ ...options, stateFile });
    try {
      expect(await listAll(third, 'assets-downtime')).toEqual(before);
      expect(data(await call(third, 'GET', `/api/eam/assets-downtime/${stop!.key}`))).toEqual(ended);
    } finally {
      await third.close();
    }
  });
});
