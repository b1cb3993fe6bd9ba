import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';
import { type Channel, type Outcome, STAGES, type Stage } from '../core/applications/application.ts';
import type {
  InsightAggregates,
  InsightFilters,
  ReferredCounts,
  ValueMetric,
} from '../core/insights/index.ts';
import type { Database } from './schema.ts';

/**
 * Insights as SQL aggregates over the stored summaries (issue 12): one statement counts the
 * applications by the few things the page splits them by and counts each day figure (days
 * between stages, to a first answer, to a decision) by value, so the database returns a few
 * hundred rows whatever the number of applications. Only size and industry tags, the first
 * early rejections and the applications named by feedback come back one by one.
 * `core/insights/aggregates.ts` turns the rows into the same payload as the JS fold.
 */

type Db = Kysely<Database>;

/** What the page needs to know besides the filters. */
export interface AggregateOptions {
  filters: InsightFilters;
  /** Applications sent on or after this day count as recent (the comparison's window). */
  since: string;
  today: string;
  /** Sent on or before this day and never answered: old enough to call it no reply. */
  oldBy: string;
  /** How many early rejections to list by id. */
  earlyIds: number;
}

// Sent: any stage past 'saved' (furthest_stage is one of STAGES, never null). Written as one
// comparison, not an IN list of the other five: SQLite inlines the subqueries, so this test runs a
// dozen times per application, and the IN list cost a fifth of the statement at 100k.
const NOT_SENT_STAGE: Stage = STAGES[0];
const SENT = sql.raw(`s_fs <> '${NOT_SENT_STAGE}'`);
const A_SENT = `a.furthest_stage <> '${NOT_SENT_STAGE}'`;

function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** `expr` is one of `values`, as one bound parameter whatever the length of the list. */
function inList(db: Db, expr: string, values: readonly string[]): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`1 = 0`;
  return isSqlite(db)
    ? sql<boolean>`${sql.raw(expr)} in (select value from json_each(${JSON.stringify(values)}))`
    : sql<boolean>`${sql.raw(expr)} = any(${[...values]}::text[])`;
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

/** The exact role and tag values the role and tag filters matched (null when not filtered). */
export interface FilterMatch {
  roles: readonly string[] | null;
  tags: readonly string[] | null;
}

/** One row per application in view with what the page reads of it (columns `s_…`). */
function inView(
  db: Db,
  workspaceId: string,
  f: InsightFilters,
  match: FilterMatch,
  extra: RawBuilder<unknown>[] = [],
): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`a.workspace_id = ${workspaceId}`, ...extra];
  // A summary belongs to its application's workspace. Saying so lets PostgreSQL read the
  // summaries through their workspace index (and size them right) rather than every workspace's.
  if (!isSqlite(db)) conditions.push(sql`s.workspace_id = ${workspaceId}`);
  if (f.channel !== undefined) conditions.push(sql`a.channel = ${f.channel}`);
  if (f.kind !== undefined) conditions.push(sql`a.kind = ${f.kind}`);
  if (match.roles !== null) conditions.push(inList(db, 'a.role', match.roles));
  if (match.tags !== null)
    conditions.push(
      sql`exists (select 1 from application_tags t where t.application_id = a.id and ${inList(db, 't.tag', match.tags)})`,
    );
  const appliedOn = sql.raw(`case when ${A_SENT} then coalesce(a.applied_on, s.first_applied_on) end`);
  if (f.from !== undefined) conditions.push(sql`${appliedOn} >= ${f.from}`);
  if (f.to !== undefined) conditions.push(sql`${appliedOn} <= ${f.to}`);
  return sql`select a.id as s_id, a.channel as s_channel, a.furthest_stage as s_fs, a.outcome as s_outcome,
      ${appliedOn} as s_applied_on,
      case when ${sql.raw(A_SENT)} then s.first_response_on end as s_response_on,
      s.screening_on as s_screening_on, s.interviewing_on as s_interviewing_on, s.offer_on as s_offer_on,
      s.accepted_on as s_accepted_on,
      case when a.outcome = 'rejected' then a.closed_on end as s_rejected_on
    from applications a inner join application_summaries s on s.application_id = a.id
    where ${sql.join(conditions, sql` and `)}`;
}

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

/** Day numbers and the day figures from them, as each dialect works them out. */
interface DayMath {
  /** The day number of an ISO date column (null stays null). */
  day(col: string): RawBuilder<unknown>;
  /** Days from `from` to `to` (two day numbers), 0 when negative, null when either is null. */
  diff(from: string, to: string): RawBuilder<unknown>;
  /**
   * Ends a subquery whose columns the outer query reads more than once. PostgreSQL would
   * otherwise pull the subquery up and work every expression out again at each use (a date
   * conversion per use and row); `offset 0` keeps it computed once per row.
   */
  fence: RawBuilder<unknown>;
}

