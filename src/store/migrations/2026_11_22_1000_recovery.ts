import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
// The recovery loop (issue 3): rejections, the pause journal, feedback requests, look backs,
// action items, contacts and their keep-in-touch rhythm, and the scheduled items Today reads.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: import('kysely').ColumnDefinitionBuilder) =>
    c.notNull().references('workspaces.id').onDelete('cascade');
  const app = (c: import('kysely').ColumnDefinitionBuilder) =>
    c.references('applications.id').onDelete('cascade');

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('role', 'text')
    .addColumn('email', 'text')
    .addColumn('linkedin_url', 'text')
    .addColumn('phone', 'text')
    .addColumn('how_met', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_ws_name').on('contacts').columns(['workspace_id', 'name']).execute();

  await db.schema
    .createTable('rejections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('application_id', 'text', (c) => app(c).notNull())
    .addColumn('stage_reached', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('rejected_at', 'text', (c) => c.notNull())
    .addColumn('reason_given', 'text')
    .addColumn('reason_tags', 'text', (c) => c.notNull())
    .addColumn('cool_off_hours', 'integer')
    .addColumn('cool_off_ends_at', 'text', (c) => c.notNull())
    .addColumn('reopened_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rejections_ws_app')
    .on('rejections')
    .columns(['workspace_id', 'application_id', 'rejected_at'])
    .execute();
  await db.schema
    .createIndex('rejections_ws_rejected')
    .on('rejections')
    .columns(['workspace_id', 'rejected_at'])
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('mood', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('rejection_id', 'text', (c) => c.references('rejections.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('journal_entries_ws_written')
    .on('journal_entries')
    .columns(['workspace_id', 'written_at'])
    .execute();
  await db.schema
    .createIndex('journal_entries_rejection')
    .on('journal_entries')
    .columns(['rejection_id'])
    .execute();

  await db.schema
    .createTable('feedback_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('rejection_id', 'text', (c) => c.notNull().references('rejections.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => app(c).notNull())
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('follow_up_due_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_requests_rejection')
    .on('feedback_requests')
    .columns(['rejection_id'])
    .execute();
  await db.schema
    .createIndex('feedback_requests_ws_app')
    .on('feedback_requests')
    .columns(['workspace_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('post_mortem_items')
    .addColumn('workspace_id', 'text', ws)
    .addColumn('application_id', 'text', (c) => app(c).notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_mortem_items_pk', ['application_id', 'key'])
    .execute();

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('application_id', 'text', app)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema
    .createIndex('action_items_ws_status_due')
    .on('action_items')
    .columns(['workspace_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('action_items_app_source')
    .on('action_items')
    .columns(['application_id', 'source_key'])
    .execute();

  await db.schema
    .createTable('contact_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => app(c).notNull())
    .addColumn('round_id', 'text', (c) => c.references('interview_rounds.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_links_contact').on('contact_links').columns(['contact_id']).execute();
  await db.schema.createIndex('contact_links_app').on('contact_links').columns(['application_id']).execute();

  await db.schema
    .createTable('cadences')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', ws)
    .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('set null'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('connect_after_days', 'integer', (c) => c.notNull())
    .addColumn('value_every_days', 'integer', (c) => c.notNull())
    .addColumn('stopped_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadences_ws').on('cadences').columns(['workspace_id']).execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interactions_contact_at')
    .on('interactions')
    .columns(['contact_id', 'at'])
    .execute();

  // Pending dated work, kept in step by the services in the same transaction as each change, so
  // Today is one indexed range read. A row is deleted when its work is done.
  await db.schema
    .createTable('scheduled_items')
    .addColumn('workspace_id', 'text', ws)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('application_id', 'text', app)
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('cascade'))
    .addColumn('nudge', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('scheduled_items_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('scheduled_items_ws_due')
    .on('scheduled_items')
    .columns(['workspace_id', 'due_at'])
    .execute();
  await db.schema.createIndex('scheduled_items_ref').on('scheduled_items').columns(['ref_id']).execute();
  await db.schema
    .createIndex('scheduled_items_contact')
    .on('scheduled_items')
    .columns(['contact_id'])
    .execute();

  // Today also reads interviews by date and open applications by silence.
  await db.schema
    .createIndex('interview_rounds_ws_scheduled')
    .on('interview_rounds')
    .columns(['workspace_id', 'scheduled_at'])
    .execute();
  await db.schema
    .createIndex('applications_ws_outcome_response')
    .on('applications')
    .columns(['workspace_id', 'outcome', 'last_response_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
