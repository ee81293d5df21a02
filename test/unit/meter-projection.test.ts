import { describe, expect, it } from 'vitest';
import { projectMeterTrigger } from '../../shared/schedule/meter-projection';

const day = 86_400_000;
const t0 = Date.UTC(2026, 0, 1);
/** Readings every 5 days at 10 units a day, from 1,000 units on day 0 to 1,600 on day 60. */
const steady = Array.from({ length: 13 }, (_, i) => ({ at: t0 + i * 5 * day, value: 1000 + i * 50 }));

describe('projectMeterTrigger', () => {
  it('dates the next multiples of the interval at the reading rate when the plan was never done', () => {
    const projection = projectMeterTrigger({ every: 250, readings: [...steady].reverse(), lastCompletedAt: null, until: t0 + 200 * day });
    expect(projection.last).toEqual({ at: t0 + 60 * day, value: 1600 });
    expect(projection.ratePerDay).toBeCloseTo(10, 10);
    expect(projection.basis).toBe('next-multiple');
    expect(projection.dues.map((due) => [due.reading, Math.round((due.at! - t0) / day), due.reached])).toEqual([
      [1750, 75, false],
      [2000, 100, false],
      [2250, 125, false],
      [2500, 150, false],
      [2750, 175, false],
    ]);
  });

  it('counts from the reading at the last completion', () => {
    const projection = projectMeterTrigger({ every: 500, readings: steady, lastCompletedAt: t0 + 22 * day, until: t0 + 120 * day });
    expect(projection.basis).toBe('last-completion');
    expect(projection.completionReading).toBe(1200); // day 20's reading, the last before day 22
    // 2,200 falls on day 120, the window's (exclusive) end.
    expect(projection.dues.map((due) => [due.reading, Math.round((due.at! - t0) / day)])).toEqual([[1700, 70]]);
  });

  it('marks a passed due reading overdue and counts the next ones from the last reading', () => {
    const projection = projectMeterTrigger({ every: 250, readings: steady, lastCompletedAt: t0 + 3 * day, until: t0 + 120 * day });
    expect(projection.completionReading).toBe(1000);
    expect(projection.dues.map((due) => [due.reading, Math.round((due.at! - t0) / day), due.reached])).toEqual([
      [1250, 25, true],
      [1850, 85, false],
      [2100, 110, false],
    ]);
  });

  it('uses only the last 90 days for the rate, and gives no date without one', () => {
    const old = { at: t0 - 400 * day, value: 0 };
    expect(projectMeterTrigger({ every: 250, readings: [old, ...steady], lastCompletedAt: null, until: t0 + 100 * day }).ratePerDay).toBeCloseTo(10, 10);
    const single = projectMeterTrigger({ every: 250, readings: [{ at: t0, value: 1600 }], lastCompletedAt: null, until: t0 + 100 * day });
    expect(single.ratePerDay).toBeNull();
    expect(single.dues).toEqual([{ reading: 1750, at: null, reached: false }]);
    const idle = projectMeterTrigger({ every: 250, readings: [{ at: t0, value: 1600 }, { at: t0 + 10 * day, value: 1600 }], lastCompletedAt: t0 + 1, until: t0 + 100 * day });
    expect(idle.ratePerDay).toBeNull();
    expect(idle.dues).toEqual([{ reading: 1850, at: null, reached: false }]);
    // Two readings half a day apart tell no rate; the due reading has been passed.
    const passed = projectMeterTrigger({ every: 250, readings: [{ at: t0, value: 1000 }, { at: t0 + day / 2, value: 1300 }], lastCompletedAt: t0, until: t0 + 100 * day });
    expect(passed.dues).toEqual([
      { reading: 1250, at: null, reached: true },
      { reading: 1550, at: null, reached: false },
    ]);
    expect(projectMeterTrigger({ every: 250, readings: [], lastCompletedAt: null, until: t0 }).dues).toEqual([]);
  });
});
