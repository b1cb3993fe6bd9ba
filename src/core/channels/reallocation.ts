import { CHANNEL_LABELS } from '../applications/application.ts';
import { type PersonWords, personWords, type Reader } from '../reader.ts';
import { probabilityBest } from './beta.ts';
import { type ChannelPlan, PLAN_CHANNELS, type PlanChannel, validatePlan } from './plan.ts';
import type { ChannelYield } from './yield.ts';

export interface ReallocationOptions {
  /** Every channel keeps at least this share (percentage points) so you keep learning about it. Default 10. */
  explorationFloorPct?: number;
  /** The most any channel moves in one week, in percentage points. Default 10. */
  maxStepPct?: number;
  /** A channel with fewer applications than this is never cut: too little evidence. Default 5. */
  minEvidence?: number;
  /** Below this many applications in all, the plan is left as it is. Default 10. */
  minTotal?: number;
  /** Who reads the reasons: the seeker (the default), or a coach reading about them by name. */
  reader?: Reader;
}

export interface PlanMove {
  from: PlanChannel;
  to: PlanChannel;
  points: number;
  why: string;
}

export interface ChannelPosterior {
  channel: PlanChannel;
  alpha: number;
  beta: number;
  /** Posterior mean of interviews per application. */
  mean: number;
  /** Probability this channel has the best interview rate, given what has been seen. */
  probabilityBest: number;
}

export interface Reallocation {
  plan: ChannelPlan;
  moves: PlanMove[];
  /** One plain sentence on how the suggestion was made. */
  method: string;
  posteriors: ChannelPosterior[];
}

const PRIOR_STRENGTH = 2;
const label = (c: PlanChannel) => CHANNEL_LABELS[c].toLowerCase();

function posteriorsOf(yields: readonly ChannelYield[]): ChannelPosterior[] {
  const byChannel = new Map(yields.map((y) => [y.channel, y]));
  let n = 0;
  let k = 0;
  for (const y of yields) {
    n += y.interviews.n;
    k += y.interviews.successes;
  }
  // A weak prior centred on your own overall interview rate (worth two applications).
  const pooled = (k + 1) / (n + 2);
  const a0 = PRIOR_STRENGTH * pooled;
  const b0 = PRIOR_STRENGTH * (1 - pooled);
  const params = PLAN_CHANNELS.map((channel) => {
    const y = byChannel.get(channel);
    const s = y?.interviews.successes ?? 0;
    const f = (y?.interviews.n ?? 0) - s;
    return { channel, alpha: a0 + s, beta: b0 + f };
  });
  const best = probabilityBest(params);
  return params.map((p, i) => ({ ...p, mean: p.alpha / (p.alpha + p.beta), probabilityBest: best[i]! }));
}

/** Largest-remainder rounding of `x` (sums to 100) to integers inside [lo, hi]. */
function roundWithin(x: number[], lo: number[], hi: number[]): number[] {
  const out = x.map((v, i) => Math.min(hi[i]!, Math.max(lo[i]!, Math.floor(v + 1e-9))));
  let rem = 100 - out.reduce((s, v) => s + v, 0);
  const order = x.map((_v, i) => i).sort((a, b) => x[b]! - out[b]! - (x[a]! - out[a]!) || a - b);
  while (rem !== 0) {
    let changed = false;
    for (const i of rem > 0 ? order : [...order].reverse()) {
      if (rem > 0 && out[i]! < hi[i]!) {
        out[i]!++;
        rem--;
        changed = true;
      } else if (rem < 0 && out[i]! > lo[i]!) {
        out[i]!--;
        rem++;
        changed = true;
      }
      if (rem === 0) break;
    }
    if (!changed) break;
  }
  return out;
}

/**
 * Moves from `old` toward `target` along a straight line: cuts that are not allowed (too little
 * evidence) are dropped and the gains scaled down to match, then the whole move is shortened so
 * that no channel moves more than `step`. Every channel moves toward its own target, never past it.
 */
function stepToward(old: number[], target: number[], canCut: boolean[], step: number): number[] {
  const delta = target.map((t, i) => (t < old[i]! && !canCut[i] ? 0 : t - old[i]!));
  const down = -delta.reduce((s, d) => s + Math.min(0, d), 0);
  const up = delta.reduce((s, d) => s + Math.max(0, d), 0);
  const balanced = delta.map((d) =>
    d > 0 && up > 0 ? (d * Math.min(up, down)) / up : d < 0 && down > 0 ? (d * Math.min(up, down)) / down : 0,
  );
  const largest = Math.max(0, ...balanced.map(Math.abs));
  const t = largest > step ? step / largest : 1;
  return old.map((o, i) => o + t * balanced[i]!);
}

