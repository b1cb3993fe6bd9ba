import { type Kysely, PostgresAdapter, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Application, ApplicationFields, DerivedState } from '../core/applications/application.ts';
import {
  APPLICATION_FIELDS,
  type ApplicationColumn,
  type ColumnOf,
  STORED_FIELDS,
  type StoredField,
} from '../core/applications/fields.ts';
import { reusableQuery } from './compiled-queries.ts';
import { lockTallies, retally, untally } from './insight-tallies-repository.ts';
import type { ApplicationTable, Database } from './schema.ts';
import { deleteSearchDocuments } from './search-repository.ts';

/**
 * All SQL about applications and their tags. Rows become domain shapes here. Their events and
 * interview rounds live in `events-repository.ts`, listing a filtered page of them in
 * `applications-list-repository.ts`.
 */

type Db = Kysely<Database>;

/**
 * Rows and domain shapes are mapped through the one description of the application's fields
 * (src/core/applications/fields.ts): which column holds each field, which columns a list reads.
 */
const STORED = STORED_FIELDS.map((field) => [field, APPLICATION_FIELDS[field].column] as const);
const LIST_COLUMN_PAIRS = STORED.filter(([field]) => APPLICATION_FIELDS[field].inList);
const EDITABLE_STORED = STORED.filter(([field]) => APPLICATION_FIELDS[field].kind === 'editable') as [
  keyof ApplicationFields,
  ApplicationColumn,
][];

/** Columns a list query reads (large text such as the job description is read with one application). */
export const SUMMARY_COLUMNS = LIST_COLUMN_PAIRS.map(([, column]) => column);

// The description and the table agree: every described column exists, every column is described
// (but the workspace and import bookkeeping), and each domain value fits its column.
type Row = Selectable<ApplicationTable>;
type Undescribed = Exclude<keyof ApplicationTable, ApplicationColumn>;
const columnsAgree: [
  ApplicationColumn extends keyof ApplicationTable ? true : false,
  [Undescribed] extends ['workspace_id' | 'source_key'] ? true : false,
  { [F in StoredField]: Application[F] extends Row[ColumnOf<F> & keyof Row] ? true : F }[StoredField],
] = [true, true, true];
void columnsAgree;

export type SummaryRow = Pick<Row, (typeof LIST_COLUMN_PAIRS)[number][1] & keyof Row> & {
  job_description?: string | null;
};

/**
 * A row as an application: `tags` first, then every stored field in STORED's order, a column the
 * row lacks (the job description in a list) as null. Built once from the field table as one
 * object literal, so each row is one allocation of a fixed shape instead of thirty keyed stores
 * (a list page maps a hundred rows per request). Names come from the field table, never from data.
 */
const rowToApplication = new Function(
  'row',
  'tags',
  `return { tags, ${STORED.map(([field, column]) => `${JSON.stringify(field)}: row[${JSON.stringify(column)}] === undefined ? null : row[${JSON.stringify(column)}]`).join(', ')} };`,
) as (row: unknown, tags: string[]) => Application;

export function toApplication(row: SummaryRow, tags: string[]): Application {
  // The table above covers every field (checked where it is written), so this is the whole application.
  return rowToApplication(row, tags);
}

function fieldsToRow(fields: Partial<ApplicationFields>): Partial<ApplicationTable> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of EDITABLE_STORED) if (fields[field] !== undefined) row[column] = fields[field];
  return row as Partial<ApplicationTable>;
}

function _derivedToRow(state: DerivedState): Partial<ApplicationTable> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of STORED)
    if (APPLICATION_FIELDS[field].kind === 'derived') row[column] = state[field as keyof DerivedState];
  return row as Partial<ApplicationTable>;
}

/** Every column of `applications`, in the order `applicationValues` returns them. */
export const ALL_COLUMNS = [...STORED.map(([, column]) => column), 'workspace_id', 'source_key'] as const;

/**
 * The values of a new application's row, by position in ALL_COLUMNS (tags live in their own
 * table). Positional so bulk inserts of thousands of rows build no intermediate objects.
 */
export function applicationValues(
  app: Application,
  workspaceId: string,
  sourceKey: string | null,
): unknown[] {
  const values = new Array<unknown>(STORED.length + 2);
  for (let i = 0; i < STORED.length; i++) values[i] = app[STORED[i]![0]];
  values[STORED.length] = workspaceId;
  values[STORED.length + 1] = sourceKey;
  return values;
}

/**
 * `applicationValues` appended to `into` (rows laid end to end), with the fields `state` holds
 * taken from it rather than from `app` (the derived ones, from the history).
 */
export function pushApplicationValues(
  into: unknown[],
  app: Application,
  state: Partial<Application>,
  workspaceId: string,
  sourceKey: string | null,
): void {
  for (let i = 0; i < STORED.length; i++) {
    const field = STORED[i]![0];
    into.push(Object.hasOwn(state, field) ? state[field] : app[field]);
  }
  into.push(workspaceId, sourceKey);
}

