import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databases } from '../../test/support/databases.ts';

/**
 * Migrations only add. This test compares the migrated schema with the approved snapshot:
 * a table or column that disappears (a drop or a rename) fails; a new one fails too until it is
 * approved with `UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/store/schema-snapshot.test.ts`.
 */
const SNAPSHOT = new URL('./schema-snapshot.json', import.meta.url);

type Shape = Record<string, string[]>;

for (const database of databases) {
  describe(`schema on ${database.name}`, () => {
    it('matches the approved snapshot: nothing dropped or renamed', async () => {
      const store = await database.open();
      try {
        const tables = await store.db.introspection.getTables();
        const wantedSchema = store.dialect === 'postgres' ? (store.schema ?? 'public') : undefined;
        const shape: Shape = {};
        for (const t of tables) {
          if (t.name.startsWith('kysely_')) continue;
          // SQLite's own storage behind an FTS5 table; PostgreSQL has no such tables.
          if (/^application_search_(data|idx|content|docsize|config)$/.test(t.name)) continue;
          if (wantedSchema && t.schema !== wantedSchema) continue;
          shape[t.name] = t.columns.map((c) => c.name).sort();
        }
        const sorted = Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));
        if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1' && database.name === 'sqlite') {
          writeFileSync(SNAPSHOT, `${JSON.stringify(sorted, null, 2)}\n`);
        }
        const approved: Shape = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
        const missing: string[] = [];
        for (const [table, columns] of Object.entries(approved)) {
          if (!sorted[table]) missing.push(`table ${table}`);
          else for (const c of columns) if (!sorted[table]!.includes(c)) missing.push(`column ${table}.${c}`);
        }
        expect(missing, 'dropped or renamed since the approved snapshot').toEqual([]);
        const added: string[] = [];
        for (const [table, columns] of Object.entries(sorted)) {
          if (!approved[table]) added.push(`table ${table}`);
          else for (const c of columns) if (!approved[table]!.includes(c)) added.push(`column ${table}.${c}`);
        }
        expect(added, 'new schema not yet approved (UPDATE_SCHEMA_SNAPSHOT=1)').toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}
