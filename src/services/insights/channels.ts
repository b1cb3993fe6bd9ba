import { STAGES } from '../../core/applications/application.ts';
import type { LogChannel, PlanInput, TimeLogInput } from '../../core/channels/input.ts';
import {
  type ChannelPlan,
  DEFAULT_PLAN,
  type PlanVsActualRow,
  planVsActual,
  type TimeLog,
  validatePlan,
} from '../../core/channels/plan.ts';
import { type Reallocation, suggestReallocation } from '../../core/channels/reallocation.ts';
import { type ChannelYield, channelYield } from '../../core/channels/yield.ts';
import { ReboundError } from '../../core/errors.ts';
import { type AppSummary, channelYieldsFromAggregates } from '../../core/insights/index.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import * as logs from '../../store/time-log-repository.ts';
import { readSettings, writeSettings } from '../../store/workspace-repository.ts';
import { newId, nowIso, readerOf, type ServiceContext, today } from '../context.ts';
import { loadAggregatesCached } from './aggregates.ts';

/** Hours a week assumed until the user says otherwise. */
export const DEFAULT_HOURS_PER_WEEK = 10;

export interface ChannelSettings {
  plan: ChannelPlan;
  hoursPerWeek: number;
  /** True while the user has not set a plan of their own. */
  isDefaultPlan: boolean;
}

/** The weekly plan and hours, from settings (`channelPlan`, `hoursPerWeek`), with the defaults. */
export async function getChannelSettings(ctx: ServiceContext): Promise<ChannelSettings> {
  // A hosted request read every stored setting with its caller already.
  const known = ctx.settings?.workspaceId === ctx.workspaceId ? ctx.settings.stored : undefined;
  const stored = known ?? (await readSettings(ctx.db, ctx.workspaceId));
  let plan: ChannelPlan = { ...DEFAULT_PLAN };
  let isDefaultPlan = true;
  if (stored.channelPlan && typeof stored.channelPlan === 'object') {
    try {
      plan = validatePlan(stored.channelPlan as Record<string, unknown>);
      isDefaultPlan = false;
    } catch {
      // A hand-edited or older setting that no longer adds up: fall back to the default split.
    }
  }
  const hours =
    typeof stored.hoursPerWeek === 'number' && stored.hoursPerWeek >= 0
      ? stored.hoursPerWeek
      : DEFAULT_HOURS_PER_WEEK;
  return { plan, hoursPerWeek: hours, isDefaultPlan };
}

export async function setChannelPlan(ctx: ServiceContext, input: PlanInput): Promise<ChannelSettings> {
  const values: Record<string, unknown> = {};
  if (input.plan) values.channelPlan = validatePlan(input.plan);
  if (input.hoursPerWeek !== undefined) values.hoursPerWeek = input.hoursPerWeek;
  await writeSettings(ctx.db, ctx.workspaceId, values);
  return getChannelSettings(ctx);
}

/** Records time spent on a channel (or on learning); refuses days in the future. */
export async function addTimeLog(ctx: ServiceContext, input: TimeLogInput): Promise<logs.StoredTimeLog> {
  const day = input.loggedOn ?? today(ctx);
  if (day > today(ctx)) {
    throw new ReboundError('invalid_input', 'loggedOn: must not be in the future', [
      { path: 'loggedOn', message: 'must not be in the future' },
    ]);
  }
  const log: logs.StoredTimeLog = {
    id: newId(),
    channel: input.channel,
    minutes: input.minutes,
    loggedOn: day,
    note: input.note ?? null,
    createdAt: nowIso(ctx),
  };
  await logs.insertTimeLogs(ctx.db, ctx.workspaceId, [log]);
  return log;
}

export async function deleteTimeLog(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await logs.deleteTimeLog(ctx.db, ctx.workspaceId, id))) {
    throw new ReboundError('not_found', `No time log with id ${id}.`, [{ path: 'id', message: 'not found' }]);
  }
}

/** The time logs of the week containing `week` (default: this week). */
export async function listWeekTimeLogs(ctx: ServiceContext, week?: string) {
  const { weekStart, weekEnd } = weekOf(week ?? today(ctx));
  return {
    weekStart,
    weekEnd,
    items: await logs.listTimeLogs(ctx.db, ctx.workspaceId, { from: weekStart, to: weekEnd }),
  };
}

/** Logs that count toward channels (learning time counts only toward goals). */
export function channelLogs(items: readonly logs.StoredTimeLog[]): TimeLog[] {
  const out: TimeLog[] = [];
  for (const l of items)
    if (l.channel !== 'learning')
      out.push({
        channel: l.channel as Exclude<LogChannel, 'learning'>,
        minutes: l.minutes,
        loggedOn: l.loggedOn,
      });
  return out;
}

export interface ChannelsView {
  weekStart: string;
  weekEnd: string;
  plan: ChannelPlan;
  hoursPerWeek: number;
  isDefaultPlan: boolean;
  planVsActual: {
    rows: PlanVsActualRow[];
    otherHours: number;
    learningHours: number;
    totalActualHours: number;
  };
  yields: ChannelYield[];
  suggestion: Reallocation;
}

/** Yields per channel from the applications' summaries and the logged time. */
export function yieldsFrom(apps: readonly AppSummary[], timeLogs: readonly TimeLog[]): ChannelYield[] {
  return channelYield(
    apps.map((s) => ({
      channel: s.channel,
      furthestStage: STAGES[s.furthest]!,
      responded: s.firstResponseOn !== null,
    })),
    timeLogs,
  );
}

/** Plan against actual for one week, what each channel has returned, and next week's suggested split. */
export async function getChannelsView(ctx: ServiceContext, week?: string): Promise<ChannelsView> {
  const { weekStart, weekEnd } = weekOf(week ?? today(ctx));
  const [settings, { aggregates }, allLogs] = await Promise.all([
    getChannelSettings(ctx),
    loadAggregatesCached(ctx),
    logs.listTimeLogs(ctx.db, ctx.workspaceId),
  ]);
  const counted = channelLogs(allLogs);
  const pva = planVsActual(settings.plan, settings.hoursPerWeek, counted, weekStart);
  const learningMinutes = allLogs
    .filter((l) => l.channel === 'learning' && l.loggedOn >= weekStart && l.loggedOn <= weekEnd)
    .reduce((s, l) => s + l.minutes, 0);
  const learningHours = Math.round((learningMinutes / 60) * 100) / 100;
  const yields = channelYieldsFromAggregates(aggregates, counted);
  return {
    weekStart,
    weekEnd,
    ...settings,
    planVsActual: {
      rows: pva.rows,
      otherHours: pva.otherHours,
      learningHours,
      totalActualHours: Math.round((pva.totalActualHours + learningHours) * 100) / 100,
    },
    yields,
    suggestion: suggestReallocation(settings.plan, yields, { reader: readerOf(ctx) }),
  };
}
