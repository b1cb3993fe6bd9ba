import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// Time logs, weekly goals (and progress on custom ones), manual wins and planned breaks, plus a
// per-workspace revision counter that triggers bump whenever applications, their tags or their
// events change. Insights cache what they load from those tables under that revision, so reading
// the counter (one row) is enough to know whether 100,000 events need loading again. Triggers
// keep the counter in the same transaction as every write, whichever service made it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('time_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('logged_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('time_logs_ws_logged')
    .on('time_logs')
    .columns(['workspace_id', 'logged_on'])
    .execute();

  await db.schema
    .createTable('weekly_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'real', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('weekly_goals_ws')
    .on('weekly_goals')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('goal_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('weekly_goals.id').onDelete('cascade'))
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'real', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('goal_progress_ws_done')
    .on('goal_progress')
    .columns(['workspace_id', 'done_on'])
    .execute();

  await db.schema
    .createTable('wins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('won_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wins_ws_won').on('wins').columns(['workspace_id', 'won_on']).execute();

  await db.schema
    .createTable('planned_breaks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('planned_breaks_ws_starts')
    .on('planned_breaks')
    .columns(['workspace_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('workspace_revisions')
    // No foreign key: a trigger may fire while a workspace's rows are being cascaded away.
    .addColumn('workspace_id', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();

  const tables = ['applications', 'application_tags', 'application_events'];
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // SQLite has row triggers only; an upsert of one row per written row is cheap.
    for (const table of tables) {
      for (const [op, row] of [
        ['insert', 'new'],
        ['update', 'new'],
        ['delete', 'old'],
      ] as const) {
        await sql
          .raw(
            `create trigger ${table}_${op}_revision after ${op} on ${table} begin
               insert into workspace_revisions (workspace_id, revision) values (${row}.workspace_id, 1)
               on conflict (workspace_id) do update set revision = revision + 1;
             end`,
          )
          .execute(db);
      }
    }
    return;
  }
  await sql
    .raw(
      `create function bump_workspace_revision() returns trigger language plpgsql as $$
       declare ws text;
       begin
         if tg_op = 'DELETE' then ws := old.workspace_id; else ws := new.workspace_id; end if;
         insert into workspace_revisions (workspace_id, revision) values (ws, 1)
           on conflict (workspace_id) do update set revision = workspace_revisions.revision + 1;
         return null;
       end $$`,
    )
    .execute(db);
  for (const table of tables) {
    await sql
      .raw(
        `create trigger ${table}_revision after insert or update or delete on ${table}
         for each row execute function bump_workspace_revision()`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
