import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { demoPlantWriteRules } from '../../electron/demo-plant/demo-plant-write-rules';
import { defaultPlantSizes } from '../../electron/demo-plant/plant-data';
import { isoSeconds } from '../../electron/demo-plant/plant-time';
import type { WriteLogSnapshot } from '../../electron/demo-plant/write-log';

/** Service requests on the demo plant, over HTTP: lists, filing one, approving and merging through work orders, the control API, restarts. */

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

const sizes = { workOrders: 300 };
let plant: RunningDemoPlant;

async function call(target: RunningDemoPlant, method: string, route: string, body?: unknown, headers: Record<string, string> = {}, token = target.token): Promise<Answer> {
  const response = await fetch(target.url + route, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}
const api = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => call(plant, method, route, body, headers);

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
interface Page {
  data: Data[];
  links: { first: string; last: string; prev: string | null; next: string | null };
  meta: { current_page: number; last_page: number; per_page: number; total: number; from: number | null; to: number | null };
}
async function page(target: RunningDemoPlant, route: string, query: string): Promise<Page> {
  const answer = await call(target, 'GET', `/api/eam/${route}?${query}`);
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json as Page;
}
const list = async (target: RunningDemoPlant, route: string, query = '') => (await page(target, route, `per_page=1000${query}`)).data;
const total = async (target: RunningDemoPlant, route: string) => (await page(target, route, 'per_page=1')).meta.total;
const maxUpdatedAt = (records: Data[]) => records.map((record) => record.updatedAt).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
/** Waits until the clock is past the second `cursor` names, so a write now is strictly after it, as an incremental sync needs. */
async function pastSecond(cursor: string): Promise<void> {
  while (Math.floor(Date.now() / 1000) * 1000 <= Date.parse(cursor)) await new Promise((resolve) => setTimeout(resolve, 50));
}

const refs = {} as {
  statusByName: Map<string, Data>;
  woStatusByName: Map<string, Data>;
  assets: Data[];
  users: Data[];
};
const statusKey = (name: string) => refs.statusByName.get(name)!.key;
/** A New request, filed now through the API. */
const fileRequest = async (title: string, asset = refs.assets[0]!) => data(await api('POST', '/api/eam/service-requests', { title, userRequestedKey: refs.users[0]!.key, assetKey: asset.key }));
/** A work order created now, not linked to any request. */
const newWorkOrder = async (asset = refs.assets[0]!) => data(await api('POST', '/api/eam/work-orders', { title: 'Look at it', siteKey: asset.siteKey, assetKey: asset.key }));

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 17, sizes, stateFile: null });
  refs.statusByName = new Map((await list(plant, 'statuses/service-requests')).map((status) => [String(status.name), status]));
  refs.woStatusByName = new Map((await list(plant, 'statuses/work-orders')).map((status) => [String(status.name), status]));
  refs.assets = await list(plant, 'assets');
  refs.users = await list(plant, 'users');
});
afterAll(() => plant.close());

