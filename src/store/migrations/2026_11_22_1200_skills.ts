import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// The skills loop: a workspace's own skills and aliases, the resume profile as numbered versions
// (skills as JSON text), the learning plan, and informational interviews. A job description's
// skills are not stored: they are computed when needed and cached in memory by a hash of the text.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: import('kysely').ColumnDefinitionBuilder) =>
    c.notNull().references('workspaces.id').onDelete('cascade');

  await db.schema
    .createTable('custom_skills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('custom_skills_ws_name')
    .on('custom_skills')
    .columns(['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('resume_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('filename', 'text')
    .addColumn('text', 'text')
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resume_versions_ws_number')
    .on('resume_versions')
    .columns(['workspace_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('learning_plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('hours', 'real')
    .addColumn('target_on', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema
    .createIndex('learning_plan_items_ws_status')
    .on('learning_plan_items')
    .columns(['workspace_id', 'status', 'target_on'])
    .execute();

  // contact_id is a soft reference (no foreign key): backup sections restore in any order, and a
  // deleted contact leaves the interview and its notes in place.
  await db.schema
    .createTable('informational_interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('contact_id', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('role', 'text')
    .addColumn('learned', 'text')
    .addColumn('follow_ups', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('informational_interviews_ws_held')
    .on('informational_interviews')
    .columns(['workspace_id', 'held_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
