import { type Kysely, type Selectable, sql } from 'kysely';
import type { ShareScope } from '../core/accounts/scopes.ts';
import type { Database } from './schema.ts';
import type { CoachNoteTable, CohortMemberTable, CohortTable, PlanProposalTable } from './sharing-schema.ts';

/**
 * The coach's side of sharing (view log, notes, check-ins) and cohorts. The caseload reads are in
 * caseload-repository.ts.
 */

type Db = Kysely<Database>;
export type CoachNoteRow = Selectable<CoachNoteTable>;
export type ProposalRow = Selectable<PlanProposalTable>;
export type CohortRow = Selectable<CohortTable>;
export type CohortMemberRow = Selectable<CohortMemberTable>;

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
