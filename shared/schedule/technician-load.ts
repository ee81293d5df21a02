import { startOfDay } from 'date-fns';
import type { Labor } from '../domain/labor';
import { workingHoursOn, type WorkingCalendar } from './working-calendar';

/** Work booked on the (local) day of `at`: for a team, a technician, or both. */
export interface LoadItem {
  /** `connectionId\0teamKey`, or null when no team does it. */
  teamId: string | null;
  /** `connectionId\0laborKey` of the technician it is assigned to, or null. */
  personId: string | null;
  at: number;
  hours: number;
  /** The schedule's bar id of what books it (a work order, or a projected PM). */
  entryId: string;
}

/** Hours booked against hours available, per day of the window. */
export interface DayLoads {
  hours: number[];
  capacity: number[];
  /** The bar ids of what books each day. */
  entries: string[][];
}

export interface PersonLoad extends DayLoads {
  personId: string;
  labor: Labor;
}

export interface TeamLoad extends DayLoads {
  /** `connectionId\0teamKey`; `connectionId\0` for the plant's technicians in no team. */
  teamId: string;
  connectionId: string;
  /** Its technicians: the active ones, and any other with work booked in the window. */
  people: PersonLoad[];
}

/** The team id of a plant's technicians who belong to no team. */
export const noTeamId = (connectionId: string) => `${connectionId}\u0000`;

const emptyLoads = (length: number): DayLoads => ({ hours: Array<number>(length).fill(0), capacity: Array<number>(length).fill(0), entries: Array.from({ length }, () => []) });

/**
 * Hours booked per team and per technician and day, against what each can work that day on their
 * site's working calendar (`calendarOf`); a team's capacity is its active technicians'. Teams
 * booked through work orders count what is booked for the team, whoever does it; a technician
 * counts what is assigned to them. `days` are consecutive local midnights; work outside them is
 * left out. Teams with no technicians and nothing booked are left out too.
 */
export function workload(items: readonly LoadItem[], days: readonly Date[], labors: readonly Labor[], calendarOf: (labor: Labor) => WorkingCalendar): TeamLoad[] {
  const index = new Map(days.map((day, i) => [startOfDay(day).getTime(), i]));
  const teams = new Map<string, TeamLoad>();
  const teamOf = (teamId: string) => {
    let team = teams.get(teamId);
    if (!team) {
      team = { teamId, connectionId: teamId.slice(0, teamId.indexOf('\u0000')), people: [], ...emptyLoads(days.length) };
      teams.set(teamId, team);
    }
    return team;
  };
  const dayOf = (item: LoadItem) => index.get(startOfDay(item.at).getTime());
  const booked = new Set(items.flatMap((item) => (item.personId !== null && dayOf(item) !== undefined ? [item.personId] : [])));
  const people = new Map<string, PersonLoad>();
  for (const labor of labors) {
    const personId = `${labor.connectionId}\u0000${labor.key}`;
    if (!labor.isActive && !booked.has(personId)) continue;
    const person: PersonLoad = { personId, labor, ...emptyLoads(days.length) };
    if (labor.isActive) {
      const calendar = calendarOf(labor);
      person.capacity = days.map((day) => workingHoursOn(calendar, day));
    }
    people.set(personId, person);
    const team = teamOf(labor.teamKey === null ? noTeamId(labor.connectionId) : `${labor.connectionId}\u0000${labor.teamKey}`);
    team.people.push(person);
    person.capacity.forEach((hours, i) => (team.capacity[i]! += hours));
  }
  for (const item of items) {
    const i = dayOf(item);
    if (i === undefined) continue;
    for (const load of [item.teamId === null ? undefined : teamOf(item.teamId), item.personId === null ? undefined : people.get(item.personId)]) {
      if (!load) continue;
      load.hours[i]! += item.hours;
      load.entries[i]!.push(item.entryId);
    }
  }
  for (const team of teams.values()) team.people.sort((a, b) => a.labor.name.localeCompare(b.labor.name));
  return [...teams.values()];
}

/** Sums of consecutive groups of `size` (days to weeks). */
export function sumBy(values: readonly number[], size: number): number[] {
  const sums: number[] = [];
  for (let i = 0; i < values.length; i += size) sums.push(values.slice(i, i + size).reduce((a, b) => a + b, 0));
  return sums;
}

/** Consecutive groups of `size` lists joined (days to weeks). */
export function joinBy<T>(lists: readonly (readonly T[])[], size: number): T[][] {
  const joined: T[][] = [];
  for (let i = 0; i < lists.length; i += size) joined.push(lists.slice(i, i + size).flat());
  return joined;
}

/** How full a cell is: over its capacity, nearly full (over 85 %), booked, or empty. */
export function loadLevel(hours: number, capacity: number): 'over' | 'high' | 'ok' | 'none' {
  if (hours > 0 && hours > capacity) return 'over';
  if (capacity > 0 && hours / capacity > 0.85) return 'high';
  return hours > 0 ? 'ok' : 'none';
}
