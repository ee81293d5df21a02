import { describe, expect, it } from 'vitest';
import type { Asset } from '../../shared/domain/asset';
import type { AssetDowntime } from '../../shared/domain/asset-downtime';
import { scheduleWindow } from '../../shared/schedule/schedule-window';
import { assetFigures, buildScheduleModel, type DowntimeBar, type ScheduleRow } from '../../renderer/features/schedule/schedule-model';
import type { ScheduleData } from '../../renderer/features/schedule/use-schedule-data';

const now = new Date('2026-12-02T12:00:00Z').getTime();
const hour = 3_600_000;
const base = { connectionId: 'c', updatedAt: '2026-12-01T00:00:00Z', deletedAt: null };
const asset = (key: string, isActive = true): Asset => ({ ...base, key, name: `Pump ${key}`, siteKey: 's1', locationKey: null, parentKey: null, categoryName: null, criticality: null, isActive });
const downtime = (key: string, assetKey: string, fromHoursAgo: number, toHoursAgo: number | null, categoryName = 'Breakdown'): AssetDowntime => ({
  ...base,
  key,
  assetKey,
  description: `Stopped: ${key}`,
  startedAt: new Date(now - fromHoursAgo * hour).toISOString(),
  endedAt: toHoursAgo === null ? null : new Date(now - toHoursAgo * hour).toISOString(),
  categoryName,
  severity: 'High',
  notes: null,
});

function data(downtimes: AssetDowntime[]): ScheduleData {
  return {
    sites: [{ ...base, key: 's1', code: null, name: 'North' }],
    locations: [],
    assets: [asset('a'), asset('b'), asset('old', false)],
    teams: [],
    labors: [],
    pmPlans: [],
    meters: [],
    meterReadings: [],
    workOrders: [],
    workOrderStatuses: [],
    assetDowntimes: downtimes,
  };
}
const assetRow = (rows: ScheduleRow[], key: string) => rows.find((row): row is Extract<ScheduleRow, { kind: 'asset' }> => row.kind === 'asset' && row.asset.key === key)!;

describe('downtime on the asset schedule', () => {
  const window = scheduleWindow(new Date(now), 2);
  const model = buildScheduleModel(data([downtime('d1', 'a', 30, 20), downtime('d2', 'b', 3, null), downtime('d3', 'b', 50, 40, 'Planned')]), window, { search: '', onlyWithWork: false }, now);

  it('draws each stop on its asset, a stop still going up to now', () => {
    const bars = (key: string) => assetRow(model.rows, key).bars.filter((bar): bar is DowntimeBar => bar.kind === 'downtime');
    expect(bars('a').map((bar) => [bar.downtime.key, bar.end - bar.start, bar.ongoing, bar.planned])).toEqual([['d1', 10 * hour, false, false]]);
    const ongoing = bars('b').find((bar) => bar.downtime.key === 'd2')!;
    expect([ongoing.ongoing, ongoing.end]).toEqual([true, now]);
    expect(bars('b').find((bar) => bar.downtime.key === 'd3')!.planned).toBe(true);
  });

  it('marks the asset down now, counts it on its site and in the totals', () => {
    expect(assetRow(model.rows, 'a').downNow).toBe(false);
    expect(assetRow(model.rows, 'b').downNow).toBe(true);
    expect(model.sites[0]).toMatchObject({ name: 'North', downNow: 1 });
    expect(model.totals.downNow).toBe(1);
  });

  it("gives the site the availability of all its active assets, as the board's Site filter counts it, whatever the search shows", () => {
    // Two active assets over 30 days: a stopped 10 h, b 3 h and 10 h planned.
    const expected = 1 - 23 / (2 * 30 * 24);
    expect(model.sites[0]!.availability).toBeCloseTo(expected);
    const searched = buildScheduleModel(data([downtime('d1', 'a', 30, 20), downtime('d2', 'b', 3, null), downtime('d3', 'b', 50, 40, 'Planned')]), window, { search: 'Pump a', onlyWithWork: true }, now);
    expect(searched.totals.shownAssets).toBe(1);
    expect(searched.sites[0]!.availability).toBeCloseTo(expected);
  });

  it('gives no availability to the sites and assets of a plant whose system reports no downtime', () => {
    const unreported = buildScheduleModel(data([]), window, { search: '', onlyWithWork: false }, now, new Set(['c']));
    expect(unreported.sites[0]!.availability).toBeNull();
    expect(assetFigures(data([]), asset('a'), now, new Set(['c'])).availability).toBeNull();
  });

  it("gives one asset's figures: availability and MTBF over 30 days", () => {
    const figures = assetFigures(data([downtime('d1', 'a', 30, 20), downtime('d4', 'a', 100, 98), downtime('d2', 'b', 3, null)]), asset('a'), now);
    expect(figures.availability!.downHours).toBeCloseTo(12);
    expect(figures.availability!.failures).toBe(2);
    expect(figures.availability!.mtbfHours).toBeCloseTo((30 * 24 - 12) / 2);
    expect(figures.mttrHours).toBeNull();
  });
});
