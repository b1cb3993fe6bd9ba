import { OUTCOMES, type Outcome, STAGES, stageIndex } from '../applications/application.ts';
import { DEFAULT_GHOST_AFTER_DAYS } from '../applications/ghosting.ts';
import { summarizeApplication } from './app-summary.ts';
import { applyFilters } from './filters.ts';
import { dayNumber, median } from './stats.ts';
import type { AppSummary, InsightApplication, InsightFilters } from './types.ts';
import { type WilsonRate, wilson } from './wilson.ts';

/** The stages a funnel shows: everything from the moment an application went out. */
export const FUNNEL_STAGES = ['applied', 'screening', 'interviewing', 'offer', 'accepted'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelStep {
  stage: FunnelStage;
  /** Applications whose furthest stage is this one or later. */
  reached: number;
  /** reached here ÷ reached at the previous stage; null for "applied". */
  conversionFromPrevious: WilsonRate | null;
  /** Applications closed as rejected whose furthest stage was this one. */
  rejectedHere: number;
}

export interface StageGap {
  from: FunnelStage;
  to: FunnelStage;
  /** Median calendar days between first reaching `from` and first reaching `to`. */
  medianDays: number | null;
  /** Applications that reached both explicitly (a skipped stage has no date of its own). */
  n: number;
}

export interface FunnelResult {
  funnel: FunnelStep[];
  /** Closed applications by how they closed and how far they had got. */
  closedBy: Record<Outcome, Record<FunnelStage, number>>;
  medianDaysBetweenStages: StageGap[];
  timeToFirstResponse: { medianDays: number | null; n: number };
  /** Applications that never got any answer, out of those old enough to have had one. */
  ghostingRate: WilsonRate;
}

export interface FunnelOptions {
  /** When given, open applications silent since applying for `ghostAfterDays` count as no reply. */
  today?: string;
  ghostAfterDays?: number;
}

const FIRST = stageIndex('applied');
const OUTCOME_INDEX = new Map<string, number>(OUTCOMES.map((o, k) => [o, k]));

function emptyByStage(): Record<FunnelStage, number> {
  return { applied: 0, screening: 0, interviewing: 0, offer: 0, accepted: 0 };
}

/** True when the employer never answered: closed as no reply, or silent long enough to call it. */
export function isNoReply(a: AppSummary, today: string | undefined, afterDays: number): boolean {
  if (a.outcome === 'ghosted') return true;
  if (a.outcome !== null || a.firstResponseOn !== null || today === undefined || a.appliedDay === null)
    return false;
  return dayNumber(today) - a.appliedDay >= afterDays;
}

/** The funnel from already-summarised applications; `computeFunnel` is the entry point from histories. */
export function funnelFromSummaries(apps: readonly AppSummary[], options: FunnelOptions = {}): FunnelResult {
  const afterDays = options.ghostAfterDays ?? DEFAULT_GHOST_AFTER_DAYS;
  const atFurthest = new Array<number>(STAGES.length).fill(0);
  const rejectedAt = new Array<number>(STAGES.length).fill(0);
  const closedAt = new Array<number>(OUTCOMES.length * STAGES.length).fill(0);
  const gaps: number[][] = FUNNEL_STAGES.slice(1).map(() => []);
  const firstResponse: number[] = [];
  let ghosted = 0;
  const todayNum = options.today === undefined ? null : dayNumber(options.today);
  let judgeable = 0;

  for (const a of apps) {
    if (a.furthest < FIRST) continue;
    atFurthest[a.furthest]!++;
    if (a.outcome !== null) {
      // Counted by index and turned into the nested record once, after the loop.
      closedAt[(OUTCOME_INDEX.get(a.outcome) ?? 0) * STAGES.length + a.furthest]!++;
      if (a.outcome === 'rejected') rejectedAt[a.furthest]!++;
    }
    const stageGaps = a.stageGapDays;
    for (let k = 0; k < gaps.length; k++) {
      const g = stageGaps[k];
      if (g !== undefined) gaps[k]!.push(g);
    }
    if (a.firstResponseDays !== null) firstResponse.push(a.firstResponseDays);
    const old = todayNum === null || (a.appliedDay !== null && todayNum - a.appliedDay >= afterDays);
    if (a.outcome !== null || a.firstResponseOn !== null || old) {
      judgeable++;
      // isNoReply, inlined with today's day number worked out once.
      if (
        a.outcome === 'ghosted' ||
        (a.outcome === null &&
          a.firstResponseOn === null &&
          todayNum !== null &&
          a.appliedDay !== null &&
          todayNum - a.appliedDay >= afterDays)
      )
        ghosted++;
    }
  }

  return finishFunnel({
    atFurthest,
    rejectedAt,
    closedAt,
    gaps: gaps.map((g) => ({ medianDays: median(g), n: g.length })),
    firstResponse: { medianDays: median(firstResponse), n: firstResponse.length },
    ghosted,
    judgeable,
  });
}

/** What a funnel is counted from, by stage index (and outcome index × stages for `closedAt`). */
export interface FunnelTally {
  atFurthest: readonly number[];
  rejectedAt: readonly number[];
  closedAt: readonly number[];
  /** Median and count of the days between consecutive funnel stages (applied → screening first). */
  gaps: readonly { medianDays: number | null; n: number }[];
  firstResponse: { medianDays: number | null; n: number };
  ghosted: number;
  judgeable: number;
}

/** The funnel from its tally: the same result whether the counting ran in JS or in the database. */
export function finishFunnel(t: FunnelTally): FunnelResult {
  const closedBy = Object.fromEntries(
    OUTCOMES.map((o, k) => {
      const byStage = emptyByStage();
      for (const stage of FUNNEL_STAGES) byStage[stage] = t.closedAt[k * STAGES.length + stageIndex(stage)]!;
      return [o, byStage];
    }),
  ) as FunnelResult['closedBy'];
  const funnel: FunnelStep[] = [];
  let reached = 0;
  const reachedAt: number[] = new Array(STAGES.length).fill(0);
  for (let i = STAGES.length - 1; i >= FIRST; i--) {
    reached += t.atFurthest[i]!;
    reachedAt[i] = reached;
  }
  for (let i = FIRST; i < STAGES.length; i++) {
    funnel.push({
      stage: STAGES[i] as FunnelStage,
      reached: reachedAt[i]!,
      conversionFromPrevious: i === FIRST ? null : wilson(reachedAt[i]!, reachedAt[i - 1]!),
      rejectedHere: t.rejectedAt[i]!,
    });
  }
  return {
    funnel,
    closedBy,
    medianDaysBetweenStages: t.gaps.map((g, k) => ({
      from: FUNNEL_STAGES[k]!,
      to: FUNNEL_STAGES[k + 1]!,
      medianDays: g.medianDays,
      n: g.n,
    })),
    timeToFirstResponse: t.firstResponse,
    ghostingRate: wilson(t.ghosted, t.judgeable),
  };
}

/**
 * The application funnel, derived from each application's events: how many went out, how many
 * reached each later stage (counting by the furthest stage ever reached, so a move back or a
 * rejection never erases progress), the conversion between stages with Wilson intervals, where
 * rejections happened, typical gaps between stages and how often nobody answered.
 */
export function computeFunnel(
  apps: readonly InsightApplication[],
  filters?: InsightFilters,
  options?: FunnelOptions,
): FunnelResult {
  return funnelFromSummaries(applyFilters(apps.map(summarizeApplication), filters), options);
}
