import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// Interview rounds get a start time (HH:MM in the user's time zone) and a length in minutes.
// Applications get a full-text search index over company, role, location, notes, timeline notes,
// linked contacts' names and the job description: an FTS5 table on SQLite, a table with a GIN
// index on to_tsvector('simple', body) on PostgreSQL. The repositories keep it current in the
// same transaction as each write; this migration fills it for the applications already there.
// Applications entered at screening or later get the reply that reaching that stage implies.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('interview_rounds').addColumn('start_time', 'text').execute();
  await db.schema.alterTable('interview_rounds').addColumn('duration_minutes', 'integer').execute();

  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) {
    await sql`CREATE VIRTUAL TABLE application_search USING fts5(
      application_id UNINDEXED, workspace_id UNINDEXED, body,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  } else {
    await db.schema
      .createTable('application_search')
      .addColumn('application_id', 'text', (c) =>
        c.primaryKey().references('applications.id').onDelete('cascade'),
      )
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX application_search_body ON application_search USING gin (to_tsvector('simple', body))`.execute(
      db,
    );
    await db.schema
      .createIndex('application_search_ws')
      .on('application_search')
      .column('workspace_id')
      .execute();
  }

  const noteText = sqlite ? sql`json_extract(e.data, '$.text')` : sql`(e.data::json ->> 'text')`;
  const joined = (value: RawBuilder<unknown>) =>
    sqlite ? sql`group_concat(${value}, ' ')` : sql`string_agg(${value}, ' ')`;
  await sql`INSERT INTO application_search (application_id, workspace_id, body)
    SELECT a.id, a.workspace_id,
      a.company || ' ' || a.role
        || coalesce(' ' || a.location, '') || coalesce(' ' || a.notes, '')
        || coalesce(' ' || (SELECT ${joined(noteText)} FROM application_events e
             WHERE e.application_id = a.id AND e.type = 'note'), '')
        || coalesce(' ' || (SELECT ${joined(sql`c.name`)} FROM contact_links l
             JOIN contacts c ON c.id = l.contact_id WHERE l.application_id = a.id), '')
        || coalesce(' ' || a.job_description, '')
    FROM applications a`.execute(db);

  await sql`UPDATE applications SET last_response_on = substr(created_at, 1, 10)
    WHERE last_response_on IS NULL
      AND furthest_stage IN ('screening', 'interviewing', 'offer', 'accepted')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
