import { type Kysely, type Selectable, sql } from 'kysely';
import type { StepChannel, StepStatus, WeekStep } from '../core/week/steps.ts';
import { executeCached } from './compiled-queries.ts';
import type { Database, WeekStepTable } from './schema.ts';

/** All SQL about the weekly plan's steps. */

type Db = Kysely<Database>;

export interface StoredStep extends WeekStep {
  /** `sample:…` for the sample plan; null for the person's own steps. */
  sourceKey: string | null;
}

function toStep(row: Selectable<WeekStepTable>): StoredStep {
  return {
    id: row.id,
    weekStart: row.week_start,
    day: row.day,
    time: row.time,
    where: row.place,
    what: row.what,
    minutes: Number(row.minutes),
    channel: row.channel as StepChannel,
    status: row.status as StepStatus,
    movedFrom: row.moved_from,
    settledAt: row.settled_at,
    sourceKey: row.source_key,
    createdAt: row.created_at,
  };
}

export async function insertSteps(db: Db, workspaceId: string, steps: StoredStep[]): Promise<void> {
  if (steps.length === 0) return;
  await db
    .insertInto('week_steps')
    .values(
      steps.map((s) => ({
        id: s.id,
        workspace_id: workspaceId,
        week_start: s.weekStart,
        day: s.day,
        time: s.time,
        place: s.where,
        what: s.what,
        minutes: s.minutes,
        channel: s.channel,
        status: s.status,
        moved_from: s.movedFrom,
        settled_at: s.settledAt,
        source_key: s.sourceKey,
        created_at: s.createdAt,
      })),
    )
    .execute();
}

const ordered = (db: Db, workspaceId: string) =>
  db
    .selectFrom('week_steps')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('day')
    // A step for "some time that day" comes after the timed ones, on both databases alike.
    .orderBy(sql`case when time is null then 1 else 0 end`)
    .orderBy('time')
    .orderBy('created_at')
    .orderBy('id');

/** The steps of the week starting `weekStart`, in the order they happen. */
export async function listWeekSteps(db: Db, workspaceId: string, weekStart: string): Promise<StoredStep[]> {
  return (await ordered(db, workspaceId).where('week_start', '=', weekStart).execute()).map(toStep);
}

/** The steps planned for one day. */
export async function listStepsOn(db: Db, workspaceId: string, day: string): Promise<StoredStep[]> {
  const rows = await executeCached(db, 'listStepsOn', [workspaceId, day], ([ws, d]) =>
    ordered(db, ws!).where('day', '=', d!),
  );
  return rows.map(toStep);
}

export async function listAllSteps(db: Db, workspaceId: string): Promise<StoredStep[]> {
  return (await ordered(db, workspaceId).execute()).map(toStep);
}

export async function findStep(db: Db, workspaceId: string, id: string): Promise<StoredStep | undefined> {
  const row = await db
    .selectFrom('week_steps')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStep(row) : undefined;
}

/** Writes a step's day, time, status and settling (the only things that change after it is planned). */
export async function updateStep(db: Db, workspaceId: string, step: StoredStep): Promise<void> {
  await db
    .updateTable('week_steps')
    .set({
      week_start: step.weekStart,
      day: step.day,
      time: step.time,
      status: step.status,
      moved_from: step.movedFrom,
      settled_at: step.settledAt,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', step.id)
    .execute();
}

export async function deleteStep(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('week_steps')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Removes the steps whose source key starts with `prefix` (the sample plan). */
export async function deleteStepsBySourcePrefix(
  db: Db,
  workspaceId: string,
  prefix: string,
): Promise<number> {
  const result = await db
    .deleteFrom('week_steps')
    .where('workspace_id', '=', workspaceId)
    .where('source_key', 'like', `${prefix}%`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function clearSteps(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('week_steps').where('workspace_id', '=', workspaceId).execute();
}
