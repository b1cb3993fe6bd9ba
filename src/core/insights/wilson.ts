/** A share with its uncertainty: `successes` out of `n`, with a Wilson score interval around the rate. */
export interface WilsonRate {
  successes: number;
  n: number;
  /** successes ÷ n, or null when there is nothing to divide by. */
  rate: number | null;
  /** Lower and upper ends of the interval (0..1); 0 and 1 when n = 0. */
  low: number;
  high: number;
  /** True when n is too small to read much into (fewer than SMALL_SAMPLE_N). */
  isSmallSample: boolean;
}

/** Below this many observations a rate is labelled "small sample" wherever it is shown. */
export const SMALL_SAMPLE_N = 10;

/**
 * The Wilson score interval for a proportion. Unlike the naive "rate ± 1.96·se", it stays inside
 * 0..1 and is honest at 0/5 or 5/5, which is where a job search lives: few applications, many
 * zeros. `z` = 1.96 gives a 95% interval.
 */
export function wilson(successes: number, n: number, z = 1.96): WilsonRate {
  if (n <= 0) return { successes: 0, n: 0, rate: null, low: 0, high: 1, isSmallSample: true };
  const s = Math.min(Math.max(successes, 0), n);
  const p = s / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    successes: s,
    n,
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
    isSmallSample: n < SMALL_SAMPLE_N,
  };
}

/** A rate as a whole percentage for text ("27%"), or "–" when there is none. */
export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}
