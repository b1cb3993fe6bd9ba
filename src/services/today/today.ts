import { DEFAULT_GHOST_AFTER_DAYS } from '../../core/applications/ghosting.ts';
import { addDays, daysBetween } from '../../core/dates.ts';
import { quietLine } from '../../core/insights/response-times.ts';
import {
  buildToday,
  FIRST_SCREEN_ITEMS,
  firstScreen,
  type TodayCounts,
  type TodayEntry,
  type TodayGroup,
  type TodayView,
  UPCOMING_DAYS,
} from '../../core/today/build-today.ts';
import { type DueItem, interviewDueItem } from '../../core/today/due-item.ts';
import * as schedule from '../../store/schedule-repository.ts';
import { listStepsOn, type StoredStep } from '../../store/week-repository.ts';
import { readSettings } from '../../store/workspace-repository.ts';
import { type ServiceContext, today } from '../context.ts';
import { memoizedAsync, withOneRevision } from '../insights/load.ts';
import { typicalReplyDays } from '../referrals/response-times.ts';

/** A due item with the record that completes it (absent for interviews and quiet applications). */
export type TodayItem = DueItem & { refId?: string };

/**
 * Quiet applications on Today: the most silent few, and how many there are in all. Nobody can
 * act on thousands of "this one has gone quiet" prompts at once; the rest are one page away.
 */
export interface QuietSummary {
  /** How many are listed in the view. */
  shown: number;
  /** How many open applications have gone quiet. */
  total: number;
}

export const QUIET_SHOWN = 20;

// Read a little past the seven-day horizon: a day item and an instant compare as text, and the
// user's zone may be ahead of UTC; buildToday sorts the edge precisely.
const READ_AHEAD_DAYS = UPCOMING_DAYS + 2;

async function scheduledItems(ctx: ServiceContext, from: string, before: string): Promise<TodayItem[]> {
  const [scheduled, rounds] = await Promise.all([
    schedule.listScheduledBefore(ctx.db, ctx.workspaceId, before),
    schedule.listRoundsBetween(ctx.db, ctx.workspaceId, from, before),
  ]);
  return withRounds(scheduled, rounds, ctx.timeZone);
}

/** The scheduled items, then the interviews as due items (a round without a date is left out). */
function withRounds(
  scheduled: TodayItem[],
  rounds: schedule.ScheduledRound[],
  timeZone: string,
): TodayItem[] {
  const items: TodayItem[] = scheduled;
  for (const round of rounds) {
    const item = interviewDueItem(round, round, timeZone);
    if (item) items.push(item);
  }
  return items;
}

/** The quiet-after threshold alone (getSettings would also resolve the default time zone, an Intl call). */
async function ghostAfterDays(ctx: ServiceContext): Promise<number> {
  // A hosted request read its settings already.
  if (ctx.settings?.workspaceId === ctx.workspaceId) return ctx.settings.value.ghostAfterDays;
  const stored = await readSettings(ctx.db, ctx.workspaceId);
  return typeof stored.ghostAfterDays === 'number' ? stored.ghostAfterDays : DEFAULT_GHOST_AFTER_DAYS;
}

function quietItem(
  a: schedule.QuietApplication,
  ghostAfterDays: number,
  day: string,
  typical: number | null,
): TodayItem {
  // The user's own history says what a long silence is: "most replies came within N days".
  const history = quietLine(daysBetween(a.silentSince, day), typical)?.text;
  return {
    id: `likely_ghosted:${a.id}`,
    kind: 'likely_ghosted',
    title: `${a.company} has been quiet for a while (${a.role})`,
    detail: `${typical !== null && history ? `${history} ` : ''}Close it as "no reply" to clear your board, or note a reply if one came.`,
    dueAt: addDays(a.silentSince, ghostAfterDays),
    applicationId: a.id,
    nudge: true,
  };
}

/**
 * One page of quiet applications as Today items, the most silent first, with the total: the
 * "see all" behind Today's short list.
 */
export async function listQuietItems(
  ctx: ServiceContext,
  page: { limit: number; offset?: number },
): Promise<{ items: TodayItem[]; total: number }> {
  const afterDays = await ghostAfterDays(ctx);
  const day = today(ctx);
  const silentSince = addDays(day, -afterDays);
  // Both cached under the workspace's revision: one read of it serves the two.
  const one = withOneRevision(ctx);
  const [quiet, typical] = await Promise.all([
    // Quiet applications read only the applications, so the workspace's revision tells when to read again.
    memoizedAsync(one, `quiet|${silentSince}|${page.limit}|${page.offset ?? 0}`, () =>
      schedule.listQuietApplications(ctx.db, ctx.workspaceId, silentSince, page),
    ),
    typicalReplyDays(one),
  ]);
  return {
    items: quiet.applications.map((a) => quietItem(a, afterDays, day, typical)),
    total: quiet.total,
  };
}

