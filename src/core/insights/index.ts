/** The insights API the services and faces call; everything here is pure. */
export {
  CountedValues,
  type CountRow,
  channelYieldsFromAggregates,
  EARLY_IDS,
  type InsightAggregates,
  insightsFromAggregates,
  type ReferredCounts,
  referralYieldFromAggregates,
  responseTimesFromAggregates,
  typicalReplyDaysFromCounts,
  type ValueMetric,
} from './aggregates.ts';
export { appSummaryFrom, type InsightRow, summarizeApplication } from './app-summary.ts';
export { type Comparison, compareRecent, comparisonSince, type PeriodRates } from './comparison.ts';
export {
  buildFindings,
  changedFindings,
  computeInsights,
  type InsightsInput,
  type InsightsPayload,
} from './compute.ts';
export { applyFilters } from './filters.ts';
export type { FeedbackTheme, Finding, PostMortemRating } from './findings.ts';
export {
  computeFunnel,
  FUNNEL_STAGES,
  type FunnelOptions,
  type FunnelResult,
  type FunnelStage,
  type FunnelStep,
  funnelFromSummaries,
  type StageGap,
} from './funnel.ts';
export type { AppSummary, InsightApplication, InsightFilters } from './types.ts';
export { renderWeeklyReview, type WeeklyReviewData } from './weekly-review.ts';
export { percent, SMALL_SAMPLE_N, type WilsonRate, wilson } from './wilson.ts';
