import { STAGES } from '../applications/application.ts';
import {
  type ChannelPlan,
  DEFAULT_PLAN,
  type PlanVsActualRow,
  planVsActual,
  type TimeLog,
} from '../channels/plan.ts';
import {
  type Reallocation,
  type ReallocationOptions,
  suggestReallocation,
} from '../channels/reallocation.ts';
import { type ChannelYield, channelYield } from '../channels/yield.ts';
import type { Reader } from '../reader.ts';
import { yieldByChannel } from '../referrals/asks.ts';
import { weekOf } from '../wellbeing/week.ts';
import { summarizeApplication } from './app-summary.ts';
import { type Comparison, compareRecent } from './comparison.ts';
import { applyFilters } from './filters.ts';
import {
  type FeedbackTheme,
  type Finding,
  type FindingsContext,
  findingsFrom,
  namedIn,
  type PostMortemRating,
  rejectionCounts,
} from './findings.ts';
import { type FunnelResult, funnelFromSummaries } from './funnel.ts';
import type { AppSummary, InsightApplication, InsightFilters } from './types.ts';

/** Everything insights are computed from; each list maps one-to-one from rows. */
export interface InsightsInput {
  applications: readonly InsightApplication[];
  /**
   * The same applications already folded by `summarizeApplication` (a caller that caches them
   * saves the fold on every call); when given, `applications` is not read.
   */
  summaries?: readonly AppSummary[];
  filters?: InsightFilters;
  feedbackThemes?: readonly FeedbackTheme[];
  postMortemRatings?: readonly PostMortemRating[];
  timeLogs?: readonly TimeLog[];
  /** The current weekly plan; the default split when absent. */
  plan?: ChannelPlan;
  /** Hours a week the user means to spend; enables plan-vs-actual for the current week. */
  hoursPerWeek?: number;
  ghostAfterDays?: number;
  reallocation?: ReallocationOptions;
  /** Applications someone referred the user for: on the referral line of the channel finding, as on the card. */
  referredIds?: readonly string[];
  /** Who reads the findings and the suggestion's reasons: the seeker (the default) or a coach. */
  reader?: Reader;
}

export interface InsightsPayload extends FunnelResult {
  channels: {
    yields: ChannelYield[];
    /** Suggested plan for next week from what each channel returned. */
    suggestion: Reallocation;
    /** This week's hours against the plan, when hours per week are known. */
    thisWeek: {
      weekStart: string;
      rows: PlanVsActualRow[];
      otherHours: number;
      totalActualHours: number;
    } | null;
  };
  findings: Finding[];
  comparison: Comparison;
}

/**
 * The whole insights page in one call: the funnel from each application's history, where
 * rejections happen, channel yields and next week's suggested plan, ranked findings, and the
 * last 30 days against before. Linear in the number of events; each history is sorted once.
 */
export function computeInsights(input: InsightsInput, today: string): InsightsPayload {
  const apps = applyFilters(input.summaries ?? input.applications.map(summarizeApplication), input.filters);
  const funnel = funnelFromSummaries(apps, { today, ghostAfterDays: input.ghostAfterDays });
  const timeLogs = input.timeLogs ?? [];
  const yields = channelYield(
    apps.map((a) => ({
      channel: a.channel,
      furthestStage: STAGES[a.furthest]!,
      responded: a.firstResponseOn !== null,
    })),
    timeLogs,
  );
  const channelRows = yieldByChannel(
    apps.map((a) => ({
      id: a.id,
      channel: a.channel,
      furthest: a.furthest,
      responded: a.firstResponseOn !== null,
    })),
    new Set(input.referredIds ?? []),
  );
  return insightsPayload(input, today, {
    funnel,
    yields,
    channelRows,
    comparison: compareRecent(apps, today),
    rejections: rejectionCounts(apps),
    namedInView: namedIn(apps, input.feedbackThemes ?? [], input.postMortemRatings ?? []),
  });
}

/**
 * The payload once the funnel, the channel yields, the comparison and what findings rest on are
 * known (from summaries in `computeInsights`, from aggregates in `aggregates.ts`): next week's
 * suggested plan, this week against the plan, and the ranked findings.
 */
export function insightsPayload(
  input: Omit<InsightsInput, 'applications' | 'summaries' | 'filters'>,
  today: string,
  parts: Pick<FindingsContext, 'funnel' | 'comparison' | 'rejections' | 'namedInView' | 'channelRows'> & {
    yields: ChannelYield[];
  },
): InsightsPayload {
  const { funnel, yields, comparison } = parts;
  const plan = input.plan ?? DEFAULT_PLAN;
  const suggestion = suggestReallocation(plan, yields, { ...input.reallocation, reader: input.reader });
  const thisWeek =
    input.hoursPerWeek !== undefined
      ? planVsActual(plan, input.hoursPerWeek, input.timeLogs ?? [], weekOf(today).weekStart)
      : null;
  const { yields: _yields, ...context } = parts;
  const findings = findingsFrom({
    ...context,
    feedbackThemes: input.feedbackThemes ?? [],
    postMortemRatings: input.postMortemRatings ?? [],
    reader: input.reader,
  });
  return { ...funnel, channels: { yields, suggestion, thisWeek }, findings, comparison };
}

/**
 * Plain-language findings, ranked by how much they matter, each with the numbers it rests on.
 * Small samples are labelled or skipped, never over-read.
 */
export function buildFindings(input: InsightsInput, today: string): Finding[] {
  return computeInsights(input, today).findings;
}

/** Which findings are new since last week and which no longer hold, by id. */
export function changedFindings(
  previous: readonly Finding[],
  current: readonly Finding[],
): { added: Finding[]; removed: Finding[] } {
  const before = new Set(previous.map((f) => f.id));
  const now = new Set(current.map((f) => f.id));
  return { added: current.filter((f) => !before.has(f.id)), removed: previous.filter((f) => !now.has(f.id)) };
}
