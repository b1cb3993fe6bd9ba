// The PostgreSQL server the benches measure against, and the schemas they leave behind.
import pg from 'pg';

/** REBOUND_TEST_PG_URL, as for the tests (default 127.0.0.1:5432/test). */
export const PG_URL = process.env.REBOUND_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the server answers within 1.5 s; the PostgreSQL legs are skipped when it does not. */
export async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Drops a bench's schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
}
