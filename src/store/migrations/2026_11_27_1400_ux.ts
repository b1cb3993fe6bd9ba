import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
// Issue 10: the step of the guided recovery flow the user reached (so it resumes there), and the
// user's own words for the keep-in-touch notes (thank-you, connection request) to one contact.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rejections').addColumn('flow_step', 'text').execute();

  await db.schema
    .createTable('contact_drafts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_drafts_pk', ['workspace_id', 'contact_id', 'kind'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
