import { type Kysely, type RawBuilder, sql } from 'kysely';
import { holdAdvisoryLock } from './advisory-lock.ts';
import { dayMath, figures, inList, inView, NO_MATCH, type PeriodDays } from './insight-figures.ts';
import type { Database } from './schema.ts';

/**
 * Running tallies of every application for insights without filters (issue 12; the table and
 * its keys are described in migration 2026_12_01_0900_insight_tallies). An application adds one
 * to its count tally (channel, furthest stage, outcome, answered, the day it went out) and one to
 * each of its day figures (days between stages, to a first answer, to a decision, by channel).
 *
 * Every write that can change what an application adds takes its old share out first and puts
 * its new share in after, in the caller's transaction (`retally`: the summaries' writes, edits of
 * channel or applied date); deletes take it out (`untally`); new applications written in bulk
 * bring shares worked out off the database (`tallySharesOf` in core/insights/tallies.ts) that
 * `TallySums` adds up. `rebuildTallies` recounts a workspace from its applications, and the
 * tests check the running tallies against it after random histories.
 */

type Db = Kysely<Database>;

export interface InsightTallyTable {
  workspace_id: string;
  /** 'count', or the day figure: 'gap0'…'gap3', 'first', 'decision'. */
  metric: string;
  channel: string;
  /** Count tallies only ('' otherwise), as are outcome, responded and applied_on. */
  furthest: string;
  /** '' while open. */
  outcome: string;
  responded: number;
  /** The day it went out; '' when it never did. */
  applied_on: string;
  /** The day figure's value; -1 on count tallies. */
  value: number;
  n: number;
}

const KEY = ['workspace_id', 'metric', 'channel', 'furthest', 'outcome', 'responded', 'applied_on', 'value'];

/** What the applications `ids` (all the workspace's when null) add to each tally. */
function shares(db: Db, workspaceId: string, ids: readonly string[] | null): RawBuilder<unknown> {
  const base = inView(db, workspaceId, {}, NO_MATCH, ids === null ? [] : [inList(db, 'a.id', ids)]);
  const metric = (name: string, column: string) =>
    sql`select ${sql.raw(`'${name}'`)}, s_channel, '', '', 0, '', ${sql.raw(column)} from f where ${sql.raw(column)} is not null`;
  return sql`with f as (${figures(dayMath(db), base, null)})
    select metric, channel, furthest, outcome, responded, applied_on, value, count(*) as n from (
      select 'count' as metric, s_channel as channel, s_fs as furthest, coalesce(s_outcome, '') as outcome,
        s_responded as responded, coalesce(s_applied_on, '') as applied_on, -1 as value from f
      union all ${metric('gap0', 'g0')} union all ${metric('gap1', 'g1')} union all ${metric('gap2', 'g2')}
      union all ${metric('gap3', 'g3')} union all ${metric('first', 'g_first')}
      union all ${metric('decision', 'g_decision')}) s
    group by metric, channel, furthest, outcome, responded, applied_on, value`;
}

/** Adds (`sign` 1) or takes out (-1) what the applications `ids` (null: all) add to the tallies. */
async function tally(
  db: Db,
  workspaceId: string,
  ids: readonly string[] | null,
  sign: 1 | -1,
): Promise<void> {
  if (ids !== null && ids.length === 0) return;
  await lockTallies(db, workspaceId);
  // `where true` tells SQLite's parser the ON CONFLICT belongs to the INSERT; the order keeps
  // statements locking the tallies they share in one order.
  await sql`insert into insight_tallies (${sql.raw(KEY.join(', '))}, n)
    select ${workspaceId}, metric, channel, furthest, outcome, responded, applied_on, value, n * ${sign}
    from (${shares(db, workspaceId, ids)}) t where true
    order by metric, channel, furthest, outcome, responded, applied_on, value
    on conflict (${sql.raw(KEY.join(', '))}) do update set n = insight_tallies.n + excluded.n`.execute(db);
}

/**
 * Inside a PostgreSQL transaction, waits for and holds the workspace's tallies until the
 * transaction ends. Two transactions writing different applications of one workspace would
 * otherwise lock shared tallies in two statements each (old shares out, new ones in) and could
 * deadlock; so every transaction that writes tallies takes this first, before it locks any
 * application row (the locked reads of applications take it too: this holds exactly where they
 * lock, inside a PostgreSQL transaction). An advisory lock rather than
 * the workspace row: every insert naming the workspace takes a share lock on that row. Nothing
 * on SQLite, whose write transactions hold the whole database.
 */
export async function lockTallies(db: Db, workspaceId: string): Promise<void> {
  await holdAdvisoryLock(db, `insight_tallies:${workspaceId}`);
}

/** The columns of one share in `BulkRows.tallies`: the workspace, the application, the tally's key. */
export const TALLY_SHARE_COLUMNS = ['workspace_id', 'application_id', ...KEY.slice(1)] as const;