/**
 * What wants attention now: overdue, today, the next seven days, and what is held back while a
 * pause runs. Built from the scheduled items, interviews and the most silent quiet applications;
 * the weekly plan's steps for today come beside them.
 */
export async function getToday(
  ctx: ServiceContext,
): Promise<TodayView & { items: TodayItem[]; quiet: QuietSummary; steps: StoredStep[] }> {
  const day = today(ctx);
  const before = addDays(day, READ_AHEAD_DAYS);
  // The items due before the horizon and the count of those after it come in one statement.
  const [{ items: scheduled, later }, rounds, quiet, steps] = await Promise.all([
    schedule.listScheduledSplit(ctx.db, ctx.workspaceId, before),
    schedule.listRoundsBetween(ctx.db, ctx.workspaceId, addDays(day, -1), before),
    listQuietItems(ctx, { limit: QUIET_SHOWN }),
    listStepsOn(ctx.db, ctx.workspaceId, day),
  ]);
  const items = withRounds(scheduled, rounds, ctx.timeZone);
  items.push(...quiet.items);
  const view = buildToday(items, ctx.clock.now(), ctx.timeZone);
  return {
    ...view,
    laterCount: view.laterCount + later,
    items,
    quiet: { shown: quiet.items.length, total: quiet.total },
    steps,
  };
}

type FullToday = Awaited<ReturnType<typeof getToday>>;

/**
 * Today's first screen: every list cut to its first `first` items, with how many each holds
 * (the same as `firstScreen(getToday(ctx))`), reading interviews only for the days the screen
 * shows. Interviews are counted by day in the database; rows are read for today and for the
 * first upcoming days until they alone fill the list (a later day cannot come before them).
 * Rounds set at an instant rather than a day fall on a day that depends on the time zone: with
 * any of those in reach, the whole view is built as before.
 */
export async function getTodayFirstScreen(
  ctx: ServiceContext,
  first = FIRST_SCREEN_ITEMS,
): Promise<Omit<FullToday, 'items'> & { counts: TodayCounts }> {
  const day = today(ctx);
  const from = addDays(day, -1);
  const before = addDays(day, READ_AHEAD_DAYS);
  const horizon = addDays(day, UPCOMING_DAYS);
  const byDay = await schedule.countRoundsByDay(ctx.db, ctx.workspaceId, from, before);
  if (byDay.some((d) => d.day === null)) {
    const { items: _items, ...full } = firstScreen(await getToday(ctx), first);
    return full;
  }
  const days: string[] = [];
  let upcomingRead = 0;
  let upcomingLeft = 0;
  let laterRounds = 0;
  for (const { day: d, n } of [...byDay].sort((x, y) => (x.day! < y.day! ? -1 : 1))) {
    // Past interviews are not listed; today's are all read (the list sorts them by title).
    if (d! < day) continue;
    if (d === day) days.push(d);
    else if (d! > horizon) laterRounds += n;
    else if (upcomingRead < first) {
      days.push(d!);
      upcomingRead += n;
    } else upcomingLeft += n;
  }
  const [{ items: scheduled, later }, rounds, quiet, steps] = await Promise.all([
    schedule.listScheduledSplit(ctx.db, ctx.workspaceId, before),
    schedule.listRoundsBetween(ctx.db, ctx.workspaceId, from, before, days),
    listQuietItems(ctx, { limit: QUIET_SHOWN }),
    listStepsOn(ctx.db, ctx.workspaceId, day),
  ]);
  const items = withRounds(scheduled, rounds, ctx.timeZone);
  items.push(...quiet.items);
  const view = buildToday(items, ctx.clock.now(), ctx.timeZone);
  const screen = firstScreen(
    {
      ...view,
      laterCount: view.laterCount + later + laterRounds,
      quiet: { shown: quiet.items.length, total: quiet.total },
      steps,
    },
    first,
  );
  return { ...screen, counts: { ...screen.counts, upcoming: screen.counts.upcoming + upcomingLeft } };
}

/** One page of one Today list (the "show more" behind the first screen), with its total. */
export async function getTodayGroup(
  ctx: ServiceContext,
  group: TodayGroup,
  page: { limit: number; offset: number },
): Promise<{ group: TodayGroup; items: TodayEntry[]; total: number }> {
  const view = await getToday(ctx);
  const list = view[group];
  return { group, items: list.slice(page.offset, page.offset + page.limit), total: list.length };
}

/** The scheduled work and upcoming interviews as an iCalendar feed. */
export async function calendarIcs(ctx: ServiceContext): Promise<string> {
  const items = await scheduledItems(ctx, today(ctx), '9999-12-31');
  // ical-generator, dayjs and the time-zone table load on the first feed, not when the server starts.
  const { buildIcs } = await import('../../io/ical.ts');
  return buildIcs(items, { timeZone: ctx.timeZone, name: 'Rebound', now: ctx.clock.now() });
}
