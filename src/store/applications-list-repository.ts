import { type Kysely, PostgresAdapter } from 'kysely';
import type {
  Application,
  ApplicationKind,
  Channel,
  Outcome,
  Stage,
} from '../core/applications/application.ts';
import { SUMMARY_COLUMNS, tagList, tagsColumn, toApplication } from './applications-repository.ts';
import { executeCached } from './compiled-queries.ts';
import type { Database } from './schema.ts';
import { searchCondition } from './search-repository.ts';

/**
 * Listing applications: the board's and the table's page of applications with the total that
 * match a filter (status, stage, channel, outcome, kind, tag, a search), sorted and paged.
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

const SORT_COLUMNS = {
  updated: 'updated_at',
  applied: 'applied_on',
  company: 'company',
  priority: 'priority',
  stage: 'stage',
} as const;

/** One page of applications (without job descriptions) and the total that match. */
/** The applications a filter selects, before search, order and page. */
function listApplicationsQuery(db: Db, workspaceId: string, filter: ApplicationFilter) {
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

export async function listApplications(
  db: Db,
  workspaceId: string,
  filter: ApplicationFilter,
): Promise<{ items: Application[]; total: number }> {
  let query = listApplicationsQuery(db, workspaceId, filter);
  const search = filter.q ? searchCondition(db, workspaceId, filter.q) : undefined;
  if (search) query = query.where(search);
  else return listCompiled(db, workspaceId, filter);
  const sortColumn = SORT_COLUMNS[filter.sort ?? 'updated'];
  const order = filter.order ?? (filter.sort === 'company' ? 'asc' : 'desc');
  const page = <T extends typeof query>(q: T) =>
    q.orderBy(sortColumn, order).orderBy('id', order).limit(filter.limit).offset(filter.offset);
  // Each row carries its tags (one JSON array, read by the tags' key): no second statement
  // running the page again for its ids.
  const [rows, count] = await Promise.all([
    page(query)
      .select([...SUMMARY_COLUMNS, tagsColumn(db).as('tags')])
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = new Array<Application>(rows.length);
  for (let i = 0; i < rows.length; i++) items[i] = toApplication(rows[i]!, tagList(rows[i]!.tags));
  return { items, total: Number(count.n) };
}

/** The filters whose value is bound as a parameter (the others only change the SQL's shape). */
const VALUE_FILTERS = ['stage', 'channel', 'outcome', 'kind', 'tag'] as const;

/**
 * The list without a search, as the board reads it on every visit: its two statements compiled
 * once per filter shape (compiled-queries.ts), each request binding its own values.
 */
async function listCompiled(
  db: Db,
  workspaceId: string,
  filter: ApplicationFilter,
): Promise<{ items: Application[]; total: number }> {
  const present = VALUE_FILTERS.filter((name) => filter[name]);
  const key = `listApplications|${filter.status ?? ''}|${present.join(',')}|${filter.sort ?? ''}|${filter.order ?? ''}`;
  const where = [workspaceId, ...present.map((name) => filter[name])];
  const filtered = (p: readonly never[]) => {
    const f: ApplicationFilter = { status: filter.status, limit: 0, offset: 0 };
    present.forEach((name, i) => {
      f[name] = p[i + 1]!;
    });
    // Only the filters: no search (the caller has none) and no page.
    return { f, query: p[0] };
  };
  const base = (p: readonly never[]) => {
    const { f, query: ws } = filtered(p);
    return listApplicationsQuery(db, ws!, f);
  };
  const sortColumn = SORT_COLUMNS[filter.sort ?? 'updated'];
  const order = filter.order ?? (filter.sort === 'company' ? 'asc' : 'desc');
  const page = (p: readonly never[]) =>
    base(p)
      .orderBy(sortColumn, order)
      .orderBy('id', order)
      .limit(p[where.length]!)
      .offset(p[where.length + 1]!)
      .select([...SUMMARY_COLUMNS, tagsColumn(db).as('tags')]);
  const count = (p: readonly never[]) => base(p).select((eb) => eb.fn.countAll<number>().as('n'));
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // One statement (one round trip) for the count and the page beside it: always one row at
    // least, the count with no application when the page is past the end.
    const rows = await executeCached(db, `${key}|page+count`, [...where, filter.limit, filter.offset], (p) =>
      db
        .selectFrom(count(p).as('c'))
        .leftJoinLateral(page(p).as('p'), (join) => join.onTrue())
        .selectAll('p')
        .select('c.n')
        .orderBy(`p.${sortColumn}`, order)
        .orderBy('p.id', order),
    );
    const total = Number(rows[0]?.n ?? 0);
    if (rows[0]?.id == null) return { items: [], total };
    const items = new Array<Application>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as unknown as Parameters<typeof toApplication>[0] & { tags: string | string[] };
      items[i] = toApplication(row, tagList(row.tags));
    }
    return { items, total };
  }
  const [rows, counted] = await Promise.all([
    executeCached(db, `${key}|page`, [...where, filter.limit, filter.offset], page),
    executeCached(db, `${key}|count`, where, count),
  ]);
  const items = new Array<Application>(rows.length);
  for (let i = 0; i < rows.length; i++) items[i] = toApplication(rows[i]!, tagList(rows[i]!.tags));
  return { items, total: Number(counted[0]!.n) };
}
