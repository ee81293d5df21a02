import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { demoPlantWriteRules, workOrderMaterialRequestFields } from '../../electron/demo-plant/demo-plant-write-rules';
import { isoSeconds } from '../../electron/demo-plant/plant-time';
import type { WriteLogSnapshot } from '../../electron/demo-plant/write-log';

/**
 * Parts used on work orders, over HTTP: the spec's GET and POST on work-orders/{key}/materials and
 * PUT on work-orders/{key}/materials/{materialKey}, and the stock they move.
 */

type Data = Record<string, unknown> & { key: string; updatedAt: string };
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
  meta: { total: number; current_page: number; last_page: number };
}

const sizes = { sites: 3, workOrders: 300, purchaseOrders: 40, parts: 60 };
let plant: RunningDemoPlant;

async function call(target: RunningDemoPlant, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(target.url + route, {
    method,
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json', ...headers },
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
async function listPage(target: RunningDemoPlant, route: string, query = ''): Promise<Page> {
  const answer = await call(target, 'GET', `/api/eam/${route}?per_page=1000${query}`);
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json as Page;
}
const list = async (target: RunningDemoPlant, route: string, query = '') => (await listPage(target, route, query)).data;
const linesOf = (target: RunningDemoPlant, workOrderKey: string, query = '') => list(target, `work-orders/${workOrderKey}/materials`, query);
const writeLog = async (target: RunningDemoPlant) => (await call(target, 'GET', '/__control/writes')).json as WriteLogSnapshot;

/** What a part's bins at a location hold between them, read as a client would. */
async function binsTotal(target: RunningDemoPlant, materialKey: string, locationKey: string): Promise<number> {
  const bins = await list(target, 'stocks', `&filter[materialKey]=${materialKey}&filter[locationKey]=${locationKey}`);
  return bins.reduce((sum, bin) => sum + Number(bin.quantity), 0);
}
/** The part's inventory record at a location (the plant knows which part an inventory stocks). */
async function inventoryAt(target: RunningDemoPlant, materialKey: string, locationKey: string): Promise<Data> {
  for (const key of target.state.inventoriesOfMaterial(materialKey)) {
    const inventory = data(await call(target, 'GET', `/api/eam/inventories/${key}`));
    if (inventory.locationKey === locationKey) return inventory;
  }
  throw new Error(`part ${materialKey} has no inventory at ${locationKey}`);
}
/** Bins and inventory agree (they are kept in step); answers what is on hand. */
async function onHand(target: RunningDemoPlant, materialKey: string, locationKey: string): Promise<number> {
  const total = await binsTotal(target, materialKey, locationKey);
  expect((await inventoryAt(target, materialKey, locationKey)).quantity).toBe(total);
  return total;
}

interface Part {
  material: Data;
  /** The inventory records of the part, one per location it is stocked at. */
  inventories: Data[];
}
let parts: Part[];
let siteKey: string;

/** A part stocked at exactly `locations` locations that no earlier test used, with its stock set to `quantities` there. */
async function freshPart(locations: 1 | 2, quantities: number[]): Promise<Part & { locationKeys: string[] }> {
  const index = parts.findIndex((part) => part.inventories.length === locations);
  expect(index, `a part stocked at ${locations} location(s)`).toBeGreaterThanOrEqual(0);
  const part = parts.splice(index, 1)[0]!;
  for (const [i, inventory] of part.inventories.entries()) data(await api('PUT', `/api/eam/inventories/${inventory.key}`, { quantity: quantities[i] }));
  return { ...part, locationKeys: part.inventories.map((inventory) => String(inventory.locationKey)) };
}
/** A new work order, with no parts on it. */
const freshWorkOrder = async (target = plant, site = siteKey) => data(await call(target, 'POST', '/api/eam/work-orders', { title: 'Parts test', siteKey: site }));
const materialsPath = (workOrderKey: string, materialKey?: string) => `/api/eam/work-orders/${workOrderKey}/materials${materialKey === undefined ? '' : `/${materialKey}`}`;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 21, sizes, stateFile: null });
  siteKey = (await list(plant, 'sites'))[0]!.key;
  const inventories = new Map((await list(plant, 'inventories')).map((inventory) => [inventory.key, inventory]));
  parts = (await list(plant, 'materials')).map((material) => ({
    material,
    inventories: plant.state.inventoriesOfMaterial(material.key).map((key) => inventories.get(key)!),
  }));
});
afterAll(() => plant.close());

