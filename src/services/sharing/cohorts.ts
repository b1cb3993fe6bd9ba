import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  COHORT_CSV_HEADERS,
  type CohortMemberData,
  cohortInsights,
  cohortInsightsRows,
} from '../../core/sharing/cohort-insights.ts';
import type { CohortInput, CohortMemberInput } from '../../core/sharing/input.ts';
import type {
  CohortInsights,
  CohortInvitationView,
  CohortMemberView,
  CohortView,
} from '../../core/sharing/schemas.ts';
import { toCsv } from '../../io/csv-export.ts';
import { findUserByEmail } from '../../store/accounts-repository.ts';
import { loadInsightSummaries } from '../../store/insights-repository.ts';
import * as repo from '../../store/sharing-repository.ts';
import { listTimeLogs } from '../../store/time-log-repository.ts';
import type { AccountsContext, Principal } from '../accounts/accounts.ts';
import { newId } from '../context.ts';
import { channelLogs } from '../insights/channels.ts';

/**
 * Cohorts: an admin groups seekers and tags them; each membership waits for the seeker's yes, and
 * only members who said yes are counted. Admins and analysts read the aggregates; nobody reads a
 * member's own numbers through a cohort.
 */

function requireAdmin(principal: Principal): void {
  if (principal.user.role !== 'admin') throw new ReboundError('forbidden', 'Only an admin manages cohorts.');
}

function requireAggregateReader(principal: Principal): void {
  if (principal.user.role !== 'admin' && principal.user.role !== 'analyst') {
    throw new ReboundError('forbidden', 'Cohort insights are for admins and analysts.');
  }
}

async function cohortOrThrow(ctx: AccountsContext, id: string): Promise<repo.CohortRow> {
  const cohort = await repo.findCohort(ctx.db, id);
  if (!cohort)
    throw new ReboundError('not_found', `No cohort ${id}.`, [{ path: 'id', message: 'not found' }]);
  return cohort;
}

export async function createCohort(
  ctx: AccountsContext,
  admin: Principal,
  input: CohortInput,
): Promise<CohortView> {
  requireAdmin(admin);
  const row: repo.CohortRow = {
    id: newId(),
    workspace_id: admin.user.workspace_id,
    name: input.name,
    created_by: admin.user.id,
    created_at: ctx.clock.now().toISOString(),
  };
  await repo.insertCohort(ctx.db, row);
  return { id: row.id, name: row.name, createdAt: row.created_at, invited: 0, members: 0 };
}

export async function listCohorts(ctx: AccountsContext, principal: Principal): Promise<CohortView[]> {
  requireAggregateReader(principal);
  return (await repo.listCohorts(ctx.db)).map((c) => ({
    id: c.id,
    name: c.name,
    createdAt: c.created_at,
    invited: c.invited,
    members: c.members,
  }));
}

function presentMember(row: repo.CohortMemberRow, user: { email: string; name: string }): CohortMemberView {
  return {
    id: row.id,
    cohortId: row.cohort_id,
    email: user.email,
    name: user.name,
    tags: JSON.parse(row.tags) as string[],
    status: row.status,
    invitedAt: row.invited_at,
    answeredAt: row.answered_at,
  };
}

/**
 * Invites a seeker (who has an account) into a cohort with tags. A seeker who declined before is
 * asked again; one already in keeps their consent and gets the new tags.
 */