const SQLITE_DAYS: DayMath = {
  day: (col) => sql.raw(`julianday(${col})`),
  // SQLite inlines the subquery's columns, so each is referenced once here: its two-argument
  // max() is null when either side is (PostgreSQL's greatest() skips nulls instead).
  diff: (from, to) => sql.raw(`max(0, cast(round(${to} - ${from}) as integer))`),
  fence: sql``,
};

const POSTGRES_DAYS: DayMath = {
  day: (col) => sql.raw(`((${col})::date - date '1970-01-01')`),
  diff: (from, to) => sql.raw(`case when ${to} - ${from} < 0 then 0 else ${to} - ${from} end`),
  fence: sql`offset 0`,
};

/** Each application in view with its flags and day figures (columns `s_…` and `g…`). */
function figures(d: DayMath, base: RawBuilder<unknown>, options: AggregateOptions): RawBuilder<unknown> {
  const sent = (expr: RawBuilder<unknown>) => sql`case when ${SENT} then ${expr} end`;
  return sql`select s_id, s_channel, s_fs, s_outcome, s_sent, s_responded, s_period, s_old,
      ${sent(d.diff('d_applied', 'd_screening'))} as g0,
      ${sent(d.diff('d_screening', 'd_interviewing'))} as g1,
      ${sent(d.diff('d_interviewing', 'd_offer'))} as g2,
      ${sent(d.diff('d_offer', 'd_accepted'))} as g3,
      ${d.diff('d_applied', 'd_response')} as g_first,
      ${d.diff('d_applied', 'd_decided')} as g_decision
    from (select s_id, s_channel, s_fs, s_outcome,
        case when s_applied_on is not null then 1 else 0 end as s_sent,
        case when s_response_on is not null then 1 else 0 end as s_responded,
        case when s_applied_on is null or s_applied_on > ${options.today} then null
          when s_applied_on >= ${options.since} then 'recent' else 'before' end as s_period,
        case when s_applied_on is not null and s_applied_on <= ${options.oldBy} then 1 else 0 end as s_old,
        ${d.day('s_applied_on')} as d_applied, ${d.day('s_response_on')} as d_response,
        ${d.day('s_screening_on')} as d_screening, ${d.day('s_interviewing_on')} as d_interviewing,
        ${d.day('s_offer_on')} as d_offer, ${d.day('s_accepted_on')} as d_accepted,
        ${d.day('coalesce(s_offer_on, s_rejected_on)')} as d_decided
      from (${base} ${d.fence}) b ${d.fence}) d`;
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
export async function countFirstResponseDays(
  db: Db,
  workspaceId: string,
): Promise<{ value: number; n: number }[]> {
  const d = isSqlite(db) ? SQLITE_DAYS : POSTGRES_DAYS;
  const answered = inView(db, workspaceId, {}, { roles: null, tags: null }, [
    sql`s.first_response_on is not null`,
  ]);
  const { rows } = await sql<{ value: number | string | null; n: number | string }>`
    select ${d.diff('d_applied', 'd_response')} as value, count(*) as n
    from (select ${d.day('s_applied_on')} as d_applied, ${d.day('s_response_on')} as d_response
      from (${answered} ${d.fence}) b where s_applied_on is not null and s_response_on is not null ${d.fence}) r
    group by 1`.execute(db);
  return rows.flatMap((r) => (r.value === null ? [] : [{ value: Number(r.value), n: Number(r.n) }]));
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

/** The aggregates of the workspace's applications in view (see the top of the file). */
export async function loadInsightAggregates(
  db: Db,
  workspaceId: string,
  options: AggregateOptions,
  match: FilterMatch,
): Promise<InsightAggregates> {
  const sqlite = isSqlite(db);
  const d = sqlite ? SQLITE_DAYS : POSTGRES_DAYS;
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
  const inViewFigures = figures(d, inView(db, workspaceId, options.filters, match), options);
  let statement: RawBuilder<Row>;
  if (sqlite) {
    const counts = sqliteCounts(inViewFigures);
    statement = sql<Row>`${counts.with}${sql.join([...counts.branches, taggedBranch, earlyBranch(sql`v`)], sql` union all `)}`;
  } else {
    const earlyView = inView(db, workspaceId, options.filters, match, [
      sql`a.outcome = 'rejected' and a.furthest_stage in ('applied', 'screening')`,
    ]);
    statement = sql<Row>`${postgresCounts(inViewFigures)} union all ${taggedBranch} union all ${earlyBranch(sql`(${earlyView}) v`)}`;
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
