import type { Kysely, Selectable } from 'kysely';
import type { PostMortemRating } from '../core/recovery/post-mortem.ts';
import { listPerApplicationRows } from './per-application-rows.ts';
import type { ActionItemTable } from './recovery-schema.ts';
import type { Database } from './schema.ts';

/** All SQL about look backs (post-mortem ratings) and the action items they lead to. */

type Db = Kysely<Database>;

export interface PostMortemRow {
  applicationId: string;
  key: string;
  rating: PostMortemRating;
  note: string | null;
  ratedAt: string;
}

export interface ActionItemRecord {
  id: string;
  applicationId: string | null;
  source: 'post_mortem' | 'manual';
  /** For post-mortem tasks, the checklist item key it came from. */
  sourceKey: string | null;
  text: string;
  dueOn: string;
  status: 'open' | 'done';
  createdAt: string;
  doneAt: string | null;
}

// ---- post-mortem ratings

export async function listPostMortemItems(
  db: Db,
  workspaceId: string,
  applicationId?: string,
): Promise<PostMortemRow[]> {
  const rows = await listPerApplicationRows(
    db,
    'post_mortem_items',
    ['application_id', 'key'],
    workspaceId,
    applicationId,
  );
  return rows.map((r) => ({
    applicationId: r.application_id,
    key: r.key,
    rating: r.rating as PostMortemRating,
    note: r.note,
    ratedAt: r.rated_at,
  }));
}

export async function upsertPostMortemItems(
  db: Db,
  workspaceId: string,
  rows: PostMortemRow[],
): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('post_mortem_items')
      .values({
        workspace_id: workspaceId,
        application_id: r.applicationId,
        key: r.key,
        rating: r.rating,
        note: r.note,
        rated_at: r.ratedAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['application_id', 'key'])
          .doUpdateSet({ rating: r.rating, note: r.note, rated_at: r.ratedAt }),
      )
      .execute();
  }
}

// ---- action items

function toAction(r: Selectable<ActionItemTable>): ActionItemRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    source: r.source as ActionItemRecord['source'],
    sourceKey: r.source_key,
    text: r.text,
    dueOn: r.due_on,
    status: r.status as ActionItemRecord['status'],
    createdAt: r.created_at,
    doneAt: r.done_at,
  };
}

function actionRow(workspaceId: string, a: ActionItemRecord): ActionItemTable {
  return {
    id: a.id,
    workspace_id: workspaceId,
    application_id: a.applicationId,
    source: a.source,
    source_key: a.sourceKey,
    text: a.text,
    due_on: a.dueOn,
    status: a.status,
    created_at: a.createdAt,
    done_at: a.doneAt,
  };
}

export async function insertActionItems(
  db: Db,
  workspaceId: string,
  rows: ActionItemRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('action_items')
      .values(rows.slice(i, i + 200).map((a) => actionRow(workspaceId, a)))
      .execute();
  }
}

export async function updateActionItem(db: Db, workspaceId: string, a: ActionItemRecord): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = actionRow(workspaceId, a);
  await db
    .updateTable('action_items')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', a.id)
    .execute();
}

export async function findActionItem(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ActionItemRecord | undefined> {
  const row = await db
    .selectFrom('action_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAction(row) : undefined;
}

export async function listActionItems(
  db: Db,
  workspaceId: string,
  filter: { status?: 'open' | 'done' | 'all'; applicationId?: string } = {},
): Promise<ActionItemRecord[]> {
  let q = db.selectFrom('action_items').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.status && filter.status !== 'all') q = q.where('status', '=', filter.status);
  if (filter.applicationId !== undefined) q = q.where('application_id', '=', filter.applicationId);
  const rows = await q.orderBy('due_on').orderBy('created_at').orderBy('id').execute();
  return rows.map(toAction);
}
