import { applyFilters } from '../../core/insights/filters.ts';
import { noticeCheck, responseTimes } from '../../core/insights/response-times.ts';
import type { InsightFilters } from '../../core/insights/types.ts';
import { askYield, yieldByChannel } from '../../core/referrals/asks.ts';
import type { ReferralYieldView, ResponseTimesView } from '../../core/referrals/schemas.ts';
import * as repo from '../../store/referrals-repository.ts';
import { type ServiceContext, today } from '../context.ts';
import { type InsightsEntry, insightsEntry, memoized } from '../insights/load.ts';
import { getSettings } from '../settings.ts';

/** "Most replies you got came within N days" from the whole history; null with too few replies. */
export async function typicalReplyDays(ctx: ServiceContext): Promise<number | null> {
  return memoized(ctx, 'typicalReplyDays', (summaries) => responseTimes(summaries).typicalReplyDays);
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
  read?: Promise<InsightsEntry>,
): Promise<ResponseTimesView> {
  const [times, settings] = await Promise.all([
    memoized(
      ctx,
      `responseTimes|${JSON.stringify(filters)}`,
      (summaries) => responseTimes(applyFilters(summaries, filters)),
      read,
    ),
    getSettings(ctx),
  ]);
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
  read: Promise<InsightsEntry> = insightsEntry(ctx),
): Promise<ReferralYieldView> {
  // The revision is read beside the asks (it does not depend on them).
  const [asks] = await Promise.all([repo.listReferralAsks(ctx.db, ctx.workspaceId), read]);
  const referred = new Set(asks.filter((a) => a.status === 'referred').map((a) => a.applicationId));
  const byChannel = await memoized(
    ctx,
    `yieldByChannel|${JSON.stringify(filters)}|${[...referred].sort().join(',')}`,
    (summaries) =>
      yieldByChannel(
        applyFilters(summaries, filters).map((a) => ({
          id: a.id,
          channel: a.channel,
          furthest: a.furthest,
          responded: a.firstResponseOn !== null,
        })),
        referred,
      ),
    read,
  );
  return { byChannel, asks: askYield(asks) };
}
