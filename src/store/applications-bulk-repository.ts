import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Application } from '../core/applications/application.ts';
import { ALL_COLUMNS, applicationValues, SUMMARY_COLUMNS, toApplication } from './applications-repository.ts';
import { insertRowsBulk } from './events-repository.ts';
import type { Database } from './schema.ts';
import { deleteSearchDocuments, insertSearchDocuments } from './search-repository.ts';

/** Whole-workspace reads and bulk writes of applications: backups, imports, analytics, sample data. */

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

/** Bulk insert used by backups, imports and the benchmark generator. */
export async function insertApplicationsBulk(
  db: Db,
  workspaceId: string,
  apps: Array<Application & { sourceKey?: string | null }>,
): Promise<void> {
  const CHUNK = 200;
  for (let i = 0; i < apps.length; i += CHUNK) {
    const slice = apps.slice(i, i + CHUNK);
    await insertRowsBulk(
      db,
      'applications',
      ALL_COLUMNS,
      slice.map((app) => applicationValues(app, workspaceId, app.sourceKey ?? null)),
      CHUNK,
    );
    const tagRows: unknown[][] = [];
    for (const app of slice) {
      if (app.tags.length === 0) continue;
      for (const tag of new Set(app.tags)) tagRows.push([workspaceId, app.id, tag]);
    }
    if (tagRows.length > 0) {
      await insertRowsBulk(db, 'application_tags', ['workspace_id', 'application_id', 'tag'], tagRows, 500);
    }
    await insertSearchDocuments(db, workspaceId, slice);
  }
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
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom('applications')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
  await deleteSearchDocuments(db, workspaceId, ids);
}