export async function updateApplicationFields(
  db: Db,
  workspaceId: string,
  id: string,
  fields: Partial<ApplicationFields>,
  updatedAt: string,
): Promise<void> {
  const { tags, ...rest } = fields;
  const update = () =>
    db
      .updateTable('applications')
      .set({ ...fieldsToRow(rest), updated_at: updatedAt })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  // The channel and the day it went out are keys of the insight tallies.
  if (rest.channel !== undefined || rest.appliedOn !== undefined)
    await retally(db, workspaceId, [id], update);
  else await update();
  if (tags !== undefined) await replaceTags(db, workspaceId, id, tags);
}

async function replaceTags(db: Db, workspaceId: string, id: string, tags: string[]): Promise<void> {
  await db.deleteFrom('application_tags').where('application_id', '=', id).execute();
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await db
    .insertInto('application_tags')
    .values(unique.map((tag) => ({ workspace_id: workspaceId, application_id: id, tag })))
    .execute();
}

/**
 * True inside a PostgreSQL transaction, where reading an application locks its row until the
 * transaction ends: two requests adding events to one application (or one deleting it) then run
 * one after the other, so history sequence numbers stay distinct. SQLite transactions already
 * hold the whole database (BEGIN IMMEDIATE).
 */
export function locksRows(db: Db): boolean {
  return db.isTransaction && db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The application's tags in order, as one JSON array (text on SQLite, parsed already on PostgreSQL). */
export function tagsColumn(db: Db): RawBuilder<string | string[]> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<
        string[]
      >`coalesce((select json_agg(t.tag order by t.tag) from application_tags t where t.application_id = applications.id), '[]'::json)`
    : sql<string>`(select json_group_array(t.tag order by t.tag) from application_tags t where t.application_id = applications.id)`;
}

export function tagList(tags: string | string[]): string[] {
  return typeof tags === 'string' ? JSON.parse(tags) : tags;
}

const readApplication = (forUpdate: boolean) =>
  reusableQuery<SummaryRow & { job_description: string | null; tags: string | string[] }, [string, string]>(
    2,
    (db, workspaceId, id) =>
      db
        .selectFrom('applications')
        .select([...SUMMARY_COLUMNS, 'job_description', tagsColumn(db).as('tags')])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .$if(forUpdate, (q) => q.forUpdate()),
  );
const readApplicationPlain = readApplication(false);
const readApplicationLocked = readApplication(true);

/** One application; inside a PostgreSQL transaction its row stays locked until the transaction ends. */
export async function findApplication(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<Application | undefined> {
  await lockTallies(db, workspaceId);
  const read = locksRows(db) ? readApplicationLocked : readApplicationPlain;
  const row = (await read(db, workspaceId, id)).rows[0];
  if (!row) return undefined;
  return toApplication(row, tagList(row.tags));
}

/** The tags of these applications, by application (in tag order). */
async function tagsFor(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('application_tags')
    .select(['application_id', 'tag'])
    .where('application_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const r of rows) {
    const list = map.get(r.application_id) ?? [];
    list.push(r.tag);
    map.set(r.application_id, list);
  }
  return map;
}

/** These applications, by id (missing ones left out); inside a PostgreSQL transaction their rows stay locked. */
export async function findApplications(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, Application>> {
  const out = new Map<string, Application>();
  await lockTallies(db, workspaceId);
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('applications')
      .select([...SUMMARY_COLUMNS, 'job_description'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', slice)
      .orderBy('id')
      .$if(locksRows(db), (q) => q.forUpdate())
      .execute();
    if (rows.length === 0) continue;
    const tags = await tagsFor(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) out.set(row.id, toApplication(row, tags.get(row.id) ?? []));
  }
  return out;
}

export async function deleteApplication(db: Db, workspaceId: string, id: string): Promise<boolean> {
  await untally(db, workspaceId, [id]);
  const result = await db
    .deleteFrom('applications')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  await deleteSearchDocuments(db, workspaceId, [id]);
  return Number(result.numDeletedRows) > 0;
}

/** An application as a person names it on the command line: its id, and what tells it apart. */
export interface ApplicationRef {
  id: string;
  company: string;
  role: string;
}

/**
 * The applications `ref` may name, at most `limit`: the one with that id, else those at a company
 * of that name (letter case aside, as each database folds it).
 */
export async function findApplicationRefs(
  db: Db,
  workspaceId: string,
  ref: string,
  limit: number,
): Promise<ApplicationRef[]> {
  const base = db
    .selectFrom('applications')
    .select(['id', 'company', 'role'])
    .where('workspace_id', '=', workspaceId);
  const exact = await base.where('id', '=', ref).execute();
  if (exact.length > 0) return exact;
  const named = await base
    .where(sql<boolean>`lower(company) = lower(${ref})`)
    .orderBy('applied_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  // SQLite's lower() folds only A–Z: "ärzte gruppe" for "Ärzte Gruppe" is compared here instead.
  if (named.length > 0 || /^[ -~]*$/.test(ref)) return named;
  const folded = ref.toLowerCase();
  const all = await base.orderBy('applied_on', 'desc').orderBy('id').execute();
  return all.filter((a) => a.company.toLowerCase() === folded).slice(0, limit);
}