export async function inviteToCohort(
  ctx: AccountsContext,
  admin: Principal,
  cohortId: string,
  input: CohortMemberInput,
): Promise<CohortMemberView> {
  requireAdmin(admin);
  await cohortOrThrow(ctx, cohortId);
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) {
    throw new ReboundError(
      'not_found',
      `email: no account with ${input.email}; invite them to sign up first.`,
      [{ path: 'email', message: 'no account with this address' }],
    );
  }
  if (user.role === 'analyst') {
    throw new ReboundError('invalid_input', 'email: an analyst has no job search to count.', [
      { path: 'email', message: 'is an analyst' },
    ]);
  }
  const now = ctx.clock.now().toISOString();
  const tags = JSON.stringify(input.tags);
  const existing = await repo.findMember(ctx.db, cohortId, user.id);
  if (existing) {
    const ask = existing.status === 'declined';
    await repo.updateMember(ctx.db, existing.id, {
      tags,
      ...(ask ? { status: 'invited' as const, invited_at: now, answered_at: null } : {}),
    });
    return presentMember((await repo.findMember(ctx.db, cohortId, user.id))!, user);
  }
  const row: repo.CohortMemberRow = {
    id: newId(),
    workspace_id: user.workspace_id,
    cohort_id: cohortId,
    user_id: user.id,
    tags,
    status: 'invited',
    invited_at: now,
    answered_at: null,
  };
  await repo.insertMember(ctx.db, row);
  return presentMember(row, user);
}

/** The cohort's members and their answers (admin only). */
export async function listCohortMembers(
  ctx: AccountsContext,
  admin: Principal,
  cohortId: string,
): Promise<CohortMemberView[]> {
  requireAdmin(admin);
  await cohortOrThrow(ctx, cohortId);
  const rows = await repo.listMembers(ctx.db, cohortId);
  return rows.map((r) => presentMember(r, { email: r.email, name: r.name }));
}

export async function listCohortInvitations(
  ctx: AccountsContext,
  seeker: Principal,
): Promise<CohortInvitationView[]> {
  return (await repo.listInvitationsFor(ctx.db, seeker.user.id)).map((r) => ({
    id: r.id,
    cohortId: r.cohort_id,
    cohortName: r.cohort_name,
    invitedByName: r.invited_by_name,
    tags: JSON.parse(r.tags) as string[],
    status: r.status,
    invitedAt: r.invited_at,
  }));
}

/** The seeker's answer; a yes can be taken back later by declining (their numbers stop counting). */
export async function answerCohortInvitation(
  ctx: AccountsContext,
  seeker: Principal,
  id: string,
  answer: 'accepted' | 'declined',
): Promise<CohortInvitationView> {
  const mine = await repo.listInvitationsFor(ctx.db, seeker.user.id);
  const row = mine.find((r) => r.id === id);
  if (!row)
    throw new ReboundError('not_found', `No cohort invitation ${id} for you.`, [
      { path: 'id', message: 'not found' },
    ]);
  if (answer === 'accepted' && row.status === 'accepted') {
    throw new ReboundError('conflict', 'You are already in that cohort.');
  }
  await repo.updateMember(ctx.db, id, { status: answer, answered_at: ctx.clock.now().toISOString() });
  return (await listCohortInvitations(ctx, seeker)).find((r) => r.id === id)!;
}

/** Funnel, channel yields and time to a first interview across consenting members, by tag, small groups suppressed. */
export async function getCohortInsights(
  ctx: AccountsContext,
  principal: Principal,
  cohortId: string,
): Promise<CohortInsights> {
  requireAggregateReader(principal);
  const cohort = await cohortOrThrow(ctx, cohortId);
  const members = await repo.acceptedMembers(ctx.db, cohortId);
  const data: CohortMemberData[] = await Promise.all(
    members.map(async (m) => {
      const [apps, logs] = await Promise.all([
        loadInsightSummaries(ctx.db, m.workspace_id),
        listTimeLogs(ctx.db, m.workspace_id),
      ]);
      return {
        tags: JSON.parse(m.tags) as string[],
        apps,
        timeLogs: channelLogs(logs),
      };
    }),
  );
  return cohortInsights(cohort, data, { today: localDate(ctx.clock.now(), 'UTC') });
}

export async function cohortInsightsCsv(
  ctx: AccountsContext,
  principal: Principal,
  cohortId: string,
): Promise<string> {
  return toCsv(COHORT_CSV_HEADERS, cohortInsightsRows(await getCohortInsights(ctx, principal, cohortId)));
}
