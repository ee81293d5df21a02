import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { demoPlantProvider, demoPlantWriteRules } from '../../electron/demo-plant/demo-plant-write-rules';
import { IdempotencyStore } from '../../electron/demo-plant/idempotency-store';
import { isoSeconds } from '../../electron/demo-plant/plant-time';
import type { AppliedWrite, WriteLogSnapshot } from '../../electron/demo-plant/write-log';
import { demoPlantControl } from '../support/demo-plant-control';

type Data = Record<string, unknown> & { key: string; updatedAt: string };
interface ApiError {
  code: string;
  type: string;
  message: string;
  request_id: string;
  fields?: Record<string, string>;
}
interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

const sizes = { sites: 3, workOrders: 300, purchaseOrders: 40, parts: 60 };
let plant: RunningDemoPlant;

async function call(target: RunningDemoPlant, method: string, route: string, body?: unknown, headers: Record<string, string> = {}, token: string | null = target.token): Promise<Answer> {
  const response = await fetch(target.url + route, {
    method,
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}
const api = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => call(plant, method, route, body, headers);
const withKey = (idempotencyKey: string) => ({ 'idempotency-key': idempotencyKey });

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
async function list(target: RunningDemoPlant, route: string, query = ''): Promise<Data[]> {
  return (((await call(target, 'GET', `/api/eam/${route}?per_page=1000${query}`)).json as { data: Data[] }).data);
}
async function total(target: RunningDemoPlant, route: string): Promise<number> {
  return ((await call(target, 'GET', `/api/eam/${route}?per_page=1`)).json as { meta: { total: number } }).meta.total;
}
async function writeLog(target: RunningDemoPlant): Promise<WriteLogSnapshot> {
  return (await call(target, 'GET', '/__control/writes')).json as WriteLogSnapshot;
}
const appliedWith = (log: WriteLogSnapshot, idempotencyKey: string): AppliedWrite[] => log.applied.filter((write) => write.idempotencyKey === idempotencyKey);

/** The plant's reference data, looked up the way a client would. */
const refs = {} as {
  sites: Data[];
  assets: Data[];
  teams: Data[];
  labors: Data[];
  statusByName: Map<string, Data>;
  poStatusByName: Map<string, Data>;
  vendors: Data[];
  materials: Data[];
};
const openWorkOrder = async () => (await list(plant, 'work-orders', `&filter[statusKey]=${refs.statusByName.get('Approved')!.key}`))[0]!;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 11, sizes, stateFile: null });
  refs.sites = await list(plant, 'sites');
  refs.assets = await list(plant, 'assets');
  refs.teams = await list(plant, 'teams');
  refs.labors = await list(plant, 'labors');
  refs.statusByName = new Map((await list(plant, 'statuses/work-orders')).map((status) => [String(status.name), status]));
  refs.poStatusByName = new Map((await list(plant, 'statuses/purchase-orders')).map((status) => [String(status.name), status]));
  refs.vendors = await list(plant, 'vendors');
  refs.materials = await list(plant, 'materials');
});
afterAll(() => plant.close());