function describeMove(
  fromCh: PlanChannel,
  toCh: PlanChannel,
  from: ChannelYield | undefined,
  to: ChannelYield | undefined,
  minEvidence: number,
  w: PersonWords,
): string {
  const part = (y: ChannelYield | undefined, c: PlanChannel) =>
    `${label(c)}: ${y?.interviews.successes ?? 0} interview${y?.interviews.successes === 1 ? '' : 's'} from ${y?.applications ?? 0} application${y?.applications === 1 ? '' : 's'}`;
  if ((to?.applications ?? 0) < minEvidence) {
    return `Little is known yet about ${label(toCh)}, so a bit more time there helps ${w.name} learn what it gives (${part(from, fromCh)}).`;
  }
  const small =
    (to?.interviews.isSmallSample ?? true) || (from?.interviews.isSmallSample ?? true)
      ? ' (small sample)'
      : '';
  return `${part(to, toCh)}; ${part(from, fromCh)}${small}.`;
}

/**
 * Suggests next week's plan from what each channel has returned. Each channel's interview rate
 * gets a Beta posterior (a weak prior at your overall rate); the target share is an exploration
 * floor plus the rest split by the probability each channel is the best (Thompson sampling's
 * expectation, integrated, not sampled). The plan then moves in a straight line toward that
 * target, by at most `maxStepPct` points per channel, never below the floor, never cutting a channel with too little
 * evidence, and always in whole points summing to 100.
 */
export function suggestReallocation(
  plan: ChannelPlan,
  yields: readonly ChannelYield[],
  options: ReallocationOptions = {},
): Reallocation {
  const current = validatePlan(plan);
  const floor = Math.max(0, Math.min(25, Math.ceil(options.explorationFloorPct ?? 10)));
  const step = Math.max(0, Math.floor(options.maxStepPct ?? 10));
  const minEvidence = options.minEvidence ?? 5;
  const minTotal = options.minTotal ?? 10;
  const self = (options.reader?.kind ?? 'self') === 'self';
  const w = personWords(options.reader);
  const posteriors = posteriorsOf(yields);
  const byChannel = new Map(yields.map((y) => [y.channel, y]));
  const total = yields.reduce((s, y) => s + y.applications, 0);
  const method =
    `Interview rate per application, per channel, as a Beta posterior with a weak prior at ${w.names} overall rate; ` +
    `target share = ${floor}% floor + the rest split by the chance each channel is the best; ` +
    `moves at most ${step} points a week.`;
  if (total < minTotal) {
    return {
      plan: { ...current },
      moves: [],
      method: self
        ? `Not enough applications yet (${total} of ${minTotal}) to suggest a change; keep the plan and keep logging.`
        : `Not enough applications yet (${total} of ${minTotal}) to suggest a change to ${w.names} plan.`,
      posteriors,
    };
  }

  const old = PLAN_CHANNELS.map((c) => current[c]);
  const target = posteriors.map((p) => floor + (100 - PLAN_CHANNELS.length * floor) * p.probabilityBest);
  const lo = PLAN_CHANNELS.map((c, i) => {
    const o = old[i]!;
    if ((byChannel.get(c)?.applications ?? 0) < minEvidence) return o;
    return Math.max(Math.min(o, floor), o - step);
  });
  const hi = old.map((o) => Math.min(100, o + step));
  const canCut = PLAN_CHANNELS.map((c) => (byChannel.get(c)?.applications ?? 0) >= minEvidence);
  const next = roundWithin(stepToward(old, target, canCut, step), lo, hi);

  const nextPlan = Object.fromEntries(PLAN_CHANNELS.map((c, i) => [c, next[i]!])) as ChannelPlan;
  const givers = PLAN_CHANNELS.map((c, i) => ({ c, d: old[i]! - next[i]! })).filter((g) => g.d > 0);
  const takers = PLAN_CHANNELS.map((c, i) => ({ c, d: next[i]! - old[i]! })).filter((t) => t.d > 0);
  const moves: PlanMove[] = [];
  for (const t of takers) {
    for (const g of givers) {
      const points = Math.min(t.d, g.d);
      if (points <= 0) continue;
      t.d -= points;
      g.d -= points;
      moves.push({
        from: g.c,
        to: t.c,
        points,
        why: describeMove(g.c, t.c, byChannel.get(g.c), byChannel.get(t.c), minEvidence, w),
      });
    }
  }
  return { plan: nextPlan, moves, method, posteriors };
}
