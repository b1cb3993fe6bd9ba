import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Application } from '../core/applications/application.ts';
import { SUMMARY_COLUMNS, toApplication } from './applications-repository.ts';
import { untally } from './insight-tallies-repository.ts';
import type { Database } from './schema.ts';
import { deleteSearchDocuments } from './search-repository.ts';

/** Whole-workspace reads of applications (backups); bulk writes are in summaries-repository.ts. */

type Db = Kysely<Database>;

/** All applications of the workspace with tags and job descriptions; for backups and analytics. */
export async function listAllApplications(
  db: Db,
  workspaceId: string,
): Promise<Array<Application & { sourceKey: string | null }>> {
  const rows = await db
    .selectFrom('applications')
    .select([...SUMMARY_COLUMNS, 'job_description', 'source_key'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const tagRows = await db
    .selectFrom('application_tags')
    .select(['application_id', 'tag'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('tag')
    .execute();
  const tags = new Map<string, string[]>();
  for (const r of tagRows) {
    const list = tags.get(r.application_id) ?? [];
    list.push(r.tag);
    tags.set(r.application_id, list);
  }
  return rows.map((r) => ({ ...toApplication(r, tags.get(r.id) ?? []), sourceKey: r.source_key }));
}

/** Ids of the applications whose source key starts with `prefix` (sample data, one import source). */
export async function listApplicationIdsBySourcePrefix(
  db: Db,
  workspaceId: string,
  prefix: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where(sql<SqlBool>`source_key LIKE ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`)
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes these applications; their events, rounds, tags and links go with them (cascade). */
export async function deleteApplications(db: Db, workspaceId: string, ids: readonly string[]): Promise<void> {
  await untally(db, workspaceId, ids);
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom('applications')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
  await deleteSearchDocuments(db, workspaceId, ids);
}
