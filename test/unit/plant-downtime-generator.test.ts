import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workEndsStop } from '../../electron/demo-plant/plant-asset-downtimes';
import { defaultPlantSizes, type PlantSizes } from '../../electron/demo-plant/plant-data';
import { generatePlant } from '../../electron/demo-plant/plant-data-generator';

const epochMs = Date.UTC(2026, 2, 4, 9, 24, 28, 731);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const plant = generatePlant(42, defaultPlantSizes, epochMs);
const specPath = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'makini-api', 'oas3_eam.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
const specFields = Object.keys(spec.components.schemas.AssetDowntime!.properties);

const stops = plant.assetDowntimes;
const at = (value: string | undefined) => Date.parse(value!);
const workByAsset = new Map<string, typeof plant.workOrders>();
for (const workOrder of plant.workOrders) workByAsset.set(workOrder.assetKey!, [...(workByAsset.get(workOrder.assetKey!) ?? []), workOrder]);
const workOn = (assetKey: string | undefined) => workByAsset.get(assetKey!) ?? [];
type Stop = (typeof stops)[number];
type WorkOrder = (typeof plant.workOrders)[number];
/**
 * Whether a stop was recorded for this work order: on its asset, quoting its title; a planned stop
 * for preventive work it was created before and completed during, any other for work of its
 * category raised 5 minutes to 2 hours after it began.
 */
function stopFor(stop: Stop, workOrder: WorkOrder): boolean {
  if (!stop.description!.endsWith(`: ${workOrder.title!}`)) return false;
  if (stop.categoryName === 'Planned') {
    return workOrder.categoryName === 'Preventive' && at(workOrder.createdAt) <= at(stop.startedAt) && at(workOrder.completedAt) >= at(stop.startedAt) && at(workOrder.completedAt) <= at(stop.endedAt);
  }
  const reported = at(workOrder.createdAt) - at(stop.startedAt);
  return workOrder.categoryName === stop.categoryName && reported >= 5 * minute && reported <= 2 * hour;
}
const workOf = (stop: Stop) => workOn(stop.assetKey).find((workOrder) => stopFor(stop, workOrder));

describe('generated asset downtime', () => {
  it('is the same for the same seed, and another for another seed', () => {
    expect(generatePlant(42, defaultPlantSizes, epochMs).assetDowntimes).toEqual(stops);
    expect(generatePlant(43, defaultPlantSizes, epochMs).assetDowntimes).not.toEqual(stops);
  });

  it('writes the spec\'s fields in its order, keyed 21 in the order the stops began, with createdAt the start and updatedAt the end (or the start while still down)', () => {
    expect(stops.length).toBeGreaterThan(1000);
    for (const stop of stops) {
      expect(Object.keys(stop)).toEqual(specFields.filter((field) => field !== 'endedAt' || stop.endedAt !== undefined));
      expect(stop.key).toMatch(/^21\d{12}$/);
      for (const field of ['startedAt', 'endedAt', 'createdAt', 'updatedAt'] as const) {
        if (stop[field] !== undefined) expect(stop[field]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
      expect(stop.createdAt).toBe(stop.startedAt);
      expect(stop.updatedAt).toBe(stop.endedAt ?? stop.startedAt);
      expect(typeof stop.notes).toBe('string');
    }
    const keys = stops.map((stop) => stop.key!);
    expect([...keys].sort()).toEqual(keys);
    const starts = stops.map((stop) => at(stop.startedAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('has every stop on an existing asset, lasting minutes to a couple of days, never overlapping another on the same asset', () => {
    const assets = new Set(plant.assets.map((asset) => asset.key));
    const lastEnd = new Map<string, number>();
    for (const stop of stops) {
      expect(assets.has(stop.assetKey)).toBe(true);
      const started = at(stop.startedAt);
      const ended = stop.endedAt === undefined ? epochMs : at(stop.endedAt);
      if (stop.endedAt !== undefined) expect(ended).toBeGreaterThanOrEqual(started + 5 * minute);
      expect(ended).toBeLessThanOrEqual(Math.min(started + 3 * day, epochMs));
      // In the order they began: each starts once the asset's previous stop has ended, and a stop still running is its asset's last.
      expect(started).toBeGreaterThanOrEqual(lastEnd.get(stop.assetKey!) ?? -Infinity);
      lastEnd.set(stop.assetKey!, stop.endedAt === undefined ? Infinity : ended);
    }
  });

  it('records a stop around the work: breakdowns and some corrective work from shortly before they were raised, preventive work as planned stops while it was done', () => {
    for (const stop of stops) {
      const workOrder = workOf(stop);
      expect(workOrder, stop.key).toBeDefined();
      if (stop.categoryName === 'Planned') {
        expect(stop.description).toBe(`Planned stop: ${workOrder!.title!}`);
        expect(stop.severity).toBe('Low');
      } else {
        expect(['Breakdown', 'Corrective']).toContain(stop.categoryName);
        expect(stop.description).toBe(`Stopped: ${workOrder!.title!}`);
        expect(stop.severity).toBe(workOrder!.severity);
        // Ended by the repair: at completion (plus a restart) when the work was done within two days, before it otherwise.
        if (stop.endedAt !== undefined && workOrder!.completedAt !== undefined && at(workOrder!.completedAt) - at(workOrder!.createdAt) <= 2 * day) {
          expect(at(stop.endedAt) - at(workOrder!.completedAt)).toBeGreaterThanOrEqual(0);
          expect(at(stop.endedAt) - at(workOrder!.completedAt)).toBeLessThanOrEqual(45 * minute);
        }
      }
    }
    const share = (category: string, stopped: string, done = false) => {
      const work = plant.workOrders.filter((workOrder) => workOrder.categoryName === category && (!done || workOrder.completedAt !== undefined));
      return stops.filter((stop) => stop.categoryName === stopped).length / work.length;
    };
    // Nearly every breakdown (a few began while their asset was already down), about 30% of the corrective work, about 35% of the completed preventive work.
    expect(share('Breakdown', 'Breakdown')).toBeGreaterThan(0.9);
    expect(share('Corrective', 'Corrective')).toBeGreaterThan(0.2);
    expect(share('Corrective', 'Corrective')).toBeLessThan(0.4);
    expect(share('Preventive', 'Planned', true)).toBeGreaterThan(0.25);
    expect(share('Preventive', 'Planned', true)).toBeLessThan(0.45);
  });

  it('leaves an asset down only for recent unplanned work not yet done, which no completed work has ended', () => {
    const running = stops.filter((stop) => stop.endedAt === undefined);
    expect(running.length).toBeGreaterThan(0);
    for (const stop of running) {
      expect(['Breakdown', 'Corrective']).toContain(stop.categoryName);
      const workOrder = workOf(stop)!;
      expect(workOrder.completedAt).toBeUndefined();
      expect(epochMs - at(workOrder.createdAt)).toBeLessThanOrEqual(2 * day);
      // The rule by which the plant ends a running stop when work is completed later.
      expect(workOn(stop.assetKey).filter((work) => workEndsStop(work, at(stop.startedAt)))).toEqual([]);
    }
  });

  it('has no downtime without work orders', () => {
    const small: PlantSizes = { sites: 1, assets: 10, workOrders: 0, pmPlans: 0, technicians: 3, parts: 5, purchaseOrders: 0, serviceRequests: 0 };
    expect(generatePlant(3, small, epochMs).assetDowntimes).toEqual([]);
  });
});
