import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
// Issue 13: one reminder e-mail per person per day, however many server processes run the job.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reminders_sent')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminders_sent_pk', ['user_id', 'day'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
