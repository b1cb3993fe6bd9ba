import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Inside a PostgreSQL transaction, waits for and holds the lock named `key` until the transaction
 * ends, so two transactions that must not interleave on one thing (an address's invitations, a
 * workspace's tallies) take turns. Nothing outside a transaction, and nothing on SQLite, whose
 * write transactions hold the whole database.
 */
export async function holdAdvisoryLock<DB>(db: Kysely<DB>, key: string): Promise<void> {
  if (!db.isTransaction || !(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
}
