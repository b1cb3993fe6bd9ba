import { type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from './schema.ts';

export const LOCAL_WORKSPACE_ID = 'local';

/** Makes sure a workspace exists (local mode has exactly one) and returns its id. */
export async function ensureWorkspace(
  db: Kysely<Database>,
  id: string,
  name: string,
  createdAt: string,
): Promise<string> {
  const existing = await db.selectFrom('workspaces').select('id').where('id', '=', id).executeTakeFirst();
  if (!existing) await db.insertInto('workspaces').values({ id, name, created_at: createdAt }).execute();
  return id;
}

export async function readSettings(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<Record<string, unknown>> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

export async function writeSettings(
  db: Kysely<Database>,
  workspaceId: string,
  values: Record<string, unknown>,
): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await db
      .insertInto('settings')
      .values({ workspace_id: workspaceId, key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}

/** Removes every row of a workspace's data but keeps the workspace itself. */
export async function clearWorkspaceData(db: Kysely<Database>, workspaceId: string): Promise<void> {
  await db.deleteFrom('application_search').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('insight_tallies').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('interview_rounds').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('application_events').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('application_tags').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('application_summaries').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('applications').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('settings').where('workspace_id', '=', workspaceId).execute();
}

/**
 * Inside a PostgreSQL transaction, locks the workspace row until the transaction ends, so writes
 * that number things per workspace (resume versions) run one after the other instead of both
 * taking the same next number. A no-op on SQLite, whose write transactions hold the database.
 */
export async function lockWorkspace(db: Kysely<Database>, workspaceId: string): Promise<void> {
  if (!db.isTransaction || !(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute();
}
