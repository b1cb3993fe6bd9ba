import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Kysely,
  PostgresAdapter,
  type QueryResult,
} from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/**
 * Hot reads compiled once per query shape and dialect instead of on every call: building and
 * compiling a Kysely query costs more than a small indexed read itself (issue 12), and a hosted
 * request pays it on every statement (issue 13). The SQL text then stays the same, so SQLite's
 * statement cache (statement-cache.ts) finds it too.
 *
 * `build` receives placeholders in place of the values and must use each exactly where the value
 * goes (as a bound parameter, never in the SQL text); each call binds its own values. SQL text
 * never contains a value, so nothing a caller sends can reach it. The SQL names no schema (the
 * PostgreSQL schema is the connection's search path), so one compiled form serves every store of
 * a dialect, and transactions too.
 */
interface Entry {
  compiled: CompiledQuery;
  /** For each bound parameter: the index of the value it stands for, or -1 for a constant. */
  slots: number[];
}

const compiledByKey = new Map<string, Entry>();

/**
 * PostgreSQL: the SQL of compiled queries, each with a statement name, so the pool's connections
 * run them as named (server-side prepared) statements (`preparedStatementName`, used by
 * connect.ts): each connection parses and plans one once, then only binds values, saving the
 * server that work on every request. Bounded: past the limit a query runs unnamed as before, so
 * a connection never holds more than MAX_PREPARED prepared statements. A name always stands for
 * the same text, in every connection of every store; the text never holds a value.
 */
const preparedNames = new Map<string, string>();
export const MAX_PREPARED = 200;

/** The statement name for this SQL when it is a compiled query's (PostgreSQL), else undefined. */
export function preparedStatementName(sql: string): string | undefined {
  return preparedNames.get(sql);
}

// Unique strings no caller sends: each stands for the value at its index.
const PLACEHOLDER = '\u0000rebound-param-';
const placeholder = (i: number) => `${PLACEHOLDER}${i}`;

function dialectOf(db: Db): 'postgres' | 'sqlite' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

function compile(key: string, count: number, build: (params: string[]) => Compilable<unknown>): Entry {
  const params = Array.from({ length: count }, (_, i) => placeholder(i));
  const compiled = build(params).compile();
  const slots = compiled.parameters.map((p) =>
    typeof p === 'string' && p.startsWith(PLACEHOLDER) ? Number(p.slice(PLACEHOLDER.length)) : -1,
  );
  if (new Set(slots.filter((s) => s >= 0)).size !== count || compiled.sql.includes(PLACEHOLDER)) {
    throw new Error(`compiled query ${key}: every value must be bound exactly as a parameter`);
  }
  return { compiled, slots };
}

function run<Row>(
  db: Db,
  key: string,
  values: readonly unknown[],
  build: (params: string[]) => Compilable<unknown>,
) {
  const cacheKey = `${dialectOf(db)}|${key}`;
  let entry = compiledByKey.get(cacheKey);
  if (!entry) {
    entry = compile(key, values.length, build);
    compiledByKey.set(cacheKey, entry);
    const sql = entry.compiled.sql;
    if (cacheKey.startsWith('postgres|') && !preparedNames.has(sql) && preparedNames.size < MAX_PREPARED) {
      preparedNames.set(sql, `rebound_${preparedNames.size + 1}`);
    }
  }
  const { compiled, slots } = entry;
  const parameters = slots.map((slot, i) => (slot < 0 ? compiled.parameters[i] : values[slot]));
  return db.executeQuery<Row>(
    Object.freeze({ query: compiled.query, queryId: createQueryId(), sql: compiled.sql, parameters }),
  );
}

/** Runs the query that `build` makes for the shape `key`, compiled once, with these values. */
export async function executeCached<Row>(
  db: Db,
  key: string,
  values: readonly unknown[],
  build: (params: readonly never[]) => Compilable<Row>,
): Promise<Row[]> {
  const result = await run<Row>(db, key, values, (params) => build(params as unknown as never[]));
  return result.rows as Row[];
}

let reusableCount = 0;

/** A query of a fixed shape, compiled once per dialect, called with its values as arguments. */
export function reusableQuery<R, A extends unknown[]>(
  arity: A['length'],
  build: (db: Db, ...args: string[]) => Compilable<R>,
): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  const key = `reusable-${++reusableCount}`;
  return (db, ...args) => {
    if (args.length !== arity) throw new Error(`compiled query ${key}: expected ${arity} values`);
    return run<R>(db, key, args, (params) => build(db, ...params));
  };
}