describe('demo plant writes: work orders', () => {
  it('changes a work order status; the status name follows the key and updatedAt moves to now', async () => {
    const workOrder = await openWorkOrder();
    const inProgress = refs.statusByName.get('In progress')!;
    const before = isoSeconds(Date.now());
    const updated = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, { statusKey: inProgress.key }));
    expect(updated).toMatchObject({ key: workOrder.key, statusKey: inProgress.key, status: 'In progress', title: workOrder.title });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before));
    expect(updated.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`))).toEqual(updated);

    const completed = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, { statusKey: refs.statusByName.get('Completed')!.key }));
    expect(completed.completedAt).toBe(completed.updatedAt);
  });

  it('clears the completion when completed work is reopened, and keeps one a body sets or an edit that leaves the status alone', async () => {
    const workOrder = await openWorkOrder();
    const status = (name: string) => ({ statusKey: refs.statusByName.get(name)!.key });
    const completed = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, status('Completed')));
    expect(completed.completedAt).toBeTruthy();
    // An edit of other fields leaves a completed work order completed.
    expect(data(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { notes: 'checked' })).completedAt).toBe(completed.completedAt);
    // Closing keeps the date it was completed.
    const other = await openWorkOrder();
    data(await api('PUT', `/api/eam/work-orders/${other.key}/status`, status('Completed')));
    const closed = data(await api('PUT', `/api/eam/work-orders/${other.key}/status`, status('Closed')));
    expect(closed.completedAt).toBeTruthy();

    const reopened = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, status('On hold')));
    expect(reopened).toMatchObject({ status: 'On hold' });
    expect(reopened).not.toHaveProperty('completedAt');
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`))).not.toHaveProperty('completedAt');

    // A client that reopens and says when it was completed is taken at its word.
    data(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, status('Completed')));
    const stated = data(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { ...status('In progress'), completedAt: '2026-01-02T03:04:05Z' }));
    expect(stated).toMatchObject({ status: 'In progress', completedAt: '2026-01-02T03:04:05Z' });
  });

  it('refuses status changes for unknown work orders (404) and unknown, missing or mistyped status keys (422)', async () => {
    const workOrder = await openWorkOrder();
    apiError(await api('PUT', '/api/eam/work-orders/07999999999999/status', { statusKey: refs.statusByName.get('Approved')!.key }), 404, 'NOT_FOUND');
    const unknown = apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, { statusKey: 'no-such-status' }), 422, 'VALIDATION_ERROR');
    expect(unknown.fields).toEqual({ statusKey: expect.stringContaining('no-such-status') });
    expect(unknown.message).toContain('statusKey');
    expect(apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, {}), 422, 'VALIDATION_ERROR').fields).toHaveProperty('statusKey');
    expect(apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, { statusKey: 7 }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('statusKey');
    // A status name is not a status key: Makini's route takes keys.
    expect(apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, { status: 'Approved' }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('status');
    apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, '{"statusKey":'), 400, 'INVALID_REQUEST');
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`))).toEqual(workOrder);
  });

  it('updates any subset of a work order’s request fields', async () => {
    const workOrder = await openWorkOrder();
    const site = refs.sites.find((candidate) => candidate.key === workOrder.siteKey)!;
    const team = refs.teams.find((candidate) => candidate.key !== workOrder.teamKey)!;
    const labor = refs.labors[0]!;
    const updated = data(
      await api('PUT', `/api/eam/work-orders/${workOrder.key}`, {
        title: 'Replace coupling insert',
        notes: 'Parts on the shelf.',
        dueAt: '2026-12-01T08:30:00.250+01:00',
        scheduledAt: null,
        severity: 'High',
        teamKey: team.key,
        laborAssignedKey: labor.key,
        siteKey: site.key,
        description: 'Lock out first.',
        estimatedTime: 3,
      }),
    );
    expect(updated).toMatchObject({
      key: workOrder.key,
      code: workOrder.code,
      title: 'Replace coupling insert',
      notes: 'Parts on the shelf.',
      dueAt: '2026-12-01T07:30:00Z',
      severity: 'High',
      teamKey: team.key,
      laborAssignedKey: labor.key,
      instructions: 'Lock out first.',
      estimatedTime: '3',
      statusKey: workOrder.statusKey,
      status: workOrder.status,
    });
    expect(updated).not.toHaveProperty('scheduledAt');
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`))).toEqual(updated);
  });

  it('names every bad field of a work-order update', async () => {
    const workOrder = await openWorkOrder();
    const otherSite = refs.sites.find((site) => site.key !== workOrder.siteKey)!;
    const error = apiError(
      await api('PUT', `/api/eam/work-orders/${workOrder.key}`, {
        title: null,
        dueAt: 'next Tuesday',
        teamKey: 'no-team',
        laborAssignedKey: 42,
        severity: 'Apocalyptic',
        estimatedTime: -1,
        status: 'Closed',
        accountKey: 'ACC-1',
      }),
      422,
      'VALIDATION_ERROR',
    );
    expect(Object.keys(error.fields!).sort()).toEqual(['accountKey', 'dueAt', 'estimatedTime', 'laborAssignedKey', 'severity', 'status', 'teamKey', 'title']);
    for (const field of Object.keys(error.fields!)) expect(error.message).toContain(field);

    // The work order's asset is at its site: moving the site alone would split them.
    const moved = apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { siteKey: otherSite.key }), 422, 'VALIDATION_ERROR');
    expect(moved.fields!.siteKey).toContain(String(workOrder.assetKey));
    apiError(await api('PUT', '/api/eam/work-orders/07999999999999', { title: 'x' }), 404, 'NOT_FOUND');
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`))).toEqual(workOrder);
  });

  it('creates work orders with a new key, the next code and "Waiting for approval" by default', async () => {
    const existing = await list(plant, 'work-orders', '&sort[code]=1&per_page=1');
    const highestCode = Number(String(existing[0]!.code).slice('WO-'.length));
    const asset = refs.assets[0]!;
    const before = Date.now();
    const created = data(await api('POST', '/api/eam/work-orders', { title: 'Check belt tension', siteKey: asset.siteKey, assetKey: asset.key, severity: 'Low' }));
    expect(created.key).toMatch(/^07\d{12}$/);
    expect(created.code).toBe(`WO-${String(highestCode + 1).padStart(6, '0')}`);
    expect(created).toMatchObject({
      title: 'Check belt tension',
      siteKey: asset.siteKey,
      assetKey: asset.key,
      locationKey: asset.locationKey,
      status: 'Waiting for approval',
      statusKey: refs.statusByName.get('Waiting for approval')!.key,
    });
    expect(created.createdAt).toBe(created.updatedAt);
    expect(Date.parse(created.updatedAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(data(await api('GET', `/api/eam/work-orders/${created.key}`))).toEqual(created);

    const second = data(await api('POST', '/api/eam/work-orders', { title: 'Second', siteKey: asset.siteKey, statusKey: refs.statusByName.get('Scheduled')!.key }));
    expect(second.key > created.key).toBe(true);
    expect(second.code).toBe(`WO-${String(highestCode + 2).padStart(6, '0')}`);
    expect(second.status).toBe('Scheduled');
  });

  it('requires title and siteKey to create a work order, as the write rules say', async () => {
    const count = await total(plant, 'work-orders');
    expect(demoPlantWriteRules.createWorkOrder.required).toEqual(['title', 'siteKey']);
    const missing = apiError(await api('POST', '/api/eam/work-orders', { notes: 'no title' }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(missing.fields!).sort()).toEqual(['siteKey', 'title']);
    const asset = refs.assets[0]!;
    const otherSite = refs.sites.find((site) => site.key !== asset.siteKey)!;
    const mismatch = apiError(await api('POST', '/api/eam/work-orders', { title: 'x', siteKey: otherSite.key, assetKey: asset.key }), 422, 'VALIDATION_ERROR');
    expect(mismatch.fields).toHaveProperty('assetKey');
    const unknown = apiError(await api('POST', '/api/eam/work-orders', { title: 'x', siteKey: 'nowhere', assetKey: 'nothing' }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(unknown.fields!).sort()).toEqual(['assetKey', 'siteKey']);
    apiError(await api('POST', '/api/eam/work-orders', [{ title: 'x' }]), 400, 'INVALID_REQUEST');
    expect(await total(plant, 'work-orders')).toBe(count);
  });

  it('reports the provider the write rules are written for', async () => {
    const integration = data(await api('GET', '/api/integrations/current'));
    expect(integration.provider).toBe(demoPlantProvider);
  });
});

describe('demo plant writes: purchase orders and stock', () => {
  it('creates a purchase order with line items (a demo extension) linked by purchaseOrderKey', async () => {
    const [first, second] = refs.materials;
    const site = refs.sites[0]!;
    const vendor = refs.vendors[0]!;
    const created = data(
      await api('POST', '/api/eam/purchase-orders', {
        siteKey: site.key,
        vendorKey: vendor.key,
        title: 'Restock bearings',
        dueAt: '2026-12-15T00:00:00Z',
        lineItems: [
          { materialKey: first!.key, quantity: 4, price: 12.5 },
          { materialKey: second!.key, quantity: '2', price: '3.25' },
        ],
      }),
    );
    expect(created.key).toMatch(/^13\d{12}$/);
    expect(created).toMatchObject({ siteKey: site.key, vendorKey: vendor.key, title: 'Restock bearings', statusKey: refs.poStatusByName.get('Draft')!.key, totalNetValue: '56.50' });
    expect(String(created.orderNo)).toMatch(/^PO-\d+$/);
    const lines = await list(plant, 'purchase-orders.line-items', `&filter[purchaseOrderKey]=${created.key}`);
    expect(lines.map((line) => [line.materialKey, line.quantity, line.price, line.lineNo])).toEqual([
      [first!.key, '4', '12.50', '1'],
      [second!.key, '2', '3.25', '2'],
    ]);
    expect(created.lineItems).toEqual(lines);
    const order: Data = { ...created };
    delete order.lineItems;
    expect(data(await api('GET', `/api/eam/purchase-orders/${created.key}`))).toEqual(order);
  });

  it('requires siteKey and vendorKey for a purchase order and checks every line', async () => {
    const count = await total(plant, 'purchase-orders');
    const lineCount = await total(plant, 'purchase-orders.line-items');
    expect(demoPlantWriteRules.createPurchaseOrder.required).toEqual(['siteKey', 'vendorKey']);
    const missing = apiError(await api('POST', '/api/eam/purchase-orders', { title: 'No vendor' }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(missing.fields!).sort()).toEqual(['siteKey', 'vendorKey']);
    const badLines = apiError(
      await api('POST', '/api/eam/purchase-orders', {
        siteKey: refs.sites[0]!.key,
        vendorKey: refs.vendors[0]!.key,
        orderDate: 'yesterday',
        lineItems: [{ materialKey: refs.materials[0]!.key, quantity: -3 }, { materialKey: 'no-part', quantity: 1 }, { quantity: 2 }],
      }),
      422,
      'VALIDATION_ERROR',
    );
    expect(Object.keys(badLines.fields!).sort()).toEqual(['lineItems[0].quantity', 'lineItems[1].materialKey', 'lineItems[2].materialKey', 'orderDate']);
    expect(apiError(await api('POST', '/api/eam/purchase-orders', { siteKey: refs.sites[0]!.key, vendorKey: 'nobody' }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('vendorKey');
    expect(await total(plant, 'purchase-orders')).toBe(count);
    expect(await total(plant, 'purchase-orders.line-items')).toBe(lineCount);
  });

  it('changes a purchase order status by status key or name', async () => {
    const [order] = await list(plant, 'purchase-orders', `&filter[statusKey]=${refs.poStatusByName.get('Draft')!.key}`);
    const ordered = data(await api('PUT', `/api/eam/purchase-orders/${order!.key}/status`, { status: 'Ordered' }));
    expect(ordered.statusKey).toBe(refs.poStatusByName.get('Ordered')!.key);
    expect(ordered.approvedAt).toBe(ordered.updatedAt);
    const received = refs.poStatusByName.get('Received')!;
    expect(data(await api('PUT', `/api/eam/purchase-orders/${order!.key}/status`, { status: received.key })).statusKey).toBe(received.key);
    expect(data(await api('GET', `/api/eam/purchase-orders/${order!.key}`)).statusKey).toBe(received.key);
    const error = apiError(await api('PUT', `/api/eam/purchase-orders/${order!.key}/status`, { status: 'Lost in the post' }), 422, 'VALIDATION_ERROR');
    expect(error.fields).toHaveProperty('status');
    apiError(await api('PUT', `/api/eam/purchase-orders/${order!.key}/status`, {}), 422, 'VALIDATION_ERROR');
    apiError(await api('PUT', '/api/eam/purchase-orders/13999999999999/status', { status: 'Ordered' }), 404, 'NOT_FOUND');
  });

  it('sets an inventory quantity, keeping its stock bins in step', async () => {
    const [inventory] = await list(plant, 'inventories');
    const updated = data(await api('PUT', `/api/eam/inventories/${inventory!.key}`, { quantity: 17, unitCost: 9 }));
    expect(updated).toMatchObject({ key: inventory!.key, quantity: 17, unitCost: 9, locationKey: inventory!.locationKey });
    expect(data(await api('GET', `/api/eam/inventories/${inventory!.key}`))).toEqual(updated);
    const materialKey = plant.state.materialOfInventory(inventory!.key);
    const bins = await list(plant, 'stocks', `&filter[materialKey]=${materialKey}&filter[locationKey]=${String(inventory!.locationKey)}`);
    expect(bins.reduce((sum, bin) => sum + Number(bin.quantity), 0)).toBe(17);

    const error = apiError(await api('PUT', `/api/eam/inventories/${inventory!.key}`, { quantity: -1, unitCost: 2.5 }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(error.fields!).sort()).toEqual(['quantity', 'unitCost']);
    expect(error.fields!.quantity).toMatch(/negative/);
    expect(apiError(await api('PUT', `/api/eam/inventories/${inventory!.key}`, { quantity: 'lots' }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('quantity');
    expect(apiError(await api('PUT', `/api/eam/inventories/${inventory!.key}`, { locationKey: 'nowhere' }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('locationKey');
    apiError(await api('PUT', '/api/eam/inventories/12999999999999', { quantity: 1 }), 404, 'NOT_FOUND');
    expect(data(await api('GET', `/api/eam/inventories/${inventory!.key}`)).quantity).toBe(17);
  });

  it('adjusts a part’s inventory, asking which location when it is stocked at several', async () => {
    const stockedOnce = refs.materials.find((material) => plant.state.inventoriesOfMaterial(material.key).length === 1)!;
    const stockedTwice = refs.materials.find((material) => plant.state.inventoriesOfMaterial(material.key).length === 2)!;
    expect(stockedOnce && stockedTwice).toBeTruthy();

    const once = data(await api('PUT', `/api/eam/materials/${stockedOnce.key}/inventory`, { quantity: 5 }));
    expect(once).toMatchObject({ key: stockedOnce.key, code: stockedOnce.code });
    expect(once.updatedAt >= stockedOnce.updatedAt).toBe(true);
    const [inventoryKey] = plant.state.inventoriesOfMaterial(stockedOnce.key);
    expect(once.inventories).toEqual([data(await api('GET', `/api/eam/inventories/${inventoryKey}`))]);
    expect(data(await api('GET', `/api/eam/inventories/${inventoryKey}`)).quantity).toBe(5);

    const ambiguous = apiError(await api('PUT', `/api/eam/materials/${stockedTwice.key}/inventory`, { quantity: 3 }), 422, 'VALIDATION_ERROR');
    expect(ambiguous.fields!.locationKey).toMatch(/required/);
    const [, secondKey] = plant.state.inventoriesOfMaterial(stockedTwice.key);
    const second = data(await api('GET', `/api/eam/inventories/${secondKey}`));
    const adjusted = data(await api('PUT', `/api/eam/materials/${stockedTwice.key}/inventory`, { quantity: 3, locationKey: second.locationKey }));
    expect((adjusted.inventories as Data[]).find((inventory) => inventory.key === secondKey)!.quantity).toBe(3);

    const elsewhere = (await list(plant, 'locations')).find((location) => !(adjusted.inventories as Data[]).some((inventory) => inventory.locationKey === location.key))!;
    expect(apiError(await api('PUT', `/api/eam/materials/${stockedTwice.key}/inventory`, { quantity: 3, locationKey: elsewhere.key }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('locationKey');
    apiError(await api('PUT', '/api/eam/materials/11999999999999/inventory', { quantity: 1 }), 404, 'NOT_FOUND');
  });

  it('moves updatedAt so incremental syncs (filter[updatedAt:gteq]) see every write', async () => {
    const since = isoSeconds(Date.now());
    const workOrder = await openWorkOrder();
    data(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { notes: 'Seen by the next sync.' }));
    const created = data(await api('POST', '/api/eam/work-orders', { title: 'New', siteKey: refs.sites[0]!.key }));
    const order = data(await api('POST', '/api/eam/purchase-orders', { siteKey: refs.sites[0]!.key, vendorKey: refs.vendors[1]!.key, lineItems: [{ materialKey: refs.materials[2]!.key, quantity: 1 }] }));
    const [inventory] = await list(plant, 'inventories', '&sort[updatedAt]=0');
    data(await api('PUT', `/api/eam/inventories/${inventory!.key}`, { quantity: 2 }));

    const changed = async (route: string) => (await list(plant, route, `&filter[updatedAt:gteq]=${since}`)).map((record) => record.key);
    expect(await changed('work-orders')).toEqual(expect.arrayContaining([workOrder.key, created.key]));
    expect(await changed('purchase-orders')).toContain(order.key);
    expect(await changed('purchase-orders.line-items')).toEqual(expect.arrayContaining((order.lineItems as Data[]).map((line) => line.key)));
    expect(await changed('inventories')).toContain(inventory!.key);
    // The newest record in change order is the last one written.
    const newest = await list(plant, 'inventories', '&sort[updatedAt]=1&per_page=1');
    expect(newest[0]!.updatedAt >= since).toBe(true);
  });
});

describe('demo plant writes: auth, faults and methods', () => {
  it('takes the same bearer auth as reads, including REAUTHORIZATION_REQUIRED', async () => {
    const workOrder = await openWorkOrder();
    const body = { statusKey: refs.statusByName.get('Scheduled')!.key };
    apiError(await call(plant, 'PUT', `/api/eam/work-orders/${workOrder.key}/status`, body, {}, null), 401, 'AUTHENTICATION_FAILED');
    const issued = plant.issueToken();
    plant.setCredentialsChanged(true);
    try {
      apiError(await call(plant, 'PUT', `/api/eam/work-orders/${workOrder.key}/status`, body, {}, issued.accessToken), 401, 'REAUTHORIZATION_REQUIRED');
    } finally {
      plant.setCredentialsChanged(false);
    }
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`))).toEqual(workOrder);
    expect(data(await call(plant, 'PUT', `/api/eam/work-orders/${workOrder.key}/status`, body, {}, issued.accessToken)).status).toBe('Scheduled');
  });

  it('plays back faults on writes only when a rule names the method, applying nothing on an injected error', async () => {
    const control = demoPlantControl(plant.url, plant.token);
    const workOrder = await openWorkOrder();
    await control.injectFault({ status: 503, retryAfterSeconds: 1, pathPrefix: '/api/eam/work-orders', method: 'PUT' });
    expect((await api('GET', `/api/eam/work-orders/${workOrder.key}`)).status).toBe(200);
    const failed = apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { notes: 'lost' }, withKey('fault-503')), 503, 'SERVICE_UNAVAILABLE');
    expect(failed.message).toMatch(/Injected/);
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`))).toEqual(workOrder);
    // The failed attempt took nothing: a retry with the same key is applied.
    const retried = await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { notes: 'lost' }, withKey('fault-503'));
    expect(data(retried).notes).toBe('lost');
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('answers 405 for methods a write path does not take', async () => {
    apiError(await api('PUT', '/api/eam/work-orders', { title: 'x' }), 405, 'METHOD_NOT_ALLOWED');
    apiError(await api('DELETE', `/api/eam/work-orders/${(await openWorkOrder()).key}`), 405, 'METHOD_NOT_ALLOWED');
    apiError(await api('POST', '/api/eam/sites', { name: 'x' }), 405, 'METHOD_NOT_ALLOWED');
  });
});

describe('demo plant writes: Idempotency-Key', () => {
  it('replays the stored answer for a repeated request and applies it once', async () => {
    const count = await total(plant, 'work-orders');
    const body = { title: 'Idempotent create', siteKey: refs.sites[1]!.key, notes: 'once' };
    const first = await api('POST', '/api/eam/work-orders', body, withKey('create-once'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same request, its fields in another order.
    const again = await api('POST', '/api/eam/work-orders', { notes: 'once', siteKey: refs.sites[1]!.key, title: 'Idempotent create' }, withKey('create-once'));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(await total(plant, 'work-orders')).toBe(count + 1);
    const log = await writeLog(plant);
    expect(appliedWith(log, 'create-once')).toEqual([
      { idempotencyKey: 'create-once', method: 'POST', path: '/api/eam/work-orders', key: data(first).key, at: expect.any(String) },
    ]);
    expect(log.replayed).toBeGreaterThanOrEqual(1);
  });

  it('refuses the same key for a different request with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const workOrder = await openWorkOrder();
    data(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { notes: 'first' }, withKey('reuse')));
    const changed = apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}`, { notes: 'second' }, withKey('reuse')), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(changed.message).toMatch(/Idempotency-Key/);
    apiError(await api('PUT', `/api/eam/work-orders/${workOrder.key}/status`, { notes: 'first' }, withKey('reuse')), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(data(await api('GET', `/api/eam/work-orders/${workOrder.key}`)).notes).toBe('first');
    expect(appliedWith(await writeLog(plant), 'reuse')).toHaveLength(1);
  });

  it('leaves a key free when the request fails validation, and ignores the header on reads', async () => {
    apiError(await api('POST', '/api/eam/work-orders', { title: 'x' }, withKey('fix-and-retry')), 422, 'VALIDATION_ERROR');
    const fixed = await api('POST', '/api/eam/work-orders', { title: 'x', siteKey: refs.sites[0]!.key }, withKey('fix-and-retry'));
    expect(data(fixed).title).toBe('x');
    expect((await api('GET', '/api/eam/sites', undefined, withKey('fix-and-retry'))).status).toBe(200);
    apiError(await api('POST', '/api/eam/work-orders', { title: 'x', siteKey: refs.sites[0]!.key }, withKey('k'.repeat(256))), 400, 'INVALID_REQUEST');
  });

  it('applies concurrent requests with one key once; the others replay it', async () => {
    const count = await total(plant, 'work-orders');
    const body = { title: 'Raced create', siteKey: refs.sites[2]!.key };
    const answers = await Promise.all(Array.from({ length: 6 }, () => api('POST', '/api/eam/work-orders', body, withKey('race'))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => data(answer).key)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(await total(plant, 'work-orders')).toBe(count + 1);
    expect(appliedWith(await writeLog(plant), 'race')).toHaveLength(1);
  });

  it('survives a crash between applying a create and answering it (dropAfterApply), then replays on retry', async () => {
    const control = demoPlantControl(plant.url, plant.token);
    const count = await total(plant, 'work-orders');
    const body = { title: 'Created, answer lost', siteKey: refs.sites[0]!.key };
    await control.injectFault({ dropAfterApply: true, method: 'POST', pathPrefix: '/api/eam/work-orders' });
    await expect(api('POST', '/api/eam/work-orders', body, withKey('crash'))).rejects.toThrow();
    expect(await total(plant, 'work-orders')).toBe(count + 1);

    const retry = await api('POST', '/api/eam/work-orders', body, withKey('crash'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(data(retry).title).toBe('Created, answer lost');
    expect(await total(plant, 'work-orders')).toBe(count + 1);
    const applied = appliedWith(await writeLog(plant), 'crash');
    expect(applied.map((write) => write.key)).toEqual([data(retry).key]);
  });

  it('clears the write log on DELETE /__control/writes but keeps the stored answers', async () => {
    const body = { title: 'Before the clear', siteKey: refs.sites[0]!.key };
    const first = await api('POST', '/api/eam/work-orders', body, withKey('kept'));
    const cleared = await call(plant, 'DELETE', '/__control/writes');
    expect(cleared.json).toEqual({ applied: [], replayed: 0 });
    expect(await writeLog(plant)).toEqual({ applied: [], replayed: 0 });
    const again = await api('POST', '/api/eam/work-orders', body, withKey('kept'));
    expect(again.json).toEqual(first.json);
    expect(await writeLog(plant)).toEqual({ applied: [], replayed: 1 });
    // Like the rest of the control API, only the admin token reads it.
    apiError(await call(plant, 'GET', '/__control/writes', undefined, {}, plant.issueToken().accessToken), 401, 'AUTHENTICATION_FAILED');
  });
});

describe('demo plant writes survive a restart', () => {
  it('keeps written records and idempotency keys in the state file, and still loads files without them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-plant-writes-'));
    const stateFile = path.join(dir, 'plant.json');
    const first = await startDemoPlant({ seed: 12, sizes, stateFile });
    const site = (await list(first, 'sites'))[0]!;
    const created = await call(first, 'POST', '/api/eam/work-orders', { title: 'Written before the restart', siteKey: site.key }, withKey('restart'));
    const [inventory] = await list(first, 'inventories');
    const adjusted = data(await call(first, 'PUT', `/api/eam/inventories/${inventory!.key}`, { quantity: 33 }, withKey('restart-stock')));
    const count = await total(first, 'work-orders');
    await first.close();

    const second = await startDemoPlant({ seed: 12, sizes, stateFile });
    try {
      expect(data(await call(second, 'GET', `/api/eam/work-orders/${data(created).key}`))).toEqual(data(created));
      expect(data(await call(second, 'GET', `/api/eam/inventories/${inventory!.key}`))).toEqual(adjusted);
      const replay = await call(second, 'POST', '/api/eam/work-orders', { title: 'Written before the restart', siteKey: site.key }, withKey('restart'));
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.json).toEqual(created.json);
      apiError(await call(second, 'POST', '/api/eam/work-orders', { title: 'Another', siteKey: site.key }, withKey('restart')), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await total(second, 'work-orders')).toBe(count);
      // New records after a restart get keys and codes past the ones written before it.
      const next = data(await call(second, 'POST', '/api/eam/work-orders', { title: 'After the restart', siteKey: site.key }));
      expect(next.key > data(created).key).toBe(true);
      expect(String(next.code) > String(data(created).code)).toBe(true);
    } finally {
      await second.close();
    }

    // A file written before the plant took writes has no idempotency field: it still loads.
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as Record<string, unknown>;
    expect(Array.isArray(saved.idempotency)).toBe(true);
    delete saved.idempotency;
    await writeFile(stateFile, JSON.stringify(saved));
    const third = await startDemoPlant({ seed: 12, sizes, stateFile });
    try {
      expect(third.token).toBe(first.token);
      expect(data(await call(third, 'GET', `/api/eam/work-orders/${data(created).key}`)).title).toBe('Written before the restart');
      const fresh = await call(third, 'POST', '/api/eam/work-orders', { title: 'Written before the restart', siteKey: site.key }, withKey('restart'));
      expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    } finally {
      await third.close();
    }
  });
});

