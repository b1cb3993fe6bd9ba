import { ReboundError } from '../../core/errors.ts';
import type { Activity } from '../../core/wellbeing/activity.ts';
import { type GoalProgress, goalProgress, goalsOfWeek } from '../../core/wellbeing/goals.ts';
import {
  DEFAULT_GOAL_UNITS,
  type GoalInput,
  type GoalProgressInput,
  type GoalUpdate,
} from '../../core/wellbeing/input.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import type { LoadedApplication } from '../../store/insights-repository.ts';
import { listTimeLogs, type StoredTimeLog } from '../../store/time-log-repository.ts';
import * as repo from '../../store/wellbeing-repository.ts';
import { newId, nowIso, readerOf, type ServiceContext, today } from '../context.ts';
import { loadApplicationsCached } from './load.ts';

/** What a person did, for goals and wins: applications from histories, logged time, custom progress. */
export function buildActivity(
  apps: readonly LoadedApplication[],
  timeLogs: readonly StoredTimeLog[],
  progress: readonly repo.StoredGoalProgress[],
): Activity {
  return {
    applications: apps,
    networking: timeLogs
      .filter((l) => l.channel === 'networking' || l.channel === 'referral')
      .map((l) => ({ on: l.loggedOn, minutes: l.minutes })),
    learning: timeLogs
      .filter((l) => l.channel === 'learning')
      .map((l) => ({ on: l.loggedOn, minutes: l.minutes })),
    custom: progress.map((p) => ({ goalId: p.goalId, on: p.on, amount: p.amount })),
  };
}

/** Everything goal progress is counted from, loaded once. */
export async function loadGoalData(
  ctx: ServiceContext,
): Promise<{ goals: repo.StoredGoal[]; activity: Activity }> {
  const [goals, apps, timeLogs, progress] = await Promise.all([
    repo.listGoals(ctx.db, ctx.workspaceId),
    loadApplicationsCached(ctx),
    listTimeLogs(ctx.db, ctx.workspaceId),
    repo.listGoalProgress(ctx.db, ctx.workspaceId),
  ]);
  return { goals, activity: buildActivity(apps, timeLogs, progress) };
}

function goalNotFound(id: string): ReboundError {
  return new ReboundError('not_found', `No goal with id ${id}.`, [{ path: 'id', message: 'not found' }]);
}

/** Sets a goal; with `weekStart` (a Monday), a goal for that one week only (an accepted check-in). */
export async function createGoal(
  ctx: ServiceContext,
  input: GoalInput,
  options: { weekStart?: string } = {},
): Promise<repo.StoredGoal> {
  const goal: repo.StoredGoal = {
    id: newId(),
    kind: input.kind,
    target: input.target,
    unit: input.unit ?? DEFAULT_GOAL_UNITS[input.kind],
    ...(input.label ? { label: input.label } : {}),
    ...(options.weekStart ? { weekStart: options.weekStart } : {}),
    createdAt: nowIso(ctx),
  };
  await repo.insertGoals(ctx.db, ctx.workspaceId, [goal]);
  return goal;
}

export async function updateGoal(
  ctx: ServiceContext,
  id: string,
  input: GoalUpdate,
): Promise<repo.StoredGoal> {
  const existing = await repo.findGoal(ctx.db, ctx.workspaceId, id);
  if (!existing) throw goalNotFound(id);
  await repo.updateGoal(ctx.db, ctx.workspaceId, id, input);
  return (await repo.findGoal(ctx.db, ctx.workspaceId, id))!;
}

export async function deleteGoal(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await repo.deleteGoal(ctx.db, ctx.workspaceId, id))) throw goalNotFound(id);
}

/** Records progress on a custom goal; the other kinds are counted from what was logged. */
export async function addGoalProgress(
  ctx: ServiceContext,
  id: string,
  input: GoalProgressInput,
): Promise<repo.StoredGoalProgress> {
  const goal = await repo.findGoal(ctx.db, ctx.workspaceId, id);
  if (!goal) throw goalNotFound(id);
  if (goal.kind !== 'custom') {
    throw new ReboundError(
      'invalid_input',
      `id: progress on a ${goal.kind.replaceAll('_', ' ')} goal is counted from what you log; only custom goals take progress by hand`,
      [{ path: 'id', message: 'not a custom goal' }],
    );
  }
  const on = input.on ?? today(ctx);
  if (on > today(ctx))
    throw new ReboundError('invalid_input', 'on: must not be in the future', [
      { path: 'on', message: 'must not be in the future' },
    ]);
  const entry = { id: newId(), goalId: id, on, amount: input.amount, createdAt: nowIso(ctx) };
  await repo.insertGoalProgress(ctx.db, ctx.workspaceId, [entry]);
  return entry;
}

export interface GoalsWeek {
  weekStart: string;
  weekEnd: string;
  goals: Array<repo.StoredGoal & { progress: GoalProgress }>;
}

/** Every goal with its progress for the week containing `week` (default: this week). */
export async function getGoalsWeek(ctx: ServiceContext, week?: string): Promise<GoalsWeek> {
  const { weekStart, weekEnd } = weekOf(week ?? today(ctx));
  const [{ activity }, all] = await Promise.all([loadGoalData(ctx), repo.listGoals(ctx.db, ctx.workspaceId)]);
  // A goal for one week (an accepted check-in) is that week's only.
  const goals = goalsOfWeek(all, weekStart);
  const progress = goalProgress(goals, activity, weekStart, today(ctx), readerOf(ctx));
  return { weekStart, weekEnd, goals: goals.map((g, i) => ({ ...g, progress: progress[i]! })) };
}
