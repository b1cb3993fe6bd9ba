import type { Kysely, Selectable } from 'kysely';
import type { GoalKind, WeeklyGoal } from '../core/wellbeing/goals.ts';
import type { Database, PlannedBreakTable, WeeklyGoalTable, WinTable } from './schema.ts';

/** All SQL about weekly goals, progress on custom goals, manual wins and planned breaks. */

type Db = Kysely<Database>;

export interface StoredGoal extends WeeklyGoal {
  createdAt: string;
}

export interface StoredGoalProgress {
  id: string;
  goalId: string;
  on: string;
  amount: number;
  createdAt: string;
}

export interface StoredWin {
  id: string;
  on: string;
  text: string;
  applicationId: string | null;
  createdAt: string;
}

export interface StoredBreak {
  id: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
  createdAt: string;
}

function toGoal(row: Selectable<WeeklyGoalTable>): StoredGoal {
  return {
    id: row.id,
    kind: row.kind as GoalKind,
    target: Number(row.target),
    unit: row.unit,
    ...(row.label !== null ? { label: row.label } : {}),
    ...(row.week_start !== null ? { weekStart: row.week_start } : {}),
    createdAt: row.created_at,
  };
}

export async function insertGoals(db: Db, workspaceId: string, goals: StoredGoal[]): Promise<void> {
  if (goals.length === 0) return;
  await db
    .insertInto('weekly_goals')
    .values(
      goals.map((g) => ({
        id: g.id,
        workspace_id: workspaceId,
        kind: g.kind,
        target: g.target,
        unit: g.unit,
        label: g.label ?? null,
        week_start: g.weekStart ?? null,
        created_at: g.createdAt,
      })),
    )
    .execute();
}

export async function listGoals(db: Db, workspaceId: string): Promise<StoredGoal[]> {
  const rows = await db
    .selectFrom('weekly_goals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toGoal);
}

export async function findGoal(db: Db, workspaceId: string, id: string): Promise<StoredGoal | undefined> {
  const row = await db
    .selectFrom('weekly_goals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toGoal(row) : undefined;
}

export async function updateGoal(
  db: Db,
  workspaceId: string,
  id: string,
  fields: { target?: number; unit?: string; label?: string | null },
): Promise<void> {
  const set: Partial<WeeklyGoalTable> = {};
  if (fields.target !== undefined) set.target = fields.target;
  if (fields.unit !== undefined) set.unit = fields.unit;
  if (fields.label !== undefined) set.label = fields.label;
  if (Object.keys(set).length === 0) return;
  await db
    .updateTable('weekly_goals')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteGoal(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('weekly_goals')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function insertGoalProgress(
  db: Db,
  workspaceId: string,
  entries: StoredGoalProgress[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('goal_progress')
    .values(
      entries.map((p) => ({
        id: p.id,
        workspace_id: workspaceId,
        goal_id: p.goalId,
        done_on: p.on,
        amount: p.amount,
        created_at: p.createdAt,
      })),
    )
    .execute();
}

export async function listGoalProgress(db: Db, workspaceId: string): Promise<StoredGoalProgress[]> {
  const rows = await db
    .selectFrom('goal_progress')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('done_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    goalId: r.goal_id,
    on: r.done_on,
    amount: Number(r.amount),
    createdAt: r.created_at,
  }));
}

function toWin(row: Selectable<WinTable>): StoredWin {
  return {
    id: row.id,
    on: row.won_on,
    text: row.text,
    applicationId: row.application_id,
    createdAt: row.created_at,
  };
}

export async function insertWins(db: Db, workspaceId: string, wins: StoredWin[]): Promise<void> {
  if (wins.length === 0) return;
  await db
    .insertInto('wins')
    .values(
      wins.map((w) => ({
        id: w.id,
        workspace_id: workspaceId,
        won_on: w.on,
        text: w.text,
        application_id: w.applicationId,
        created_at: w.createdAt,
      })),
    )
    .execute();
}

export async function listWins(
  db: Db,
  workspaceId: string,
  range: { from?: string; to?: string } = {},
): Promise<StoredWin[]> {
  let query = db.selectFrom('wins').selectAll().where('workspace_id', '=', workspaceId);
  if (range.from) query = query.where('won_on', '>=', range.from);
  if (range.to) query = query.where('won_on', '<=', range.to);
  const rows = await query.orderBy('won_on').orderBy('created_at').orderBy('id').execute();
  return rows.map(toWin);
}

export async function deleteWin(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('wins')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

function toBreak(row: Selectable<PlannedBreakTable>): StoredBreak {
  return {
    id: row.id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
    createdAt: row.created_at,
  };
}

export async function insertBreaks(db: Db, workspaceId: string, breaks: StoredBreak[]): Promise<void> {
  if (breaks.length === 0) return;
  await db
    .insertInto('planned_breaks')
    .values(
      breaks.map((b) => ({
        id: b.id,
        workspace_id: workspaceId,
        starts_on: b.startsOn,
        ends_on: b.endsOn,
        note: b.note,
        created_at: b.createdAt,
      })),
    )
    .execute();
}

export async function listBreaks(db: Db, workspaceId: string): Promise<StoredBreak[]> {
  const rows = await db
    .selectFrom('planned_breaks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  return rows.map(toBreak);
}

export async function deleteBreak(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('planned_breaks')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Removes every goal, progress entry, manual win and planned break of a workspace. */
export async function clearWellbeing(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('goal_progress').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('weekly_goals').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('wins').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('planned_breaks').where('workspace_id', '=', workspaceId).execute();
}
