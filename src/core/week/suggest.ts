import { type ChannelPlan, PLAN_CHANNELS, type PlanChannel, planHours } from '../channels/plan.ts';
import { addDays } from '../dates.ts';
import type { StepChannel, WeekStep } from './steps.ts';

/** A step Rebound proposes; nothing is planned until the person adds it. */
export interface StepDraft {
  day: string;
  time: string | null;
  where: string;
  what: string;
  minutes: number;
  channel: StepChannel;
  /** Why it is suggested, in a few words. */
  why: string;
}

/** Something already waiting to be followed up (a feedback chase, a keep-in-touch note). */
export interface OpenFollowUp {
  title: string;
  /** YYYY-MM-DD */
  dueOn: string;
}

export interface SuggestInput {
  weekStart: string;
  /** Today, so that no step is suggested for a day already gone. */
  today: string;
  lastWeek: readonly WeekStep[];
  /** Steps already planned for the week (suggestions do not repeat them). */
  planned: readonly WeekStep[];
  plan: ChannelPlan;
  hoursPerWeek: number;
  followUps: readonly OpenFollowUp[];
}

export const MAX_SUGGESTIONS = 6;

const CHANNEL_STEP: Record<PlanChannel, string> = {
  job_board: '2 tailored applications',
  networking: 'reach out to 2 people I know',
  direct_outreach: 'write to 1 company I would like to work for',
  recruiter: 'answer or contact 1 recruiter',
};

/** Start times for suggested steps, so two on one day do not overlap. */
const TIMES = ['09:00', '11:00', '14:00', '16:00'];

const round15 = (m: number) => Math.max(15, Math.round(m / 15) * 15);

/**
 * A few concrete steps for the week: last week's steps that were kept (same slot, a week on),
 * then time for the channels the plan gives hours to and the steps do not cover yet, then one
 * step for follow-ups already waiting. Days already gone are skipped; weekdays are filled evenly.
 */
export function suggestSteps(input: SuggestInput): StepDraft[] {
  const weekEnd = addDays(input.weekStart, 6);
  const first = input.today > input.weekStart ? input.today : input.weekStart;
  if (first > weekEnd) return [];
  const out: StepDraft[] = [];
  const taken = [...input.planned];
  const sameAs = (d: { day: string; what: string }) =>
    taken.some((s) => s.day === d.day && s.what.toLowerCase() === d.what.toLowerCase()) ||
    out.some((s) => s.day === d.day && s.what.toLowerCase() === d.what.toLowerCase());
  const perDay = (day: string) =>
    taken.filter((s) => s.day === day).length + out.filter((s) => s.day === day).length;
  const quietestWeekday = () => {
    let best: string | null = null;
    for (let i = 0; i < 5; i++) {
      const day = addDays(input.weekStart, i);
      if (day < first) continue;
      if (best === null || perDay(day) < perDay(best)) best = day;
    }
    return best ?? first;
  };

  /** The first start time whose hour no step of that day already uses. */
  const freeTime = (day: string) => {
    const hours = new Set(
      [...taken, ...out].filter((s) => s.day === day && s.time).map((s) => s.time!.slice(0, 2)),
    );
    return TIMES.find((t) => !hours.has(t.slice(0, 2))) ?? TIMES[perDay(day) % TIMES.length]!;
  };

  for (const step of input.lastWeek) {
    if (step.status === 'dropped') continue;
    const day = addDays(step.day, 7);
    if (day < first || day > weekEnd) continue;
    const draft = {
      day,
      time: step.time,
      where: step.where,
      what: step.what,
      minutes: step.minutes,
      channel: step.channel,
      why: step.status === 'done' ? 'Done last week: the same slot again?' : 'Still open from last week',
    };
    if (!sameAs(draft)) out.push(draft);
  }

  const hours = planHours(input.plan, input.hoursPerWeek);
  const minutesFor = (channel: StepChannel) =>
    [...taken.filter((s) => s.status !== 'dropped'), ...out]
      .filter((s) => s.channel === channel)
      .reduce((sum, s) => sum + s.minutes, 0);
  const byShare = [...PLAN_CHANNELS].sort((a, b) => hours[b] - hours[a]);
  for (const channel of byShare) {
    const missing = hours[channel] * 60 - minutesFor(channel);
    if (missing < 30) continue;
    const day = quietestWeekday();
    const draft = {
      day,
      time: freeTime(day),
      where: 'at my desk',
      what: CHANNEL_STEP[channel],
      minutes: Math.min(90, round15(missing)),
      channel,
      why: `Your plan gives ${channel.replace('_', ' ')} ${hours[channel]} h a week`,
    };
    if (!sameAs(draft)) out.push(draft);
  }

  const due = input.followUps
    .filter((f) => f.dueOn <= weekEnd)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  if (due.length > 0) {
    const day = due[0]!.dueOn < first ? first : due[0]!.dueOn;
    const names = due.slice(0, 2).map((f) => f.title);
    const more = due.length > 2 ? ` and ${due.length - 2} more` : '';
    const draft = {
      day,
      time: '10:00',
      where: 'at my desk',
      what: `follow-ups: ${names.join('; ')}${more}`,
      minutes: Math.min(60, 15 * due.length),
      channel: 'other' as const,
      why: `${due.length} follow-up${due.length === 1 ? '' : 's'} waiting`,
    };
    if (!sameAs(draft)) out.push(draft);
  }
  return out
    .slice(0, MAX_SUGGESTIONS)
    .sort((a, b) => (a.day + (a.time ?? '')).localeCompare(b.day + (b.time ?? '')));
}
