import type { ApplicationEvent, Channel } from '../applications/application.ts';
import { undoneEventIds } from '../applications/history.ts';
import { planChannelOf } from '../channels/plan.ts';
import { addDays } from '../dates.ts';
import { summarizeApplication } from '../insights/app-summary.ts';
import type { InsightApplication } from '../insights/types.ts';
import { personWords, type Reader, SELF } from '../reader.ts';
import { sentOn } from '../wellbeing/activity.ts';
import { STEP_CHANNELS, type StepChannel, type WeekStep } from './steps.ts';

/** What came back in a week for one channel. */
export interface ChannelResults {
  sent: number;
  replies: number;
  interviews: number;
}

/** One channel's line of the plan review: steps planned and done, minutes, and what came back. */
export interface PlanChannelRow extends ChannelResults {
  channel: StepChannel;
  planned: number;
  done: number;
  minutesPlanned: number;
  minutesDone: number;
}

export interface PlanReview {
  planned: number;
  done: number;
  /** Steps moved to another day at least once (whatever became of them). */
  moved: number;
  dropped: number;
  /** Still planned (the week is running, or they were neither done nor let go). */
  open: number;
  minutesPlanned: number;
  minutesDone: number;
  /** Only channels with a step or a result. */
  channels: PlanChannelRow[];
  /** One kind sentence about the week's plan; never a streak, never a score. */
  message: string;
}

/** Applications sent, first replies and interview rounds in the week, per plan channel ("other" for the rest). */
export function resultsByChannel(
  apps: readonly InsightApplication[],
  weekStart: string,
): Record<StepChannel, ChannelResults> {
  const weekEnd = addDays(weekStart, 6);
  const inWeek = (d: string | null | undefined) => d != null && d >= weekStart && d <= weekEnd;
  const out = Object.fromEntries(
    STEP_CHANNELS.map((c) => [c, { sent: 0, replies: 0, interviews: 0 }]),
  ) as Record<StepChannel, ChannelResults>;
  for (const a of apps) {
    const row = out[planChannelOf(a.channel as Channel) ?? 'other'];
    if (inWeek(a.appliedOn ?? sentOn(a.events))) row.sent++;
    if (inWeek(summarizeApplication(a).firstResponseOn)) row.replies++;
    const undone = a.events.some((e) => e.type === 'undo') ? undoneEventIds(a.events) : null;
    for (const e of a.events as ApplicationEvent[]) {
      if (!inWeek(e.occurredOn) || undone?.has(e.id)) continue;
      if (e.type === 'round_added') row.interviews++;
    }
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function messageFor(
  r: Omit<PlanReview, 'message' | 'channels'>,
  weekIsOver: boolean,
  reader: Reader,
): string {
  const w = personWords(reader);
  if (r.planned === 0)
    return 'No steps planned for this week. A few concrete ones (a day, a place, how long) can make the next week easier to start.';
  const parts = [`${r.done} of ${plural(r.planned, 'step')} done`];
  if (r.moved > 0) parts.push(`${r.moved} moved`);
  if (r.dropped > 0) parts.push(`${r.dropped} let go`);
  const tally = `${parts.join(', ')}.`;
  if (!weekIsOver) return `${tally} The week is still running.`;
  if (r.done === r.planned) return `${tally} ${w.Name} did what ${w.they} set out to do.`;
  if (r.done === 0)
    return `${tally} Weeks like this happen; next week's plan can be smaller, or at times that suit ${w.them} better.`;
  return `${tally} Plans change; the steps ${w.they} took still count.`;
}

/** The week's plan set against what was done and against what came back, channel by channel. */
export function reviewPlan(
  steps: readonly WeekStep[],
  results: Record<StepChannel, ChannelResults>,
  weekIsOver: boolean,
  /** Who reads the message: the seeker (the default), or a coach reading about them. */
  reader: Reader = SELF,
): PlanReview {
  const totals = {
    planned: steps.length,
    done: steps.filter((s) => s.status === 'done').length,
    moved: steps.filter((s) => s.movedFrom !== null).length,
    dropped: steps.filter((s) => s.status === 'dropped').length,
    open: steps.filter((s) => s.status === 'planned').length,
    minutesPlanned: steps.reduce((sum, s) => sum + s.minutes, 0),
    minutesDone: steps.filter((s) => s.status === 'done').reduce((sum, s) => sum + s.minutes, 0),
  };
  const channels: PlanChannelRow[] = [];
  for (const channel of STEP_CHANNELS) {
    const mine = steps.filter((s) => s.channel === channel);
    const done = mine.filter((s) => s.status === 'done');
    const res = results[channel];
    if (mine.length === 0 && res.sent + res.replies + res.interviews === 0) continue;
    channels.push({
      channel,
      planned: mine.length,
      done: done.length,
      minutesPlanned: mine.reduce((sum, s) => sum + s.minutes, 0),
      minutesDone: done.reduce((sum, s) => sum + s.minutes, 0),
      ...res,
    });
  }
  return { ...totals, channels, message: messageFor(totals, weekIsOver, reader) };
}
