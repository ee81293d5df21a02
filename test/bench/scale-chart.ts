import type { ScalePoint } from './scale-bench';

/** What the chart draws of a scale point (a subset, so a results file from an older run still draws). */
export type ChartPoint = Pick<ScalePoint, 'workOrders' | 'initialSyncMs' | 'baselineMs' | 'incrementalMedianMs'>;

const width = 720;
const height = 280;
const panel = { top: 40, bottom: 230, left: [70, 430], width: 250 };
const colours = { sync: '#1f6feb', baseline: '#8b949e', incremental: '#d2691e', grid: '#d0d7de', text: '#24292f' };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const seconds = (ms: number) => (ms >= 10_000 ? `${Math.round(ms / 1000)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** Log-scale position of `value` between `low` and `high`, from `from` to `to`. */
function logScale(value: number, low: number, high: number, from: number, to: number): number {
  if (high <= low) return (from + to) / 2;
  return from + ((Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * (to - from);
}

/** One panel: x = work orders (log), y = time (log), one polyline per series, each point labelled. */
function drawPanel(left: number, title: string, xs: number[], series: { name: string; colour: string; values: number[] }[]): string {
  const all = series.flatMap((line) => line.values);
  const low = Math.min(...all) / 1.5;
  const high = Math.max(...all) * 1.5;
  const x = (n: number) => logScale(n, Math.min(...xs), Math.max(...xs), left + 20, left + panel.width - 20);
  const y = (ms: number) => logScale(ms, low, high, panel.bottom, panel.top + 10);
  const parts = [
    `<text x="${left}" y="${panel.top - 14}" font-weight="600">${escape(title)}</text>`,
    `<line x1="${left}" y1="${panel.bottom}" x2="${left + panel.width}" y2="${panel.bottom}" stroke="${colours.grid}"/>`,
    `<line x1="${left}" y1="${panel.top}" x2="${left}" y2="${panel.bottom}" stroke="${colours.grid}"/>`,
    ...xs.map((n) => `<text x="${x(n).toFixed(1)}" y="${panel.bottom + 16}" text-anchor="middle">${label(n)}</text>`),
  ];
  for (const line of series) {
    const points = line.values.map((value, index) => [x(xs[index]!), y(value)] as const);
    parts.push(`<polyline fill="none" stroke="${line.colour}" stroke-width="2" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`);
    points.forEach(([px, py], index) => {
      parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3" fill="${line.colour}"/>`);
      // A white halo keeps the label readable where it crosses a line.
      parts.push(`<text x="${(px + 5).toFixed(1)}" y="${(py - 6).toFixed(1)}" fill="${line.colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${seconds(line.values[index]!)}</text>`);
    });
  }
  series.forEach((line, index) => {
    parts.push(`<rect x="${left + 4}" y="${panel.bottom + 28 + index * 14}" width="10" height="3" fill="${line.colour}"/>`);
    parts.push(`<text x="${left + 20}" y="${panel.bottom + 33 + index * 14}">${escape(line.name)}</text>`);
  });
  return parts.join('\n  ');
}

/** The cost curve as a small SVG: the initial sync beside raw bulkPut, and the incremental sync, by cache size (both axes log). */
export function scaleChartSvg(points: readonly ChartPoint[]): string {
  const sorted = [...points].sort((a, b) => a.workOrders - b.workOrders);
  const xs = sorted.map((point) => point.workOrders);
  const body = [
    drawPanel(panel.left[0]!, 'Initial sync of all work orders', xs, [
      { name: 'Millwright initial sync', colour: colours.sync, values: sorted.map((point) => point.initialSyncMs) },
      { name: 'raw Dexie bulkPut, same records', colour: colours.baseline, values: sorted.map((point) => point.baselineMs) },
    ]),
    drawPanel(panel.left[1]!, 'Incremental sync of 100 changes', xs, [
      { name: 'with the cache full (median)', colour: colours.incremental, values: sorted.map((point) => point.incrementalMedianMs) },
    ]),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" fill="${colours.text}">`,
    `  <rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `  ${body.join('\n  ')}`,
    '</svg>',
    '',
  ].join('\n');
}