describe('work-order materials: reads', () => {
  it("lists one work order's lines, as the list of all lines has them, and 404s an unknown work order", async () => {
    const all = await list(plant, 'work-orders/materials');
    const workOrderKey = String(all[0]!.workOrderKey);
    const expected = all.filter((line) => line.workOrderKey === workOrderKey);
    const answer = await listPage(plant, `work-orders/${workOrderKey}/materials`);
    expect(answer.data).toEqual(expected);
    expect(answer.meta).toMatchObject({ total: expected.length, current_page: 1, last_page: 1 });
    // List parameters work as on any route.
    expect(await linesOf(plant, workOrderKey, `&filter[materialKey]=${String(expected[0]!.materialKey)}`)).toEqual([expected[0]]);

    const empty = await freshWorkOrder();
    expect(await listPage(plant, `work-orders/${empty.key}/materials`)).toMatchObject({ data: [], meta: { total: 0 } });
    const unknown = apiError(await api('GET', materialsPath('07999999999999')), 404, 'NOT_FOUND');
    expect(unknown.message).toContain('07999999999999');
  });

  it('writes down both routes in the write rules, and answers 405 for methods they do not take', async () => {
    expect(demoPlantWriteRules.addWorkOrderMaterial).toEqual({
      method: 'POST',
      path: '/api/eam/work-orders/{key}/materials',
      fields: ['materialKey', 'storeroomKey', 'requiredQuantity', 'usedQuantity'],
      required: ['materialKey', 'requiredQuantity', 'usedQuantity'],
      notClearable: [],
    });
    expect(demoPlantWriteRules.updateWorkOrderMaterial).toMatchObject({ method: 'PUT', path: '/api/eam/work-orders/{key}/materials/{materialKey}', fields: workOrderMaterialRequestFields, required: [] });
    const workOrder = await freshWorkOrder();
    apiError(await api('PUT', materialsPath(workOrder.key), {}), 405, 'METHOD_NOT_ALLOWED');
    apiError(await api('DELETE', materialsPath(workOrder.key, '11000000000001')), 405, 'METHOD_NOT_ALLOWED');
    apiError(await api('POST', '/api/eam/work-orders/materials', {}), 405, 'METHOD_NOT_ALLOWED');
  });
});

