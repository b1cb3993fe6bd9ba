import {
  referralYieldFromAggregates,
  responseTimesFromAggregates,
  typicalReplyDaysFromCounts,
} from '../../core/insights/index.ts';
import { noticeCheck } from '../../core/insights/response-times.ts';
import type { InsightFilters } from '../../core/insights/types.ts';
import { askYield } from '../../core/referrals/asks.ts';
import type { ReferralYieldView, ResponseTimesView } from '../../core/referrals/schemas.ts';
import { countFirstResponseDays, countInView } from '../../store/insights-aggregates-repository.ts';
import * as repo from '../../store/referrals-repository.ts';
import { readerOf, type ServiceContext, today } from '../context.ts';
import { loadAggregatesCached } from '../insights/aggregates.ts';
import { memoizedAsync } from '../insights/load.ts';
import { getSettings } from '../settings.ts';

/**
 * "Most replies you got came within N days" from the whole history; null with too few replies.
 * Today asks for it alone, so it reads only the days to a first answer (cached under the
 * workspace's revision), not the whole insights statement.
 */
export async function typicalReplyDays(ctx: ServiceContext): Promise<number | null> {
  return memoizedAsync(ctx, 'typical-reply-days', async () =>
    typicalReplyDaysFromCounts(await countFirstResponseDays(ctx.db, ctx.workspaceId)),
  );
}

const WAITING = new Set(['applied', 'screening', 'interviewing']);

/** Open applications past the user's notice rule after an interview, the longest silence first. */
export async function applicationsPastNotice(
  ctx: ServiceContext,
  noticeDays: number,
): Promise<ResponseTimesView['pastNotice']> {
  const [open, days] = await Promise.all([
    repo.listOpenApplications(ctx.db, ctx.workspaceId),
    repo.listInterviewDays(ctx.db, ctx.workspaceId),
  ]);
  const apps = open.filter((a) => WAITING.has(a.stage));
  const day = today(ctx);
  const past: ResponseTimesView['pastNotice'] = [];
  for (const a of apps) {
    const check = noticeCheck({
      waiting: true,
      interviewDays: days.get(a.id) ?? [],
      lastResponseOn: a.lastResponseOn,
      today: day,
      noticeDays,
    });
    if (check?.pastNotice)
      past.push({
        applicationId: a.id,
        company: a.company,
        role: a.role,
        interviewOn: check.interviewOn,
        silentDays: check.silentDays,
      });
  }
  return past.sort((x, y) => y.silentDays - x.silentDays || x.applicationId.localeCompare(y.applicationId));
}

/** Employer response times from the user's history (narrowed by the insights filters), with the notice rule. */
export async function getResponseTimes(
  ctx: ServiceContext,
  filters: InsightFilters = {},
): Promise<ResponseTimesView> {
  const [{ aggregates }, settings] = await Promise.all([
    loadAggregatesCached(ctx, filters),
    getSettings(ctx),
  ]);
  const times = responseTimesFromAggregates(aggregates, readerOf(ctx));
  const noticeDays = settings.noticeDays;
  return {
    ...times,
    noticeDays,
    pastNotice: noticeDays === null ? [] : await applicationsPastNotice(ctx, noticeDays),
  };
}

/** Yield by channel with referral on its own line (referred applications counted there), and what the asks returned. */
export async function getReferralYield(
  ctx: ServiceContext,
  filters: InsightFilters = {},
): Promise<ReferralYieldView> {
  // The aggregates are read beside the asks (they do not depend on them).
  const [asks, { aggregates, match }] = await Promise.all([
    repo.listReferralAsks(ctx.db, ctx.workspaceId),
    loadAggregatesCached(ctx, filters),
  ]);
  const referred = new Set(asks.filter((a) => a.status === 'referred').map((a) => a.applicationId));
  const byChannel = referralYieldFromAggregates(
    aggregates,
    await countInView(ctx.db, ctx.workspaceId, filters, match, [...referred]),
  );
  return { byChannel, asks: askYield(asks) };
}
