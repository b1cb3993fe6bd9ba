import type { Channel } from '../applications/application.ts';
import { addDays } from '../dates.ts';
import { ReboundError } from '../errors.ts';

/** The four ways of spending search time that a weekly plan divides hours between. */
export const PLAN_CHANNELS = ['job_board', 'networking', 'direct_outreach', 'recruiter'] as const;
export type PlanChannel = (typeof PLAN_CHANNELS)[number];

/** Whole-number percentages per plan channel, summing to exactly 100. */
export type ChannelPlan = Record<PlanChannel, number>;

export const DEFAULT_PLAN: Readonly<ChannelPlan> = Object.freeze({
  job_board: 40,
  networking: 30,
  direct_outreach: 20,
  recruiter: 10,
});

/**
 * Where an application's channel counts in the plan. A referral is the fruit of networking, so it
 * counts there; "other" fits no plan channel and is left out of per-channel yields (it still
 * counts everywhere else).
 */
export function planChannelOf(channel: Channel | PlanChannel): PlanChannel | null {
  if (channel === 'referral') return 'networking';
  if (channel === 'other') return null;
  return channel;
}

/** Checks a plan: every plan channel present, whole numbers 0..100, summing to 100. Throws `invalid_input` naming the field. */
export function validatePlan(plan: Record<string, unknown>): ChannelPlan {
  const out = {} as ChannelPlan;
  for (const key of Object.keys(plan)) {
    if (!(PLAN_CHANNELS as readonly string[]).includes(key)) {
      throw new ReboundError(
        'invalid_input',
        `${key}: not a plan channel (use ${PLAN_CHANNELS.join(', ')})`,
        [{ path: key, message: 'unknown channel' }],
      );
    }
  }
  for (const ch of PLAN_CHANNELS) {
    const v = plan[ch];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) {
      throw new ReboundError('invalid_input', `${ch}: must be a whole number from 0 to 100`, [
        { path: ch, message: 'whole number 0..100' },
      ]);
    }
    out[ch] = v;
  }
  const sum = PLAN_CHANNELS.reduce((s, ch) => s + out[ch], 0);
  if (sum !== 100) {
    throw new ReboundError('invalid_input', `plan: the shares add up to ${sum}, they need to add up to 100`, [
      { path: 'plan', message: `sums to ${sum}` },
    ]);
  }
  return out;
}

/** Hours per channel for a week of `hoursPerWeek`, rounded to a quarter hour. */
export function planHours(plan: ChannelPlan, hoursPerWeek: number): Record<PlanChannel, number> {
  const out = {} as Record<PlanChannel, number>;
  for (const ch of PLAN_CHANNELS) out[ch] = Math.round(((plan[ch] * hoursPerWeek) / 100) * 4) / 4;
  return out;
}

export interface TimeLog {
  channel: Channel | PlanChannel;
  minutes: number;
  /** YYYY-MM-DD */
  loggedOn: string;
}

export interface PlanVsActualRow {
  channel: PlanChannel;
  plannedHours: number;
  actualHours: number;
  /** actual − planned, in hours (negative: less time than planned). */
  differenceHours: number;
}

/**
 * Planned hours next to the hours logged in the week starting `weekStart` (7 days). Logs on
 * "other" are reported apart, not forced into a channel.
 */
export function planVsActual(
  plan: ChannelPlan,
  hoursPerWeek: number,
  timeLogs: readonly TimeLog[],
  weekStart: string,
): { weekStart: string; rows: PlanVsActualRow[]; otherHours: number; totalActualHours: number } {
  const weekEnd = addDays(weekStart, 6);
  const minutes: Record<PlanChannel, number> = {
    job_board: 0,
    networking: 0,
    direct_outreach: 0,
    recruiter: 0,
  };
  let other = 0;
  for (const log of timeLogs) {
    if (log.loggedOn < weekStart || log.loggedOn > weekEnd) continue;
    const ch = planChannelOf(log.channel);
    if (ch === null) other += log.minutes;
    else minutes[ch] += log.minutes;
  }
  const planned = planHours(plan, hoursPerWeek);
  const round2 = (h: number) => Math.round(h * 100) / 100;
  const rows = PLAN_CHANNELS.map((ch) => {
    const actualHours = round2(minutes[ch] / 60);
    return {
      channel: ch,
      plannedHours: planned[ch],
      actualHours,
      differenceHours: round2(actualHours - planned[ch]),
    };
  });
  const total = round2(rows.reduce((s, r) => s + r.actualHours, 0) + other / 60);
  return { weekStart, rows, otherHours: round2(other / 60), totalActualHours: total };
}
