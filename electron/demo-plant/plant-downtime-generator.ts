/**
 * Asset downtime: the periods the plant's equipment stood still, around its work. Every breakdown,
 * and about a third of the corrective work, stopped its asset from shortly before the work order
 * was raised until the asset ran again; about a third of the completed preventive work was done
 * with the asset stopped, for as long as the work took. Unplanned work raised in the last two days
 * and not yet done has its asset still down (no endedAt). Stops on one asset never overlap.
 *
 * Added after service requests, so they draw from a random stream of their own, started once every
 * other collection is final (`startAssetDowntimeStream`): no earlier record changes. They only read
 * the work orders; no work order names its stop (the spec's WorkOrder.assetDowntimeKey), so the
 * generated work orders stay as they were.
 */
import type { components } from '../core/connectors/makini/makini-eam-api';
import { workEndsStop } from './plant-asset-downtimes';
import type { PlantGeneration, WorkOrderTimes } from './plant-generation';
import { day, hour, iso, minute } from './plant-time';
import type { Severity } from './plant-vocabulary';

type S = components['schemas'];
type WorkOrder = S['WorkOrder'];

/** Share of corrective work orders whose fault stopped the asset until it was repaired. */
const correctiveStopShare = 0.3;
/** Share of completed preventive work done with the asset stopped. */
const plannedStopShare = 0.35;
/** How long before the work order was raised the asset stopped: someone noticed, then reported it. */
const reportDelay = [5 * minute, 2 * hour] as const;
/** From the work's completion to the asset running again. */
const restartTime = [0, 45 * minute] as const;
/**
 * The longest a repair keeps an asset down. Work completed later than this after it was raised
 * (follow-up tasks, waiting for the paperwork) had the asset running again before; work still open
 * after this long has it running on a temporary repair.
 */
const longestRepair = 2 * day;
/** How long such a repair took: mostly hours, now and then a day or two. */
const repairTimes: readonly (readonly [readonly [number, number], number])[] = [
  [[20 * minute, 2 * hour], 50],
  [[2 * hour, 8 * hour], 30],
  [[8 * hour, longestRepair], 20],
];
/** From the end of preventive work to the asset running again. */
const plannedRestartTime = [0, 15 * minute] as const;
/** The shortest planned stop worth recording. */
const shortestPlannedStop = 10 * minute;

const severities: readonly Severity[] = ['Low', 'Medium', 'High', 'Critical'];
const isSeverity = (value: unknown): value is Severity => severities.includes(value as Severity);

/** What the operators and the supervisor wrote about a stop; often nothing. */
const stopNotes = {
  ended: ['', '', 'Restarted after the repair.', 'Restarted by the operator; first parts checked.', 'Ran at reduced speed until the repair.', 'Production informed; output made up on the next shift.'],
  running: ['', 'Waiting for the repair.', 'Waiting for parts.', 'Production informed.'],
  planned: ['', '', 'Stop agreed with production.', 'Isolated and locked out for the work.', 'Done during the weekly line stop.'],
} as const;

interface Stop {
  assetKey: string;
  started: number;
  /** Null while the asset is still down. */
  ended: number | null;
  categoryName: 'Breakdown' | 'Corrective' | 'Planned';
  severity: Severity;
  description: string;
  notes: string;
}

/** A breakdown, or corrective work whose fault stopped the asset: from before it was reported until the repair, or still running. */
function unplannedStop(plant: PlantGeneration, workOrder: WorkOrder, { created, completed }: WorkOrderTimes, categoryName: 'Breakdown' | 'Corrective'): Stop {
  const random = plant.random;
  const started = created - random.int(...reportDelay);
  let ended: number | null;
  if (completed !== null && completed - created <= longestRepair) ended = Math.min(completed + random.int(...restartTime), plant.now);
  else if (completed === null && plant.now - created <= longestRepair) ended = null;
  // Raised over two days ago: the repair ended before now, and before any completion.
  else ended = created + random.int(...random.weighted(repairTimes));
  return {
    assetKey: workOrder.assetKey!,
    started,
    ended,
    categoryName,
    severity: isSeverity(workOrder.severity) ? workOrder.severity : 'Medium',
    description: `Stopped: ${workOrder.title!}`,
    notes: random.pick(ended === null ? stopNotes.running : stopNotes.ended),
  };
}

