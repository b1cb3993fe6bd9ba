/** Beta-distribution helpers for the plan suggestion; deterministic numeric integration, no sampling. */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, ~15 digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = 0.99999999999980993;
  const t = y + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i]! / (y + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

export interface BetaParams {
  alpha: number;
  beta: number;
}

/** The probability mass of Beta(alpha, beta) in each of `grid` equal cells of 0..1, normalised to sum to 1. */
export function betaMasses({ alpha, beta }: BetaParams, grid: number): Float64Array {
  const lnB = lnGamma(alpha) + lnGamma(beta) - lnGamma(alpha + beta);
  const m = new Float64Array(grid);
  let total = 0;
  for (let k = 0; k < grid; k++) {
    const x = (k + 0.5) / grid;
    const v = Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - lnB);
    m[k] = v;
    total += v;
  }
  for (let k = 0; k < grid; k++) m[k]! /= total;
  return m;
}

/**
 * For independent Beta posteriors, the probability that each one is the largest: what Thompson
 * sampling would pick, in the long run, computed by integration on a grid instead of by drawing
 * random numbers, so the same data always gives the same answer.
 */
export function probabilityBest(posteriors: readonly BetaParams[], grid = 2000): number[] {
  // The same posteriors (a workspace's insights asked for again) give the same answer: the few
  // most recent are kept rather than integrated again (exact keys: a number's text round-trips).
  const key = `${grid}|${posteriors.map((p) => `${p.alpha},${p.beta}`).join(';')}`;
  const hit = recent.get(key);
  if (hit) {
    recent.delete(key);
    recent.set(key, hit);
    return [...hit];
  }
  const result = integrateBest(posteriors, grid);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(key, result);
  return [...result];
}

const RECENT_LIMIT = 256;
const recent = new Map<string, readonly number[]>();

function integrateBest(posteriors: readonly BetaParams[], grid: number): number[] {
  const masses = posteriors.map((p) => betaMasses(p, grid));
  // CDF at the middle of each cell: mass of the cells below plus half of this one.
  const cdfs = masses.map((m) => {
    const c = new Float64Array(grid);
    let below = 0;
    for (let k = 0; k < grid; k++) {
      c[k] = below + m[k]! / 2;
      below += m[k]!;
    }
    return c;
  });
  const best = posteriors.map((_, i) => {
    let p = 0;
    for (let k = 0; k < grid; k++) {
      let others = 1;
      for (let j = 0; j < posteriors.length; j++) if (j !== i) others *= cdfs[j]![k]!;
      p += masses[i]![k]! * others;
    }
    return p;
  });
  const sum = best.reduce((s, v) => s + v, 0);
  return best.map((v) => (sum > 0 ? v / sum : 1 / posteriors.length));
}
