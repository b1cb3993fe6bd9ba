import { type Kysely, type Selectable, sql } from 'kysely';
import type { ShareScope } from '../core/accounts/scopes.ts';
import type { Database } from './schema.ts';
import type { CoachNoteTable, CohortMemberTable, CohortTable, PlanProposalTable } from './sharing-schema.ts';

/**
 * The coach's side of sharing (view log, caseload facts, notes, check-ins) and cohorts. The
 * caseload reads are grouped by workspace over the list of seekers (chunked), so a caseload of
 * hundreds of seekers is a handful of statements, each returning a few rows per seeker.
 */

type Db = Kysely<Database>;
export type CoachNoteRow = Selectable<CoachNoteTable>;
export type ProposalRow = Selectable<PlanProposalTable>;
export type CohortRow = Selectable<CohortTable>;
export type CohortMemberRow = Selectable<CohortMemberTable>;

const CHUNK = 500;

/** Runs `query` over `ids` in chunks (bounded statement size) and concatenates the rows. */
async function chunked<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  if (ids.length === 0) return [];
  const parts: Promise<T[]>[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) parts.push(query(ids.slice(i, i + CHUNK)));
  return (await Promise.all(parts)).flat();
}

// --- the seeker's view log ---

export async function listShareViews(
  db: Db,
  workspaceId: string,
  options: { shareId?: string; limit: number },
): Promise<
  {
    id: string;
    share_id: string;
    coach_email: string;
    viewer_name: string;
    scope: ShareScope;
    what: string;
    viewed_at: string;
  }[]
> {
  let query = db
    .selectFrom('share_views as v')
    .innerJoin('shares as s', 's.id', 'v.share_id')
    .innerJoin('users as u', 'u.id', 'v.viewer_id')
    .select([
      'v.id',
      'v.share_id',
      's.coach_email',
      'u.name as viewer_name',
      'v.scope',
      'v.what',
      'v.viewed_at',
    ])
    .where('v.workspace_id', '=', workspaceId)
    .where('s.workspace_id', '=', workspaceId);
  if (options.shareId !== undefined) query = query.where('v.share_id', '=', options.shareId);
  return query.orderBy('v.viewed_at', 'desc').orderBy('v.id', 'desc').limit(options.limit).execute();
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
        .select(['workspace_id', 'id', 'kind', 'target', 'unit', 'label'])
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

// --- coach notes ---

export async function insertCoachNote(db: Db, row: CoachNoteRow): Promise<void> {
  await db.insertInto('coach_notes').values(row).execute();
}

export async function listCoachNotes(
  db: Db,
  workspaceId: string,
  filter: { coachId: string } | { sharedOnly: true },
): Promise<(CoachNoteRow & { coach_name: string })[]> {
  let query = db
    .selectFrom('coach_notes as n')
    .innerJoin('users as u', 'u.id', 'n.coach_id')
    .selectAll('n')
    .select('u.name as coach_name')
    .where('n.workspace_id', '=', workspaceId);
  query =
    'coachId' in filter
      ? query.where('n.coach_id', '=', filter.coachId)
      : query.where('n.shared_with_seeker', '=', 1);
  return query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').execute();
}

export async function deleteCoachNote(db: Db, coachId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('coach_notes')
    .where('id', '=', id)
    .where('coach_id', '=', coachId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// --- weekly plan check-ins ---

export async function insertProposal(db: Db, row: ProposalRow): Promise<void> {
  await db.insertInto('plan_proposals').values(row).execute();
}

export async function listProposals(
  db: Db,
  workspaceId: string,
  coachId?: string,
): Promise<(ProposalRow & { coach_name: string })[]> {
  let query = db
    .selectFrom('plan_proposals as p')
    .innerJoin('users as u', 'u.id', 'p.coach_id')
    .selectAll('p')
    .select('u.name as coach_name')
    .where('p.workspace_id', '=', workspaceId);
  if (coachId !== undefined) query = query.where('p.coach_id', '=', coachId);
  return query.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').execute();
}

export async function findProposal(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<(ProposalRow & { coach_name: string }) | undefined> {
  return db
    .selectFrom('plan_proposals as p')
    .innerJoin('users as u', 'u.id', 'p.coach_id')
    .selectAll('p')
    .select('u.name as coach_name')
    .where('p.workspace_id', '=', workspaceId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Answers a proposal still open; false when it was already answered (by another request). */
export async function answerProposal(
  db: Db,
  workspaceId: string,
  id: string,
  answer: Pick<ProposalRow, 'status' | 'answer' | 'goal_id' | 'answered_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('plan_proposals')
    .set(answer)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// --- cohorts ---

export async function insertCohort(db: Db, row: CohortRow): Promise<void> {
  await db.insertInto('cohorts').values(row).execute();
}

export async function findCohort(db: Db, id: string): Promise<CohortRow | undefined> {
  return db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCohorts(db: Db): Promise<(CohortRow & { invited: number; members: number })[]> {
  const rows = await db
    .selectFrom('cohorts as c')
    .leftJoin('cohort_members as m', 'm.cohort_id', 'c.id')
    .selectAll('c')
    .select([
      sql<number>`sum(case when m.status = 'invited' then 1 else 0 end)`.as('invited'),
      sql<number>`sum(case when m.status = 'accepted' then 1 else 0 end)`.as('members'),
    ])
    .groupBy(['c.id', 'c.workspace_id', 'c.name', 'c.created_by', 'c.created_at'])
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ ...r, invited: Number(r.invited ?? 0), members: Number(r.members ?? 0) }));
}

export async function findMember(
  db: Db,
  cohortId: string,
  userId: string,
): Promise<CohortMemberRow | undefined> {
  return db
    .selectFrom('cohort_members')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertMember(db: Db, row: CohortMemberRow): Promise<void> {
  await db.insertInto('cohort_members').values(row).execute();
}

export async function updateMember(
  db: Db,
  id: string,
  values: Partial<Pick<CohortMemberRow, 'tags' | 'status' | 'answered_at' | 'invited_at'>>,
): Promise<void> {
  await db.updateTable('cohort_members').set(values).where('id', '=', id).execute();
}

/** A cohort's members with their e-mail and name. */
export async function listMembers(db: Db, cohortId: string) {
  return db
    .selectFrom('cohort_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('m')
    .select(['u.email', 'u.name'])
    .where('m.cohort_id', '=', cohortId)
    .orderBy('u.name')
    .orderBy('m.id')
    .execute();
}

/** A user's cohort invitations (any state), with the cohort and who made it. */
export async function listInvitationsFor(db: Db, userId: string) {
  return db
    .selectFrom('cohort_members as m')
    .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
    .innerJoin('users as u', 'u.id', 'c.created_by')
    .selectAll('m')
    .select(['c.name as cohort_name', 'u.name as invited_by_name'])
    .where('m.user_id', '=', userId)
    .orderBy('m.invited_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

/** The members who said yes: their workspaces and tags. */
export async function acceptedMembers(db: Db, cohortId: string): Promise<CohortMemberRow[]> {
  return db
    .selectFrom('cohort_members')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'accepted')
    .orderBy('id')
    .execute();
}
