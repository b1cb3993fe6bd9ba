import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databases } from '../../test/support/databases.ts';
import { migrateToLatest } from './connect.ts';

// Issue 11, item 12: a database written by a newer Rebound was refused with "corrupted
// migrations … is missing"; it now says what happened and what to do, and changes nothing.
for (const database of databases) {
  describe(`a database from a newer Rebound on ${database.name}`, () => {
    it('is refused with the version it needs and an upgrade hint', async () => {
      const store = await database.open();
      try {
        const table = store.schema ? sql.id(store.schema, 'kysely_migration') : sql.id('kysely_migration');
        await sql`insert into ${table} (name, timestamp) values (${'2031_01_01_0900_future'}, ${'2031-01-01T09:00:00.000Z'})`.execute(
          store.db,
        );
        const error = await migrateToLatest(store.db, store.schema).catch((e: unknown) => e);
        expect(error).toMatchObject({
          code: 'database_too_new',
          message:
            'This database was written by a newer Rebound (schema version 2031_01_01_0900_future); upgrade Rebound to open it. Nothing was changed.',
        });
      } finally {
        await store.close();
      }
    });
  });
}
