import { describe, expect, it } from 'vitest';
import { scaleChartSvg } from '../../test/bench/scale-chart';

const points = [
  { workOrders: 100_000, initialSyncMs: 30_000, baselineMs: 25_000, incrementalMedianMs: 85 },
  { workOrders: 10_000, initialSyncMs: 3_000, baselineMs: 2_000, incrementalMedianMs: 60 },
  { workOrders: 1_000_000, initialSyncMs: 320_000, baselineMs: 260_000, incrementalMedianMs: 140 },
];

const polylines = (svg: string) => [...svg.matchAll(/<polyline[^>]*points="([^"]+)"/g)].map((match) => match[1]!.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]));

describe('the scale chart', () => {
  it('draws each series by size (log axes): further right for more work orders, higher for more time', () => {
    const svg = scaleChartSvg(points);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const [sync, baseline, incremental] = polylines(svg);
    for (const line of [sync!, baseline!, incremental!]) {
      expect(line).toHaveLength(3);
      expect(line[0]![0]).toBeLessThan(line[1]![0]);
      expect(line[1]![0]).toBeLessThan(line[2]![0]);
      expect(line[0]![1]).toBeGreaterThan(line[1]![1]);
      expect(line[1]![1]).toBeGreaterThan(line[2]![1]);
    }
    // The sync is slower than its baseline at every size: drawn above it.
    sync!.forEach(([, y], index) => expect(y).toBeLessThan(baseline![index]![1]));
    for (const text of ['10k', '100k', '1M', '320 s', '260 s', '3.0 s', '140 ms', '60 ms']) expect(svg).toMatch(new RegExp(`>${text}</text>`));
  });
});
