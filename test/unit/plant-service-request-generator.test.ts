import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPlantSizes, serviceRequestStatusNames, type PlantSizes } from '../../electron/demo-plant/plant-data';
import { generatePlant } from '../../electron/demo-plant/plant-data-generator';
import { PlantState } from '../../electron/demo-plant/plant-state';
import { officeRoles } from '../../electron/demo-plant/plant-vocabulary';
import { problemReportsByAssetType } from '../../electron/demo-plant/service-request-vocabulary';

const epochMs = Date.UTC(2026, 2, 4, 9, 24, 28, 731);
const day = 86_400_000;
const plant = generatePlant(42, defaultPlantSizes, epochMs);
const specPath = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'makini-api', 'oas3_eam.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
const specFields = Object.keys(spec.components.schemas.ServiceRequest!.properties);

const statusName = new Map(plant.serviceRequestStatuses.map((status) => [status.key, status.name]));
const byStatus = (name: string) => plant.serviceRequests.filter((request) => statusName.get(request.statusKey) === name);

describe('generated service requests', () => {
  it('has a status table New, Approved, Declined with codes NEW, APPROVED, DECLINED, in the keys of the other status tables', () => {
    expect(plant.serviceRequestStatuses.map(({ name, code, scope, isActive }) => ({ name, code, scope, isActive }))).toEqual([
      { name: 'New', code: 'NEW', scope: 'service-requests', isActive: true },
      { name: 'Approved', code: 'APPROVED', scope: 'service-requests', isActive: true },
      { name: 'Declined', code: 'DECLINED', scope: 'service-requests', isActive: true },
    ]);
    expect(plant.serviceRequestStatuses.map((status) => status.name)).toEqual([...serviceRequestStatusNames]);
    for (const status of plant.serviceRequestStatuses) expect(status.key).toMatch(/^06\d{12}$/);
  });

  it('files as many as the size asks, keyed like the plant\'s other records in the order they were filed', () => {
    expect(plant.serviceRequests).toHaveLength(defaultPlantSizes.serviceRequests);
    const keys = plant.serviceRequests.map((request) => request.key!);
    for (const key of keys) expect(key).toMatch(/^20\d{12}$/);
    expect([...keys].sort()).toEqual(keys);
    const created = plant.serviceRequests.map((request) => request.createdAt!);
    expect([...created].sort()).toEqual(created);
    const small: PlantSizes = { sites: 2, assets: 30, workOrders: 50, pmPlans: 5, technicians: 6, parts: 10, purchaseOrders: 5, serviceRequests: 7 };
    expect(generatePlant(3, small, epochMs).serviceRequests).toHaveLength(7);
    expect(() => generatePlant(3, { ...small, sites: 0, assets: 0, workOrders: 0, pmPlans: 0, purchaseOrders: 0 }, epochMs)).toThrow(RangeError);
  });

  it('writes only the spec\'s fields, with documents empty, second-precision dates and no deletion', () => {
    for (const request of plant.serviceRequests) {
      for (const field of Object.keys(request)) expect(specFields).toContain(field);
      expect(request.documents).toEqual([]);
      expect(request).not.toHaveProperty('deletedAt');
      for (const field of ['createdAt', 'updatedAt', 'dueAt', 'approvedAt'] as const) {
        if (request[field] !== undefined) expect(request[field]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
      expect(Date.parse(request.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(request.createdAt!));
      expect(Date.parse(request.updatedAt!)).toBeLessThanOrEqual(epochMs);
      expect(['Low', 'Medium', 'High', 'Critical']).toContain(request.severity);
      expect(['Corrective', 'Breakdown']).toContain(request.categoryName);
      expect(request.title!.length).toBeGreaterThan(5);
      expect(request.description).toContain(plant.assets.find((asset) => asset.key === request.assetKey)!.name);
    }
  });

  it('reports problems on existing equipment, in words for that kind of equipment, by people who work at its site', () => {
    const assets = new Map(plant.assets.map((asset) => [asset.key, asset]));
    const users = new Map(plant.users.map((user) => [user.key, user]));
    const typeTitles = new Set(Object.values(problemReportsByAssetType).flat().map((report) => report.title));
    let ownWords = 0;
    for (const request of plant.serviceRequests) {
      const asset = assets.get(request.assetKey)!;
      expect(request).toMatchObject({ siteKey: asset.siteKey, locationKey: asset.locationKey });
      const requester = users.get(request.userRequestedKey)!;
      expect(requester.siteKeys).toContain(asset.siteKey);
      const own = problemReportsByAssetType[asset.categoryName!] ?? [];
      if (own.some((report) => report.title === request.title)) ownWords++;
      else expect(typeTitles.has(request.title!)).toBe(false);
    }
    expect(ownWords / plant.serviceRequests.length).toBeGreaterThan(0.6);
    const office = plant.serviceRequests.filter((request) => officeRoles.includes(users.get(request.userRequestedKey)!.roleName!));
    expect(office.length / plant.serviceRequests.length).toBeGreaterThan(0.25);
  });

  it('leaves the last few days\' requests New and unlinked, declines a few older ones, and approves the rest with a work order on the same asset', () => {
    const fresh = byStatus('New');
    expect(fresh.length).toBeGreaterThanOrEqual(8);
    expect(fresh.length).toBeLessThanOrEqual(12);
    for (const request of fresh) {
      expect(epochMs - Date.parse(request.createdAt!)).toBeLessThanOrEqual(4 * day);
      expect(request.updatedAt).toBe(request.createdAt);
      for (const field of ['workOrderKey', 'userApprovedKey', 'approvedAt'] as const) expect(request).not.toHaveProperty(field);
    }

    const declined = byStatus('Declined');
    expect(declined.length).toBeGreaterThanOrEqual(2);
    expect(declined.length).toBeLessThanOrEqual(6);
    for (const request of declined) {
      expect(request.notes).toMatch(/^Declined: /);
      expect(request).not.toHaveProperty('workOrderKey');
      expect(epochMs - Date.parse(request.createdAt!)).toBeGreaterThan(4 * day);
    }

    const approved = byStatus('Approved');
    expect(approved.length).toBe(plant.serviceRequests.length - fresh.length - declined.length);
    const workOrders = new Map(plant.workOrders.map((workOrder) => [workOrder.key, workOrder]));
    const users = new Map(plant.users.map((user) => [user.key, user]));
    for (const request of approved) {
      const workOrder = workOrders.get(request.workOrderKey)!;
      expect(workOrder).toBeDefined();
      expect(workOrder.pmKey).toBeUndefined();
      expect(request).toMatchObject({ assetKey: workOrder.assetKey, teamKey: workOrder.teamKey, severity: workOrder.severity, categoryName: workOrder.categoryName });
      // Approved when the work order was raised for it, after it was filed.
      expect(request.approvedAt).toBe(workOrder.createdAt);
      expect(request.updatedAt).toBe(request.approvedAt);
      expect(Date.parse(request.createdAt!)).toBeLessThan(Date.parse(workOrder.createdAt!));
      expect(['Maintenance Manager', 'Maintenance Supervisor', 'Maintenance Planner']).toContain(users.get(request.userApprovedKey)!.roleName);
    }
    expect(new Set(approved.map((request) => request.workOrderKey)).size).toBe(approved.length);
  });

  it('leaves the generated work orders as they were; the plant links them to their requests when it serves them', () => {
    expect(plant.workOrders.some((workOrder) => 'serviceRequestKey' in workOrder)).toBe(false);
    const state = new PlantState({ seed: 42, sizes: defaultPlantSizes, epochMs });
    for (const request of plant.serviceRequests) {
      if (request.workOrderKey) expect(state.collections.workOrders.get(request.workOrderKey)!.serviceRequestKey).toBe(request.key);
    }
    const linked = state.collections.workOrders.all().filter((workOrder) => workOrder.serviceRequestKey !== undefined);
    expect(linked).toHaveLength(plant.serviceRequests.filter((request) => request.workOrderKey).length);
  });

  it('has a backlog instead of approvals in a plant with too few work orders to link', () => {
    const sizes: PlantSizes = { sites: 1, assets: 10, workOrders: 0, pmPlans: 0, technicians: 3, parts: 0, purchaseOrders: 0, serviceRequests: 20 };
    const small = generatePlant(9, sizes, epochMs);
    const names = new Map(small.serviceRequestStatuses.map((status) => [status.key, status.name]));
    expect(small.serviceRequests).toHaveLength(20);
    expect(small.serviceRequests.every((request) => names.get(request.statusKey) !== 'Approved' && request.workOrderKey === undefined)).toBe(true);
  });
});
