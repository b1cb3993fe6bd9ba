import type { Kysely } from 'kysely';
import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/**
 * Hot reads compiled once per query shape instead of on every request (building and compiling a
 * Kysely query is a good part of a small request's CPU on a busy hosted server).
 *
 * `build` receives placeholders in place of the request's values and must use each exactly where
 * the value goes (as a bound parameter, never in the SQL text); the compiled statement is kept per
 * database handle and `key` (the query's shape: which filters, which sort), and each call binds
 * its own values. SQL text never contains a value, so nothing a caller sends can reach it.
 */
const caches = new WeakMap<object, Map<string, { compiled: CompiledQuery; slots: number[] }>>();

// Unique strings no caller sends: each stands for the value at its index.
const PLACEHOLDER = '\u0000rebound-param-';
const placeholder = (i: number) => `${PLACEHOLDER}${i}`;

export async function executeCached<Row>(
  db: Db,
  key: string,
  values: readonly unknown[],
  build: (params: readonly never[]) => Compilable<Row>,
): Promise<Row[]> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let entry = cache.get(key);
  if (!entry) {
    const params = values.map((_, i) => placeholder(i)) as unknown as never[];
    const compiled = build(params).compile();
    // For each bound parameter: the index of the value it stands for, or -1 for a constant.
    const slots = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(PLACEHOLDER) ? Number(p.slice(PLACEHOLDER.length)) : -1,
    );
    const used = new Set(slots.filter((s) => s >= 0));
    if (used.size !== values.length || compiled.sql.includes(PLACEHOLDER)) {
      throw new Error(`compiled query ${key}: every value must be bound exactly as a parameter`);
    }
    entry = { compiled, slots };
    cache.set(key, entry);
  }
  const { compiled, slots } = entry;
  const parameters = slots.map((slot, i) => (slot < 0 ? compiled.parameters[i] : values[slot]));
  const result = await db.executeQuery<Row>(
    Object.freeze({ query: compiled.query, queryId: createQueryId(), sql: compiled.sql, parameters }),
  );
  return result.rows as Row[];
}
