import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';
import { STAGES, type Stage } from '../core/applications/application.ts';
import type { InsightFilters } from '../core/insights/index.ts';
import type { Database } from './schema.ts';

/**
 * The SQL both ways of counting insights share (insights-aggregates-repository.ts counts the
 * applications in view; insight-tallies-repository.ts keeps running tallies of every
 * application): which applications are in view, and each one's flags and day figures.
 */

type Db = Kysely<Database>;

// Sent: any stage past 'saved' (furthest_stage is one of STAGES, never null). Written as one
// comparison, not an IN list of the other five: SQLite inlines the subqueries, so this test runs a
// dozen times per application, and the IN list cost a fifth of the statement at 100k.
const NOT_SENT_STAGE: Stage = STAGES[0];
const SENT = sql.raw(`s_fs <> '${NOT_SENT_STAGE}'`);
const A_SENT = `a.furthest_stage <> '${NOT_SENT_STAGE}'`;

export function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * `expr` is one of `values`, as one bound parameter whatever the length of the list. On
 * PostgreSQL a semi-join with the unnested list: `= any(…)` over a long list of ids plans as a
 * filter on a scan of the whole workspace, the semi-join as one lookup per value.
 */
export function inList(db: Db, expr: string, values: readonly string[]): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`1 = 0`;
  return isSqlite(db)
    ? sql<boolean>`${sql.raw(expr)} in (select value from json_each(${JSON.stringify(values)}))`
    : sql<boolean>`${sql.raw(expr)} in (select unnest(${[...values]}::text[]))`;
}

/** The exact role and tag values the role and tag filters matched (null when not filtered). */
export interface FilterMatch {
  roles: readonly string[] | null;
  tags: readonly string[] | null;
}

/** One row per application in view with what the page reads of it (columns `s_…`). */
export function inView(
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

/** Day numbers and the day figures from them, as each dialect works them out. */
export interface DayMath {
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

/** The days that make an application recent or old enough to call it no reply (they move with today). */
export interface PeriodDays {
  /** Sent on or after this day counts as recent (the comparison's window). */
  since: string;
  today: string;
  /** Sent on or before this day and never answered: old enough to call it no reply. */
  oldBy: string;
}

/**
 * Each application in view with its flags and day figures (columns `s_…` and `g…`). With
 * `period`, whether it is recent and old enough (`s_period`, `s_old`); without, the day it went
 * out (`s_applied_on`) instead, for tallies that must outlive today.
 */
export function figures(
  d: DayMath,
  base: RawBuilder<unknown>,
  period: PeriodDays | null,
): RawBuilder<unknown> {
  const sent = (expr: RawBuilder<unknown>) => sql`case when ${SENT} then ${expr} end`;
  const when =
    period === null
      ? sql`s_applied_on`
      : sql`case when s_applied_on is null or s_applied_on > ${period.today} then null
          when s_applied_on >= ${period.since} then 'recent' else 'before' end as s_period,
        case when s_applied_on is not null and s_applied_on <= ${period.oldBy} then 1 else 0 end as s_old`;
  return sql`select s_id, s_channel, s_fs, s_outcome, s_sent, s_responded, ${sql.raw(period === null ? 's_applied_on' : 's_period, s_old')},
      ${sent(d.diff('d_applied', 'd_screening'))} as g0,
      ${sent(d.diff('d_screening', 'd_interviewing'))} as g1,
      ${sent(d.diff('d_interviewing', 'd_offer'))} as g2,
      ${sent(d.diff('d_offer', 'd_accepted'))} as g3,
      ${d.diff('d_applied', 'd_response')} as g_first,
      ${d.diff('d_applied', 'd_decided')} as g_decision
    from (select s_id, s_channel, s_fs, s_outcome,
        case when s_applied_on is not null then 1 else 0 end as s_sent,
        case when s_response_on is not null then 1 else 0 end as s_responded,
        ${when},
        ${d.day('s_applied_on')} as d_applied, ${d.day('s_response_on')} as d_response,
        ${d.day('s_screening_on')} as d_screening, ${d.day('s_interviewing_on')} as d_interviewing,
        ${d.day('s_offer_on')} as d_offer, ${d.day('s_accepted_on')} as d_accepted,
        ${d.day('coalesce(s_offer_on, s_rejected_on)')} as d_decided
      from (${base} ${d.fence}) b ${d.fence}) d`;
}

/** The day arithmetic of the database `db` speaks. */
export function dayMath(db: Db): DayMath {
  return isSqlite(db) ? SQLITE_DAYS : POSTGRES_DAYS;
}

/** No role or tag filter. */
export const NO_MATCH: FilterMatch = { roles: null, tags: null };
