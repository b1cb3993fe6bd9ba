import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Channel, Outcome, Stage } from '../core/applications/application.ts';
import type {
  InsightAggregates,
  InsightFilters,
  ReferredCounts,
  ValueMetric,
} from '../core/insights/index.ts';
import {
  dayMath,
  type FilterMatch,
  figures,
  inList,
  inView,
  isSqlite,
  type PeriodDays,
} from './insight-figures.ts';
import { countTalliedValues, talliedCounts } from './insight-tallies-repository.ts';
import type { Database } from './schema.ts';

export type { FilterMatch } from './insight-figures.ts';

/**
 * Insights as SQL aggregates over the stored summaries (issue 12): one statement counts the
 * applications by the few things the page splits them by and counts each day figure (days
 * between stages, to a first answer, to a decision) by value, so the database returns a few
 * hundred rows whatever the number of applications. Only size and industry tags, the first
 * early rejections and the applications named by feedback come back one by one.
 * `core/insights/aggregates.ts` turns the rows into the same payload as the JS fold.
 *
 * Without filters, the counts and day figures come from the running tallies of every
 * application (insight-tallies-repository.ts) instead: a few thousand rows at 100,000
 * applications rather than a pass over all of them.
 */

type Db = Kysely<Database>;

/** What the page needs to know besides the filters. */
export interface AggregateOptions extends PeriodDays {
  filters: InsightFilters;
  /** How many early rejections to list by id. */
  earlyIds: number;
}

/** Every distinct role of the workspace (a role filter is matched in JS, as `applyFilters` does). */
export async function listDistinctRoles(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('role')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => r.role);
}

/** Every distinct tag of the workspace. */
export async function listDistinctTags(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('application_tags')
    .select('tag')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => r.tag);
}

interface Row {
  metric: string;
  channel: string | null;
  furthest: string | null;
  outcome: string | null;
  responded: number | string | null;
  period: string | null;
  old: number | string | null;
  value: number | string | null;
  value2: number | string | null;
  id: string | null;
  tag: string | null;
  n: number | string;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** Which of `ids` are in view. */
export async function listIdsInView(
  db: Db,
  workspaceId: string,
  filters: InsightFilters,
  match: FilterMatch,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ s_id: string }>`select s_id from (${inView(db, workspaceId, filters, match)}) v
    where ${inList(db, 's_id', ids)}`.execute(db);
  return rows.map((r) => r.s_id);
}

/** The applications in view among `ids`, counted by channel, furthest stage and answered. */
export async function countInView(
  db: Db,
  workspaceId: string,
  filters: InsightFilters,
  match: FilterMatch,
  ids: readonly string[],
): Promise<ReferredCounts> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{
    channel: Channel;
    furthest: Stage;
    responded: number | string;
    n: number | string;
  }>`
    select s_channel as channel, s_fs as furthest, case when s_response_on is not null then 1 else 0 end as responded,
      count(*) as n
    from (${inView(db, workspaceId, filters, match)}) v where ${inList(db, 's_id', ids)} group by 1, 2, 3`.execute(
    db,
  );
  return rows.map((r) => ({
    channel: r.channel,
    furthest: r.furthest,
    responded: Number(r.responded) === 1,
    n: Number(r.n),
  }));
}

const VALUE_COLUMNS: [ValueMetric, string][] = [
  ['gap0', 'g0'],
  ['gap1', 'g1'],
  ['gap2', 'g2'],
  ['gap3', 'g3'],
  ['first', 'g_first'],
  ['decision', 'g_decision'],
];

const COUNT_COLUMNS = 's_channel, s_fs, s_outcome, s_responded, s_period, s_old, s_sent';
/** The columns of every row the statement returns, named by its first branch. */
const COUNT_NAMES = sql.raw(
  's_channel as channel, s_fs as furthest, s_outcome as outcome, s_responded as responded, s_period as period, s_old as old',
);

/**
 * SQLite: the figures once into a materialized view, then one `group by` over it for the
 * counts and one per day figure.
 */
function sqliteCounts(f: RawBuilder<unknown>): {
  with: RawBuilder<unknown>;
  branches: RawBuilder<unknown>[];
} {
  const values = (metric: ValueMetric, column: string) =>
    sql`select ${sql.raw(`'${metric}'`)}, s_channel, null, null, null, null, null, ${sql.raw(column)}, null, null, null, count(*)
      from v where ${sql.raw(column)} is not null group by s_channel, ${sql.raw(column)}`;
  return {
    with: sql`with v as materialized (${f}) `,
    branches: [
      sql`select 'count' as metric, ${COUNT_NAMES}, s_sent as value, cast(null as integer) as value2,
          cast(null as text) as id, cast(null as text) as tag, count(*) as n
        from v group by ${sql.raw(COUNT_COLUMNS)}`,
      ...VALUE_COLUMNS.map(([metric, column]) => values(metric, column)),
    ],
  };
}

/**
 * PostgreSQL: the counts and every day figure in one pass over the figures, as grouping sets
 * (one hash table each), so nothing is written aside and read again.
 */
function postgresCounts(f: RawBuilder<unknown>): RawBuilder<unknown> {
  const gs = VALUE_COLUMNS.map(([, column]) => column).join(', ');
  const metric = VALUE_COLUMNS.map(([m, column]) => `when grouping(${column}) = 0 then '${m}'`).join(' ');
  return sql`select case when grouping(s_fs) = 0 then 'count' ${sql.raw(metric)} end as metric,
      ${COUNT_NAMES}, case when grouping(s_fs) = 0 then s_sent else coalesce(${sql.raw(gs)}) end as value,
      cast(null as integer) as value2, cast(null as text) as id, cast(null as text) as tag, count(*) as n
    from (${f}) f
    group by grouping sets ((${sql.raw(COUNT_COLUMNS)}), ${sql.raw(VALUE_COLUMNS.map(([, c]) => `(s_channel, ${c})`).join(', '))})
    having grouping(s_fs) = 0 or coalesce(${sql.raw(gs)}) is not null`;
}

