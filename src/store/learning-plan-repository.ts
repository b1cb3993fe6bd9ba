import type { Kysely, Selectable } from 'kysely';
import type { PlanKind, PlanStatus } from '../core/skills/input.ts';
import type { Database } from './schema.ts';
import type { LearningPlanItemTable } from './skills-schema.ts';

/** All SQL about learning-plan items. */

type Db = Kysely<Database>;

export interface PlanItemRecord {
  id: string;
  skill: string;
  kind: PlanKind;
  link: string | null;
  hours: number | null;
  targetOn: string | null;
  progress: number;
  status: PlanStatus;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

function toPlanItem(r: Selectable<LearningPlanItemTable>): PlanItemRecord {
  return {
    id: r.id,
    skill: r.skill,
    kind: r.kind as PlanKind,
    link: r.link,
    hours: r.hours === null ? null : Number(r.hours),
    targetOn: r.target_on,
    progress: Number(r.progress),
    status: r.status as PlanStatus,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    doneAt: r.done_at,
  };
}

function planRow(workspaceId: string, p: PlanItemRecord): LearningPlanItemTable {
  return {
    id: p.id,
    workspace_id: workspaceId,
    skill: p.skill,
    kind: p.kind,
    link: p.link,
    hours: p.hours,
    target_on: p.targetOn,
    progress: p.progress,
    status: p.status,
    note: p.note,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    done_at: p.doneAt,
  };
}

export async function listPlanItems(
  db: Db,
  workspaceId: string,
  status?: PlanStatus,
): Promise<PlanItemRecord[]> {
  let q = db.selectFrom('learning_plan_items').selectAll().where('workspace_id', '=', workspaceId);
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toPlanItem);
}

export async function findPlanItem(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<PlanItemRecord | undefined> {
  const row = await db
    .selectFrom('learning_plan_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toPlanItem(row) : undefined;
}

export async function insertPlanItems(db: Db, workspaceId: string, rows: PlanItemRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('learning_plan_items')
      .values(rows.slice(i, i + 200).map((p) => planRow(workspaceId, p)))
      .execute();
  }
}

export async function updatePlanItem(db: Db, workspaceId: string, p: PlanItemRecord): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = planRow(workspaceId, p);
  await db
    .updateTable('learning_plan_items')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', p.id)
    .execute();
}
