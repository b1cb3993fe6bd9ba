import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// A weekly goal carried over from week to week, or (when `week_start` is set) a goal for that one
// week: a check-in a coach proposed for next week and the seeker accepted belongs to next week's
// goals, not this week's. Existing goals carry over as before (null).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('weekly_goals').addColumn('week_start', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('weekly_goals').dropColumn('week_start').execute();
}
