import { sql } from 'kysely';
import type { Store } from './connect.ts';

/**
 * The shape of a migrated database, for the snapshot test: every table's columns with their type,
 * nullability and default, and every index with its uniqueness and columns. Read from the
 * database's own catalogue, so it shows what the migrations really built.
 */
export interface SchemaShape {
  [table: string]: { columns: Record<string, string>; indexes: Record<string, string> };
}

export async function readSchemaShape(store: Store): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  if (store.dialect === 'sqlite') {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
    `.execute(store.db);
    for (const { name } of tables.rows) {
      const columns = await sql<{
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }>`
        select * from pragma_table_info(${name})`.execute(store.db);
      const indexes = await sql<{ name: string; unique: number }>`
        select * from pragma_index_list(${name})`.execute(store.db);
      const entry: SchemaShape[string] = { columns: {}, indexes: {} };
      for (const c of columns.rows) {
        entry.columns[c.name] = describeColumn(c.type, c.notnull === 1 || c.pk > 0, c.dflt_value);
      }
      for (const index of indexes.rows) {
        const cols = await sql<{
          name: string;
        }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(store.db);
        entry.indexes[index.name] =
          `${index.unique ? 'unique ' : ''}(${cols.rows.map((c) => c.name).join(', ')})`;
      }
      shape[name] = entry;
    }
  } else {
    const schema = store.schema ?? 'public';
    const columns = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
    }>`select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
       where table_schema = ${schema} and table_name not like 'kysely_%'`.execute(store.db);
    for (const c of columns.rows) {
      shape[c.table_name] ??= { columns: {}, indexes: {} };
      shape[c.table_name]!.columns[c.column_name] = describeColumn(
        c.data_type,
        c.is_nullable === 'NO',
        c.column_default,
      );
    }
    const indexes = await sql<{ table: string; name: string; unique: boolean; columns: string }>`
      select t.relname as "table", i.relname as name, x.indisunique as unique,
             (select string_agg(a.attname, ', ' order by k.ord)
                from unnest(x.indkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum) as columns
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace
       where n.nspname = ${schema} and t.relname not like 'kysely_%'`.execute(store.db);
    for (const index of indexes.rows) {
      shape[index.table] ??= { columns: {}, indexes: {} };
      shape[index.table]!.indexes[index.name] = `${index.unique ? 'unique ' : ''}(${index.columns})`;
    }
  }
  return sortDeep(shape) as SchemaShape;
}

function describeColumn(type: string, notNull: boolean, defaultValue: string | null): string {
  return `${type.toLowerCase()}${notNull ? ' not null' : ''}${defaultValue === null ? '' : ` default ${defaultValue}`}`;
}

function sortDeep(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sortDeep(v)]),
  );
}