/**
 * Shares worked out off the database (`tallySharesOf`, for new applications written in bulk),
 * added up by tally as batches arrive (`add`, flat rows of TALLY_SHARE_COLUMNS) and written once
 * (`write`): a bulk write of 100,000 applications then updates each tally once, not once a batch.
 */
export class TallySums {
  readonly #sums = new Map<string, { key: unknown[]; n: number }>();

  add(shares: readonly unknown[]): void {
    const width = TALLY_SHARE_COLUMNS.length;
    for (let i = 0; i < shares.length; i += width) {
      const key = [shares[i], ...shares.slice(i + 2, i + width)];
      const id = JSON.stringify(key);
      const sum = this.#sums.get(id);
      if (sum) sum.n++;
      else this.#sums.set(id, { key, n: 1 });
    }
  }

  /** Adds the sums to the stored tallies (one upsert per few hundred), in a fixed order. */
  async write(db: Db): Promise<void> {
    const rows = [...this.#sums.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, r]) => r);
    this.#sums.clear();
    for (const workspaceId of new Set(rows.map((r) => r.key[0] as string)))
      await lockTallies(db, workspaceId);
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await sql`insert into insight_tallies (${sql.raw(KEY.join(', '))}, n)
        values ${sql.join(chunk.map((r) => sql`(${sql.join([...r.key, r.n])})`))}
        on conflict (${sql.raw(KEY.join(', '))}) do update set n = insight_tallies.n + excluded.n`.execute(
        db,
      );
    }
  }
}

/** Takes the applications `ids` out of the tallies: call before deleting them. */
export function untally(db: Db, workspaceId: string, ids: readonly string[]): Promise<void> {
  return tally(db, workspaceId, ids, -1);
}

/**
 * Runs `write`, which may change what the applications `ids` add to the tallies (their
 * summaries, channel or applied date), with their old share taken out before and the new one
 * put in after.
 */
export async function retally<T>(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  await tally(db, workspaceId, ids, -1);
  const out = await write();
  await tally(db, workspaceId, ids, 1);
  return out;
}

/** Recounts the workspace's tallies from its applications (dropping tallies that reached zero). */
export async function rebuildTallies(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('insight_tallies').where('workspace_id', '=', workspaceId).execute();
  await tally(db, workspaceId, null, 1);
}

/** Rebuilds every workspace's tallies (after the migration that adds them). */
export async function rebuildAllTallies(db: Db): Promise<void> {
  const workspaces = await db.selectFrom('workspaces').select('id').execute();
  for (const w of workspaces) await rebuildTallies(db, w.id);
}

/** The workspace's tallies that are not zero, in key order (what a test compares). */
export async function readTallies(
  db: Db,
  workspaceId: string,
): Promise<Omit<InsightTallyTable, 'workspace_id'>[]> {
  const rows = await db
    .selectFrom('insight_tallies')
    .select(['metric', 'channel', 'furthest', 'outcome', 'responded', 'applied_on', 'value', 'n'])
    .where('workspace_id', '=', workspaceId)
    .where('n', '<>', 0)
    .orderBy(['metric', 'channel', 'furthest', 'outcome', 'responded', 'applied_on', 'value'])
    .execute();
  return rows.map((r) => ({ ...r, responded: Number(r.responded), value: Number(r.value), n: Number(r.n) }));
}

/**
 * The counts and day figures of every application of the workspace from its tallies, as rows of
 * the aggregates statement (metric, channel, furthest, outcome, responded, period, old, value, n):
 * recent and old enough are worked out here from the day each went out.
 */
export function talliedCounts(workspaceId: string, period: PeriodDays): RawBuilder<unknown> {
  return sql`select 'count' as metric, channel, furthest, nullif(outcome, '') as outcome, responded,
      case when applied_on = '' or applied_on > ${period.today} then null
        when applied_on >= ${period.since} then 'recent' else 'before' end as period,
      case when applied_on <> '' and applied_on <= ${period.oldBy} then 1 else 0 end as old,
      case when applied_on <> '' then 1 else 0 end as value, cast(null as integer) as value2,
      cast(null as text) as id, cast(null as text) as tag, sum(n) as n
    from insight_tallies where workspace_id = ${workspaceId} and metric = 'count' and n <> 0
    group by 2, 3, 4, 5, 6, 7, 8
    union all
    select metric, channel, null, null, null, null, null, value, null, null, null, n
    from insight_tallies where workspace_id = ${workspaceId} and metric <> 'count' and n <> 0`;
}

/** The values of one day figure over the whole workspace, counted (the `first` figure for Today). */
export async function countTalliedValues(
  db: Db,
  workspaceId: string,
  metric: string,
): Promise<{ value: number; n: number }[]> {
  const { rows } = await sql<{ value: number | string; n: number | string }>`
    select value, sum(n) as n from insight_tallies
    where workspace_id = ${workspaceId} and metric = ${metric} and n <> 0 group by value`.execute(db);
  return rows.map((r) => ({ value: Number(r.value), n: Number(r.n) }));
}
