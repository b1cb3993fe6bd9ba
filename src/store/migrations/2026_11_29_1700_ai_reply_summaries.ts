import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// Your own model (issue 17): a theme summary of a feedback reply, kept beside the verbatim
// answer (which stays in feedback_requests.answer, untouched). One per feedback request; the
// user accepted (and perhaps edited) it from a draft their own model wrote.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_reply_summaries')
    .addColumn('feedback_request_id', 'text', (c) =>
      c.primaryKey().references('feedback_requests.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ai_reply_summaries_ws')
    .on('ai_reply_summaries')
    .columns(['workspace_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_reply_summaries').execute();
}
