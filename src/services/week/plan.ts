import { addDays } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import type { StepInput, StepMove } from '../../core/week/input.ts';
import { type PlanReview, resultsByChannel, reviewPlan } from '../../core/week/review.ts';
import { type StepDraft, suggestSteps } from '../../core/week/suggest.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import { listScheduledBefore } from '../../store/schedule-repository.ts';
import * as repo from '../../store/week-repository.ts';
import { newId, nowIso, readerOf, type ServiceContext, today } from '../context.ts';
import { getChannelSettings } from '../insights/channels.ts';
import { loadApplicationsCached } from '../insights/load.ts';

/** Follow-ups already waiting on Today that a plan can make room for. */
const FOLLOW_UP_KINDS = new Set(['feedback_send', 'feedback_chase', 'contact_touch']);

export interface WeekPlan {
  weekStart: string;
  weekEnd: string;
  steps: repo.StoredStep[];
  review: PlanReview;
}

function stepNotFound(id: string): ReboundError {
  return new ReboundError('not_found', `No step with id ${id}.`, [{ path: 'id', message: 'not found' }]);
}

/** The plan review for a week: its steps against what was done and what came back. */
export async function planReviewFor(
  ctx: ServiceContext,
  weekStart: string,
  steps?: readonly repo.StoredStep[],
): Promise<PlanReview> {
  const [mine, apps] = await Promise.all([
    steps ?? repo.listWeekSteps(ctx.db, ctx.workspaceId, weekStart),
    loadApplicationsCached(ctx),
  ]);
  return reviewPlan(
    mine,
    resultsByChannel(apps, weekStart),
    addDays(weekStart, 6) < today(ctx),
    readerOf(ctx),
  );
}

/** The steps of the week containing `week` (default this week), with how the plan is going. */
export async function getWeekPlan(ctx: ServiceContext, week?: string): Promise<WeekPlan> {
  const { weekStart, weekEnd } = weekOf(week ?? today(ctx));
  const steps = await repo.listWeekSteps(ctx.db, ctx.workspaceId, weekStart);
  return { weekStart, weekEnd, steps, review: await planReviewFor(ctx, weekStart, steps) };
}

/**
 * A few steps to plan for the week containing `week`: from last week's plan, the channel split
 * and the follow-ups already waiting. Nothing is added until the person adds it.
 */
export async function suggestWeekSteps(
  ctx: ServiceContext,
  week?: string,
): Promise<{ weekStart: string; items: StepDraft[] }> {
  const { weekStart, weekEnd } = weekOf(week ?? today(ctx));
  const [lastWeek, planned, channels, scheduled] = await Promise.all([
    repo.listWeekSteps(ctx.db, ctx.workspaceId, addDays(weekStart, -7)),
    repo.listWeekSteps(ctx.db, ctx.workspaceId, weekStart),
    getChannelSettings(ctx),
    listScheduledBefore(ctx.db, ctx.workspaceId, addDays(weekEnd, 1)),
  ]);
  const items = suggestSteps({
    weekStart,
    today: today(ctx),
    lastWeek,
    planned,
    plan: channels.plan,
    hoursPerWeek: channels.hoursPerWeek,
    followUps: scheduled
      .filter((s) => FOLLOW_UP_KINDS.has(s.kind))
      .map((s) => ({ title: s.title, dueOn: s.dueAt.slice(0, 10) })),
  });
  return { weekStart, items };
}

export async function addStep(ctx: ServiceContext, input: StepInput): Promise<repo.StoredStep> {
  const step: repo.StoredStep = {
    id: newId(),
    weekStart: weekOf(input.day).weekStart,
    day: input.day,
    time: input.time ?? null,
    where: input.where,
    what: input.what,
    minutes: input.minutes,
    channel: input.channel,
    status: 'planned',
    movedFrom: null,
    settledAt: null,
    sourceKey: null,
    createdAt: nowIso(ctx),
  };
  await repo.insertSteps(ctx.db, ctx.workspaceId, [step]);
  return step;
}

async function changeStep(
  ctx: ServiceContext,
  id: string,
  change: (step: repo.StoredStep) => repo.StoredStep,
): Promise<repo.StoredStep> {
  return ctx.db.transaction().execute(async (trx) => {
    const step = await repo.findStep(trx, ctx.workspaceId, id);
    if (!step) throw stepNotFound(id);
    const changed = change(step);
    await repo.updateStep(trx, ctx.workspaceId, changed);
    return changed;
  });
}

/** Marks a step done (again planned steps and let-go ones can be done too: plans bend). */
export function markStepDone(ctx: ServiceContext, id: string): Promise<repo.StoredStep> {
  return changeStep(ctx, id, (s) => ({ ...s, status: 'done', settledAt: nowIso(ctx) }));
}

/** Lets a step go: it stays in the week's record as let go, without blame. */
export function dropStep(ctx: ServiceContext, id: string): Promise<repo.StoredStep> {
  return changeStep(ctx, id, (s) => ({ ...s, status: 'dropped', settledAt: nowIso(ctx) }));
}

/** Back to planned (a step marked done or let go by mistake). */
export function reopenStep(ctx: ServiceContext, id: string): Promise<repo.StoredStep> {
  return changeStep(ctx, id, (s) => ({ ...s, status: 'planned', settledAt: null }));
}

/** Moves a step to another day (and time); the day it was first planned for is remembered. */
export function moveStep(ctx: ServiceContext, id: string, to: StepMove): Promise<repo.StoredStep> {
  return changeStep(ctx, id, (s) => {
    const time = to.time === undefined ? s.time : to.time;
    if (to.day === s.day && time === s.time) return s;
    return {
      ...s,
      day: to.day,
      time,
      weekStart: weekOf(to.day).weekStart,
      status: 'planned',
      settledAt: null,
      movedFrom: s.movedFrom ?? s.day,
    };
  });
}

/** Removes a step written by mistake (a step that did not happen is better let go: it stays honest). */
export async function deleteStep(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await repo.deleteStep(ctx.db, ctx.workspaceId, id))) throw stepNotFound(id);
}
