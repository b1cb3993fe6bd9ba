import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type StoreTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string }
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
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
      max: 10,
      ...(target.schema ? { options: `-c search_path="${target.schema.replaceAll('"', '')}"` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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

/** Runs every migration not yet applied; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<string[]> {
  if (await isUpToDate(db, schema)) return [];
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
  const applied = (results ?? []).map((r) => r.migrationName);
  // The summaries migration adds an empty table; fill it from the events already there.
  if (applied.includes(SUMMARIES_MIGRATION)) {
    const { rebuildAllSummaries } = await import('./summaries-repository.ts');
    await db.transaction().execute((trx) => rebuildAllSummaries(trx));
  }
  return applied;
}

const SUMMARIES_MIGRATION = '2026_11_27_1200_summaries';

/** A fast path for every start after the first: one query instead of the migrator's lock dance. */
async function isUpToDate(db: Kysely<Database>, schema?: string): Promise<boolean> {
  const names = Object.keys(migrations).sort();
  try {
    const table = schema ? sql.id(schema, 'kysely_migration') : sql.id('kysely_migration');
    const result = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const applied = new Set(result.rows.map((r) => r.name));
    return names.every((n) => applied.has(n)) && applied.size === names.length;
  } catch {
    return false;
  }
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
