import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databases } from '../../test/support/databases.ts';

/**
 * A store given a PostgreSQL schema of its own looks at nothing outside it: what other schemas
 * hold, and other schemas made and dropped while it migrates, cannot make its migrations fail.
 * Needs a PostgreSQL server (PGlite has one schema and no one else on it).
 */
const PG_URL = process.env.REBOUND_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const postgres = databases.find((d) => d.name === 'postgres')!;

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const otherSchema = () => `other_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

describe('a PostgreSQL store in a schema of its own', () => {
  it('sees only its own tables, even where another schema has tables of the same names', async (ctx) => {
    const store = await postgres.open();
    const other = otherSchema();
    try {
      if (!store.schema) return ctx.skip();
      await withAdmin(async (admin) => {
        await admin.query(`create schema "${other}"`);
        await admin.query(`create table "${other}".applications (id serial primary key)`);
        await admin.query(`create table "${other}".kysely_migration (name text)`);
      });
      const tables = await store.db.introspection.getTables({ withInternalKyselyTables: true });
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([store.schema]));
      const names = tables.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['applications', 'kysely_migration', 'workspaces']));
      expect(names.filter((n) => n === 'applications')).toHaveLength(1);
      expect((await store.db.introspection.getTables()).map((t) => t.name)).not.toContain('kysely_migration');
      expect(await store.db.introspection.getSchemas()).toEqual([{ name: store.schema }]);
    } finally {
      await store.close();
      await withAdmin((admin) => admin.query(`drop schema if exists "${other}" cascade`));
    }
  });

  it('migrates a new database while other schemas are made and dropped beside it', async (ctx) => {
    const probe = await postgres.open({ migrate: false });
    const real = probe.schema !== undefined;
    await probe.close();
    if (!real) return ctx.skip();

    // Other schemas come and go for as long as the stores below take to open.
    let opening = true;
    const churn = withAdmin(async (admin) => {
      let rounds = 0;
      while (opening || rounds < 5) {
        const name = otherSchema();
        await admin.query(`create schema "${name}"`);
        await admin.query(`create table "${name}".password_resets (id serial primary key, token text)`);
        await admin.query(`drop schema "${name}" cascade`);
        rounds++;
      }
      return rounds;
    });
    const opened = await Promise.allSettled([postgres.open(), postgres.open(), postgres.open()]);
    opening = false;
    expect(await churn).toBeGreaterThanOrEqual(5);
    const stores = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    try {
      expect(opened.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);
      for (const store of stores)
        expect(await store.db.selectFrom('workspaces').selectAll().execute()).toEqual([]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
