import type { Kysely } from 'kysely';
import type { Application } from '../core/applications/application.ts';
import { SUMMARY_COLUMNS, toApplication } from './applications-repository.ts';
import type { Database } from './schema.ts';

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
