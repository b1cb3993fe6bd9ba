import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The facts a coach's caseload reads about each seeker. The reads are grouped by workspace over the
 * list of seekers (chunked), so a caseload of hundreds of seekers is a handful of statements, each
 * returning a few rows per seeker.
 */

type Db = Kysely<Database>;

const CHUNK = 500;

/** Runs `query` over `ids` in chunks (bounded statement size) and concatenates the rows. */
async function chunked<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  if (ids.length === 0) return [];
  const parts: Promise<T[]>[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) parts.push(query(ids.slice(i, i + CHUNK)));
  return (await Promise.all(parts)).flat();
}

// --- caseload facts, grouped by workspace ---

export async function timeZonesOf(db: Db, workspaceIds: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await chunked(workspaceIds, (ids) =>
    db
      .selectFrom('settings')
      .select(['workspace_id', 'value'])
      .where('key', '=', 'timeZone')
      .where('workspace_id', 'in', ids)
      .execute(),
  );
  return new Map(rows.map((r) => [r.workspace_id, JSON.parse(r.value) as unknown]));
}

/**
 * The latest change to any application, per workspace: one index lookup each (the max of
 * `(workspace_id, updated_at)`), not a scan of every application.
 */
export async function lastApplicationChange(
  db: Db,
  workspaceIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await chunked(workspaceIds, (ids) =>
    db
      .selectFrom('workspaces as w')
      .select([
        'w.id as workspace_id',
        (eb) =>
          eb
            .selectFrom('applications as a')
            .select((e) => e.fn.max('a.updated_at').as('m'))
            .whereRef('a.workspace_id', '=', 'w.id')
            .as('at'),
      ])
      .where('w.id', 'in', ids)
      .execute(),
  );
  return new Map(rows.filter((r) => r.at !== null).map((r) => [r.workspace_id, String(r.at)]));
}

/** The latest time log, goal progress or win recorded, per workspace. */
export async function lastGoalsChange(db: Db, workspaceIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await chunked(workspaceIds, async (ids) => {
    const [logs, progress, wins] = await Promise.all([
      db
        .selectFrom('time_logs')
        .select(['workspace_id', (eb) => eb.fn.max('created_at').as('at')])
        .where('workspace_id', 'in', ids)
        .groupBy('workspace_id')
        .execute(),
      db
        .selectFrom('goal_progress')
        .select(['workspace_id', (eb) => eb.fn.max('created_at').as('at')])
        .where('workspace_id', 'in', ids)
        .groupBy('workspace_id')
        .execute(),
      db
        .selectFrom('wins')
        .select(['workspace_id', (eb) => eb.fn.max('created_at').as('at')])
        .where('workspace_id', 'in', ids)
        .groupBy('workspace_id')
        .execute(),
    ]);
    return [...logs, ...progress, ...wins];
  });
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.at === null) continue;
    const at = String(r.at);
    const prev = out.get(r.workspace_id);
    if (prev === undefined || at > prev) out.set(r.workspace_id, at);
  }
  return out;
}

/** One application as the caseload reads it (only those a signal could use). */
export interface CaseloadApplicationRow {
  workspace_id: string;
  company: string;
  stage: string;
  outcome: string | null;
  closed_on: string | null;
  /** The user's own "applied on" day, else the first day it reached applied. */
  sent_on: string | null;
  /** The first day it reached its current stage (screening, interviewing, offer). */
  since: string | null;
}

/**
 * In one pass over these workspaces' applications (with their summaries): rejections closed on
 * or after `rejectedSince`, open applications past "applied" that reached their stage on or
 * before `stageSinceBy` (stalled), and applications sent between `sentFrom` and `sentTo`. Every
 * other application is filtered out in the database.
 */
export async function caseloadApplications(
  db: Db,
  workspaceIds: readonly string[],
  range: { rejectedSince: string; stageSinceBy: string; sentFrom: string; sentTo: string },
): Promise<CaseloadApplicationRow[]> {
  const since = sql<
    string | null
  >`case a.stage when 'screening' then s.screening_on when 'interviewing' then s.interviewing_on when 'offer' then s.offer_on else null end`;
  return chunked(workspaceIds, (ids) =>
    db
      .selectFrom('applications as a')
      .innerJoin('application_summaries as s', 's.application_id', 'a.id')
      .select([
        'a.workspace_id',
        'a.company',
        'a.stage',
        'a.outcome',
        'a.closed_on',
        sql<string | null>`coalesce(a.applied_on, s.first_applied_on)`.as('sent_on'),
        since.as('since'),
      ])
      .where('a.workspace_id', 'in', ids)
      // Said of the summaries too, so they are read by workspace (an index) rather than scanned
      // whole for a hash join: the read stays the size of the caseload, not of the server.
      .where('s.workspace_id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb.and([eb('a.outcome', '=', 'rejected'), eb('a.closed_on', '>=', range.rejectedSince)]),
          eb.and([
            eb('a.outcome', 'is', null),
            eb('a.stage', 'in', ['screening', 'interviewing', 'offer']),
            eb(since, '<=', range.stageSinceBy),
          ]),
          eb.and([eb('a.applied_on', '>=', range.sentFrom), eb('a.applied_on', '<=', range.sentTo)]),
          eb.and([
            eb('a.applied_on', 'is', null),
            eb('s.first_applied_on', '>=', range.sentFrom),
            eb('s.first_applied_on', '<=', range.sentTo),
          ]),
        ]),
      )
      .execute(),
  );
}

/** Scheduled follow-ups of these kinds due before `before`, counted per workspace, kind and day. */
export async function overdueFollowUps(
  db: Db,
  workspaceIds: readonly string[],
  kinds: readonly string[],
  before: string,
): Promise<{ workspace_id: string; kind: string; day: string; n: number }[]> {
  if (kinds.length === 0) return [];
  const rows = await chunked(workspaceIds, (ids) =>
    db
      .selectFrom('scheduled_items')
      .select([
        'workspace_id',
        'kind',
        sql<string>`substr(due_at, 1, 10)`.as('day'),
        (eb) => eb.fn.countAll<string | number>().as('n'),
      ])
      .where('workspace_id', 'in', ids)
      .where('kind', 'in', [...kinds])
      .where('due_at', '<', before)
      .groupBy(['workspace_id', 'kind', sql`substr(due_at, 1, 10)`])
      .execute(),
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Weekly goals, and time and progress logged between `from` and `to`, for these workspaces. */
export async function planFacts(db: Db, workspaceIds: readonly string[], from: string, to: string) {
  const [goals, logs, progress] = await Promise.all([
    chunked(workspaceIds, (ids) =>
      db
        .selectFrom('weekly_goals')
        .select(['workspace_id', 'id', 'kind', 'target', 'unit', 'label', 'week_start', 'created_at'])
        .where('workspace_id', 'in', ids)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    ),
    chunked(workspaceIds, (ids) =>
      db
        .selectFrom('time_logs')
        .select(['workspace_id', 'channel', 'logged_on', 'minutes'])
        .where('workspace_id', 'in', ids)
        .where('logged_on', '>=', from)
        .where('logged_on', '<=', to)
        .execute(),
    ),
    chunked(workspaceIds, (ids) =>
      db
        .selectFrom('goal_progress')
        .select(['workspace_id', 'goal_id', 'done_on', 'amount'])
        .where('workspace_id', 'in', ids)
        .where('done_on', '>=', from)
        .where('done_on', '<=', to)
        .execute(),
    ),
  ]);
  return { goals, logs, progress };
}