/** Preventive work done with the asset stopped, for about as long as the work was estimated to take; null when that is too short to record. */
function plannedStop(plant: PlantGeneration, workOrder: WorkOrder, created: number, completed: number): Stop | null {
  const random = plant.random;
  const took = Math.round((Number(workOrder.estimatedTime) || 1) * hour * (random.int(75, 150) / 100));
  const started = Math.max(created, completed - took);
  const ended = Math.min(completed + random.int(...plannedRestartTime), plant.now);
  if (ended - started < shortestPlannedStop) return null;
  return { assetKey: workOrder.assetKey!, started, ended, categoryName: 'Planned', severity: 'Low', description: `Planned stop: ${workOrder.title!}`, notes: random.pick(stopNotes.planned) };
}

/**
 * Stops on one asset never overlap: one that began while the asset was already down is dropped
 * (the asset was stopped already), and so is every one after a stop still running.
 */
function withoutOverlaps(stops: readonly Stop[]): Stop[] {
  const lastEnd = new Map<string, number | null>();
  return stops.filter((stop) => {
    const previous = lastEnd.get(stop.assetKey);
    if (previous === null || (previous !== undefined && stop.started < previous)) return false;
    lastEnd.set(stop.assetKey, stop.ended);
    return true;
  });
}

/**
 * A stop still running ends when unplanned work on its asset raised since it began is completed,
 * as the plant ends one when such work is completed later (plant-asset-downtimes.ts): the earliest
 * such completion, plus the restart.
 */
function endStopsOfCompletedWork(plant: PlantGeneration, stops: readonly Stop[]): void {
  const running = new Map(stops.filter((stop) => stop.ended === null).map((stop) => [stop.assetKey, stop]));
  if (running.size === 0) return;
  const completions = new Map<Stop, number>();
  plant.data.workOrders.forEach((workOrder, index) => {
    const stop = running.get(workOrder.assetKey ?? '');
    const { completed } = plant.workOrderTimes[index]!;
    if (!stop || completed === null || !workEndsStop(workOrder, stop.started * 1000)) return;
    completions.set(stop, Math.min(completed, completions.get(stop) ?? Infinity));
  });
  for (const [stop, completed] of completions) stop.ended = Math.min(completed + plant.random.int(...restartTime), plant.now);
}

export function generateAssetDowntimes(plant: PlantGeneration): void {
  plant.startAssetDowntimeStream();
  const random = plant.random;
  const candidates: Stop[] = [];
  plant.data.workOrders.forEach((workOrder, index) => {
    if (workOrder.assetKey === undefined) return;
    const times = plant.workOrderTimes[index]!;
    if (workOrder.categoryName === 'Breakdown' || (workOrder.categoryName === 'Corrective' && random.chance(correctiveStopShare))) {
      candidates.push(unplannedStop(plant, workOrder, times, workOrder.categoryName));
    } else if (workOrder.categoryName === 'Preventive' && times.completed !== null && random.chance(plannedStopShare)) {
      const stop = plannedStop(plant, workOrder, times.created, times.completed);
      if (stop) candidates.push(stop);
    }
  });
  // In the order they began (the sort is stable: work orders' order breaks ties), as keys are given.
  candidates.sort((a, b) => a.started - b.started);
  const stops = withoutOverlaps(candidates);
  endStopsOfCompletedWork(plant, stops);
  for (const stop of stops) {
    const downtime: S['AssetDowntime'] = { key: plant.key('assetDowntime'), assetKey: stop.assetKey, description: stop.description, startedAt: iso(stop.started) };
    if (stop.ended !== null) downtime.endedAt = iso(stop.ended);
    downtime.categoryName = stop.categoryName;
    downtime.severity = stop.severity;
    downtime.notes = stop.notes;
    downtime.createdAt = iso(stop.started);
    downtime.updatedAt = iso(stop.ended ?? stop.started);
    plant.data.assetDowntimes.push(downtime);
  }
}
