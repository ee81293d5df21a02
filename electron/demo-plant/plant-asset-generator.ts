/**
 * The plant's equipment: assets placed in their sites' areas, and meters with their readings on
 * about a third of them.
 */
import type { components } from '../core/connectors/makini/makini-eam-api';
import { wireString, type AssetInfo, type PlantGeneration } from './plant-generation';
import { day, iso } from './plant-time';
import { assetTypes, criticalityWeights, meterKinds, type AssetType, type MeterKind } from './plant-vocabulary';
import { weightedIndexPicker } from './seeded-random';

type S = components['schemas'];

export function generateAssets(plant: PlantGeneration): void {
  const pickSite = weightedIndexPicker(
    plant.random,
    plant.siteInfos.map(() => plant.random.int(2, 5)),
  );
  const nextTag = new Map<AssetType, number>();
  for (let i = 0; i < plant.sizes.assets; i++) {
    const site = plant.siteInfos[pickSite()]!;
    const location = plant.random.pick(site.equipmentLocations);
    const type = plant.random.pick(assetTypes);
    const tagNumber = nextTag.get(type) ?? plant.random.int(1, 3) * 100 + 1;
    nextTag.set(type, tagNumber + plant.random.int(1, 3));
    const name = `${type.name} ${type.tagPrefix}-${tagNumber}`;
    // Parents come from assets already placed in the same location, so there can be no cycle.
    const parentKey = location.assetKeys.length > 0 && plant.random.chance(0.2) ? plant.random.pick(location.assetKeys) : undefined;
    const criticality = plant.random.weighted(criticalityWeights);
    const makeName = plant.random.pick(type.makes);
    const modelName = `${type.modelPrefix}-${plant.random.int(10, 99) * 10}`;
    // Equipment was registered before the year of work-order history began.
    const { created, createdAt, updatedAt } = plant.stamps(Math.max(location.created, plant.daysAgo(1800)), plant.daysAgo(400), plant.now);
    const serialNumber = `${type.modelPrefix}${new Date(created * 1000).getUTCFullYear() % 100}-${String(plant.random.int(0, 999_999)).padStart(6, '0')}`;
    const key = plant.key('asset');
    const teamKey = plant.teamKeys.get(type.team)!;
    const asset: S['Asset'] = {
      key,
      name,
      siteKey: site.key,
      locationKey: location.key,
      categoryName: type.name,
      criticality,
      isActive: true,
      serialNumber,
      makeName,
      modelName,
      teamKey,
      createdAt,
      updatedAt,
    };
    if (parentKey) asset.parentKey = parentKey;
    plant.data.assets.push(asset);
    location.assetKeys.push(key);
    plant.assetInfos.push({ key, name, siteKey: site.key, locationKey: location.key, teamKey, type, created });
    // Squared exponential: a long tail of rarely touched assets and a few that break all the time.
    const e = -Math.log(1 - plant.random.next());
    plant.assetWorkWeights.push(0.1 + e * e);
    plant.assetPmWeights.push(criticality === 'High' ? 3 : criticality === 'Medium' ? 2 : 1);
  }
}

/**
 * Meters on about a third of the assets, every asset with a run-hour PM plan among them; the
 * plans' triggers then name their asset's run-hours meter.
 */
export function generateMeters(plant: PlantGeneration): void {
  const runHourAssets = new Set(plant.meterTriggers.map(({ asset }) => asset));
  const others = plant.random.shuffle(plant.assetInfos.filter((asset) => !runHourAssets.has(asset)));
  const alsoMetered = new Set(others.slice(0, Math.max(0, Math.round(plant.assetInfos.length / 3) - runHourAssets.size)));
  const runHourMeters = new Map<AssetInfo, string>();
  for (const asset of plant.assetInfos) {
    if (runHourAssets.has(asset)) runHourMeters.set(asset, addMeter(plant, asset, meterKinds.runHours));
    else if (alsoMetered.has(asset)) addMeter(plant, asset, meterKinds[plant.random.pick(asset.type.meters)]);
  }
  for (const { trigger, asset } of plant.meterTriggers) trigger.meterKey = runHourMeters.get(asset)!;
}

/** A meter with some twenty readings over the last 90 days; returns its key. */
function addMeter(plant: PlantGeneration, asset: AssetInfo, kind: MeterKind): string {
  const key = plant.key('meter');
  const created = plant.between(asset.created, plant.daysAgo(100));
  const times = Array.from({ length: plant.random.int(16, 24) }, () => plant.between(plant.daysAgo(90), plant.now)).sort((a, b) => a - b);
  const { reading } = kind;
  const uniform = ([low, high]: readonly [number, number]) => low + plant.random.next() * (high - low);
  // Counters have run since the meter was fitted; gauges start anywhere in their band.
  let value = reading.counter ? ((times[0]! - created) / day) * uniform(reading.perDay) : uniform(reading.range);
  let previous = times[0]!;
  let written = '';
  for (const time of times) {
    if (reading.counter) {
      value += ((time - previous) / day) * uniform(reading.perDay);
    } else {
      const [low, high] = reading.range;
      value = Math.min(high, Math.max(low, value + (plant.random.next() - 0.5) * 0.3 * (high - low)));
    }
    previous = time;
    written = value.toFixed(kind.decimals);
    plant.data.meterReadings.push({ key: plant.key('meterReading'), meterKey: key, assetKey: asset.key, reading: written, createdAt: iso(time), updatedAt: iso(time) });
  }
  const last = iso(times.at(-1)!);
  plant.data.meters.push({
    key,
    name: `${kind.name} – ${asset.name}`,
    siteKey: asset.siteKey,
    assetKeys: [asset.key],
    uomName: kind.uomName,
    lastReading: wireString(written),
    lastReadingAt: last,
    createdAt: iso(created),
    updatedAt: last,
  });
  return key;
}
