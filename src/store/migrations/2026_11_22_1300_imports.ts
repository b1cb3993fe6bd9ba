import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// Getting data in: e-mails read from an .eml or mbox file, one row per message, so importing the
// same message twice does nothing and the ones Rebound was not sure about wait in a review queue.
// Spreadsheet imports need no table of their own: applications.source_key holds each row's key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // A hash of the Message-ID header (or of the message's content when it has none).
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text')
    .addColumn('from_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    // A soft reference: deleting the application leaves the message (and its review) in place.
    .addColumn('application_id', 'text')
    .addColumn('match_score', 'real')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_messages_ws_key')
    .on('mail_messages')
    .columns(['workspace_id', 'message_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('mail_messages_ws_status')
    .on('mail_messages')
    .columns(['workspace_id', 'status', 'sent_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
