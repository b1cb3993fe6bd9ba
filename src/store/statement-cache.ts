import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many prepared statements one SQLite connection keeps (the app runs a few hundred distinct queries). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite connection as Kysely's dialect sees it, with its prepared statements kept by SQL
 * text. better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares every query
 * it runs: for a small read that compiling costs more than the read itself. A statement in use
 * (being iterated by a stream) is never handed out twice; a fresh one runs instead. The least
 * recently used statement goes when the cache is full.
 */
export function cachingStatements(
  sqlite: BetterSqlite3.Database,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached) {
        if (cached.busy) return sqlite.prepare(sql);
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}
