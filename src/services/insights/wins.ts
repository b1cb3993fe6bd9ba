import { addDays, localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import { goalProgress, goalsOfWeek } from '../../core/wellbeing/goals.ts';
import type { WinInput } from '../../core/wellbeing/input.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import { detectWins, type Win } from '../../core/wellbeing/wins.ts';
import { findApplication } from '../../store/applications-repository.ts';
import * as repo from '../../store/wellbeing-repository.ts';
import { newId, nowIso, readerOf, type ServiceContext, today } from '../context.ts';
import { loadGoalData } from './goals.ts';
import { loadApplicationsCached } from './load.ts';
import { loadFeedbackReceived } from './recovery-link.ts';

export interface ShownWin extends Win {
  /** Set for wins the user wrote down (they can be deleted); detected wins have none. */
  id?: string;
}

/** Default window for the wins list: the last 30 days. */
const DEFAULT_DAYS = 30;

/**
 * Small wins between two days (inclusive): those found in the histories (replies, interviews,
 * offers), feedback received, weekly goals met in finished weeks, and the ones written down by hand.
 */
export async function listWins(
  ctx: ServiceContext,
  range: { from?: string; to?: string } = {},
): Promise<ShownWin[]> {
  const to = range.to ?? today(ctx);
  const from = range.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const [apps, feedback, manual, goalData] = await Promise.all([
    loadApplicationsCached(ctx),
    loadFeedbackReceived(ctx),
    repo.listWins(ctx.db, ctx.workspaceId, { from, to }),
    loadGoalData(ctx),
  ]);
  const goalWeeks = [];
  const lastFinished = addDays(weekOf(today(ctx)).weekStart, -1);
  for (
    let start = weekOf(from).weekStart;
    addDays(start, 6) <= to && addDays(start, 6) <= lastFinished;
    start = addDays(start, 7)
  ) {
    const weekEnd = addDays(start, 6);
    // A goal counts from the week it was set in, not before.
    const goals = goalsOfWeek(goalData.goals, start).filter(
      (g) => localDate(new Date(g.createdAt), ctx.timeZone) <= weekEnd,
    );
    if (goals.length) goalWeeks.push({ weekEnd, progress: goalProgress(goals, goalData.activity, start) });
  }
  const byId = new Map(apps.map((a) => [a.id, a]));
  const detected = detectWins(
    {
      applications: apps,
      feedback: feedback.map((f) => ({
        ...f,
        company: byId.get(f.applicationId)?.company,
        role: byId.get(f.applicationId)?.role,
      })),
      goalWeeks,
      reader: readerOf(ctx),
    },
    from,
    to,
  );
  const written: ShownWin[] = manual.map((w) => ({
    id: w.id,
    on: w.on,
    kind: 'manual',
    text: w.text,
    ...(w.applicationId ? { applicationId: w.applicationId } : {}),
  }));
  return [...detected, ...written].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** Writes down a win of the user's own ("finished my portfolio"). */
export async function addWin(ctx: ServiceContext, input: WinInput): Promise<ShownWin> {
  const on = input.on ?? today(ctx);
  if (on > today(ctx))
    throw new ReboundError('invalid_input', 'on: must not be in the future', [
      { path: 'on', message: 'must not be in the future' },
    ]);
  const applicationId = input.applicationId ?? null;
  if (applicationId !== null && !(await findApplication(ctx.db, ctx.workspaceId, applicationId))) {
    throw new ReboundError('application_not_found', `No application with id ${applicationId}.`, [
      { path: 'applicationId', message: 'not found' },
    ]);
  }
  const win = { id: newId(), on, text: input.text, applicationId, createdAt: nowIso(ctx) };
  await repo.insertWins(ctx.db, ctx.workspaceId, [win]);
  return { id: win.id, on, kind: 'manual', text: win.text, ...(applicationId ? { applicationId } : {}) };
}

export async function deleteWin(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await repo.deleteWin(ctx.db, ctx.workspaceId, id))) {
    throw new ReboundError('not_found', `No win with id ${id}; only wins you wrote down can be removed.`, [
      { path: 'id', message: 'not found' },
    ]);
  }
}
