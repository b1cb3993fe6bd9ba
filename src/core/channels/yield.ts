import { type Channel, STAGES, type Stage, stageIndex } from '../applications/application.ts';
import { type WilsonRate, wilson } from '../insights/wilson.ts';
import { PLAN_CHANNELS, type PlanChannel, planChannelOf, type TimeLog } from './plan.ts';

/** What channel yield needs of one application; an `Application` maps to it directly. */
export interface YieldApplication {
  channel: Channel;
  furthestStage: Stage;
  /** True once the employer answered at all (a move past applied, a round, a reply, a no). */
  responded: boolean;
  /** How many applications this row stands for (the insight aggregates count alike ones once). */
  n?: number;
}

export interface ChannelYield {
  channel: PlanChannel;
  /** Applications that went out through this channel (referrals count as networking). */
  applications: number;
  /** Share of applications that got any answer. */
  responses: WilsonRate;
  /** Share of applications that reached an interview. */
  interviews: WilsonRate;
  /** Hours logged on this channel, all time. */
  hours: number;
  /** Interviews per logged hour; null when no time was logged. */
  interviewsPerHour: number | null;
}

const APPLIED = stageIndex('applied');
// A lookup instead of indexOf: this runs once per application on every insights call.
const STAGE_INDEX = new Map<string, number>(STAGES.map((st, i) => [st, i]));
const INTERVIEWING = stageIndex('interviewing');

/**
 * What each plan channel has returned so far: answers and interviews per application (with
 * Wilson intervals, so 1 of 2 is not read as 50%) and interviews per hour of logged time.
 */
export function channelYield(
  apps: readonly YieldApplication[],
  timeLogs: readonly TimeLog[],
): ChannelYield[] {
  const counts = new Map<PlanChannel, { n: number; responded: number; interviewed: number; minutes: number }>(
    PLAN_CHANNELS.map((c) => [c, { n: 0, responded: 0, interviewed: 0, minutes: 0 }]),
  );
  for (const a of apps) {
    const ch = planChannelOf(a.channel);
    const idx = STAGE_INDEX.get(a.furthestStage) ?? -1;
    if (ch === null || idx < APPLIED) continue;
    const c = counts.get(ch)!;
    const n = a.n ?? 1;
    c.n += n;
    if (a.responded) c.responded += n;
    if (idx >= INTERVIEWING) c.interviewed += n;
  }
  for (const log of timeLogs) {
    const ch = planChannelOf(log.channel);
    if (ch !== null) counts.get(ch)!.minutes += log.minutes;
  }
  return PLAN_CHANNELS.map((channel) => {
    const c = counts.get(channel)!;
    const hours = Math.round((c.minutes / 60) * 100) / 100;
    return {
      channel,
      applications: c.n,
      responses: wilson(c.responded, c.n),
      interviews: wilson(c.interviewed, c.n),
      hours,
      interviewsPerHour: c.minutes > 0 ? Math.round((c.interviewed / (c.minutes / 60)) * 1000) / 1000 : null,
    };
  });
}
