/** One line of the bench's table: a figure, the baseline it is set beside, and its target. */
export interface BenchRow {
  metric: string;
  ms: number | null;
  baselineMs?: number;
  ratio?: number;
  target?: string;
  result?: 'OK' | 'OVER';
}

/** A time as the bench prints it: whole milliseconds from 100, one decimal below. */
export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** Prints a section's rows when its file is run alone (`npx tsx test/bench/<name>-bench.ts`). */
export function printBenchRows(rows: readonly BenchRow[]): void {
  const width = Math.max(...rows.map((row) => row.metric.length)) + 2;
  for (const row of rows) {
    console.log(`${row.metric.padEnd(width)} ${row.ms === null ? 'n/a' : fmt(row.ms).padStart(8)} ms${row.ratio === undefined ? '' : `  ${row.ratio.toFixed(2)}x`}${row.target ? `  ${row.target} ${row.result}` : ''}`);
  }
}