describe('demo plant service requests: reading', () => {
  it('serves the service-request status table: New, Approved and Declined', async () => {
    const statuses = await list(plant, 'statuses/service-requests');
    const byCode = [...statuses].sort((a, b) => String(a.code).localeCompare(String(b.code)));
    expect(byCode.map(({ name, code, scope, isActive }) => ({ name, code, scope, isActive }))).toEqual([
      { name: 'Approved', code: 'APPROVED', scope: 'service-requests', isActive: true },
      { name: 'Declined', code: 'DECLINED', scope: 'service-requests', isActive: true },
      { name: 'New', code: 'NEW', scope: 'service-requests', isActive: true },
    ]);
    for (const status of statuses) expect(status.key).toMatch(/^06\d{12}$/);
    expect(data(await api('GET', `/api/eam/statuses/service-requests/${statuses[0]!.key}`))).toEqual(statuses[0]);
  });

  it('lists every request page by page in change order, each one also served by key', async () => {
    const first = await page(plant, 'service-requests', 'per_page=25');
    expect(first.meta).toMatchObject({ current_page: 1, per_page: 25, total: defaultPlantSizes.serviceRequests, last_page: 3, from: 1, to: 25 });
    expect(first.links.prev).toBeNull();
    const seen = [...first.data];
    for (let next = first.links.next; next !== null; ) {
      const answer = await call(plant, 'GET', next.slice(plant.url.length));
      const body = answer.json as Page;
      seen.push(...body.data);
      next = body.links.next;
    }
    expect(seen).toHaveLength(defaultPlantSizes.serviceRequests);
    expect(new Set(seen.map((request) => request.key)).size).toBe(seen.length);
    const order = seen.map((request) => [Date.parse(request.updatedAt), request.key] as const);
    expect([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))).toEqual(order);

    const one = seen[7]!;
    expect(one.key).toMatch(/^20\d{12}$/);
    expect(data(await api('GET', `/api/eam/service-requests/${one.key}`))).toEqual(one);
    apiError(await api('GET', '/api/eam/service-requests/20999999999999'), 404, 'NOT_FOUND');
  });

  it('has recent requests New, a few declined, and the rest approved with a work order on the same asset that names them back', async () => {
    const requests = await list(plant, 'service-requests');
    const fresh = requests.filter((request) => request.statusKey === statusKey('New'));
    expect(fresh.length).toBeGreaterThanOrEqual(8);
    expect(fresh.length).toBeLessThanOrEqual(12);
    expect(fresh.every((request) => request.workOrderKey === undefined && Date.now() - Date.parse(request.createdAt) < 5 * 86_400_000)).toBe(true);
    expect(requests.filter((request) => request.statusKey === statusKey('Declined')).length).toBeGreaterThan(0);
    const approved = requests.filter((request) => request.statusKey === statusKey('Approved'));
    expect(approved.length).toBeGreaterThan(requests.length / 2);
    for (const request of approved.slice(0, 10)) {
      const workOrder = data(await api('GET', `/api/eam/work-orders/${String(request.workOrderKey)}`));
      expect(workOrder).toMatchObject({ assetKey: request.assetKey, serviceRequestKey: request.key });
    }
    // Filters and sorts as the other lists do.
    const byStatus = await list(plant, 'service-requests', `&filter[statusKey]=${statusKey('New')}&sort[createdAt]=1`);
    expect(byStatus.map((request) => request.key)).toEqual([...fresh].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).map((request) => request.key));
    expect((await list(plant, 'service-requests', '&filter[title:contains]=LEAK')).every((request) => String(request.title).toLowerCase().includes('leak'))).toBe(true);
  });

  it('answers an incremental read with only what changed after the cursor, and refuses a cursor that is not a date', async () => {
    const cursor = maxUpdatedAt(await list(plant, 'service-requests'));
    expect(await list(plant, 'service-requests', `&filter[updatedAt:gt]=${cursor}`)).toEqual([]);
    await pastSecond(cursor);
    const filed = await fileRequest('Conveyor belt slipping at infeed');
    expect((await list(plant, 'service-requests', `&filter[updatedAt:gt]=${cursor}`)).map((request) => request.key)).toEqual([filed.key]);
    const refused = apiError(await api('GET', '/api/eam/service-requests?filter[updatedAt:gt]=garbage'), 400, 'VALIDATION_ERROR');
    expect(refused.fields).toHaveProperty(['filter[updatedAt:gt]']);
  });
});

