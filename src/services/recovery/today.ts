import type { InterviewRound } from '../../core/applications/application.ts';
import { isLikelyGhosted } from '../../core/applications/ghosting.ts';
import { addDays } from '../../core/dates.ts';
import { buildToday, type TodayView, UPCOMING_DAYS } from '../../core/today/build-today.ts';
import { type DueItem, interviewDueItem } from '../../core/today/due-item.ts';
import { buildIcs } from '../../io/ical.ts';
import * as schedule from '../../store/schedule-repository.ts';
import { type ServiceContext, today } from '../context.ts';
import { getSettings } from '../settings.ts';

/** A due item with the record that completes it (absent for interviews and quiet applications). */
export type TodayItem = DueItem & { refId?: string };

// Read a little past the seven-day horizon: a day item and an instant compare as text, and the
// user's zone may be ahead of UTC; buildToday sorts the edge precisely.
const READ_AHEAD_DAYS = UPCOMING_DAYS + 2;

async function dueItems(ctx: ServiceContext, from: string, before: string): Promise<TodayItem[]> {
  const settings = await getSettings(ctx);
  const day = today(ctx);
  const silentSince = addDays(day, -settings.ghostAfterDays);
  const [scheduled, rounds, quiet] = await Promise.all([
    schedule.listScheduledBefore(ctx.db, ctx.workspaceId, before),
    schedule.listRoundsBetween(ctx.db, ctx.workspaceId, from, before),
    schedule.listQuietApplications(ctx.db, ctx.workspaceId, silentSince),
  ]);
  const items: TodayItem[] = scheduled;
  for (const r of rounds) {
    const item = interviewDueItem({ ...r, kind: r.kind as InterviewRound['kind'] }, r);
    if (item) items.push(item);
  }
  for (const a of quiet) {
    const app = { ...a, outcome: null, stage: a.stage as 'applied' };
    if (!isLikelyGhosted(app, day, settings.ghostAfterDays)) continue;
    const since =
      a.lastResponseOn && (!a.appliedOn || a.lastResponseOn > a.appliedOn)
        ? a.lastResponseOn
        : (a.appliedOn ?? day);
    items.push({
      id: `likely_ghosted:${a.id}`,
      kind: 'likely_ghosted',
      title: `${a.company} has been quiet for a while (${a.role})`,
      detail: 'Close it as "no reply" to clear your board, or note a reply if one came.',
      dueAt: addDays(since, settings.ghostAfterDays),
      applicationId: a.id,
      nudge: true,
    });
  }
  return items;
}

/**
 * What wants attention now: overdue, today, the next seven days, and what is held back while a
 * pause runs. Built from the scheduled items, interviews and quiet applications.
 */
export async function getToday(ctx: ServiceContext): Promise<TodayView & { items: TodayItem[] }> {
  const day = today(ctx);
  const before = addDays(day, READ_AHEAD_DAYS);
  const [items, later] = await Promise.all([
    dueItems(ctx, addDays(day, -1), before),
    schedule.countScheduledFrom(ctx.db, ctx.workspaceId, before),
  ]);
  const view = buildToday(items, ctx.clock.now(), ctx.timeZone);
  return { ...view, laterCount: view.laterCount + later, items };
}

/** The scheduled work and upcoming interviews as an iCalendar feed. */
export async function calendarIcs(ctx: ServiceContext): Promise<string> {
  const day = today(ctx);
  const items = (await dueItems(ctx, day, '9999-12-31')).filter((i) => i.kind !== 'likely_ghosted');
  return buildIcs(items, { timeZone: ctx.timeZone, name: 'Rebound', now: ctx.clock.now() });
}
