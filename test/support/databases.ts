import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/connect.ts';

/**
 * The databases every storage test runs on: a real SQLite file, and PostgreSQL — the server at
 * REBOUND_TEST_PG_URL (default 127.0.0.1:5432/test) when it answers, else PGlite in process.
 * CI sets REBOUND_TEST_PG_REQUIRED=1 so a missing server fails instead of falling back.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh database; `migrate: false` leaves it empty (for upgrade tests). */
  open(options?: { migrate?: boolean }): Promise<Store>;
}

export const PG_URL = process.env.REBOUND_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let pgAvailable: Promise<boolean> | undefined;

/**
 * Whether the PostgreSQL server at PG_URL answers (asked once per process); tests that need the
 * server itself, not PGlite, skip without it, unless REBOUND_TEST_PG_REQUIRED=1 makes it an error.
 */
export function postgresAnswers(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if (process.env.REBOUND_TEST_PG_REQUIRED === '1') {
        throw new Error(`PostgreSQL is required for this run but ${PG_URL} did not answer: ${String(error)}`);
      }
      return false;
    }
  })();
  return pgAvailable;
}

const MIGRATIONS = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));
let sqliteTemplate: Promise<string> | undefined;

/**
 * A SQLite file with every migration applied, made once and copied for each test instead of
 * migrating each new database. It is named by a hash of the migration files, so a new or changed
 * migration makes a new one; runs at once share it (written aside, then renamed into place).
 */
function migratedSqliteFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const hash = createHash('sha256');
    for (const name of readdirSync(MIGRATIONS).sort())
      hash.update(name).update(readFileSync(join(MIGRATIONS, name)));
    const file = join(tmpdir(), `rebound-test-migrated-${hash.digest('hex').slice(0, 16)}.db`);
    if (existsSync(file)) return file;
    const dir = mkdtempSync(join(tmpdir(), 'rebound-test-template-'));
    try {
      const store = await openStore({ kind: 'sqlite', file: join(dir, 'rebound.db') });
      await store.close();
      renameSync(join(dir, 'rebound.db'), file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return file;
  })();
  return sqliteTemplate;
}

async function openSqlite(options: { migrate?: boolean } = {}): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-test-'));
  const file = join(dir, 'rebound.db');
  if (options.migrate !== false) copyFileSync(await migratedSqliteFile(), file);
  const store = await openStore({ kind: 'sqlite', file }, options);
  return {
    ...store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Drops a schema of the PostgreSQL server and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await admin.end();
  }
}

async function openPostgres(options: { migrate?: boolean } = {}): Promise<Store> {
  if (!(await postgresAnswers())) return openStore({ kind: 'pglite' }, options);
  // A schema of its own per database; the store looks at nothing outside it (connect.ts), so
  // tests that create and drop their schemas at the same time cannot trip each other up.
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  let store: Store;
  try {
    store = await openStore({ kind: 'postgres', url: PG_URL, schema }, options);
  } catch (error) {
    await dropSchema(schema);
    throw error;
  }
  return {
    ...store,
    location: `${store.location} (schema ${schema})`,
    close: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
}

export const databases: TestDatabase[] = [
  { name: 'sqlite', open: openSqlite },
  { name: 'postgres', open: openPostgres },
];

/** A fresh migrated database on the PostgreSQL server itself (never PGlite); none when it does not answer. */
export async function openPostgresServer(): Promise<Store | undefined> {
  return (await postgresAnswers()) ? openPostgres() : undefined;
}
