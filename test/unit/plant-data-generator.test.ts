import { describe, it, expect } from 'vitest';
import {
  defaultPlantSizes,
  workOrderStatusNames,
  type PlantData,
  type PlantPOLineItem,
  type PlantPurchaseOrder,
  type PlantSizes,
} from '../../electron/demo-plant/plant-data';
import { generatePlant } from '../../electron/demo-plant/plant-data-generator';
import { fixedCondition, floatingCondition } from '../../electron/demo-plant/plant-pm-generator';
import { isoSeconds } from '../../electron/demo-plant/plant-time';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';

const epochMs = Date.UTC(2026, 2, 4, 9, 24, 28, 731);
const epochSecondsIso = '2026-03-04T09:24:28Z';
const smallSizes: PlantSizes = { sites: 2, assets: 60, workOrders: 400, pmPlans: 20, technicians: 9, parts: 40, purchaseOrders: 50, serviceRequests: 30 };
const isoSecondsPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const plant = generatePlant(42, defaultPlantSizes, epochMs);

function allRecords(data: PlantData): Record<string, unknown>[] {
  return Object.values(data).flat() as Record<string, unknown>[];
}

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new SeededRandom(8).next()).not.toBe(values[0]);
  });

  it('draws inclusive integers, picks, and honours weights', () => {
    const random = new SeededRandom(1);
    const ints = new Set(Array.from({ length: 2000 }, () => random.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
    expect(() => random.pick([])).toThrow(RangeError);
    const counts = { never: 0, rare: 0, common: 0 };
    for (let i = 0; i < 10_000; i++) {
      counts[random.weighted([['never', 0], ['rare', 1], ['common', 9]] as const)]++;
    }
    expect(counts.never).toBe(0);
    expect(counts.common).toBeGreaterThan(counts.rare * 6);
  });
});