describe('demo plant service requests: filing one', () => {
  it('files a request once per Idempotency-Key, as New, at the asset\'s site and location', async () => {
    const count = await total(plant, 'service-requests');
    const asset = refs.assets[3]!;
    const requester = refs.users[2]!;
    const body = { userRequestedKey: requester.key, title: 'Oil leak under gearbox', assetKey: asset.key, description: 'Puddle under the drive end.' };
    const before = Math.floor(Date.now() / 1000) * 1000;
    const first = await api('POST', '/api/eam/service-requests', body, { 'idempotency-key': 'sr-file-1' });
    const created = data(first);
    expect(created.key).toMatch(/^20\d{12}$/);
    expect(created).toEqual({
      key: created.key,
      siteKey: asset.siteKey,
      locationKey: asset.locationKey,
      assetKey: asset.key,
      userRequestedKey: requester.key,
      documents: [],
      title: 'Oil leak under gearbox',
      description: 'Puddle under the drive end.',
      statusKey: statusKey('New'),
      createdAt: created.updatedAt,
      updatedAt: created.updatedAt,
    });
    expect(Date.parse(created.createdAt)).toBeGreaterThanOrEqual(before);

    // The same request again is the same answer, applying nothing; the key with another body is refused.
    const replay = await api('POST', '/api/eam/service-requests', { title: body.title, assetKey: asset.key, description: body.description, userRequestedKey: requester.key }, { 'idempotency-key': 'sr-file-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(data(replay)).toEqual(created);
    apiError(await api('POST', '/api/eam/service-requests', { ...body, title: 'Another' }, { 'idempotency-key': 'sr-file-1' }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await total(plant, 'service-requests')).toBe(count + 1);
    expect(data(await api('GET', `/api/eam/service-requests/${created.key}`))).toEqual(created);
    const log = (await call(plant, 'GET', '/__control/writes')).json as WriteLogSnapshot;
    expect(log.applied.filter((write) => write.idempotencyKey === 'sr-file-1')).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/eam/service-requests', key: created.key }),
    ]);

    // A request without equipment has no site or location.
    const bare = data(await api('POST', '/api/eam/service-requests', { title: 'Toilets blocked in the canteen', userRequestedKey: requester.key }));
    expect(bare).not.toHaveProperty('siteKey');
    expect(bare).not.toHaveProperty('assetKey');
  });

  it('refuses a bad request naming each field, as eMaint does (title and userRequestedKey required), and files nothing', async () => {
    const count = await total(plant, 'service-requests');
    expect(demoPlantWriteRules.createServiceRequest).toMatchObject({ method: 'POST', path: '/api/eam/service-requests', required: ['title', 'userRequestedKey'] });
    const missing = apiError(await api('POST', '/api/eam/service-requests', { assetKey: refs.assets[0]!.key }, { 'idempotency-key': 'sr-refused' }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(missing.fields!).sort()).toEqual(['title', 'userRequestedKey']);
    expect(missing.message).toContain('title');
    const noTitle = apiError(await api('POST', '/api/eam/service-requests', { title: '', userRequestedKey: refs.users[0]!.key }), 422, 'VALIDATION_ERROR');
    expect(noTitle.fields).toEqual({ title: 'is required' });
    const unknown = apiError(await api('POST', '/api/eam/service-requests', { title: 'x', userRequestedKey: 'nobody', assetKey: 'nothing' }), 422, 'VALIDATION_ERROR');
    expect(unknown.fields).toEqual({ userRequestedKey: expect.stringContaining('nobody'), assetKey: expect.stringContaining('nothing') });
    // The spec's body has four fields; the plant takes no others.
    const extra = apiError(await api('POST', '/api/eam/service-requests', { title: 'x', userRequestedKey: refs.users[0]!.key, severity: 'High', statusKey: statusKey('Approved') }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(extra.fields!).sort()).toEqual(['severity', 'statusKey']);
    apiError(await api('POST', '/api/eam/service-requests', [{ title: 'x' }]), 400, 'INVALID_REQUEST');
    expect(await total(plant, 'service-requests')).toBe(count);
    // A refused request leaves its Idempotency-Key free.
    data(await api('POST', '/api/eam/service-requests', { title: 'Now complete', userRequestedKey: refs.users[0]!.key }, { 'idempotency-key': 'sr-refused' }));
  });

  it('has no route that changes or declines a request (the spec has none)', async () => {
    const [request] = await list(plant, 'service-requests', '&per_page=1');
    apiError(await api('PUT', `/api/eam/service-requests/${request!.key}`, { statusKey: statusKey('Declined') }), 405, 'METHOD_NOT_ALLOWED');
    apiError(await api('PUT', '/api/eam/service-requests', {}), 405, 'METHOD_NOT_ALLOWED');
    apiError(await api('DELETE', `/api/eam/service-requests/${request!.key}`), 405, 'METHOD_NOT_ALLOWED');
    expect(data(await api('GET', `/api/eam/service-requests/${request!.key}`))).toEqual(request);
  });
});

describe('demo plant service requests: approving and merging through work orders', () => {
  it('approves a request when a work order is created for it; both show up in an incremental read', async () => {
    const asset = refs.assets[5]!;
    const request = await fileRequest('Pump leaking at the shaft seal', asset);
    await pastSecond(request.updatedAt);
    const cursor = isoSeconds(Date.now() - 1000);
    const team = String(asset.teamKey);
    const workOrder = data(
      await api('POST', '/api/eam/work-orders', { title: 'Replace pump seal', siteKey: asset.siteKey, assetKey: asset.key, teamKey: team, serviceRequestKey: request.key }, { 'idempotency-key': 'sr-approve-1' }),
    );
    expect(workOrder).toMatchObject({ serviceRequestKey: request.key, assetKey: asset.key, status: 'Waiting for approval' });
    const approved = data(await api('GET', `/api/eam/service-requests/${request.key}`));
    expect(approved).toMatchObject({ workOrderKey: workOrder.key, statusKey: statusKey('Approved'), teamKey: team, approvedAt: workOrder.createdAt, updatedAt: workOrder.createdAt });
    expect(Date.parse(approved.updatedAt)).toBeGreaterThan(Date.parse(request.updatedAt));
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`))).toEqual(workOrder);

    expect((await list(plant, 'service-requests', `&filter[updatedAt:gt]=${cursor}`)).map((record) => record.key)).toContain(request.key);
    expect((await list(plant, 'work-orders', `&filter[updatedAt:gt]=${cursor}`)).map((record) => record.key)).toContain(workOrder.key);

    // A replay applies nothing: no second work order, the request unchanged.
    const count = await total(plant, 'work-orders');
    const replay = await api('POST', '/api/eam/work-orders', { title: 'Replace pump seal', siteKey: asset.siteKey, assetKey: asset.key, teamKey: team, serviceRequestKey: request.key }, { 'idempotency-key': 'sr-approve-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(data(replay)).toEqual(workOrder);
    expect(await total(plant, 'work-orders')).toBe(count);
    expect(data(await api('GET', `/api/eam/service-requests/${request.key}`))).toEqual(approved);
  });

  it('merges requests into an existing work order with PUT; the work order names the latest, each request names it', async () => {
    const asset = refs.assets[6]!;
    const workOrder = await newWorkOrder(asset);
    const first = await fileRequest('Excessive vibration', asset);
    const second = await fileRequest('Grinding noise while running', asset);
    const approver = refs.users.find((user) => user.roleName === 'Maintenance Supervisor')!;
    const merged = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { serviceRequestKey: first.key, userApprovedKey: approver.key }));
    expect(merged).toMatchObject({ key: workOrder.key, serviceRequestKey: first.key, title: workOrder.title });
    const again = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { serviceRequestKey: second.key }));
    expect(again.serviceRequestKey).toBe(second.key);
    for (const request of [first, second]) {
      const linked = data(await api('GET', `/api/eam/service-requests/${request.key}`));
      expect(linked).toMatchObject({ workOrderKey: workOrder.key, statusKey: statusKey('Approved') });
      expect(linked.approvedAt).toBe(linked.updatedAt);
    }
    expect(data(await api('GET', `/api/eam/service-requests/${first.key}`)).userApprovedKey).toBe(approver.key);

    // Naming a request already linked to this work order changes nothing of the request.
    const before = data(await api('GET', `/api/eam/service-requests/${first.key}`));
    await pastSecond(before.updatedAt);
    const renamed = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { serviceRequestKey: first.key, notes: 'Both reports are the same fault.' }));
    expect(renamed.serviceRequestKey).toBe(first.key);
    expect(data(await api('GET', `/api/eam/service-requests/${first.key}`))).toEqual(before);
  });

  it('refuses a request linked to another work order, a declined one, an unknown one, and clearing the link, naming serviceRequestKey', async () => {
    const asset = refs.assets[7]!;
    const request = await fileRequest('Belt running off to one side', asset);
    const owner = data(await api('POST', '/api/eam/work-orders', { title: 'Track the belt', siteKey: asset.siteKey, serviceRequestKey: request.key }));
    const other = await newWorkOrder(asset);
    const workOrderCount = await total(plant, 'work-orders');

    const taken = apiError(await api('PUT', `/api/eam/work-orders/${other.key}`, { serviceRequestKey: request.key }), 422, 'VALIDATION_ERROR');
    expect(taken.fields).toEqual({ serviceRequestKey: `service request "${request.key}" is already linked to work order "${owner.key}"` });
    expect(taken.message).toContain('serviceRequestKey');
    const takenOnCreate = apiError(await api('POST', '/api/eam/work-orders', { title: 'Duplicate', siteKey: asset.siteKey, serviceRequestKey: request.key }), 422, 'VALIDATION_ERROR');
    expect(takenOnCreate.fields).toHaveProperty('serviceRequestKey');

    const [declined] = await list(plant, 'service-requests', `&filter[statusKey]=${statusKey('Declined')}`);
    const refusedDeclined = apiError(await api('PUT', `/api/eam/work-orders/${other.key}`, { serviceRequestKey: declined!.key }), 422, 'VALIDATION_ERROR');
    expect(refusedDeclined.fields!.serviceRequestKey).toContain('declined');
    apiError(await api('POST', '/api/eam/work-orders', { title: 'x', siteKey: asset.siteKey, serviceRequestKey: declined!.key }), 422, 'VALIDATION_ERROR');

    const unknown = apiError(await api('PUT', `/api/eam/work-orders/${other.key}`, { serviceRequestKey: '20999999999999' }), 422, 'VALIDATION_ERROR');
    expect(unknown.fields).toEqual({ serviceRequestKey: 'no service request with key "20999999999999"' });
    const cleared = apiError(await api('PUT', `/api/eam/work-orders/${owner.key}`, { serviceRequestKey: null }), 422, 'VALIDATION_ERROR');
    expect(cleared.fields).toEqual({ serviceRequestKey: 'cannot be cleared' });

    // Nothing changed: the request stays with its work order, the other work order unlinked, no work order created.
    expect(data(await api('GET', `/api/eam/service-requests/${request.key}`)).workOrderKey).toBe(owner.key);
    expect(data(await api('GET', `/api/eam/service-requests/${declined!.key}`))).toEqual(declined);
    expect(data(await api('GET', `/api/eam/work-orders/${other.key}`))).toEqual(other);
    expect(await total(plant, 'work-orders')).toBe(workOrderCount);
    // The status route takes only statusKey.
    expect(apiError(await api('PUT', `/api/eam/work-orders/${other.key}/status`, { statusKey: refs.woStatusByName.get('Approved')!.key, serviceRequestKey: request.key }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('serviceRequestKey');
  });

  it('sends the work order\'s webhook for a link, and none for the request (Makini has no service-request events)', async () => {
    const received: { event: string; body: string[] }[] = [];
    const receiver: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { event: string; body: string[] });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hooked = await startDemoPlant({
      seed: 18,
      sizes: { workOrders: 80 },
      stateFile: null,
      webhooks: { targets: [{ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, secret: 'service-request-secret' }], batchWindowMs: 20 },
    });
    try {
      const [asset] = await list(hooked, 'assets', '&per_page=1');
      const [user] = await list(hooked, 'users', '&per_page=1');
      const request = data(await call(hooked, 'POST', '/api/eam/service-requests', { title: 'Guard loose and rattling', userRequestedKey: user!.key, assetKey: asset!.key }));
      const workOrder = data(await call(hooked, 'POST', '/api/eam/work-orders', { title: 'Refit guard', siteKey: asset!.siteKey, assetKey: asset!.key, serviceRequestKey: request.key }));
      hooked.webhooks.flush();
      await hooked.webhooks.idle();
      expect(received).toEqual([{ event: 'work-orders.inserted', body: [workOrder.key] }]);
    } finally {
      await hooked.close();
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe('demo plant service requests: control API', () => {
  const control = (body: unknown, token = plant.token) => call(plant, 'POST', '/__control/service-requests', body, {}, token);

  it('files an operator\'s request as if reported at the plant, by someone working there unless told who', async () => {
    const asset = refs.assets[9]!;
    const count = await total(plant, 'service-requests');
    const answer = await control({ title: 'Squealing roller near the transfer', assetKey: asset.key, description: 'Hot to the touch.' });
    const filed = data(answer);
    expect(filed).toMatchObject({
      siteKey: asset.siteKey,
      locationKey: asset.locationKey,
      assetKey: asset.key,
      title: 'Squealing roller near the transfer',
      description: 'Hot to the touch.',
      statusKey: statusKey('New'),
      severity: 'Medium',
      documents: [],
    });
    const requester = refs.users.find((user) => user.key === filed.userRequestedKey)!;
    expect(requester.siteKeys).toContain(asset.siteKey);
    expect(data(await api('GET', `/api/eam/service-requests/${filed.key}`))).toEqual(filed);
    expect(await total(plant, 'service-requests')).toBe(count + 1);

    const named = data(await control({ title: 'Fire pump did not start on test', assetKey: asset.key, severity: 'Critical', userRequestedKey: refs.users[4]!.key }));
    expect(named).toMatchObject({ userRequestedKey: refs.users[4]!.key, severity: 'Critical' });
    expect(named).not.toHaveProperty('description');
    // Control edits reach requests like any other route.
    const [touched] = ((await call(plant, 'POST', '/__control/touch', { route: 'service-requests', count: 1 })).json as { keys: string[] }).keys;
    expect(String(data(await api('GET', `/api/eam/service-requests/${touched!}`)).notes)).toMatch(/^Reviewed /);
    expect(((await call(plant, 'GET', '/__control/stats')).json as { counts: Record<string, number> }).counts).toMatchObject({ 'service-requests': count + 2, 'statuses/service-requests': 3 });
  });

  it('refuses a body of the wrong shape, unknown keys and other tokens', async () => {
    const asset = refs.assets[9]!;
    const count = await total(plant, 'service-requests');
    for (const body of [{ assetKey: asset.key }, { title: 'x' }, { title: 'x', assetKey: asset.key, severity: 'Apocalyptic' }, { title: 'x', assetKey: asset.key, statusKey: 'y' }]) {
      const answer = await control(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(typeof (answer.json as { error: unknown }).error).toBe('string');
    }
    expect(((await control({ title: 'x', assetKey: 'nothing' })).json as { error: string }).error).toContain('assetKey');
    expect(((await control({ title: 'x', assetKey: asset.key, userRequestedKey: 'nobody' })).json as { error: string }).error).toContain('userRequestedKey');
    const issued = plant.issueToken();
    expect((await control({ title: 'x', assetKey: asset.key }, issued.accessToken)).status).toBe(401);
    expect(await total(plant, 'service-requests')).toBe(count);
  });
});

describe('demo plant service requests: restarts', () => {
  it('keeps filed and linked requests and their work orders across a restart with a state file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-sr-'));
    const stateFile = path.join(dir, 'plant.json');
    const options = { seed: 23, sizes: { workOrders: 120 }, stateFile };
    const first = await startDemoPlant(options);
    const [asset] = await list(first, 'assets', '&per_page=1');
    const [user] = await list(first, 'users', '&per_page=1');
    const filed = data(await call(first, 'POST', '/api/eam/service-requests', { title: 'Oil leak under gearbox', userRequestedKey: user!.key, assetKey: asset!.key }, { 'idempotency-key': 'sr-restart' }));
    const reported = data(await call(first, 'POST', '/__control/service-requests', { title: 'Excessive vibration', assetKey: asset!.key }));
    const workOrder = data(await call(first, 'POST', '/api/eam/work-orders', { title: 'Fix the leak', siteKey: asset!.siteKey, assetKey: asset!.key, serviceRequestKey: filed.key }));
    const merged = data(await call(first, 'PUT', `/api/eam/work-orders/${workOrder.key}`, { serviceRequestKey: reported.key }));
    const before = { requests: await list(first, 'service-requests'), workOrders: await list(first, 'work-orders') };
    await first.close();

    const second = await startDemoPlant(options);
    try {
      expect(await list(second, 'service-requests')).toEqual(before.requests);
      expect(await list(second, 'work-orders')).toEqual(before.workOrders);
      expect(data(await call(second, 'GET', `/api/eam/work-orders/${workOrder.key}`))).toEqual(merged);
      expect(data(await call(second, 'GET', `/api/eam/service-requests/${reported.key}`)).workOrderKey).toBe(workOrder.key);
      // The Idempotency-Key's answer survives too; a new request gets the next key.
      const replay = await call(second, 'POST', '/api/eam/service-requests', { title: 'Oil leak under gearbox', userRequestedKey: user!.key, assetKey: asset!.key }, { 'idempotency-key': 'sr-restart' });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      const next = data(await call(second, 'POST', '/api/eam/service-requests', { title: 'Another', userRequestedKey: user!.key }));
      expect(next.key > reported.key).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('keeps a plant saved before service requests existed, which gains them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-sr-'));
    const stateFile = path.join(dir, 'plant.json');
    const options = { seed: 24, sizes: { workOrders: 100 }, stateFile };
    const first = await startDemoPlant(options);
    // A work order a generated request was approved for, changed and so saved.
    const [workOrder] = await list(first, 'work-orders', '&filter[serviceRequestKey:startsWith]=20&per_page=1');
    const edited = data(await call(first, 'PUT', `/api/eam/work-orders/${workOrder!.key}`, { notes: 'Saved before service requests.' }));
    expect(edited.serviceRequestKey).toBe(workOrder!.serviceRequestKey);
    const token = first.token;
    await first.close();
    // The file as a plant without service requests wrote it: no such size, no link on the work order.
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { sizes: Record<string, number>; overrides: { workOrders: Record<string, unknown>[] } };
    delete saved.sizes.serviceRequests;
    for (const record of saved.overrides.workOrders) delete record.serviceRequestKey;
    await writeFile(stateFile, JSON.stringify(saved));

    const second = await startDemoPlant(options);
    try {
      expect(second.token).toBe(token);
      expect(data(await call(second, 'GET', `/api/eam/work-orders/${workOrder!.key}`))).toEqual(edited);
      expect(await total(second, 'service-requests')).toBe(defaultPlantSizes.serviceRequests);
      expect(data(await call(second, 'GET', `/api/eam/service-requests/${String(edited.serviceRequestKey)}`)).workOrderKey).toBe(workOrder!.key);
    } finally {
      await second.close();
    }
  });
});
