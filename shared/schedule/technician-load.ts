import { startOfDay } from 'date-fns';
import type { Labor } from '../domain/labor';

/** Hours a technician can work a day. */
export const hoursPerTechnicianDay = 8;

/** Active technicians per team, by `connectionId\0teamKey`. */
export function teamHeadcounts(labors: readonly Pick<Labor, 'connectionId' | 'teamKey' | 'isActive'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const labor of labors) {
    if (!labor.isActive || labor.teamKey === null) continue;
    const id = `${labor.connectionId}\u0000${labor.teamKey}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Work a team is booked for: its hours fall on the (local) day of `at`. */
export interface LoadItem {
  /** `connectionId\0teamKey`. */
  teamId: string;
  at: number;
  hours: number;
}

export interface TeamLoad {
  teamId: string;
  /** Hours booked per day of `days`. */
  hours: number[];
  /** Hours available a day: headcount × 8. */
  capacityPerDay: number;
}

/**
 * Hours booked per team and day against capacity. `days` are consecutive local midnights; work
 * outside them is left out. Teams with no booked work and no people are left out too.
 */
export function technicianLoad(items: readonly LoadItem[], days: readonly Date[], headcounts: ReadonlyMap<string, number>): TeamLoad[] {
  const index = new Map(days.map((day, i) => [startOfDay(day).getTime(), i]));
  const loads = new Map<string, TeamLoad>();
  const loadOf = (teamId: string) => {
    let load = loads.get(teamId);
    if (!load) {
      load = { teamId, hours: days.map(() => 0), capacityPerDay: (headcounts.get(teamId) ?? 0) * hoursPerTechnicianDay };
      loads.set(teamId, load);
    }
    return load;
  };
  for (const teamId of headcounts.keys()) loadOf(teamId);
  for (const item of items) {
    const i = index.get(startOfDay(item.at).getTime());
    if (i === undefined) continue;
    loadOf(item.teamId).hours[i]! += item.hours;
  }
  return [...loads.values()];
}

/** Sums of consecutive groups of `size` (days to weeks). */
export function sumBy(values: readonly number[], size: number): number[] {
  const sums: number[] = [];
  for (let i = 0; i < values.length; i += size) sums.push(values.slice(i, i + size).reduce((a, b) => a + b, 0));
  return sums;
}
