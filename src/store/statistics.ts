import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The planner's statistics after a bulk write (issue 12). PostgreSQL plans from row counts and
 * value spreads it gathers in the background a while after a write; right after an import of
 * 100,000 applications it still believed the tables held a few hundred rows and picked plans
 * several times slower than needed. An `ANALYZE` of the written tables is a sample of at most
 * 30,000 rows each, so it costs a fraction of a second after a write of that size.
 *
 * Run after the writing transaction commits: inside it, the lock `ANALYZE` takes would be held
 * to the end and make another workspace's bulk write wait. SQLite plans from its indexes alone
 * here, so it has nothing to do.
 */

/** Below this many applications written at once, PostgreSQL's own background statistics keep up. */
export const ANALYZE_AFTER_APPLICATIONS = 1000;

/** The tables a bulk write of applications with their histories fills. */
export const APPLICATION_TABLES = [
  'applications',
  'application_tags',
  'application_events',
  'application_summaries',
  'application_search',
  'interview_rounds',
  'insight_tallies',
] as const satisfies readonly (keyof Database & string)[];

/** Brings PostgreSQL's statistics of `tables` up to date (nothing on SQLite). */
export async function refreshStatistics(
  db: Kysely<Database>,
  tables: readonly (keyof Database & string)[] = APPLICATION_TABLES,
): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter || tables.length === 0) return;
  await sql.raw(`analyze ${tables.join(', ')}`).execute(db);
}

/** After a bulk write of `applications` applications: refreshes the statistics when it was a big one. */
export async function refreshStatisticsAfter(db: Kysely<Database>, applications: number): Promise<void> {
  if (applications >= ANALYZE_AFTER_APPLICATIONS) await refreshStatistics(db);
}
