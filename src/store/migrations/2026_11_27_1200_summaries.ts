import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// 1. `application_summaries`: one row per application with what its history says beyond the
//    derived columns already on `applications` (the day each stage was first reached, the first
//    move out and the first answer, counts). The store writes it in the same transaction as each
//    event, so insights aggregate rows instead of reading every event. The store fills it for
//    existing data right after this migration (a migration imports no app code).
// 2. Change tracking that costs nothing per row. The row triggers of 2026_11_22_1100_insights
//    bumped `workspace_revisions` once per written row, which made a bulk insert on PostgreSQL
//    quadratic in practice (one hot row updated thousands of times in a transaction).
//    PostgreSQL gets statement-level triggers that bump each touched workspace once per
//    statement; SQLite drops them and reads its own change counters instead (see
//    `readRevision`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application_summaries')
    .addColumn('application_id', 'text', (c) =>
      c.primaryKey().references('applications.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('saved_on', 'text')
    .addColumn('applied_on', 'text')
    .addColumn('screening_on', 'text')
    .addColumn('interviewing_on', 'text')
    .addColumn('offer_on', 'text')
    .addColumn('accepted_on', 'text')
    .addColumn('first_applied_on', 'text')
    .addColumn('first_response_on', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('round_count', 'integer', (c) => c.notNull())
    .addColumn('response_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_summaries_ws')
    .on('application_summaries')
    .columns(['workspace_id', 'application_id'])
    .execute();

  const tables = ['applications', 'application_tags', 'application_events'];
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const table of tables) {
      for (const op of ['insert', 'update', 'delete']) {
        await sql.raw(`drop trigger if exists ${table}_${op}_revision`).execute(db);
      }
    }
    return;
  }
  for (const table of tables) {
    await sql.raw(`drop trigger if exists ${table}_revision on ${table}`).execute(db);
  }
  // One function for every table and operation: each trigger names its transition table
  // `changed` (the new rows for inserts and updates, the old ones for deletes).
  await sql
    .raw(
      `create function bump_workspace_revisions() returns trigger language plpgsql as $$
       begin
         insert into workspace_revisions (workspace_id, revision)
           select distinct workspace_id, 1 from changed
           on conflict (workspace_id) do update set revision = workspace_revisions.revision + 1;
         return null;
       end $$`,
    )
    .execute(db);
  for (const table of tables) {
    for (const [op, rows] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      await sql
        .raw(
          `create trigger ${table}_${op}_revisions after ${op} on ${table}
           referencing ${rows} table as changed
           for each statement execute function bump_workspace_revisions()`,
        )
        .execute(db);
    }
  }
  await sql.raw('drop function if exists bump_workspace_revision()').execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