describe('isoSeconds', () => {
  it('writes UTC instants to the second, truncating milliseconds', () => {
    expect(isoSeconds(epochMs)).toBe(epochSecondsIso);
    expect(isoSeconds(Date.UTC(1999, 11, 31, 23, 59, 59, 999))).toBe('1999-12-31T23:59:59Z');
    for (let ms = 1.6e12; ms < 1.9e12; ms += 7_777_777_777.7) {
      expect(isoSeconds(ms)).toBe(new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
    }
  });
});

describe('generatePlant', () => {
  it('is deterministic for seed, sizes and epoch', () => {
    expect(generatePlant(5, smallSizes, epochMs)).toEqual(generatePlant(5, smallSizes, epochMs));
    expect(generatePlant(6, smallSizes, epochMs)).not.toEqual(generatePlant(5, smallSizes, epochMs));
    expect(generatePlant(5, smallSizes, epochMs + 86_400_000)).not.toEqual(generatePlant(5, smallSizes, epochMs));
  });

  it('honours the requested sizes', () => {
    for (const sizes of [defaultPlantSizes, smallSizes]) {
      const data = sizes === defaultPlantSizes ? plant : generatePlant(3, sizes, epochMs);
      expect(data.sites).toHaveLength(sizes.sites);
      expect(data.assets).toHaveLength(sizes.assets);
      expect(data.workOrders).toHaveLength(sizes.workOrders);
      expect(data.pmPlans).toHaveLength(sizes.pmPlans);
      expect(data.labors).toHaveLength(sizes.technicians);
      expect(data.materials).toHaveLength(sizes.parts);
      expect(data.purchaseOrders).toHaveLength(sizes.purchaseOrders);
      expect(data.teams).toHaveLength(6);
      expect(data.workOrderStatuses.map((status) => status.name)).toEqual([...workOrderStatusNames]);
      expect(data.purchaseOrderStatuses).toHaveLength(7);
      expect(data.inventories.length).toBeGreaterThanOrEqual(sizes.parts);
      expect(data.purchaseOrderLineItems.length).toBeGreaterThanOrEqual(sizes.purchaseOrders);
      expect(data.purchaseOrderLineItems.length).toBeLessThanOrEqual(sizes.purchaseOrders * 5);
    }
  });

  it('rejects sizes it cannot honour', () => {
    expect(() => generatePlant(1, { ...smallSizes, sites: 0 }, epochMs)).toThrow(RangeError);
    expect(() => generatePlant(1, { ...smallSizes, assets: 0 }, epochMs)).toThrow(RangeError);
    expect(() => generatePlant(1, { ...smallSizes, parts: -1 }, epochMs)).toThrow(RangeError);
  });

  it('gives every record, tasks included, a 14-digit key unique across the plant', () => {
    const keys = allRecords(plant).map((record) => record.key as string);
    for (const workOrder of plant.workOrders) for (const task of workOrder.tasks ?? []) keys.push(task.key!);
    for (const pm of plant.pmPlans) for (const task of pm.tasks ?? []) keys.push(task.key!);
    expect(keys.every((key) => /^\d{14}$/.test(key))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps references between records intact', () => {
    const keysOf = (records: { key?: string }[]) => new Set(records.map((record) => record.key));
    const sites = keysOf(plant.sites);
    const teams = keysOf(plant.teams);
    const labors = keysOf(plant.labors);
    const statuses = keysOf(plant.workOrderStatuses);
    const poStatuses = keysOf(plant.purchaseOrderStatuses);
    const pmPlans = new Map(plant.pmPlans.map((pm) => [pm.key, pm]));
    const vendors = keysOf(plant.vendors);
    const materials = keysOf(plant.materials);
    const orders = keysOf(plant.purchaseOrders);
    const locations = new Map(plant.locations.map((location) => [location.key, location]));
    const assets = new Map(plant.assets.map((asset) => [asset.key, asset]));

    for (const location of plant.locations) expect(sites.has(location.siteKey)).toBe(true);
    for (const asset of plant.assets) {
      expect(sites.has(asset.siteKey)).toBe(true);
      expect(locations.get(asset.locationKey)?.siteKey).toBe(asset.siteKey);
      expect(teams.has(asset.teamKey)).toBe(true);
    }
    for (const labor of plant.labors) {
      expect(teams.has(labor.teamKey)).toBe(true);
      expect(labor.siteKeys).toHaveLength(1);
      expect(sites.has(labor.siteKeys![0] as string)).toBe(true);
    }
    for (const workOrder of plant.workOrders) {
      const asset = assets.get(workOrder.assetKey);
      expect(asset).toBeDefined();
      expect(workOrder.siteKey).toBe(asset!.siteKey);
      expect(workOrder.locationKey).toBe(asset!.locationKey);
      expect(statuses.has(workOrder.statusKey)).toBe(true);
      expect(teams.has(workOrder.teamKey)).toBe(true);
      if (workOrder.laborAssignedKey !== undefined) expect(labors.has(workOrder.laborAssignedKey)).toBe(true);
      if (workOrder.pmKey !== undefined) expect(pmPlans.get(workOrder.pmKey)?.assetKeys).toEqual([workOrder.assetKey]);
    }
    for (const pm of plant.pmPlans) {
      expect(pm.assetKeys).toHaveLength(1);
      expect(assets.get(pm.assetKeys![0] as string)?.siteKey).toBe(pm.siteKey);
      expect(teams.has(pm.teamKey)).toBe(true);
    }
    for (const inventory of plant.inventories) expect(locations.has(inventory.locationKey)).toBe(true);
    for (const order of plant.purchaseOrders) {
      expect(sites.has(order.siteKey)).toBe(true);
      expect(vendors.has(order.vendorKey)).toBe(true);
      expect(poStatuses.has(order.statusKey)).toBe(true);
    }
    for (const line of plant.purchaseOrderLineItems as PlantPOLineItem[]) {
      expect(orders.has(line.purchaseOrderKey)).toBe(true);
      expect(materials.has(line.materialKey)).toBe(true);
      expect(vendors.has(line.vendorKey)).toBe(true);
      expect(poStatuses.has(line.statusKey)).toBe(true);
    }
  });

  it('builds an acyclic asset hierarchy within locations', () => {
    const assets = new Map(plant.assets.map((asset) => [asset.key, asset]));
    const withParent = plant.assets.filter((asset) => asset.parentKey !== undefined);
    expect(withParent.length).toBeGreaterThan(plant.assets.length * 0.1);
    expect(withParent.length).toBeLessThan(plant.assets.length * 0.3);
    for (const asset of withParent) {
      expect(assets.get(asset.parentKey)?.locationKey).toBe(asset.locationKey);
      const seen = new Set<string | undefined>([asset.key]);
      for (let parent = assets.get(asset.parentKey); parent; parent = assets.get(parent.parentKey)) {
        expect(seen.has(parent.key)).toBe(false);
        seen.add(parent.key);
      }
    }
  });

  it('uses every work-order status, open work recent and completed work older', () => {
    const byStatus = new Map<string, number>();
    for (const workOrder of plant.workOrders) byStatus.set(workOrder.status!, (byStatus.get(workOrder.status!) ?? 0) + 1);
    for (const name of workOrderStatusNames) expect(byStatus.get(name) ?? 0).toBeGreaterThan(20);

    const statusNames = new Map(plant.workOrderStatuses.map((status) => [status.key, status.name]));
    for (const workOrder of plant.workOrders) expect(statusNames.get(workOrder.statusKey)).toBe(workOrder.status);

    const recent = plant.workOrders.filter((wo) => epochMs - Date.parse(wo.createdAt!) < 45 * 86_400_000);
    const older = plant.workOrders.filter((wo) => epochMs - Date.parse(wo.createdAt!) > 120 * 86_400_000);
    const openShare = (list: typeof recent) => list.filter((wo) => wo.completedAt === undefined).length / list.length;
    expect(openShare(recent)).toBeGreaterThan(0.5);
    expect(openShare(older)).toBeLessThan(0.1);
    const open = plant.workOrders.filter((wo) => wo.completedAt === undefined);
    expect(open.some((wo) => Date.parse(wo.dueAt!) < epochMs)).toBe(true);
    expect(open.some((wo) => Date.parse(wo.dueAt!) > epochMs)).toBe(true);
  });

  it('numbers work orders in creation order and fills in their details', () => {
    const codes = plant.workOrders.map((wo) => wo.code!);
    expect(codes.every((code) => /^WO-\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const byCreation = [...plant.workOrders].sort((a, b) => Date.parse(a.createdAt!) - Date.parse(b.createdAt!) || (a.code! < b.code! ? -1 : 1));
    expect(byCreation.map((wo) => wo.code)).toEqual(codes);

    const share = (predicate: (wo: (typeof plant.workOrders)[number]) => boolean) => plant.workOrders.filter(predicate).length / plant.workOrders.length;
    expect(share((wo) => wo.laborAssignedKey === undefined)).toBeGreaterThan(0.1);
    expect(share((wo) => wo.laborAssignedKey === undefined)).toBeLessThan(0.2);
    expect(share((wo) => wo.pmKey !== undefined)).toBeGreaterThan(0.25);
    expect(share((wo) => wo.pmKey !== undefined)).toBeLessThan(0.35);
    for (const workOrder of plant.workOrders) {
      expect(workOrder.tasks!.length).toBeGreaterThanOrEqual(1);
      expect(workOrder.tasks!.length).toBeLessThanOrEqual(5);
      expect(Number(workOrder.estimatedTime)).toBeGreaterThan(0);
      expect(['Low', 'Medium', 'High', 'Critical']).toContain(workOrder.severity);
      expect(Date.parse(workOrder.scheduledAt!)).toBeGreaterThan(Date.parse(workOrder.createdAt!));
      expect(Date.parse(workOrder.dueAt!)).toBeGreaterThan(Date.parse(workOrder.scheduledAt!));
    }
  });

  it('writes second-precision dates, never after the epoch, updated no earlier than created', () => {
    const epochSeconds = Date.parse(epochSecondsIso);
    // Problems are collected rather than asserted one by one: there are ~50,000 values to check.
    const problems: string[] = [];
    for (const record of allRecords(plant)) {
      const at = String(record.key);
      if ('deletedAt' in record) problems.push(`${at} has deletedAt`);
      for (const [field, value] of Object.entries(record)) {
        if ((field.endsWith('At') || field === 'orderDate') && !isoSecondsPattern.test(String(value))) problems.push(`${at}.${field} = ${String(value)}`);
      }
      const createdAt = Date.parse(record.createdAt as string);
      const updatedAt = Date.parse(record.updatedAt as string);
      if (!(updatedAt <= epochSeconds)) problems.push(`${at} updated after the epoch`);
      if (!(createdAt <= updatedAt)) problems.push(`${at} updated before it was created`);
      if (record.completedAt !== undefined && !(Date.parse(record.completedAt as string) <= updatedAt)) problems.push(`${at} updated before completion`);
    }
    expect(problems).toEqual([]);
  });

  it('spreads updatedAt so that ties within a collection are rare but do happen', () => {
    const ties = (records: { updatedAt?: string }[]) => records.length - new Set(records.map((record) => record.updatedAt)).size;
    for (const [name, records] of Object.entries(plant)) {
      // Line items are written together with their order and share its updatedAt.
      if (name !== 'purchaseOrderLineItems') expect(ties(records as { updatedAt?: string }[])).toBeLessThan(records.length * 0.05);
    }
    expect(ties(plant.workOrders)).toBeGreaterThan(0);
    const orders = new Map(plant.purchaseOrders.map((order) => [order.key, order]));
    for (const line of plant.purchaseOrderLineItems as PlantPOLineItem[]) {
      expect(line.updatedAt).toBe(orders.get(line.purchaseOrderKey)?.updatedAt);
    }
  });

  it('sets completedAt exactly on Completed and Closed work orders', () => {
    for (const workOrder of plant.workOrders) {
      const done = workOrder.status === 'Completed' || workOrder.status === 'Closed';
      expect(workOrder.completedAt !== undefined).toBe(done);
      if (done) expect(Date.parse(workOrder.completedAt!)).toBeGreaterThanOrEqual(Date.parse(workOrder.createdAt!));
    }
  });

  it('describes PM plans with one time- or meter-based trigger', () => {
    const units = { days: 1, weeks: 7, months: 30 } as const;
    let meterBased = 0;
    for (const pm of plant.pmPlans) {
      expect(pm.status).toBe('Active');
      expect(pm.triggers).toHaveLength(1);
      const trigger = pm.triggers![0]!;
      if (trigger.type === 'meter') {
        meterBased++;
        expect(trigger.recurring).toBe('hours');
        expect(trigger.condition).toBe(`every ${trigger.interval} run hours`);
      } else {
        expect(trigger.type).toBe('time');
        const days = Number(trigger.interval) * units[trigger.recurring as keyof typeof units];
        expect([7, 14, 30, 90, 180, 360]).toContain(days);
      }
      expect(Math.abs(Date.parse(pm.dueAt!) - epochMs)).toBeLessThanOrEqual(30 * 86_400_000 + 1000);
      expect(pm.tasks!.length).toBeGreaterThanOrEqual(1);
      expect(pm.tasks!.length).toBeLessThanOrEqual(5);
    }
    expect(meterBased / plant.pmPlans.length).toBeGreaterThan(0.1);
    expect(meterBased / plant.pmPlans.length).toBeLessThan(0.3);
  });

  it('schedules time-based PM plans fixed or floating, floating ones due an interval after their last completion', () => {
    const lastCompletion = new Map<string, string>();
    for (const workOrder of plant.workOrders) {
      if (workOrder.pmKey === undefined || workOrder.completedAt === undefined) continue;
      if ((lastCompletion.get(workOrder.pmKey) ?? '') < workOrder.completedAt) lastCompletion.set(workOrder.pmKey, workOrder.completedAt);
    }
    const timeBased = plant.pmPlans.filter((pm) => pm.triggers![0]!.type === 'time');
    const floating = timeBased.filter((pm) => pm.triggers![0]!.condition === floatingCondition);
    expect(timeBased.filter((pm) => pm.triggers![0]!.condition === fixedCondition)).toHaveLength(timeBased.length - floating.length);
    expect(floating.length).toBeGreaterThan(5);
    expect(floating.length / timeBased.length).toBeLessThan(0.5);
    for (const pm of floating) {
      const { interval, recurring } = pm.triggers![0]!;
      const completed = new Date(lastCompletion.get(pm.key!)!);
      // Plain calendar arithmetic in UTC; month ends clamp.
      const due = new Date(completed);
      if (recurring === 'months') {
        due.setUTCDate(1);
        due.setUTCMonth(due.getUTCMonth() + Number(interval));
        const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
        due.setUTCDate(Math.min(completed.getUTCDate(), lastDay));
      } else {
        due.setTime(completed.getTime() + Number(interval) * (recurring === 'weeks' ? 7 : 1) * 86_400_000);
      }
      expect(pm.dueAt).toBe(isoSeconds(due.getTime()));
    }
    const again = generatePlant(42, defaultPlantSizes, epochMs);
    expect(again.pmPlans).toEqual(plant.pmPlans);
  });

  it('totals purchase orders from their line items, and dates approvals and receipts by status', () => {
    const statusNames = new Map(plant.purchaseOrderStatuses.map((status) => [status.key, status.name]));
    const linesByOrder = new Map<string, PlantPOLineItem[]>();
    for (const line of plant.purchaseOrderLineItems as PlantPOLineItem[]) {
      linesByOrder.set(line.purchaseOrderKey!, [...(linesByOrder.get(line.purchaseOrderKey!) ?? []), line]);
    }
    for (const order of plant.purchaseOrders as PlantPurchaseOrder[]) {
      expect(order.orderNo).toMatch(/^PO-\d{5}$/);
      expect(order).not.toHaveProperty('lineItems');
      const lines = linesByOrder.get(order.key!) ?? [];
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(5);
      const cents = lines.reduce((sum, line) => sum + Number(line.quantity) * Math.round(Number(line.price) * 100), 0);
      expect(order.totalNetValue).toBe((cents / 100).toFixed(2));
      const status = statusNames.get(order.statusKey)!;
      expect(order.approvedAt !== undefined).toBe(!['Draft', 'Pending approval'].includes(status));
      expect(order.completedAt !== undefined).toBe(['Received', 'Closed'].includes(status));
      for (const line of lines) {
        expect(line.vendorKey).toBe(order.vendorKey);
        expect(Number(line.receivedQuantity)).toBeLessThanOrEqual(Number(line.quantity));
        if (order.completedAt !== undefined) expect(line.receivedQuantity).toBe(line.quantity);
      }
    }
  });
});
