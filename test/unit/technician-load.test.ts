import { describe, expect, it } from 'vitest';
import type { Labor } from '../../shared/domain/labor';
import { joinBy, loadLevel, noTeamId, sumBy, workload, type LoadItem } from '../../shared/schedule/technician-load';
import { defaultWorkingCalendar, isDefaultCalendar, workingHoursOn, type WorkingCalendar } from '../../shared/schedule/working-calendar';
import { defaultWorkOrderHours, estimatedHours, workOrderHours, workOrderSpan } from '../../shared/schedule/work-order-booking';

const labor = (key: string, teamKey: string | null, siteKeys: string[] = [], isActive = true): Labor => ({
  connectionId: 'c',
  key,
  updatedAt: '2026-03-01T00:00:00Z',
  deletedAt: null,
  name: key.toUpperCase(),
  code: null,
  teamKey,
  siteKeys,
  userKey: null,
  roleName: null,
  isActive,
});
// Friday 6 March 2026 to Monday 9 March: a weekend between two workdays.
const days = [new Date(2026, 2, 6), new Date(2026, 2, 7), new Date(2026, 2, 8), new Date(2026, 2, 9)];
const at = (day: number, hour = 9) => new Date(2026, 2, day, hour).getTime();
const item = (teamKey: string | null, laborKey: string | null, day: number, hours: number, entryId: string, hour?: number): LoadItem => ({
  teamId: teamKey === null ? null : `c\u0000${teamKey}`,
  personId: laborKey === null ? null : `c\u0000${laborKey}`,
  at: at(day, hour),
  hours,
  entryId,
});
const weekendShift: WorkingCalendar = { workdays: [0, 6], hoursPerDay: 10 };

describe('workload of teams and technicians', () => {
  const labors = [labor('ann', 'mech'), labor('bob', 'mech', ['north']), labor('cat', 'mech', [], false), labor('dan', 'elec'), labor('eve', null), labor('fay', 'mech', [], false)];
  const calendarOf = (l: Labor) => (l.siteKeys[0] === 'north' ? weekendShift : defaultWorkingCalendar);
  const loads = workload(
    [
      item('mech', 'ann', 6, 6, 'wo1', 7),
      item('mech', 'ann', 6, 4, 'wo2', 23),
      item('mech', null, 7, 2, 'pm1'),
      item(null, 'bob', 8, 3, 'wo3', 0),
      item('mech', 'fay', 9, 5, 'wo4'), // an inactive technician still booked
      item('mech', 'ann', 10, 99, 'wo5'), // after the window
      item('hvac', null, 9, 3, 'pm2'), // a team with nobody on it
    ],
    days,
    labors,
    calendarOf,
  );
  const team = (teamId: string) => loads.find((load) => load.teamId === teamId)!;
  const person = (teamId: string, key: string) => team(teamId).people.find((p) => p.labor.key === key)!;

  it('counts each technician against their own site\'s calendar, and a team against its active technicians', () => {
    expect(person('c\u0000mech', 'ann').capacity).toEqual([8, 0, 0, 8]); // Mon–Fri 8 h: the weekend is off
    expect(person('c\u0000mech', 'bob').capacity).toEqual([0, 10, 10, 0]); // north works weekends, 10 h
    expect(team('c\u0000mech').capacity).toEqual([8, 10, 10, 8]);
    expect(person('c\u0000mech', 'fay').capacity).toEqual([0, 0, 0, 0]);
  });

  it('books work on the team it is for and the technician it is assigned to, each by day', () => {
    expect(person('c\u0000mech', 'ann').hours).toEqual([10, 0, 0, 0]);
    expect(person('c\u0000mech', 'ann').entries).toEqual([['wo1', 'wo2'], [], [], []]);
    expect(team('c\u0000mech').hours).toEqual([10, 2, 0, 5]);
    expect(team('c\u0000mech').entries).toEqual([['wo1', 'wo2'], ['pm1'], [], ['wo4']]);
    expect(person('c\u0000mech', 'bob').hours).toEqual([0, 0, 3, 0]); // assigned with no team: theirs only
    expect(team('c\u0000hvac')).toMatchObject({ hours: [0, 0, 0, 3], capacity: [0, 0, 0, 0], people: [] });
  });

  it('lists active technicians and inactive ones with work, by name, and those in no team under their plant', () => {
    expect(team('c\u0000mech').people.map((p) => p.labor.key)).toEqual(['ann', 'bob', 'fay']);
    expect(team(noTeamId('c')).people.map((p) => p.labor.key)).toEqual(['eve']);
    expect(team('c\u0000elec').people.map((p) => p.labor.key)).toEqual(['dan']);
  });

  it('marks a cell over its capacity, nearly full, booked or empty; work on a day off is over', () => {
    expect(loadLevel(10, 8)).toBe('over');
    expect(loadLevel(7, 8)).toBe('high');
    expect(loadLevel(2, 8)).toBe('ok');
    expect(loadLevel(0, 8)).toBe('none');
    expect(loadLevel(1, 0)).toBe('over');
    expect(loadLevel(0, 0)).toBe('none');
    expect(sumBy([1, 2, 3, 4, 5, 6, 7, 8], 7)).toEqual([28, 8]);
    expect(joinBy([['a'], [], ['b', 'c']], 2)).toEqual([['a'], ['b', 'c']]);
  });
});

