import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { demoPlantControl } from '../support/demo-plant-control';

let plant: RunningDemoPlant;
const get = (path: string, token: string | null = plant.token) =>
  fetch(plant.url + path, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 7, sizes: { workOrders: 600 }, stateFile: null });
});
afterAll(() => plant.close());

describe('demo plant speaks the Makini EAM API', () => {
  it('refuses requests without the right bearer token with a structured 401', async () => {
    for (const token of [null, 'wrong-token']) {
      const response = await get('/api/eam/work-orders', token);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string; request_id: string } };
      expect(body.error.code).toBe('AUTHENTICATION_FAILED');
      expect(body.error.request_id).toBe(response.headers.get('x-request-id'));
    }
  });

  it('lists pages in the spec envelope with data, links and meta', async () => {
    const response = await get('/api/eam/work-orders?page=2&per_page=100');
    const body = (await response.json()) as { data: { key: string }[]; links: Record<string, string | null>; meta: Record<string, number> };
    expect(body.data).toHaveLength(100);
    expect(body.meta).toMatchObject({ current_page: 2, per_page: 100, total: 600, last_page: 6, from: 101, to: 200 });
    expect(body.links.prev).toContain('page=1');
    expect(body.links.next).toContain('page=3');
  });

  it('serves every entity the foundation needs, list and detail', async () => {
    const routes = [
      'sites', 'locations', 'assets', 'labors', 'teams', 'statuses/work-orders', 'work-orders', 'pm',
      'vendors', 'materials', 'inventories', 'purchase-orders', 'purchase-orders.line-items',
    ];
    for (const route of routes) {
      const list = (await (await get(`/api/eam/${route}?per_page=1`)).json()) as { data: { key: string }[]; meta: { total: number } };
      expect(list.meta.total, route).toBeGreaterThan(0);
      const detail = await get(`/api/eam/${route}/${list.data[0]!.key}`);
      expect(detail.status, route).toBe(200);
      expect(((await detail.json()) as { data: { key: string } }).data.key).toBe(list.data[0]!.key);
    }
    expect((await get('/api/eam/work-orders/00000000000000')).status).toBe(404);
    const integration = (await (await get('/api/integrations/current')).json()) as { data: { provider: string; sync_status: string } };
    expect(integration.data).toMatchObject({ provider: 'demo-plant', sync_status: 'done' });
  });

  it('filters on updatedAt and sorts by it in both directions', async () => {
    const all = (await (await get('/api/eam/work-orders?sort[updatedAt]=0&per_page=1000')).json()) as { data: { updatedAt: string }[] };
    const times = all.data.map((wo) => Date.parse(wo.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const middle = all.data[300]!.updatedAt;
    const gteq = (await (await get(`/api/eam/work-orders?filter[updatedAt:gteq]=${middle}&per_page=1000`)).json()) as { data: { updatedAt: string }[] };
    const gt = (await (await get(`/api/eam/work-orders?filter[updatedAt:gt]=${middle}&per_page=1000`)).json()) as { data: { updatedAt: string }[] };
    expect(gteq.data.every((wo) => Date.parse(wo.updatedAt) >= Date.parse(middle))).toBe(true);
    expect(gt.data.every((wo) => Date.parse(wo.updatedAt) > Date.parse(middle))).toBe(true);
    expect(gteq.data.length).toBeGreaterThan(gt.data.length);
    const descending = (await (await get('/api/eam/work-orders?sort[updatedAt]=1&per_page=5')).json()) as { data: { updatedAt: string }[] };
    expect(descending.data[0]!.updatedAt).toBe(all.data.at(-1)!.updatedAt);
  });

  it('answers a bad query with a structured 400', async () => {
    const response = await get('/api/eam/work-orders?page=zero');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string; message: string } }).error.message).toMatch(/page/);
  });

  it('plays back injected faults, then recovers', async () => {
    const control = demoPlantControl(plant.url, plant.token);
    await control.injectFault({ status: 503, retryAfterSeconds: 2, pathPrefix: '/api/eam/sites', times: 1 });
    const failed = await get('/api/eam/sites');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await get('/api/eam/sites')).status).toBe(200);
  });

  it('changes work orders on request, moving them later in change order', async () => {
    const control = demoPlantControl(plant.url, plant.token);
    const keys = await control.advanceWorkOrders(3);
    expect(new Set(keys).size).toBe(3);
    const newest = (await (await get('/api/eam/work-orders?sort[updatedAt]=1&per_page=3')).json()) as { data: { key: string }[] };
    expect(newest.data.map((wo) => wo.key).sort()).toEqual([...keys].sort());
  });
});
