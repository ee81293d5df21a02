/**
 * Asset downtime as the plant changes it (see this folder's README, "Asset downtime and work
 * orders"): a stop still running (no endedAt) ends when the work on the stopped asset is done. The
 * spec has no route that writes downtime; the plant ends stops itself, when a work order is
 * completed through a write or by the plant's own activity, and on load for work completed in a
 * plant saved before it kept downtime.
 */
import type { PlantState } from './plant-state';
import { isoSeconds } from './plant-time';
import { inFieldOrder, type WriteRecord } from './write-records';

type Rec = WriteRecord;

/** The spec's AssetDowntime fields, in its order: records the plant writes list theirs so. */
const assetDowntimeFieldOrder = ['key', 'assetKey', 'description', 'startedAt', 'endedAt', 'categoryName', 'severity', 'notes', 'createdAt', 'updatedAt'] as const;

/**
 * Whether this work order, completed, ends a stop of its asset that began at `startedMs`: unplanned
 * work (anything but preventive) raised once the asset had stopped, and completed since. The
 * generator keeps to the same rule, so no stop it leaves running has had its work completed.
 */
export function workEndsStop(workOrder: Record<string, unknown>, startedMs: number): boolean {
  if (workOrder.categoryName === 'Preventive' || typeof workOrder.completedAt !== 'string') return false;
  return Date.parse(String(workOrder.createdAt)) >= startedMs && Date.parse(workOrder.completedAt) > startedMs;
}

const isRunning = (stop: Rec) => stop.endedAt === undefined && !stop.deletedAt;
const startOf = (stop: Rec) => Date.parse(String(stop.startedAt));

/**
 * Whether a completed work order ends this running stop: it names the stop (the spec's
 * assetDowntimeKey) and was completed after the stop began, or it names none and is work on the
 * stopped asset that ends it (`workEndsStop`).
 */
function endsStop(workOrder: Rec, stop: Rec): boolean {
  if (typeof workOrder.assetDowntimeKey === 'string') {
    return workOrder.assetDowntimeKey === stop.key && Date.parse(String(workOrder.completedAt)) > startOf(stop);
  }
  return workOrder.assetKey === stop.assetKey && workEndsStop(workOrder, startOf(stop));
}

/** The stop ended at `endedMs` and changed at `stamp`. */
function endStop(state: PlantState, stop: Rec, endedMs: number, stamp: string, options: { silent?: boolean } = {}): void {
  state.put('assetDowntimes', inFieldOrder(assetDowntimeFieldOrder, { ...stop, endedAt: isoSeconds(endedMs), updatedAt: stamp }), options);
}

/**
 * A work order just completed (status Completed or Closed, or a completedAt written) ends the
 * running stop it was the work for (`endsStop`): the one it names, else its asset's (an asset has
 * at most one running: stops on one asset never overlap). endedAt is its completion, no later than
 * `stamp`, and updatedAt `stamp`, so incremental syncs see the asset run again.
 */
export function endStopOnCompletion(state: PlantState, workOrder: Rec, stamp: string): void {
  if (typeof workOrder.completedAt !== 'string') return;
  const named = typeof workOrder.assetDowntimeKey === 'string';
  const stop = (state.collections.assetDowntimes.all() as Rec[]).find((candidate) => (named ? candidate.key === workOrder.assetDowntimeKey : candidate.assetKey === workOrder.assetKey) && isRunning(candidate));
  if (stop && endsStop(workOrder, stop)) endStop(state, stop, Math.min(Date.parse(workOrder.completedAt), Date.parse(stamp)), stamp);
}

/**
 * Ends the stops still running whose work a saved change completed (in a plant saved before it
 * kept downtime, whose generated stops did not know of it): each at the earliest such completion,
 * updated when that work order was. Silent, like the replay of saved changes: the same saved plant
 * ends the same stops at every start.
 */
export function endStopsOfCompletedWork(state: PlantState): void {
  const running = (state.collections.assetDowntimes.all() as Rec[]).filter(isRunning);
  if (running.length === 0) return;
  const byKey = new Map(running.map((stop) => [stop.key, stop]));
  const byAsset = new Map(running.map((stop) => [stop.assetKey, stop]));
  const endings = new Map<Rec, { endedMs: number; stamp: string }>();
  for (const workOrder of state.collections.workOrders.live() as Rec[]) {
    if (typeof workOrder.completedAt !== 'string') continue;
    const stop = typeof workOrder.assetDowntimeKey === 'string' ? byKey.get(workOrder.assetDowntimeKey) : byAsset.get(workOrder.assetKey);
    if (!stop || !endsStop(workOrder, stop)) continue;
    const endedMs = Math.min(Date.parse(workOrder.completedAt), Date.parse(String(workOrder.updatedAt)));
    const earliest = endings.get(stop);
    if (endedMs > startOf(stop) && (!earliest || endedMs < earliest.endedMs)) endings.set(stop, { endedMs, stamp: String(workOrder.updatedAt) });
  }
  for (const [stop, { endedMs, stamp }] of endings) endStop(state, stop, endedMs, stamp, { silent: true });
}