/**
 * Days from going out to the first answer, counted by value, over the workspace's sent and
 * answered applications (the `first` figure of the aggregates without filters): all that
 * "most replies came within N days" needs, so Today does not run the whole statement for it.
 */
export function countFirstResponseDays(db: Db, workspaceId: string): Promise<{ value: number; n: number }[]> {
  return countTalliedValues(db, workspaceId, 'first');
}

/**
 * Runs the PostgreSQL statement with room to hash every grouping set. The planner cannot tell
 * how few groups the counts make (a few hundred) and, within the default `work_mem`, sorts all
 * the applications for them instead; the room is set for this statement's transaction only.
 */
async function withHashRoom(db: Db, statement: RawBuilder<Row>): Promise<{ rows: Row[] }> {
  return db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    return statement.execute(trx);
  });
}

/** No filter narrows the view: every application of the workspace is in it. */
function isUnfiltered(f: InsightFilters, match: FilterMatch): boolean {
  return (
    f.channel === undefined &&
    f.kind === undefined &&
    f.from === undefined &&
    f.to === undefined &&
    match.roles === null &&
    match.tags === null
  );
}

/** The aggregates of the workspace's applications in view (see the top of the file). */
export async function loadInsightAggregates(
  db: Db,
  workspaceId: string,
  options: AggregateOptions,
  match: FilterMatch,
): Promise<InsightAggregates> {
  const sqlite = isSqlite(db);
  const d = dayMath(db);
  const sizeOrIndustry = sql.raw(
    sqlite ? `tag like 'size%' or tag like 'industry%'` : `tag ilike 'size%' or tag ilike 'industry%'`,
  );
  // Driven from the few size and industry tags, not from every application in view.
  const taggedBranch = sql`select 'tag', null, null, null, null, null, null, g_first, g_decision, t.application_id, t.tag,
      row_number() over (order by t.application_id, t.tag)
    from (${figures(
      d,
      inView(db, workspaceId, options.filters, match, [
        sql`a.id in (select application_id from application_tags where workspace_id = ${workspaceId} and (${sizeOrIndustry}))`,
      ]),
      options,
    )}) vt
    inner join application_tags t on t.application_id = vt.s_id
    where vt.s_sent = 1 and (${sizeOrIndustry})`;
  const earlyBranch = (
    from: RawBuilder<unknown>,
  ) => sql`select 'early', null, null, null, null, null, null, null, null, e_id, null, e_rank from (
      select s_id as e_id, row_number() over (order by s_id) as e_rank from ${from}
      where s_outcome = 'rejected' and s_fs in ('applied', 'screening') order by s_id limit ${options.earlyIds}) early`;
  const earlyView = () =>
    inView(db, workspaceId, options.filters, match, [
      sql`a.outcome = 'rejected' and a.furthest_stage in ('applied', 'screening')`,
    ]);
  const inViewFigures = figures(d, inView(db, workspaceId, options.filters, match), options);
  let statement: RawBuilder<Row>;
  if (isUnfiltered(options.filters, match)) {
    statement = sql<Row>`${talliedCounts(workspaceId, options)} union all ${taggedBranch} union all ${earlyBranch(sql`(${earlyView()}) v`)}`;
  } else if (sqlite) {
    const counts = sqliteCounts(inViewFigures);
    statement = sql<Row>`${counts.with}${sql.join([...counts.branches, taggedBranch, earlyBranch(sql`v`)], sql` union all `)}`;
  } else {
    statement = sql<Row>`${postgresCounts(inViewFigures)} union all ${taggedBranch} union all ${earlyBranch(sql`(${earlyView()}) v`)}`;
  }
  const { rows } =
    sqlite || db.isTransaction ? await statement.execute(db) : await withHashRoom(db, statement);
  const out: InsightAggregates = { counts: [], values: [], tagged: [], earlyRejectedIds: [] };
  // Rows whose order matters carry their rank in `n` (a union keeps no order of its own).
  const tagged: [number, InsightAggregates['tagged'][number]][] = [];
  const early: [number, string][] = [];
  for (const r of rows) {
    const n = Number(r.n);
    switch (r.metric) {
      case 'count':
        out.counts.push({
          channel: r.channel as Channel,
          furthest: r.furthest as Stage,
          outcome: r.outcome as Outcome | null,
          responded: Number(r.responded) === 1,
          period: r.period as 'recent' | 'before' | null,
          old: Number(r.old) === 1,
          sent: Number(r.value) === 1,
          n,
        });
        break;
      case 'tag':
        tagged.push([n, { id: r.id!, tag: r.tag!, first: num(r.value), decision: num(r.value2) }]);
        break;
      case 'early':
        early.push([n, r.id!]);
        break;
      default:
        out.values.push({
          metric: r.metric as ValueMetric,
          channel: r.channel as Channel,
          value: Number(r.value),
          n,
        });
    }
  }
  // In the order the database sorts ids and tags, as the JS fold reads them.
  out.tagged = tagged.sort((x, y) => x[0] - y[0]).map((t) => t[1]);
  out.earlyRejectedIds = early.sort((x, y) => x[0] - y[0]).map((t) => t[1]);
  return out;
}
