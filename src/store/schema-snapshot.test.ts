import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databases } from '../../test/support/databases.ts';
import { readSchemaShape, type SchemaShape } from './schema-shape.ts';

/**
 * Migrations only add. This test compares the migrated schema, on each database, with the
 * approved snapshot: every table's columns (type, nullability, default) and indexes (uniqueness,
 * columns). A column that disappears or changes fails; a new one fails too until it is approved
 * with `UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/store/schema-snapshot.test.ts`.
 */
const SNAPSHOT = new URL('./schema-snapshot.json', import.meta.url);

type Snapshot = Partial<Record<'sqlite' | 'postgres', SchemaShape>>;

function differences(approved: SchemaShape, actual: SchemaShape): { changed: string[]; added: string[] } {
  const changed: string[] = [];
  const added: string[] = [];
  for (const [table, want] of Object.entries(approved)) {
    const have = actual[table];
    if (!have) {
      changed.push(`table ${table} is gone`);
      continue;
    }
    for (const kind of ['columns', 'indexes'] as const) {
      for (const [name, shape] of Object.entries(want[kind])) {
        if (have[kind][name] === undefined) changed.push(`${kind} ${table}.${name} is gone`);
        else if (have[kind][name] !== shape)
          changed.push(`${kind} ${table}.${name} was "${shape}", is "${have[kind][name]}"`);
      }
      for (const name of Object.keys(have[kind]))
        if (want[kind][name] === undefined) added.push(`${kind} ${table}.${name}`);
    }
  }
  for (const table of Object.keys(actual)) if (!approved[table]) added.push(`table ${table}`);
  return { changed, added };
}

for (const database of databases) {
  describe(`schema on ${database.name}`, () => {
    it('matches the approved snapshot: nothing dropped, renamed or changed', async () => {
      const store = await database.open();
      try {
        const actual = await readSchemaShape(store);
        const snapshot: Snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
        if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
          // Re-read before writing: the other database's leg may have written its half meanwhile.
          const latest: Snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
          latest[database.name] = actual;
          writeFileSync(
            SNAPSHOT,
            `${JSON.stringify({ postgres: latest.postgres, sqlite: latest.sqlite }, null, 2)}\n`,
          );
          return;
        }
        const approved = snapshot[database.name];
        expect(approved, `no approved ${database.name} snapshot (UPDATE_SCHEMA_SNAPSHOT=1)`).toBeDefined();
        const { changed, added } = differences(approved!, actual);
        expect(changed, 'dropped, renamed or changed since the approved snapshot').toEqual([]);
        expect(added, 'new schema not yet approved (UPDATE_SCHEMA_SNAPSHOT=1)').toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}
