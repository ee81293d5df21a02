import type { AssetDowntime } from '../domain/asset-downtime';
import { recordId } from '../schedule/asset-hierarchy';

type AvailabilityDowntime = Pick<AssetDowntime, 'connectionId' | 'assetKey' | 'startedAt' | 'endedAt' | 'categoryName'>;

/** The period availability and MTBF are measured over, ending now. */
export const availabilityWindowDays = 30;

export interface AssetAvailability {
  /** Assets the figures are over. */
  assets: number;
  /** Hours those assets had in the window, together. */
  hours: number;
  /** Of those, the hours they stood still (overlapping stops of one asset counted once; a stop still going counts to now). */
  downHours: number;
  /** The share of the hours they were not stopped, 0–1; null over no assets. */
  availability: number | null;
  /** Unplanned stops (failures) that began in the window. */
  failures: number;
  /** Mean time between failures: running hours per failure; null when nothing failed. */
  mtbfHours: number | null;
  /** Assets stopped at this moment. */
  downNow: number;
}

const hourMs = 3_600_000;
const dayMs = 86_400_000;
const plannedWords = /\b(planned|preventive|scheduled)\b/i;
const unplannedWords = /\bunplanned\b/i;

/**
 * Whether a stop was planned (maintenance taken on purpose), by the category the system gives it.
 * Anything else, an unnamed category included, counts as a failure: a stop nobody planned.
 */
export const isPlannedStop = (downtime: Pick<AssetDowntime, 'categoryName'>) => {
  const category = downtime.categoryName ?? '';
  return plannedWords.test(category) && !unplannedWords.test(category);
};

/**
 * Availability, MTBF and what is down now over a set of assets (ids `connectionId\0assetKey`), for
 * the `availabilityWindowDays` days up to `now` (epoch ms). Stops of assets outside the set, and
 * stops without a start that reads as a time, are left out.
 */
export function computeAvailability(downtimes: readonly AvailabilityDowntime[], assetIds: ReadonlySet<string>, now: number): AssetAvailability {
  const windowStart = now - availabilityWindowDays * dayMs;
  const periods = new Map<string, [start: number, end: number][]>();
  let failures = 0;
  for (const downtime of downtimes) {
    if (downtime.assetKey === null) continue;
    const id = recordId(downtime.connectionId, downtime.assetKey);
    if (!assetIds.has(id)) continue;
    const start = Date.parse(downtime.startedAt);
    const ended = downtime.endedAt === null ? NaN : Date.parse(downtime.endedAt);
    const end = Number.isNaN(ended) ? now : ended;
    if (Number.isNaN(start) || start > now || end < start) continue;
    if (!isPlannedStop(downtime) && start >= windowStart) failures += 1;
    const list = periods.get(id);
    if (list) list.push([start, end]);
    else periods.set(id, [[start, end]]);
  }
  let downMs = 0;
  let downNow = 0;
  for (const list of periods.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let reach = -Infinity;
    let isDownNow = false;
    for (const [start, end] of list) {
      const from = Math.max(start, windowStart, reach);
      const to = Math.min(end, now);
      if (to > from) downMs += to - from;
      reach = Math.max(reach, end);
      if (start <= now && end >= now) isDownNow = true;
    }
    if (isDownNow) downNow += 1;
  }
  const totalMs = assetIds.size * availabilityWindowDays * dayMs;
  return {
    assets: assetIds.size,
    hours: totalMs / hourMs,
    downHours: downMs / hourMs,
    availability: assetIds.size === 0 ? null : 1 - downMs / totalMs,
    failures,
    mtbfHours: failures === 0 ? null : (totalMs - downMs) / failures / hourMs,
    downNow,
  };
}
