/** One line of the bench's table: a figure, the baseline it is set beside, and its target. */
export interface BenchRow {
  metric: string;
  ms: number | null;
  baselineMs?: number;
  ratio?: number;
  target?: string;
  result?: 'OK' | 'OVER';
}
