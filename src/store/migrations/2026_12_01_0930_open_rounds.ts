import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// Today counts the next days' interviews of open applications. Even with both sides in covering
// indexes, each of 14,000 interviews in reach (the 100k bench) looked up its application to read
// its outcome: most of Today's time. Each round now carries whether its application is open,
// written by the store whenever an outcome changes or a round is added, so the count reads one
// index range and nothing else. Existing rounds take their application's state here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('interview_rounds')
    .addColumn('application_open', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`update interview_rounds set application_open = 0
    where application_id in (select id from applications where outcome is not null)`.execute(db);
  await db.schema.dropIndex('interview_rounds_ws_scheduled_app').execute();
  await db.schema
    .createIndex('interview_rounds_ws_scheduled_open')
    .on('interview_rounds')
    .columns(['workspace_id', 'scheduled_at', 'application_open', 'application_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('interview_rounds_ws_scheduled_open').execute();
  await db.schema
    .createIndex('interview_rounds_ws_scheduled_app')
    .on('interview_rounds')
    .columns(['workspace_id', 'scheduled_at', 'application_id'])
    .execute();
  await db.schema.alterTable('interview_rounds').dropColumn('application_open').execute();
}
