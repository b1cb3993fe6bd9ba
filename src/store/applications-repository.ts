import { type Kysely, PostgresAdapter, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type {
  Application,
  ApplicationFields,
  ApplicationKind,
  Channel,
  DerivedState,
  Outcome,
  Stage,
} from '../core/applications/application.ts';
import {
  APPLICATION_FIELDS,
  type ApplicationColumn,
  type ColumnOf,
  STORED_FIELDS,
  type StoredField,
} from '../core/applications/fields.ts';
import { executeCached } from './compiled-queries.ts';
import type { ApplicationTable, Database } from './schema.ts';
import { deleteSearchDocuments, searchCondition } from './search-repository.ts';

/**
 * All SQL about applications and their tags. Rows become domain shapes here. Their events and
 * interview rounds live in `events-repository.ts`.
 */

export interface ApplicationFilter {
  status?: 'open' | 'closed' | 'all';
  stage?: Stage;
  channel?: Channel;
  outcome?: Outcome;
  tag?: string;
  kind?: ApplicationKind;
  q?: string;
  sort?: 'updated' | 'applied' | 'company' | 'priority' | 'stage';
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

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

export function toApplication(row: SummaryRow, tags: string[]): Application {
  const values = row as unknown as Record<string, unknown>;
  const app: Record<string, unknown> = { tags };
  for (const [field, column] of STORED) {
    const value = values[column];
    app[field] = value === undefined ? null : value;
  }
  // The table above covers every field (checked where it is written), so this is the whole application.
  return app as unknown as Application;
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

export async function updateApplicationFields(
  db: Db,
  workspaceId: string,
  id: string,
  fields: Partial<ApplicationFields>,
  updatedAt: string,
): Promise<void> {
  const { tags, ...rest } = fields;
  await db
    .updateTable('applications')
    .set({ ...fieldsToRow(rest), updated_at: updatedAt })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
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

async function tagsFor(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  return tagsOfPage(db, ids);
}

/** The tags of the applications `ids` names (a list or a subquery of ids), in tag order. */
function tagsQuery(db: Db, ids: string[] | SelectQueryBuilder<Database, 'applications', { id: string }>) {
  return db
    .selectFrom('application_tags')
    .select(['application_id', 'tag'])
    .where('application_id', 'in', ids)
    .orderBy('tag');
}

function tagMap(rows: ReadonlyArray<{ application_id: string; tag: string }>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const list = map.get(r.application_id);
    if (list) list.push(r.tag);
    else map.set(r.application_id, [r.tag]);
  }
  return map;
}

async function tagsOfPage(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  return tagMap(await tagsQuery(db, ids).execute());
}

/**
 * True inside a PostgreSQL transaction, where reading an application locks its row until the
 * transaction ends: two requests adding events to one application (or one deleting it) then run
 * one after the other, so history sequence numbers stay distinct. SQLite transactions already
 * hold the whole database (BEGIN IMMEDIATE).
 */
function locksRows(db: Db): boolean {
  return db.isTransaction && db.getExecutor().adapter instanceof PostgresAdapter;
}

/** One application; inside a PostgreSQL transaction its row stays locked until the transaction ends. */
export async function findApplication(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<Application | undefined> {
  const row = await db
    .selectFrom('applications')
    .select([...SUMMARY_COLUMNS, 'job_description'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .$if(locksRows(db), (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) return undefined;
  const tags = await tagsFor(db, [id]);
  return toApplication(row, tags.get(id) ?? []);
}

const SORT_COLUMNS = {
  updated: 'updated_at',
  applied: 'applied_on',
  company: 'company',
  priority: 'priority',
  stage: 'stage',
} as const;

/** One page of applications (without job descriptions) and the total that match. */
/** The applications a filter selects (before search and order). */
function filteredApplications(db: Db, workspaceId: string, filter: Omit<ApplicationFilter, 'q'>) {
  let query = db.selectFrom('applications').where('workspace_id', '=', workspaceId);
  if (filter.status === 'open') query = query.where('outcome', 'is', null);
  if (filter.status === 'closed') query = query.where('outcome', 'is not', null);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('application_tags')
          .select('application_tags.tag')
          .whereRef('application_tags.application_id', '=', 'applications.id')
          .where('application_tags.tag', '=', tag),
      ),
    );
  }
  return query;
}

/** The filters whose value is bound as a parameter (the others only change the SQL's shape). */
const VALUE_FILTERS = ['stage', 'channel', 'outcome', 'kind', 'tag'] as const;

function pageOf<Q extends SelectQueryBuilder<Database, 'applications', object>>(
  query: Q,
  filter: Pick<ApplicationFilter, 'sort' | 'order' | 'limit' | 'offset'>,
): Q {
  const sortColumn = SORT_COLUMNS[filter.sort ?? 'updated'];
  const order = filter.order ?? (filter.sort === 'company' ? 'asc' : 'desc');
  return query.orderBy(sortColumn, order).orderBy('id', order).limit(filter.limit).offset(filter.offset) as Q;
}

export async function listApplications(
  db: Db,
  workspaceId: string,
  filter: ApplicationFilter,
): Promise<{ items: Application[]; total: number }> {
  const search = filter.q ? searchCondition(db, workspaceId, filter.q) : undefined;
  if (search) return searchApplications(db, workspaceId, filter, search);
  // The board's read on every visit: its three statements are compiled once per filter shape
  // (compiled-queries.ts) and the page's tags read beside the page (its ids as a subquery).
  const present = VALUE_FILTERS.filter((name) => filter[name]);
  const key = `listApplications|${filter.status ?? ''}|${present.join(',')}|${filter.sort ?? ''}|${filter.order ?? ''}`;
  const where = [workspaceId, ...present.map((name) => filter[name])];
  const values = [...where, filter.limit, filter.offset];
  const shaped = (p: readonly never[]) => {
    const f: Omit<ApplicationFilter, 'q'> = {
      status: filter.status,
      sort: filter.sort,
      order: filter.order,
      limit: p[where.length]!,
      offset: p[where.length + 1]!,
    };
    present.forEach((name, i) => {
      f[name] = p[i + 1]!;
    });
    return { query: filteredApplications(db, p[0]!, f), f };
  };
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // PostgreSQL: one statement, the count and each row's tags beside the page (each statement
    // is a round trip and a wake-up of the database on a busy server).
    const rows = await executeCached(db, `${key}|pg`, values, (p) => {
      const { query, f } = shaped(p);
      return pageOf(query, f).select([
        ...SUMMARY_COLUMNS,
        sql<string>`count(*) over ()`.as('total_count'),
        sql<
          string[]
        >`array(select t.tag from application_tags t where t.application_id = applications.id order by t.tag)`.as(
          'tag_list',
        ),
      ]);
    });
    // A page past the end has no row to carry the count.
    const total =
      rows.length > 0
        ? Number(rows[0]!.total_count)
        : filter.offset > 0
          ? Number(
              (
                await executeCached(db, `${key}|count`, where, (p) =>
                  shaped(p).query.select((eb) => eb.fn.countAll<number>().as('n')),
                )
              )[0]!.n,
            )
          : 0;
    return { items: rows.map((r) => toApplication(r, r.tag_list)), total };
  }
  const [rows, count, tagRows] = await Promise.all([
    executeCached(db, `${key}|page`, values, (p) => {
      const { query, f } = shaped(p);
      return pageOf(query, f).select([...SUMMARY_COLUMNS]);
    }),
    executeCached(db, `${key}|count`, where, (p) =>
      shaped(p).query.select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    executeCached(db, `${key}|tags`, values, (p) => {
      const { query, f } = shaped(p);
      return tagsQuery(db, pageOf(query, f).select('id'));
    }),
  ]);
  const tags = tagMap(tagRows);
  return {
    items: rows.map((r) => toApplication(r, tags.get(r.id) ?? [])),
    total: Number(count[0]!.n),
  };
}

/** A search's page: not compiled ahead (its SQL depends on the words), and not run twice for its tags. */
async function searchApplications(
  db: Db,
  workspaceId: string,
  filter: ApplicationFilter,
  search: NonNullable<ReturnType<typeof searchCondition>>,
): Promise<{ items: Application[]; total: number }> {
  const query = filteredApplications(db, workspaceId, filter).where(search);
  const [rows, count] = await Promise.all([
    pageOf(query, filter)
      .select([...SUMMARY_COLUMNS])
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const tags = await tagsFor(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toApplication(r, tags.get(r.id) ?? [])),
    total: Number(count.n),
  };
}

export async function deleteApplication(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('applications')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  await deleteSearchDocuments(db, workspaceId, [id]);
  return Number(result.numDeletedRows) > 0;
}
