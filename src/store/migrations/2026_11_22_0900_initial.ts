import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('job_url', 'text')
    .addColumn('location', 'text')
    .addColumn('work_mode', 'text')
    .addColumn('salary_min', 'integer')
    .addColumn('salary_max', 'integer')
    .addColumn('salary_currency', 'text')
    .addColumn('job_description', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('job'))
    .addColumn('resume_version', 'text')
    .addColumn('cover_letter_version', 'text')
    .addColumn('notes', 'text')
    .addColumn('priority', 'integer')
    .addColumn('excitement', 'integer')
    .addColumn('applied_on', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('furthest_stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('last_response_on', 'text')
    .addColumn('last_activity_on', 'text')
    .addColumn('source_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One index per sort order of the list, with id as the tiebreak, so a page is read straight
  // off the index instead of sorting the whole workspace.
  for (const column of ['updated_at', 'applied_on', 'company', 'priority', 'stage']) {
    await db.schema
      .createIndex(`applications_ws_${column}`)
      .on('applications')
      .columns(['workspace_id', column, 'id'])
      .execute();
  }
  await db.schema
    .createIndex('applications_ws_source')
    .on('applications')
    .columns(['workspace_id', 'source_key'])
    .execute();

  await db.schema
    .createTable('application_tags')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_tags_pk', ['application_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('application_tags_ws_tag')
    .on('application_tags')
    .columns(['workspace_id', 'tag'])
    .execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_events_app_seq')
    .on('application_events')
    .columns(['application_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('application_events_ws_occurred')
    .on('application_events')
    .columns(['workspace_id', 'occurred_on'])
    .execute();

  await db.schema
    .createTable('interview_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('who', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interview_rounds_app')
    .on('interview_rounds')
    .columns(['application_id', 'number'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
