import {
  computeInsights,
  type InsightFilters,
  type InsightsInput,
  type InsightsPayload,
} from '../../core/insights/index.ts';
import type { ReferralYieldView, ResponseTimesView } from '../../core/referrals/schemas.ts';
import { listTimeLogs } from '../../store/time-log-repository.ts';
import { type ServiceContext, today } from '../context.ts';
import { getReferralYield, getResponseTimes } from '../referrals/response-times.ts';
import { getSettings } from '../settings.ts';
import { channelLogs, getChannelSettings } from './channels.ts';
import { insightsEntry, memoized } from './load.ts';
import { loadFeedbackThemes, loadPostMortemRatings } from './recovery-link.ts';

/** What referral paths and response times add to the insights payload (issue 16). */
export interface ReferralInsights {
  responseTimes: ResponseTimesView;
  referrals: ReferralYieldView;
}

/**
 * The whole insights payload for the workspace: the funnel from every application's history,
 * channel yields and next week's suggestion, findings (feedback themes and post-mortem ratings
 * included) and the last 30 days against before. Histories come from the revision cache, and the
 * result is memoised under the revision and a fingerprint of every other input.
 */
export async function getInsights(
  ctx: ServiceContext,
  filters: InsightFilters = {},
): Promise<InsightsPayload & ReferralInsights> {
  // Response times and referral yields need none of the rest: read beside it, not after it.
  // One read of the revision for the three cached computations, beside everything else.
  const read = insightsEntry(ctx);
  const [settings, channels, timeLogs, feedbackThemes, postMortemRatings, responseTimes, referrals] =
    await Promise.all([
      getSettings(ctx),
      getChannelSettings(ctx),
      listTimeLogs(ctx.db, ctx.workspaceId),
      loadFeedbackThemes(ctx),
      loadPostMortemRatings(ctx),
      getResponseTimes(ctx, filters, read),
      getReferralYield(ctx, filters, read),
      read,
    ]);
  const rest: Omit<InsightsInput, 'applications' | 'summaries'> = {
    filters,
    feedbackThemes,
    postMortemRatings,
    timeLogs: channelLogs(timeLogs),
    plan: channels.plan,
    hoursPerWeek: channels.hoursPerWeek,
    ghostAfterDays: settings.ghostAfterDays,
  };
  const day = today(ctx);
  const payload = await memoized(
    ctx,
    `insights|${day}|${JSON.stringify(rest)}`,
    (summaries) => computeInsights({ applications: [], summaries, ...rest }, day),
    read,
  );
  return { ...payload, responseTimes, referrals };
}
