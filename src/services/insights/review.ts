import { type ApplicationEvent, stageIndex } from '../../core/applications/application.ts';
import { undoneEventIds } from '../../core/applications/history.ts';
import { suggestReallocation } from '../../core/channels/reallocation.ts';
import { addDays } from '../../core/dates.ts';
import {
  changedFindings,
  computeInsights,
  renderWeeklyReview,
  summarizeApplication,
  type WeeklyReviewData,
} from '../../core/insights/index.ts';
import { sentOn } from '../../core/wellbeing/activity.ts';
import { goalProgress, goalsOfWeek } from '../../core/wellbeing/goals.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import type { LoadedApplication } from '../../store/insights-repository.ts';
import { listReferralAsks } from '../../store/referrals-repository.ts';
import { listTimeLogs } from '../../store/time-log-repository.ts';
import { readerOf, type ServiceContext, today } from '../context.ts';
import { getSettings } from '../settings.ts';
import { planReviewFor } from '../week/plan.ts';
import { channelLogs, getChannelSettings, yieldsFrom } from './channels.ts';
import { loadGoalData } from './goals.ts';
import { loadApplicationsCached } from './load.ts';
import { loadFeedbackThemes, loadPostMortemRatings } from './recovery-link.ts';
import { computeLoad } from './wellbeing.ts';
import { listWins } from './wins.ts';

const OFFER = stageIndex('offer');

/** The applications as they stood at the end of `day`: later events are left out. */
export function asOf(apps: readonly LoadedApplication[], day: string): LoadedApplication[] {
  const out: LoadedApplication[] = [];
  for (const a of apps) {
    const events = a.events.filter((e) => e.occurredOn <= day);
    if (events.length > 0) out.push({ ...a, events });
  }
  return out;
}

/** What happened in the week, counted from the histories. */
export function weekOutcomes(
  apps: readonly LoadedApplication[],
  weekStart: string,
): WeeklyReviewData['outcomes'] {
  const weekEnd = addDays(weekStart, 6);
  const inWeek = (d: string | null | undefined) => d != null && d >= weekStart && d <= weekEnd;
  const o = { applicationsSent: 0, replies: 0, interviews: 0, rejections: 0, offers: 0 };
  for (const a of apps) {
    if (inWeek(a.appliedOn ?? sentOn(a.events))) o.applicationsSent++;
    if (inWeek(summarizeApplication(a).firstResponseOn)) o.replies++;
    const undone = a.events.some((e) => e.type === 'undo') ? undoneEventIds(a.events) : null;
    for (const e of a.events as ApplicationEvent[]) {
      if (!inWeek(e.occurredOn) || undone?.has(e.id)) continue;
      if (e.type === 'round_added') o.interviews++;
      if (e.type === 'outcome_set' && e.data.outcome === 'rejected') o.rejections++;
      if (e.type === 'stage_changed' && stageIndex(e.data.to) >= OFFER && stageIndex(e.data.from) < OFFER)
        o.offers++;
    }
  }
  return o;
}

export interface WeeklyReview {
  data: WeeklyReviewData;
  markdown: string;
}

/**
 * The weekly review for the week containing `week` (default: this week): actions against goals,
 * what came back, wins, findings that changed since the week before, and next week's plan.
 */
export async function getWeeklyReview(ctx: ServiceContext, week?: string): Promise<WeeklyReview> {
  const now = today(ctx);
  const { weekStart, weekEnd } = weekOf(week ?? now);
  const until = weekEnd < now ? weekEnd : now;
  const previousEnd = addDays(weekStart, -1);
  const reader = readerOf(ctx);
  const [apps, settings, channels, logs, themes, ratings, goalData, wins, load, plan, asks] =
    await Promise.all([
      loadApplicationsCached(ctx),
      getSettings(ctx),
      getChannelSettings(ctx),
      listTimeLogs(ctx.db, ctx.workspaceId),
      loadFeedbackThemes(ctx),
      loadPostMortemRatings(ctx),
      loadGoalData(ctx),
      listWins(ctx, { from: weekStart, to: weekEnd }),
      reader.kind === 'self' ? computeLoad(ctx, until) : undefined,
      planReviewFor(ctx, weekStart),
      listReferralAsks(ctx.db, ctx.workspaceId),
    ]);
  const counted = channelLogs(logs);
  const findingsAt = (day: string) =>
    computeInsights(
      {
        applications: asOf(apps, day),
        feedbackThemes: themes,
        postMortemRatings: ratings,
        timeLogs: counted.filter((l) => l.loggedOn <= day),
        ghostAfterDays: settings.ghostAfterDays,
        // Referred applications on the referral line, as the insights page counts them.
        referredIds: asks
          .filter((a) => a.status === 'referred' && a.statusOn <= day)
          .map((a) => a.applicationId),
        reader,
      },
      day,
    ).findings;
  const current = asOf(apps, until);
  const yields = yieldsFrom(
    current.map(summarizeApplication),
    counted.filter((l) => l.loggedOn <= until),
  );
  const suggestion = suggestReallocation(channels.plan, yields, { reader });
  const data: WeeklyReviewData = {
    weekStart,
    goals: goalProgress(goalsOfWeek(goalData.goals, weekStart), goalData.activity, weekStart, now, reader),
    outcomes: weekOutcomes(current, weekStart),
    wins,
    insights: changedFindings(findingsAt(previousEnd), findingsAt(until)),
    nextWeek: { plan: suggestion.plan, hoursPerWeek: channels.hoursPerWeek, moves: suggestion.moves },
    // The load signal is read from the moods: for the seeker alone, never for a coach.
    ...(load ? { load } : {}),
    plan,
  };
  return { data, markdown: renderWeeklyReview(data, reader) };
}
