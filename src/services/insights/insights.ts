import {
  type InsightFilters,
  type InsightsInput,
  type InsightsPayload,
  insightsFromAggregates,
} from '../../core/insights/index.ts';
import type { ReferralYieldView, ResponseTimesView } from '../../core/referrals/schemas.ts';
import { listIdsInView } from '../../store/insights-aggregates-repository.ts';
import { listTimeLogs } from '../../store/time-log-repository.ts';
import { readerOf, type ServiceContext, today } from '../context.ts';
import { getReferralYield, getResponseTimes } from '../referrals/response-times.ts';
import { getSettings } from '../settings.ts';
import { loadAggregatesCached } from './aggregates.ts';
import { channelLogs, getChannelSettings } from './channels.ts';
import { withOneRevision } from './load.ts';
import { loadFeedbackThemes, loadPostMortemRatings } from './recovery-link.ts';

/** What referral paths and response times add to the insights payload (issue 16). */
export interface ReferralInsights {
  responseTimes: ResponseTimesView;
  referrals: ReferralYieldView;
}

/**
 * The whole insights payload for the workspace: the funnel from every application's history,
 * channel yields and next week's suggestion, findings (feedback themes and post-mortem ratings
 * included) and the last 30 days against before. The numbers are SQL aggregates over the stored
 * summaries (`loadAggregatesCached`, cached under the workspace's revision): no application is
 * read one by one except those feedback names and the first early rejections.
 */
export async function getInsights(
  ctx: ServiceContext,
  filters: InsightFilters = {},
): Promise<InsightsPayload & ReferralInsights> {
  // Everything is read side by side: the aggregates, response times and referral yields share
  // one cached statement (the first to ask runs it) and need none of the rest. The three reads of
  // it share one read of the workspace's revision, which says whether the cache holds.
  const one = withOneRevision(ctx);
  const [
    settings,
    channels,
    timeLogs,
    feedbackThemes,
    postMortemRatings,
    { aggregates, match },
    responseTimes,
    referrals,
  ] = await Promise.all([
    getSettings(ctx),
    getChannelSettings(ctx),
    listTimeLogs(ctx.db, ctx.workspaceId),
    loadFeedbackThemes(ctx),
    loadPostMortemRatings(ctx),
    loadAggregatesCached(one, filters),
    getResponseTimes(one, filters),
    getReferralYield(one, filters),
  ]);
  const rest: Omit<InsightsInput, 'applications' | 'summaries'> = {
    filters,
    feedbackThemes,
    postMortemRatings,
    timeLogs: channelLogs(timeLogs),
    plan: channels.plan,
    hoursPerWeek: channels.hoursPerWeek,
    ghostAfterDays: settings.ghostAfterDays,
    reader: readerOf(ctx),
  };
  const day = today(ctx);
  const named = [
    ...new Set([
      ...feedbackThemes.map((t) => t.applicationId),
      ...postMortemRatings.map((r) => r.applicationId),
    ]),
  ];
  const namedInView = await listIdsInView(ctx.db, ctx.workspaceId, filters, match, named);
  const { filters: _filters, ...input } = rest;
  // The channel finding reads the channels card's own figures, so the two cannot disagree.
  const payload = insightsFromAggregates(aggregates, input, day, namedInView, referrals.byChannel);
  return { ...payload, responseTimes, referrals };
}
