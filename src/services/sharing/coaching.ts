import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import type { CoachNoteInput, ProposalAccept, ProposalInput } from '../../core/sharing/input.ts';
import type { CoachNoteView, ProposalView } from '../../core/sharing/schemas.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import * as repo from '../../store/sharing-repository.ts';
import type { AccountsContext, Principal } from '../accounts/accounts.ts';
import { newId, type ServiceContext } from '../context.ts';
import { requireCoachAccess } from './coach-access.ts';
import { addCheckInToPlan } from './plan-link.ts';

/**
 * A coach's notes on a seeker (each private to the coach or shared with the seeker) and weekly
 * plan check-ins (the coach proposes; the seeker accepts, in their own words if they like, or
 * declines). Notes need any share in force; check-ins need the goals scope.
 */

function presentNote(row: repo.CoachNoteRow & { coach_name: string }): CoachNoteView {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    coachName: row.coach_name,
    text: row.text,
    sharedWithSeeker: row.shared_with_seeker === 1,
    createdAt: row.created_at,
  };
}

export async function addCoachNote(
  ctx: AccountsContext,
  coach: Principal,
  workspaceId: string,
  input: CoachNoteInput,
): Promise<CoachNoteView> {
  await requireCoachAccess(ctx, coach, workspaceId);
  const row: repo.CoachNoteRow = {
    id: newId(),
    workspace_id: workspaceId,
    coach_id: coach.user.id,
    text: input.text,
    shared_with_seeker: input.sharedWithSeeker ? 1 : 0,
    created_at: ctx.clock.now().toISOString(),
  };
  await repo.insertCoachNote(ctx.db, row);
  return presentNote({ ...row, coach_name: coach.user.name });
}

/** The caller's own notes on a seeker (another coach's notes never show). */
export async function listCoachNotesOn(
  ctx: AccountsContext,
  coach: Principal,
  workspaceId: string,
): Promise<CoachNoteView[]> {
  await requireCoachAccess(ctx, coach, workspaceId);
  return (await repo.listCoachNotes(ctx.db, workspaceId, { coachId: coach.user.id })).map(presentNote);
}

/** The notes coaches shared with the caller about their own job search; private ones never. */
export async function listNotesSharedWithMe(
  ctx: AccountsContext,
  seeker: Principal,
): Promise<CoachNoteView[]> {
  return (await repo.listCoachNotes(ctx.db, seeker.user.workspace_id, { sharedOnly: true })).map(presentNote);
}

/** Deletes one of the caller's own notes. */
export async function deleteCoachNote(ctx: AccountsContext, coach: Principal, id: string): Promise<void> {
  if (!(await repo.deleteCoachNote(ctx.db, coach.user.id, id))) {
    throw new ReboundError('not_found', `No note ${id} of yours.`, [{ path: 'id', message: 'not found' }]);
  }
}

function presentProposal(row: repo.ProposalRow & { coach_name: string }): ProposalView {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    coachName: row.coach_name,
    text: row.text,
    weekOf: row.week_of,
    status: row.status,
    createdAt: row.created_at,
    answer: row.answer,
    answeredAt: row.answered_at,
    goalId: row.goal_id,
  };
}

export async function proposeCheckIn(
  ctx: AccountsContext,
  coach: Principal,
  workspaceId: string,
  input: ProposalInput,
): Promise<ProposalView> {
  await requireCoachAccess(ctx, coach, workspaceId, 'goals');
  const week = weekOf(input.weekOf);
  if (week.weekEnd < localDate(ctx.clock.now(), 'UTC')) {
    throw new ReboundError('invalid_input', `weekOf: the week of ${week.weekStart} is over.`, [
      { path: 'weekOf', message: 'must be this week or later' },
    ]);
  }
  const row: repo.ProposalRow = {
    id: newId(),
    workspace_id: workspaceId,
    coach_id: coach.user.id,
    text: input.text,
    week_of: week.weekStart,
    status: 'proposed',
    answer: null,
    goal_id: null,
    created_at: ctx.clock.now().toISOString(),
    answered_at: null,
  };
  await repo.insertProposal(ctx.db, row);
  return presentProposal({ ...row, coach_name: coach.user.name });
}

/** The caller's proposals to one seeker, newest first. */
export async function listProposalsTo(
  ctx: AccountsContext,
  coach: Principal,
  workspaceId: string,
): Promise<ProposalView[]> {
  await requireCoachAccess(ctx, coach, workspaceId, 'goals');
  return (await repo.listProposals(ctx.db, workspaceId, coach.user.id)).map(presentProposal);
}

/** Every check-in proposed to the caller, newest first. */
export async function listMyProposals(ctx: AccountsContext, seeker: Principal): Promise<ProposalView[]> {
  return (await repo.listProposals(ctx.db, seeker.user.workspace_id)).map(presentProposal);
}

async function openProposal(ctx: AccountsContext, seeker: Principal, id: string) {
  const row = await repo.findProposal(ctx.db, seeker.user.workspace_id, id);
  if (!row)
    throw new ReboundError('not_found', `No check-in ${id} for you.`, [{ path: 'id', message: 'not found' }]);
  if (row.status !== 'proposed') {
    throw new ReboundError('conflict', `That check-in was already ${row.status}.`, [
      { path: 'id', message: `already ${row.status}` },
    ]);
  }
  return row;
}

/**
 * The seeker accepts a check-in, as proposed or in their own words: it joins their weekly plan
 * (see `addCheckInToPlan`) in the same transaction that records the answer.
 */
export async function acceptCheckIn(
  ctx: AccountsContext,
  seeker: Principal,
  workspace: ServiceContext,
  id: string,
  input: ProposalAccept,
): Promise<ProposalView> {
  const row = await openProposal(ctx, seeker, id);
  const text = input.text ?? row.text;
  const answeredAt = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const goalId = await addCheckInToPlan({ ...workspace, db: trx }, text, row.week_of);
    const done = await repo.answerProposal(trx, seeker.user.workspace_id, id, {
      status: 'accepted',
      answer: text,
      goal_id: goalId,
      answered_at: answeredAt,
    });
    if (!done) throw new ReboundError('conflict', 'That check-in was answered meanwhile.');
  });
  return presentProposal((await repo.findProposal(ctx.db, seeker.user.workspace_id, id))!);
}

export async function declineCheckIn(
  ctx: AccountsContext,
  seeker: Principal,
  id: string,
): Promise<ProposalView> {
  await openProposal(ctx, seeker, id);
  const done = await repo.answerProposal(ctx.db, seeker.user.workspace_id, id, {
    status: 'declined',
    answer: null,
    goal_id: null,
    answered_at: ctx.clock.now().toISOString(),
  });
  if (!done) throw new ReboundError('conflict', 'That check-in was answered meanwhile.');
  return presentProposal((await repo.findProposal(ctx.db, seeker.user.workspace_id, id))!);
}
