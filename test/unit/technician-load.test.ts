import { describe, expect, it } from 'vitest';
import { sumBy, teamHeadcounts, technicianLoad } from '../../shared/schedule/technician-load';
import { defaultWorkOrderHours, estimatedHours, workOrderHours, workOrderSpan } from '../../shared/schedule/work-order-booking';

const labor = (teamKey: string | null, isActive = true) => ({ connectionId: 'c', teamKey, isActive });
const days = [new Date(2026, 2, 9), new Date(2026, 2, 10), new Date(2026, 2, 11)];

describe('technician load', () => {
  it('counts active members per team for a capacity of 8 hours each a day', () => {
    const counts = teamHeadcounts([labor('mech'), labor('mech'), labor('mech', false), labor('elec'), labor(null)]);
    expect(Object.fromEntries(counts)).toEqual({ 'c\u0000mech': 2, 'c\u0000elec': 1 });
    const loads = technicianLoad(
      [
        { teamId: 'c\u0000mech', at: new Date(2026, 2, 9, 7).getTime(), hours: 6 },
        { teamId: 'c\u0000mech', at: new Date(2026, 2, 9, 23, 59).getTime(), hours: 14 },
        { teamId: 'c\u0000mech', at: new Date(2026, 2, 11, 0, 0).getTime(), hours: 1.5 },
        { teamId: 'c\u0000mech', at: new Date(2026, 2, 12).getTime(), hours: 99 }, // after the window
        { teamId: 'c\u0000hvac', at: new Date(2026, 2, 10, 12).getTime(), hours: 3 }, // nobody on it
      ],
      days,
      counts,
    );
    expect(loads).toEqual([
      { teamId: 'c\u0000mech', hours: [20, 0, 1.5], capacityPerDay: 16 },
      { teamId: 'c\u0000elec', hours: [0, 0, 0], capacityPerDay: 8 },
      { teamId: 'c\u0000hvac', hours: [0, 3, 0], capacityPerDay: 0 },
    ]);
    expect(sumBy([1, 2, 3, 4, 5, 6, 7, 8], 7)).toEqual([28, 8]);
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
