import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
// Issue 16: referral paths. A contact imported from a connections export (LinkedIn's
// Connections.csv or another contacts CSV) is marked as a connection, with the day the user
// connected when the file says; a referral ask to one connection about one application is
// tracked through asked, agreed, referred or declined.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('connections')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('connected_on', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connections_pk', ['workspace_id', 'contact_id'])
    .execute();

  await db.schema
    .createTable('referral_asks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('asked_on', 'text', (c) => c.notNull())
    .addColumn('status_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referral_asks_application_contact')
    .on('referral_asks')
    .columns(['workspace_id', 'application_id', 'contact_id'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
