import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
// Issue 16: the weekly plan's if-then steps (when, where, what, how long, which channel; done,
// moved or let go), and the writing after a no.
//
// PRIVATE: writing_sessions holds what a person wrote about a rejection. It is never shared: a
// later hosted mode must not show it to a coach or include it in anything "shareable", and it
// leaves the machine in a backup only when the user asks for it explicitly.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('week_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('time', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('moved_from', 'text')
    .addColumn('settled_at', 'text')
    .addColumn('source_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('week_steps_ws_week')
    .on('week_steps')
    .columns(['workspace_id', 'week_start'])
    .execute();
  await db.schema
    .createIndex('week_steps_ws_day')
    .on('week_steps')
    .columns(['workspace_id', 'day'])
    .execute();

  await db.schema
    .createTable('writing_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('written_on', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('writing_sessions_app_number')
    .on('writing_sessions')
    .columns(['workspace_id', 'application_id', 'number'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