describe('working calendar', () => {
  it("gives a day's hours on working days and none on days off", () => {
    expect(workingHoursOn(defaultWorkingCalendar, new Date(2026, 2, 6))).toBe(8);
    expect(workingHoursOn(defaultWorkingCalendar, new Date(2026, 2, 7))).toBe(0);
    expect(workingHoursOn(weekendShift, new Date(2026, 2, 8))).toBe(10);
    expect(isDefaultCalendar({ workdays: [5, 4, 3, 2, 1], hoursPerDay: 8 })).toBe(true);
    expect(isDefaultCalendar(weekendShift)).toBe(false);
  });
});

describe('work-order bookings', () => {
  it('spans scheduled to due, or a day when there is no later due date', () => {
    expect(workOrderSpan({ scheduledAt: '2026-03-09T08:00:00Z', dueAt: '2026-03-12T08:00:00Z' })).toEqual({
      start: Date.parse('2026-03-09T08:00:00Z'),
      end: Date.parse('2026-03-12T08:00:00Z'),
      defaultLength: false,
    });
    const dayLong = workOrderSpan({ scheduledAt: null, dueAt: '2026-03-09T08:00:00Z' })!;
    expect(dayLong.defaultLength).toBe(true);
    expect(dayLong.end - dayLong.start).toBeGreaterThanOrEqual(23 * 3_600_000); // a local day (23–25 h around DST)
    expect(workOrderSpan({ scheduledAt: null, dueAt: null })).toBeNull();
    expect(workOrderSpan({ scheduledAt: 'soon', dueAt: null })).toBeNull();
  });

  it('books the work order\'s own estimate, else its PM plan\'s, else the default hours', () => {
    expect(estimatedHours('2.5')).toBe(2.5);
    expect(estimatedHours('90 min')).toBe(1.5);
    expect(estimatedHours('3 h')).toBe(3);
    expect(estimatedHours('a while')).toBeNull();
    expect(workOrderHours({ pmKey: 'pm1', estimatedTime: null }, { estimatedTime: '6' })).toBe(6);
    expect(workOrderHours({ pmKey: 'pm1', estimatedTime: '1.5' }, { estimatedTime: '6' })).toBe(1.5);
    expect(workOrderHours({ pmKey: null, estimatedTime: '45 min' }, undefined)).toBe(0.75);
    expect(workOrderHours({ pmKey: 'pm1', estimatedTime: 'soon' }, { estimatedTime: '6' })).toBe(6);
    expect(workOrderHours({ pmKey: null, estimatedTime: null }, { estimatedTime: '6' })).toBe(defaultWorkOrderHours);
    expect(workOrderHours({ pmKey: 'pm1', estimatedTime: null }, undefined)).toBe(defaultWorkOrderHours);
  });
});
