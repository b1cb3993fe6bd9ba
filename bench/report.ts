/** One printed benchmark figure, always beside a floor measured in the same process. */
export interface BenchRow {
  /** What was measured, e.g. "GET /api/v1/applications (first page)". */
  name: string;
  /** The figure, already formatted with its unit, e.g. "12,345 req/s" or "4.1 ms p50". */
  figure: string;
  /** The floor it is compared with, e.g. "bare Fastify route: 20,001 req/s". */
  floor: string;
  /** figure ÷ floor (or floor ÷ figure for times), formatted, e.g. "0.62× floor". */
  ratio: string;
  /** The goal, e.g. "≥ 0.60× floor". */
  goal: string;
}

/** Prints rows as an aligned table. */
export function printRows(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}`);
  for (const r of rows) {
    console.log(`- ${r.name}: ${r.figure}  |  floor ${r.floor}  |  ${r.ratio}  |  goal ${r.goal}`);
  }
}

/** Runs `fn` repeatedly and returns per-run times in ms (after a warm-up). */
export async function timeRuns(
  fn: () => unknown | Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? Number.NaN;
}
