import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
} from 'kysely';
import { ReboundError } from '../core/errors.ts';
import { preparedStatementName } from './compiled-queries.ts';
import { migrations } from './migrations/index.ts';
import { SchemaPostgresDialect } from './postgres-schema.ts';
import type { Database } from './schema.ts';
import { cachingStatements } from './statement-cache.ts';

export type StoreTarget =
  | { kind: 'sqlite'; file: string }
  /** poolSize: connections kept per process (default PG_POOL_SIZE). */
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number }
  | { kind: 'pglite' };

export interface Store {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Where the data lives, for a person: a file path or a redacted URL. */
  location: string;
  /** The PostgreSQL schema in use when it is not the default one (test isolation). */
  schema?: string;
  /**
   * A number that changes whenever another connection commits (SQLite's data_version), so
   * a cache can notice writes made by the CLI while the server runs; absent where unknown.
   */
  externalVersion?: () => number;
  close(): Promise<void>;
}

/** The PostgreSQL driver, loaded on first use so SQLite users (and `rebound --help`) never pay for it. */
async function loadPg() {
  const { default: pg } = await import('pg');
  // PostgreSQL returns int8 (COUNT, SUM) as strings; the counts Rebound reads fit in a double.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  return pg;
}

/** How long a write waits for another process (the CLI beside the server) to finish its own. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * PostgreSQL connections one process keeps. Requests wait for one in turn rather than each
 * opening its own, so several processes can share a server's 100 connections; a statement
 * holds one only while it runs (no transaction wraps a pure read).
 */
export const PG_POOL_SIZE = 10;

/**
 * SQLite transactions that take the write lock when they begin (`BEGIN IMMEDIATE`). A deferred
 * transaction reads first and asks for the lock at its first write; if another process wrote in
 * between, SQLite refuses at once ("database is locked") instead of waiting. Taking the lock up
 * front lets the busy timeout do its job: the CLI and the server wait for each other.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Opens the database and brings its schema up to date. */
export async function openStore(target: StoreTarget, options: { migrate?: boolean } = {}): Promise<Store> {
  const store = await connect(target);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store.db, store.schema);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

async function connect(target: StoreTarget): Promise<Store> {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }),
    });
    return {
      db,
      dialect: 'sqlite',
      location: target.file,
      externalVersion: () => sqlite.pragma('data_version', { simple: true }) as number,
      close: () => db.destroy(),
    };
  }
  if (target.kind === 'postgres') {
    const pg = await loadPg();
    if (target.schema) {
      const admin = new pg.Client({ connectionString: target.url });
      await admin.connect();
      try {
        await admin.query(`create schema if not exists "${target.schema.replaceAll('"', '')}"`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? PG_POOL_SIZE,
      ...(target.schema ? { options: `-c search_path="${target.schema.replaceAll('"', '')}"` } : {}),
    });
    if (process.env.REBOUND_PG_PREPARED !== '0') pool.on('connect', namePreparedStatements);
    // With a schema of its own, the store (and a migrator given its db) looks at no other schema.
    const dialect = target.schema
      ? new SchemaPostgresDialect({ pool }, target.schema)
      : new PostgresDialect({ pool });
    const db = new Kysely<Database>({ dialect });
    return {
      db,
      dialect: 'postgres',
      location: redactUrl(target.url),
      schema: target.schema,
      close: () => db.destroy(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('./pglite-dialect.ts');
  const instance = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(instance) });
  return { db, dialect: 'postgres', location: 'pglite (in memory)', close: () => db.destroy() };
}

/**
 * Runs compiled queries (compiled-queries.ts) as named statements on this connection: PostgreSQL
 * parses and plans each once per connection instead of on every call. Everything else, and every
 * call with a callback or a config object, goes through unchanged. REBOUND_PG_PREPARED=0 turns it
 * off (a pooler in transaction mode that does not keep prepared statements, such as an old
 * PgBouncer).
 */
function namePreparedStatements(client: import('pg').PoolClient): void {
  // The prototype's method looked up on each call, so anything that wraps it later still sees every statement.
  const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
  // Statements this connection runs unnamed again: a table they read changed its columns since
  // they were prepared (another Rebound migrated the database), which PostgreSQL refuses.
  const stale = new Set<string>();
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    const query = proto.query;
    if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
      const name = preparedStatementName(config);
      if (name !== undefined && !stale.has(name)) {
        return (query.call(client, { name, text: config, values }) as Promise<unknown>).catch((error) => {
          if ((error as { code?: string }).code !== '0A000') throw error;
          stale.add(name);
          return query.call(client, config, values);
        });
      }
    }
    return query.call(client, config, values, callback);
  }) as typeof client.query;
}

/** Runs every migration not yet applied; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<string[]> {
  const applied = await appliedMigrations(db, schema);
  const unknown = [...applied].filter((name) => !(name in migrations)).sort();
  if (unknown.length > 0) {
    const newest = unknown[unknown.length - 1]!;
    throw new ReboundError(
      'database_too_new',
      `This database was written by a newer Rebound (schema version ${newest}); upgrade Rebound to open it. Nothing was changed.`,
      [{ path: 'database', message: `schema version ${newest} is newer than this Rebound` }],
    );
  }
  if (isUpToDate(applied)) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  const ran = (results ?? []).map((r) => r.migrationName);
  // The summaries migration adds an empty table; fill it from the events already there.
  if (ran.includes(SUMMARIES_MIGRATION)) {
    const { rebuildAllSummaries } = await import('./summaries-repository.ts');
    await db.transaction().execute((trx) => rebuildAllSummaries(trx));
    const { refreshStatistics } = await import('./statistics.ts');
    await refreshStatistics(db, ['applications', 'application_summaries']);
  }
  // The tallies migration adds an empty table; count the applications already there.
  if (ran.includes(TALLIES_MIGRATION)) {
    const { rebuildAllTallies } = await import('./insight-tallies-repository.ts');
    await db.transaction().execute((trx) => rebuildAllTallies(trx));
  }
  return ran;
}

const SUMMARIES_MIGRATION = '2026_11_27_1200_summaries';
const TALLIES_MIGRATION = '2026_12_01_0900_insight_tallies';

/** The names of the migrations already applied; empty for a new database. */
async function appliedMigrations(db: Kysely<Database>, schema?: string): Promise<Set<string>> {
  try {
    const table = schema ? sql.id(schema, 'kysely_migration') : sql.id('kysely_migration');
    const result = await sql<{ name: string }>`select name from ${table}`.execute(db);
    return new Set(result.rows.map((r) => r.name));
  } catch {
    return new Set();
  }
}

/** A fast path for every start after the first: one query instead of the migrator's lock dance. */
function isUpToDate(applied: Set<string>): boolean {
  const names = Object.keys(migrations);
  return names.every((n) => applied.has(n)) && applied.size === names.length;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
