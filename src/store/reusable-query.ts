import { type Compilable, type CompiledQuery, type Kysely, PostgresAdapter, type QueryResult } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** A stand-in for the i-th argument while a reusable query is compiled; no real value looks like it. */
const placeholder = (i: number) => `\u0000rebound-argument-${i}\u0000`;

/**
 * A query that Kysely builds and compiles once per dialect, then runs with each call's values in
 * place of its placeholders. Building and compiling cost more than a small indexed read itself
 * (issue 12), and the SQL text stays the same, so SQLite's statement cache finds it too.
 * `build` receives one placeholder per argument and must use each only as a value.
 */
export function reusableQuery<R, A extends unknown[]>(
  arity: A['length'],
  build: (db: Db, ...args: string[]) => Compilable<R>,
): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  const byDialect = new Map<'sqlite' | 'postgres', { compiled: CompiledQuery<R>; slots: number[] }>();
  return (db, ...args) => {
    const dialect = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
    let entry = byDialect.get(dialect);
    if (!entry) {
      const names = Array.from({ length: arity }, (_, i) => placeholder(i));
      const compiled = build(db, ...names).compile();
      const slots = compiled.parameters.map((p) => names.indexOf(p as string));
      if (new Set(slots.filter((s) => s >= 0)).size !== arity) {
        throw new Error(`reusableQuery: every argument must appear as a parameter in ${compiled.sql}`);
      }
      entry = { compiled, slots };
      byDialect.set(dialect, entry);
    }
    const { compiled, slots } = entry;
    const parameters = slots.map((slot, i) => (slot >= 0 ? args[slot] : compiled.parameters[i]));
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}