describe('IdempotencyStore', () => {
  const answer = (n: number) => ({ status: 200, body: { n } });

  it('runs one request per key at a time, even when applying it takes a while', async () => {
    const store = new IdempotencyStore(10);
    let runs = 0;
    const slow = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return answer(runs);
    };
    const outcomes = await Promise.all([1, 2, 3].map(() => store.run('k', 'same', slow)));
    expect(runs).toBe(1);
    expect(outcomes).toEqual([
      { kind: 'executed', answer: answer(1) },
      { kind: 'replayed', answer: answer(1) },
      { kind: 'replayed', answer: answer(1) },
    ]);
    expect(await store.run('k', 'different', slow)).toEqual({ kind: 'reused' });
  });

  it('keeps no answer for a request that failed, and only the newest answers', async () => {
    const store = new IdempotencyStore(3);
    await expect(store.run('a', 'f', () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect((await store.run('a', 'f', () => ({ status: 422, body: {} }))).kind).toBe('executed');
    expect(store.size).toBe(0);
    for (const [index, key] of ['a', 'b', 'c', 'd', 'e'].entries()) await store.run(key, 'f', () => answer(index));
    expect(store.snapshot().map((entry) => entry.key)).toEqual(['c', 'd', 'e']);
    expect((await store.run('a', 'f', () => answer(9))).kind).toBe('executed');
    const restored = new IdempotencyStore(3, store.snapshot());
    expect(await restored.run('e', 'f', () => answer(0))).toEqual({ kind: 'replayed', answer: answer(4) });
  });
});