describe('work-order materials: writes move stock', () => {
  it('adds a line in the spec’s MaterialItem order and takes exactly the used quantity out of its storeroom; a replay takes nothing', async () => {
    const part = await freshPart(1, [20]);
    const [storeroomKey] = part.locationKeys;
    const workOrder = await freshWorkOrder();
    const before = isoSeconds(Date.now());
    // The spec's example sends quantities as strings.
    const body = { materialKey: part.material.key, storeroomKey, requiredQuantity: '3', usedQuantity: '2' };
    const first = await api('POST', materialsPath(workOrder.key), body, withKey('add-line'));
    const line = data(first);
    expect(line).toEqual({
      key: expect.stringMatching(/^19\d{12}$/),
      materialKey: part.material.key,
      workOrderKey: workOrder.key,
      partNumber: part.material.partNumber,
      name: part.material.name,
      quantity: '2',
      requiredQuantity: '3',
      createdAt: line.updatedAt,
      updatedAt: expect.any(String),
      storeroomKey,
    });
    expect(Object.keys(line)).toEqual(['key', 'materialKey', 'workOrderKey', 'partNumber', 'name', 'quantity', 'requiredQuantity', 'createdAt', 'updatedAt', 'storeroomKey']);
    expect(line.updatedAt >= before).toBe(true);
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(18);
    expect(await linesOf(plant, workOrder.key)).toEqual([line]);
    expect(await list(plant, 'work-orders/materials', `&filter[key]=${line.key}`)).toEqual([line]);

    // The same request again (fields in another order) is answered from the store: nothing is taken twice.
    const again = await api('POST', materialsPath(workOrder.key), { usedQuantity: '2', requiredQuantity: '3', storeroomKey, materialKey: part.material.key }, withKey('add-line'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(18);
    expect(await linesOf(plant, workOrder.key)).toHaveLength(1);
    // The same key for another request is refused, and takes nothing either.
    apiError(await api('POST', materialsPath(workOrder.key), { ...body, usedQuantity: '5' }, withKey('add-line')), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(18);

    const log = await writeLog(plant);
    expect(log.applied.filter((write) => write.idempotencyKey === 'add-line')).toEqual([
      { idempotencyKey: 'add-line', method: 'POST', path: materialsPath(workOrder.key), key: line.key, at: expect.any(String) },
    ]);
    expect(log.replayed).toBeGreaterThanOrEqual(1);
  });

  it('moves stock by the change when a line’s used quantity goes up or down, and not at all for the required quantity', async () => {
    const part = await freshPart(1, [10]);
    const [storeroomKey] = part.locationKeys;
    const workOrder = await freshWorkOrder();
    const line = data(await api('POST', materialsPath(workOrder.key), { materialKey: part.material.key, storeroomKey, requiredQuantity: 4, usedQuantity: 1 }));
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(9);

    const raised = data(await api('PUT', materialsPath(workOrder.key, part.material.key), { usedQuantity: 4 }, withKey('raise-use')));
    expect(raised).toMatchObject({ key: line.key, quantity: '4', requiredQuantity: '4', storeroomKey, createdAt: line.createdAt });
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(6);

    const lowered = data(await api('PUT', materialsPath(workOrder.key, part.material.key), { usedQuantity: '2', materialKey: part.material.key }));
    expect(lowered.quantity).toBe('2');
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(8);

    const replanned = data(await api('PUT', materialsPath(workOrder.key, part.material.key), { requiredQuantity: 6 }));
    expect(replanned).toMatchObject({ quantity: '2', requiredQuantity: '6' });
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(8);
    expect(await linesOf(plant, workOrder.key)).toEqual([replanned]);

    const puts = (await writeLog(plant)).applied.filter((write) => write.method === 'PUT' && write.path === materialsPath(workOrder.key, part.material.key));
    expect(puts.map((write) => write.key)).toEqual([line.key, line.key, line.key]);
    expect(puts[0]!.idempotencyKey).toBe('raise-use');
  });

  it('takes from the storeroom that holds the most when none is named, and refuses a use when none holds any', async () => {
    const part = await freshPart(2, [4, 9]);
    const [lesser, fuller] = part.locationKeys;
    const workOrder = await freshWorkOrder();
    const line = data(await api('POST', materialsPath(workOrder.key), { materialKey: part.material.key, requiredQuantity: 2, usedQuantity: 2 }));
    expect(line.storeroomKey).toBe(fuller);
    expect(await onHand(plant, part.material.key, fuller!)).toBe(7);
    expect(await onHand(plant, part.material.key, lesser!)).toBe(4);
    // Once on the line, the storeroom stays: a raise takes from it even when another holds more.
    data(await api('PUT', materialsPath(workOrder.key, part.material.key), { usedQuantity: 6 }));
    expect(await onHand(plant, part.material.key, fuller!)).toBe(3);
    // A line moved to another storeroom returns what it used to the old one and takes it all from the new one.
    const moved = data(await api('PUT', materialsPath(workOrder.key, part.material.key), { storeroomKey: lesser, usedQuantity: 3 }));
    expect(moved).toMatchObject({ storeroomKey: lesser, quantity: '3' });
    expect(await onHand(plant, part.material.key, fuller!)).toBe(9);
    expect(await onHand(plant, part.material.key, lesser!)).toBe(1);

    const empty = await freshPart(1, [0]);
    const refused = apiError(await api('POST', materialsPath(workOrder.key), { materialKey: empty.material.key, requiredQuantity: 1, usedQuantity: 1 }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(refused.fields!)).toEqual(['storeroomKey']);
    expect(refused.fields!.storeroomKey).toMatch(/no storeroom has part .* on hand/);
    // Planned but not used yet: nothing to take, so no storeroom is needed.
    const planned = data(await api('POST', materialsPath(workOrder.key), { materialKey: empty.material.key, requiredQuantity: 1, usedQuantity: 0 }));
    expect(planned).toMatchObject({ quantity: '0', requiredQuantity: '1' });
    expect(planned).not.toHaveProperty('storeroomKey');
  });
});

describe('work-order materials: refusals', () => {
  it('names the field of every bad body and moves no stock', async () => {
    const part = await freshPart(1, [5]);
    const [storeroomKey] = part.locationKeys;
    const workOrder = await freshWorkOrder();
    const post = (body: unknown) => api('POST', materialsPath(workOrder.key), body);
    const fieldsOf = async (body: unknown) => apiError(await post(body), 422, 'VALIDATION_ERROR').fields!;
    const good = { materialKey: part.material.key, storeroomKey, requiredQuantity: 2, usedQuantity: 2 };

    expect(await fieldsOf({ ...good, materialKey: '11999999999999' })).toEqual({ materialKey: expect.stringContaining('11999999999999') });
    expect(await fieldsOf({ ...good, storeroomKey: '02999999999999' })).toEqual({ storeroomKey: expect.stringContaining('02999999999999') });
    expect(await fieldsOf({ ...good, usedQuantity: -1 })).toEqual({ usedQuantity: expect.stringMatching(/negative/) });
    expect(await fieldsOf({ ...good, requiredQuantity: '-2' })).toEqual({ requiredQuantity: expect.stringMatching(/negative/) });
    expect(await fieldsOf({ ...good, requiredQuantity: 'lots' })).toEqual({ requiredQuantity: expect.stringMatching(/number/) });
    expect(await fieldsOf({ ...good, usedQuantity: 1.5 })).toEqual({ usedQuantity: expect.stringMatching(/whole/) });
    expect(Object.keys(await fieldsOf({ storeroomKey })).sort()).toEqual(['materialKey', 'requiredQuantity', 'usedQuantity']);
    expect(await fieldsOf({ ...good, quantity: 2 })).toEqual({ quantity: expect.stringMatching(/not a field/) });

    const beyond = apiError(await post({ ...good, usedQuantity: 6 }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(beyond.fields!)).toEqual(['usedQuantity']);
    expect(beyond.fields!.usedQuantity).toContain('only 5');
    expect(beyond.fields!.usedQuantity).toContain(storeroomKey);
    expect(beyond.message).toContain('usedQuantity');
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(5);
    expect(await linesOf(plant, workOrder.key)).toEqual([]);

    data(await post(good));
    const duplicate = apiError(await post({ ...good, usedQuantity: 1 }), 422, 'VALIDATION_ERROR');
    expect(Object.keys(duplicate.fields!)).toEqual(['materialKey']);
    expect(duplicate.fields!.materialKey).toMatch(/already has line .* update that line instead/);

    const put = (materialKey: string, body: unknown) => api('PUT', materialsPath(workOrder.key, materialKey), body);
    const overdrawn = apiError(await put(part.material.key, { usedQuantity: 6 }), 422, 'VALIDATION_ERROR');
    expect(overdrawn.fields!.usedQuantity).toMatch(/raises the use by 4, but only 3 .* on hand at storeroom/);
    expect(apiError(await put(part.material.key, { usedQuantity: null }), 422, 'VALIDATION_ERROR').fields).toEqual({ usedQuantity: expect.stringMatching(/cleared/) });
    expect(apiError(await put(part.material.key, { materialKey: '11999999999999' }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('materialKey');
    expect(apiError(await put(part.material.key, { storeroomKey: 'nowhere' }), 422, 'VALIDATION_ERROR').fields).toHaveProperty('storeroomKey');
    expect(await onHand(plant, part.material.key, storeroomKey!)).toBe(3);
    expect((await linesOf(plant, workOrder.key))[0]).toMatchObject({ quantity: '2', requiredQuantity: '2' });
  });

  it('404s an unknown or deleted work order, and a part the work order has no line for', async () => {
    const part = await freshPart(1, [5]);
    const body = { materialKey: part.material.key, requiredQuantity: 1, usedQuantity: 1 };
    apiError(await api('POST', materialsPath('07999999999999'), body), 404, 'NOT_FOUND');
    apiError(await api('PUT', materialsPath('07999999999999', part.material.key), { usedQuantity: 1 }), 404, 'NOT_FOUND');

    const workOrder = await freshWorkOrder();
    const notOnIt = apiError(await api('PUT', materialsPath(workOrder.key, part.material.key), { usedQuantity: 1 }), 404, 'NOT_FOUND');
    expect(notOnIt.message).toContain(part.material.key);
    // The path names the part, not the line: a line's own key is not found either.
    const line = data(await api('POST', materialsPath(workOrder.key), body));
    apiError(await api('PUT', materialsPath(workOrder.key, line.key), { usedQuantity: 1 }), 404, 'NOT_FOUND');

    plant.state.put('workOrders', { ...data(await api('GET', `/api/eam/work-orders/${workOrder.key}`)), deletedAt: isoSeconds(Date.now()) });
    const other = await freshPart(1, [5]);
    apiError(await api('POST', materialsPath(workOrder.key), { ...body, materialKey: other.material.key }), 404, 'NOT_FOUND');
    apiError(await api('PUT', materialsPath(workOrder.key, part.material.key), { usedQuantity: 0 }), 404, 'NOT_FOUND');
    expect(await onHand(plant, part.material.key, part.locationKeys[0]!)).toBe(4);
    expect(await onHand(plant, other.material.key, other.locationKeys[0]!)).toBe(5);
  });
});

describe('work-order materials: syncs and restarts', () => {
  it('stamps every stock bin and inventory it changes, so an incremental read (filter[updatedAt:gt]) returns them', async () => {
    const part = await freshPart(1, [12]);
    const [storeroomKey] = part.locationKeys;
    const workOrder = await freshWorkOrder();
    const since = isoSeconds(Date.now() - 1000);
    const line = data(await api('POST', materialsPath(workOrder.key), { materialKey: part.material.key, storeroomKey, requiredQuantity: 5, usedQuantity: 5 }));

    const changedBins = (await list(plant, 'stocks', `&filter[updatedAt:gt]=${since}`)).filter((bin) => bin.materialKey === part.material.key && bin.locationKey === storeroomKey);
    expect(changedBins.length).toBeGreaterThan(0);
    expect(changedBins.every((bin) => bin.updatedAt === line.updatedAt)).toBe(true);
    expect(changedBins.reduce((sum, bin) => sum + Number(bin.quantity), 0)).toBe(7);
    const inventory = await inventoryAt(plant, part.material.key, storeroomKey!);
    expect((await list(plant, 'inventories', `&filter[updatedAt:gt]=${since}`)).map((record) => record.key)).toContain(inventory.key);
    expect(inventory).toMatchObject({ quantity: 7, updatedAt: line.updatedAt });
    expect((await list(plant, 'work-orders/materials', `&filter[updatedAt:gt]=${since}`)).map((record) => record.key)).toContain(line.key);
  });

  it('keeps the lines it wrote and the stock they took across a restart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-plant-parts-'));
    const stateFile = path.join(dir, 'plant.json');
    const first = await startDemoPlant({ seed: 22, sizes, stateFile });
    const site = (await list(first, 'sites'))[0]!.key;
    const inventories = await list(first, 'inventories');
    const inventory = inventories.find((candidate) => first.state.materialOfInventory(candidate.key) !== undefined)!;
    const materialKey = first.state.materialOfInventory(inventory.key)!;
    const storeroomKey = String(inventory.locationKey);
    data(await call(first, 'PUT', `/api/eam/inventories/${inventory.key}`, { quantity: 30 }));
    const workOrder = await freshWorkOrder(first, site);
    const body = { materialKey, storeroomKey, requiredQuantity: '8', usedQuantity: '8' };
    const created = await call(first, 'POST', materialsPath(workOrder.key), body, withKey('restart-line'));
    const updated = data(await call(first, 'PUT', materialsPath(workOrder.key, materialKey), { usedQuantity: 10 }));
    expect(await onHand(first, materialKey, storeroomKey)).toBe(20);
    const bins = await list(first, 'stocks', `&filter[materialKey]=${materialKey}&filter[locationKey]=${storeroomKey}`);
    await first.close();

    const second = await startDemoPlant({ seed: 22, sizes, stateFile });
    try {
      expect(await linesOf(second, workOrder.key)).toEqual([updated]);
      expect(await list(second, 'stocks', `&filter[materialKey]=${materialKey}&filter[locationKey]=${storeroomKey}`)).toEqual(bins);
      expect(await onHand(second, materialKey, storeroomKey)).toBe(20);
      // The create's Idempotency-Key is kept too: a retry after the restart takes nothing.
      const replay = await call(second, 'POST', materialsPath(workOrder.key), body, withKey('restart-line'));
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.json).toEqual(created.json);
      expect(await onHand(second, materialKey, storeroomKey)).toBe(20);
      // New lines after the restart get keys past the ones written before it.
      const other = await freshWorkOrder(second, site);
      const next = data(await call(second, 'POST', materialsPath(other.key), { materialKey, storeroomKey, requiredQuantity: 1, usedQuantity: 1 }));
      expect(next.key > data(created).key).toBe(true);
      expect(await onHand(second, materialKey, storeroomKey)).toBe(19);
    } finally {
      await second.close();
    }
  });
});
