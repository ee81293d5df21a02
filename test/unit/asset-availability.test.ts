import { describe, expect, it } from 'vitest';
import { availabilityWindowDays, computeAvailability, isPlannedStop } from '../../shared/kpis/asset-availability';

const now = Date.parse('2026-12-01T12:00:00Z');
const hour = 3_600_000;
const at = (hoursAgo: number) => new Date(now - hoursAgo * hour).toISOString();
const stop = (assetKey: string, fromHoursAgo: number, toHoursAgo: number | null, categoryName: string | null = 'Breakdown') => ({
  connectionId: 'c',
  assetKey,
  startedAt: at(fromHoursAgo),
  endedAt: toHoursAgo === null ? null : at(toHoursAgo),
  categoryName,
});
const assets = (...keys: string[]) => new Set(keys.map((key) => `c\u0000${key}`));
const windowHours = availabilityWindowDays * 24;

describe('asset availability and MTBF', () => {
  it('is the share of the window the assets ran, and MTBF their running hours per failure', () => {
    const figures = computeAvailability([stop('a', 100, 90), stop('a', 50, 48), stop('b', 10, 4, 'Planned')], assets('a', 'b'), now);
    expect(figures.assets).toBe(2);
    expect(figures.hours).toBe(2 * windowHours);
    expect(figures.downHours).toBeCloseTo(18);
    expect(figures.availability).toBeCloseTo(1 - 18 / (2 * windowHours));
    // The planned stop takes time but is no failure.
    expect(figures.failures).toBe(2);
    expect(figures.mtbfHours).toBeCloseTo((2 * windowHours - 18) / 2);
    expect(figures.downNow).toBe(0);
  });

  it('counts overlapping stops of one asset once, a stop still going to now, and only the part inside the window', () => {
    const figures = computeAvailability([stop('a', 30, 20), stop('a', 25, 10), stop('b', 5, null), stop('c', windowHours + 10, windowHours - 2)], assets('a', 'b', 'c'), now);
    expect(figures.downHours).toBeCloseTo(20 + 5 + 2);
    expect(figures.downNow).toBe(1);
    // The stop of c began before the window: not one of its failures.
    expect(figures.failures).toBe(3);
  });

  it('leaves out assets outside the set, stops without a readable start, and says nothing over no assets', () => {
    const broken = { ...stop('a', 5, 1), startedAt: 'yesterday' };
    expect(computeAvailability([stop('z', 5, 1), broken], assets('a'), now)).toMatchObject({ downHours: 0, failures: 0, availability: 1, mtbfHours: null });
    expect(computeAvailability([stop('a', 5, 1)], assets(), now)).toMatchObject({ assets: 0, availability: null, mtbfHours: null });
  });

  it('reads a planned stop from the category the system names, anything else as a failure', () => {
    expect(isPlannedStop({ categoryName: 'Planned' })).toBe(true);
    expect(isPlannedStop({ categoryName: 'Preventive maintenance' })).toBe(true);
    expect(isPlannedStop({ categoryName: 'Unplanned' })).toBe(false);
    expect(isPlannedStop({ categoryName: 'Breakdown' })).toBe(false);
    expect(isPlannedStop({ categoryName: null })).toBe(false);
  });
});
