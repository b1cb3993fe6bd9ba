import type { ApplicationEvent } from '../../core/applications/application.ts';
import { undoneEventIds } from '../../core/applications/history.ts';
import { addDays } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import type { BreakInput, RoutineInput } from '../../core/wellbeing/input.ts';
import { type LoadSignal, loadSignal } from '../../core/wellbeing/load.ts';
import * as repo from '../../store/wellbeing-repository.ts';
import { readSettings, writeSettings } from '../../store/workspace-repository.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';
import { loadApplicationsCached } from './load.ts';
import { listJournal } from './recovery-link.ts';

/** The days rejections arrived, from the histories (undone ones left out). */
export function rejectionDays(
  apps: readonly { events: readonly ApplicationEvent[] }[],
  until = '9999-12-31',
): { on: string }[] {
  const out: { on: string }[] = [];
  for (const a of apps) {
    const undone = a.events.some((e) => e.type === 'undo') ? undoneEventIds(a.events) : null;
    for (const e of a.events) {
      if (
        e.type === 'outcome_set' &&
        e.data.outcome === 'rejected' &&
        !undone?.has(e.id) &&
        e.occurredOn <= until
      )
        out.push({ on: e.occurredOn });
    }
  }
  return out;
}

/** How heavy the search has been this week (rejections and journal moods), as of `day`. */
export async function computeLoad(ctx: ServiceContext, day = today(ctx)): Promise<LoadSignal> {
  const [apps, journal] = await Promise.all([
    loadApplicationsCached(ctx),
    listJournal(ctx, { from: addDays(day, -20), to: day }),
  ]);
  const moods = journal.filter((j) => j.mood !== null).map((j) => ({ on: j.on, mood: j.mood! }));
  return loadSignal(rejectionDays(apps, day), moods, day);
}

export interface WellbeingView {
  load: LoadSignal;
  /** Breaks that have not ended yet, soonest first. */
  plannedBreaks: repo.StoredBreak[];
  onBreakToday: boolean;
  /** What the user does outside the search (a walk, a class); shown as a reminder, never scored. */
  routine: string;
}

export async function getWellbeing(ctx: ServiceContext): Promise<WellbeingView> {
  const day = today(ctx);
  const [load, breaks, routine] = await Promise.all([
    computeLoad(ctx, day),
    repo.listBreaks(ctx.db, ctx.workspaceId),
    getRoutine(ctx),
  ]);
  const plannedBreaks = breaks.filter((b) => b.endsOn >= day);
  return { load, plannedBreaks, onBreakToday: plannedBreaks.some((b) => b.startsOn <= day), routine };
}

export async function listBreaks(ctx: ServiceContext): Promise<repo.StoredBreak[]> {
  return repo.listBreaks(ctx.db, ctx.workspaceId);
}

export async function addBreak(ctx: ServiceContext, input: BreakInput): Promise<repo.StoredBreak> {
  const b = {
    id: newId(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    note: input.note ?? null,
    createdAt: nowIso(ctx),
  };
  await repo.insertBreaks(ctx.db, ctx.workspaceId, [b]);
  return b;
}

export async function deleteBreak(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await repo.deleteBreak(ctx.db, ctx.workspaceId, id))) {
    throw new ReboundError('not_found', `No planned break with id ${id}.`, [
      { path: 'id', message: 'not found' },
    ]);
  }
}

/** The non-search routine, from settings (`nonSearchRoutine`). */
export async function getRoutine(ctx: ServiceContext): Promise<string> {
  const stored = await readSettings(ctx.db, ctx.workspaceId);
  return typeof stored.nonSearchRoutine === 'string' ? stored.nonSearchRoutine : '';
}

export async function setRoutine(ctx: ServiceContext, input: RoutineInput): Promise<string> {
  await writeSettings(ctx.db, ctx.workspaceId, { nonSearchRoutine: input.routine });
  return input.routine;
}
