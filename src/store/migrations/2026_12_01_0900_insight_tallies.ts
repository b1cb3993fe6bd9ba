import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// Insights without reading every application (issue 12). Each application adds one to a few
// tallies: one by channel, furthest stage, outcome, answered and the day it went out, and one
// per day figure (days between stages, to a first answer, to a decision) by channel and value.
// The store keeps them in the same transaction as every write of an application or its
// summary, so the page reads a few thousand rows however many applications there are; the day
// it went out stays a key because "recent" and "old enough" depend on today. Text keys use ''
// and values -1 for "none", so each tally has exactly one row (a null never equals a null).
// The store fills the table for existing data right after this migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('insight_tallies')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('furthest', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('responded', 'integer', (c) => c.notNull())
    .addColumn('applied_on', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_tallies_pk', [
      'workspace_id',
      'metric',
      'channel',
      'furthest',
      'outcome',
      'responded',
      'applied_on',
      'value',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('insight_tallies').execute();
}
